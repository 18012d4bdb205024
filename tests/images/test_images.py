"""Responsive images: hero and body images as WebP and JPEG variants with
srcset, sizes, width and height; the hero first, everything else lazy; and
a rebuild that encodes nothing it has encoded before."""

import random
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from clinic.images.body_pictures import local_image
from clinic.images.img_tag import img_with
from clinic.problems import ContentError
from conftest import PRODUCTION_SITEURL
from fixture_site import article, make_content
from PIL import Image
from sitebuilder import build, html_pages, soup

ARTICLE_WITH_IMAGE = article("With a picture") + (
    "\n![A calm waiting room with two armchairs]({static}/images/hero.jpg)\n\nMore text.\n"
)
WIDTHS = {480, 800, 1200}


@pytest.fixture(scope="module")
def image_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("images")
    content = make_content(root / "content", {"pictured": ARTICLE_WITH_IMAGE})
    return root, content


def build_image_site(root, content, output="output"):
    cache = root / "image-cache"
    return build(root / output, content, CLINIC_IMAGE_CACHE=str(cache))


@pytest.fixture(scope="module")
def built(image_site):
    return build_image_site(*image_site)


def picture_sources(picture):
    """{MIME type: {width: url}} for a <picture>'s <source>s."""
    found = {}
    for source in picture.find_all("source"):
        entries = [entry.rsplit(" ", 1) for entry in source["srcset"].split(", ")]
        found[source["type"]] = {int(width[:-1]): url for url, width in entries}
        assert source["sizes"], "every <source> says how wide the image is shown"
    return found


def assert_variants(site, picture):
    sources = picture_sources(picture)
    assert set(sources) == {"image/webp", "image/jpeg"}
    assert picture.find("source")["type"] == "image/webp"  # best first
    for urls in sources.values():
        assert set(urls) == WIDTHS
        for width, url in urls.items():
            path = Path(site) / url.lstrip("/")
            with Image.open(path) as image:
                assert image.width == width, url
    img = picture.img
    assert img["src"] in sources["image/jpeg"].values()  # JPEG fallback
    with Image.open(Path(site) / img["src"].lstrip("/")) as fallback:
        assert (int(img["width"]), int(img["height"])) == fallback.size
    return sources


def test_hero_is_a_responsive_picture_loaded_first(built):
    page = soup(built, "blog/pictured/")
    picture = page.find("figure", class_="article__hero").picture
    assert_variants(built, picture)
    img = picture.img
    assert img["alt"] == "Abstract teal waves"
    assert img["fetchpriority"] == "high"
    assert not img.has_attr("loading")  # eager


def test_body_image_is_a_lazy_responsive_picture(built):
    page = soup(built, "blog/pictured/")
    picture = page.find(class_="prose").picture
    assert picture is not None, "the Markdown image became a <picture>"
    assert_variants(built, picture)
    img = picture.img
    assert img["alt"] == "A calm waiting room with two armchairs"
    assert img["loading"] == "lazy" and img["decoding"] == "async"
    assert not img.has_attr("fetchpriority")


def test_variants_are_smaller_than_the_original(built):
    original = (built / "images" / "hero.jpg").stat().st_size
    variants = list((built / "pictures").rglob("hero.*"))
    assert len(variants) == 6  # 3 widths x 2 formats, shared by the hero and the body
    for variant in variants:
        assert variant.stat().st_size < original, variant


def test_a_replaced_picture_gets_new_addresses(image_site, tmp_path):
    """Resized pictures are cached by hosts for a year (output/headers.py):
    that is safe only because new bytes under the same name get new URLs."""
    root, content = image_site
    before = soup(build_image_site(root, content), "blog/pictured/")
    changed = tmp_path / "content"
    shutil.copytree(content, changed)
    with Image.open(changed / "images" / "hero.jpg") as image:
        image.transpose(Image.Transpose.FLIP_LEFT_RIGHT).save(changed / "images" / "hero.jpg")
    after = soup(build_image_site(root, changed, output=tmp_path / "output"), "blog/pictured/")

    def urls(page):
        pictures = page.find("main").find_all("picture")  # the hero and the body picture
        return {u for p in pictures for urls in picture_sources(p).values() for u in urls.values()}

    old, new = urls(before), urls(after)
    assert len(old) == len(new) == 6
    assert all(url.startswith("/pictures/") for url in old | new)
    assert not old & new


def test_logo_is_a_small_lazy_picture(built):
    picture = soup(built, "").find(class_="site-header__brand").picture
    sources = picture_sources(picture)
    assert set(sources) == {"image/webp", "image/png"}  # PNG keeps its transparency
    assert set(sources["image/png"]) == {40, 80, 120}  # 1x, 2x, 3x screens
    img = picture.img
    assert (img["width"], img["height"], img["alt"]) == ("40", "40", "")
    assert img["loading"] == "lazy" and img["decoding"] == "async"
    logo = built / img["src"].lstrip("/")
    assert logo.stat().st_size * 10 < (built / "images" / "logo.png").stat().st_size


def test_every_other_image_on_real_pages_is_lazy(site):
    """Only an article's hero is eager (and fetched first)."""
    for page_path in ("", "blog/integration-after-a-ketamine-session/", "locations/"):
        page = soup(site, page_path)
        for img in page.find_all("img"):
            if img.find_parent("figure", class_="article__hero"):
                continue
            assert img.get("loading") == "lazy", f"{page_path}: {img}"
            assert img.get("decoding") == "async", f"{page_path}: {img}"
            assert not img.has_attr("fetchpriority"), f"{page_path}: {img}"
        for img in page.find_all("img"):
            assert img.get("width") and img.get("height"), f"{page_path}: {img} would shift"


def test_rebuild_encodes_nothing(tmp_path, monkeypatch):
    """The variants are cached outside the output folder, keyed by the
    image's bytes: a second build copies them and encodes nothing."""
    content = make_content(tmp_path / "content", {"pictured": ARTICLE_WITH_IMAGE})
    build_image_site(tmp_path, content)
    saved = []
    original_save = Image.Image.save

    def counting_save(self, *args, **kwargs):
        saved.append(args[0] if args else kwargs)
        return original_save(self, *args, **kwargs)

    monkeypatch.setattr(Image.Image, "save", counting_save)
    second = build_image_site(tmp_path, content, output="second")
    assert saved == []
    assert_variants(second, soup(second, "blog/pictured/").find(class_="prose").picture)

    # A changed image is a new cache key: its variants are encoded again.
    hero = content / "images" / "hero.jpg"
    with Image.open(hero) as image:
        flipped = image.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    flipped.save(hero)
    saved.clear()
    third = build_image_site(tmp_path, content, output="third")
    assert len(saved) == 6  # 3 widths x 2 formats, once for hero and body alike
    assert_variants(third, soup(third, "blog/pictured/").find(class_="prose").picture)


def test_images_from_other_hosts_are_refused_never_fetched(tmp_path):
    # The content check refuses them (tests/checks/test_html_check.py); the
    # picture step would never fetch one to make variants either.
    url = "https://example.org/chart.png"
    assert local_image(url, {"PATH": str(tmp_path)}) is None
    body = article() + f"\n![Chart]({url})\n"
    content = make_content(tmp_path / "content", {"remote": body})
    with pytest.raises(ContentError, match=f"remote.md:18: image: {url} is a picture on another"):
        build_image_site(tmp_path, content)


def test_a_png_keeps_a_png_fallback(tmp_path):
    body = article(hero_image="logo.png")
    body += "\n![Our logo, a teal circle]({static}/images/logo.png)\n"
    content = make_content(tmp_path / "content", {"diagram": body})
    site = build_image_site(tmp_path, content)
    picture = soup(site, "blog/diagram/").find(class_="prose").picture
    sources = picture_sources(picture)
    assert set(sources) == {"image/webp", "image/png"}  # transparency survives
    assert picture.img["src"].endswith(".png")
    assert picture.img["alt"] == "Our logo, a teal circle"
    hero = soup(site, "blog/diagram/").find("figure", class_="article__hero").picture
    assert set(picture_sources(hero)) == {"image/webp", "image/png"}


def test_production_pages_reference_only_images_that_were_written(production_site):
    """Every srcset entry and src on every deployable page is a file in the output."""
    checked = 0
    for page_path in html_pages(production_site):
        page = soup(production_site, str(page_path.relative_to(production_site)))
        urls = [img["src"] for img in page.find_all("img")]
        for source in page.find_all("source"):
            urls += [entry.rsplit(" ", 1)[0] for entry in source["srcset"].split(", ")]
        for img in page.find_all("img"):
            assert img.get("width") and img.get("height"), f"{page_path}: {img}"
        for url in urls:
            assert url.startswith(PRODUCTION_SITEURL + "/"), url
            path = production_site / url.removeprefix(PRODUCTION_SITEURL + "/")
            assert path.is_file(), f"{page_path} refers to {url}, which was not written"
            checked += 1
    assert checked > 100


# img_tag.py prints a body image's new <img> as BeautifulSoup did, byte for byte.

IMG_TAGS = [
    '<img alt="A calm room" src="/images/x.jpg" />',
    '<img src="/images/x.jpg" alt="It\'s &quot;fine&quot; &amp; <safe>" title="Say "hi"">',
    "<img alt='Say \"hi\"' src=/images/x.jpg ismap>",
    '<IMG SRC="/images/x.jpg" Alt="Upper &eacute; &#8212; case" class="  wide   left ">',
    '<img src="/images/x.jpg" alt="" alt="second wins" data-note="a>b">',
]
IMG_PIECES = ["a", " ", "'", '"', "&", "&amp;", "<", ">", "&#39;", "é", "  ", "&nbsp;"]


def test_img_tags_are_printed_as_beautifulsoup_prints_them():
    rng = random.Random(3)
    tags = IMG_TAGS + [
        '<img alt="{}" title=\'{}\' class="{}" src="/images/x.jpg">'.format(
            *("".join(rng.choice(IMG_PIECES) for _ in range(rng.randrange(8))) for _ in "123")
        )
        for _ in range(500)
    ]
    updates = {"src": "/images/800w/x.jpg", "width": "800", "height": "533", "loading": "lazy"}
    for tag in tags:
        img = BeautifulSoup(tag, "html.parser").img
        img.attrs.update(updates)
        assert img_with(tag, updates) == str(img), tag

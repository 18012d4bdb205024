"""Old addresses keep working: content/redirects.yml -> a redirect page at
each old path and a `_redirects` file; mistakes stop the build."""

import pytest
from clinic.problems import ContentError
from clinic.site import redirects
from clinic.site.urls import OutputMap
from conftest import PRODUCTION_SITEURL
from fixture_site import article, make_content
from sitebuilder import ROOT, html_pages, redirect_pages, redirects_listed, soup, write
from sitebuilder import build as build_site

ARTICLES = sorted((ROOT / "content" / "articles").glob("*.md"))


def read(tmp_path, text):
    path = write(tmp_path / "redirects.yml", text)
    return redirects.read_redirects(path, "redirects.yml")


def messages(problems):
    return [str(p) for p in problems]


# --- Reading the file ------------------------------------------------------


def test_entries_are_read_with_their_lines_and_normalised(tmp_path):
    found, problems = read(
        tmp_path,
        "# comment\n/old-post/: /blog/new-post/\n/older: /treatments/#spravato\n"
        "/wp-content/uploads/a.jpg: /images/a.jpg\n",
    )
    assert problems == []
    assert found == [
        redirects.Redirect("/old-post/", "/blog/new-post/", 2),
        redirects.Redirect("/older/", "/treatments/#spravato", 3),
        redirects.Redirect("/wp-content/uploads/a.jpg", "/images/a.jpg", 4),
    ]


def test_a_missing_or_empty_file_means_no_redirects(tmp_path):
    assert redirects.read_redirects(tmp_path / "none.yml", "none.yml") == ([], [])
    assert read(tmp_path, "# nothing yet\n") == ([], [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/a/: \n", "redirects.yml:1: /a/: has no new address"),
        ("old/: /blog/x/\n", "the old address 'old/' must be a path on this site"),
        ("/a/: https://elsewhere.example/\n", "the new address 'https://elsewhere.example/'"),
        ("/a/: //cdn.example/x\n", "must be a path on this site"),
        ("/a b/: /blog/x/\n", "contains a space"),
        ("/?p=12: /blog/x/\n", "has a ?query"),
        ("/a/#top: /blog/x/\n", "has a #fragment"),
        ("/a/: /blog/../x/\n", "contains a '.' or '..' part"),
        ("/a/: [/blog/x/]\n", "has no new address"),
        ("- /a/\n- /b/\n", "is not a list of `old: new` lines"),
        ("/a/: /b/\n/a: /c/\n", "redirects.yml:2: /a/: is listed twice (also on line 1)"),
        ("/a/: 'unclosed\n", "not valid YAML"),
    ],
)
def test_malformed_entries_are_named_with_their_line(tmp_path, text, expected):
    _, problems = read(tmp_path, text)
    assert any(expected in message for message in messages(problems)), messages(problems)


# --- Checking against the site --------------------------------------------

FILES = OutputMap()
for file in ("index.html", "about/index.html", "blog/new/index.html", "images/a.jpg"):
    FILES.add(file)


def check(*pairs):
    entries = [redirects.Redirect(old, new, line) for line, (old, new) in enumerate(pairs, 1)]
    return messages(redirects.check(entries, FILES, "redirects.yml"))


def test_good_redirects_pass():
    assert check(("/old/", "/blog/new/"), ("/wp-content/a.jpg", "/images/a.jpg")) == []
    assert check(("/old/", "/about/#team"), ("/older/", "/")) == []


def test_a_target_that_is_not_a_page_is_a_problem_with_a_suggestion():
    (message,) = check(("/old/", "/blog/nwe/"))
    assert message.startswith("redirects.yml:1: /old/: points to /blog/nwe/, which is not a page")
    assert "did you mean /blog/new/?" in message


def test_an_old_path_that_is_a_real_page_is_a_problem():
    (message,) = check(("/about/", "/blog/new/"))
    assert "/about/: is the address of a real page of this site" in message
    assert check(("/", "/blog/new/"))


def test_loops_and_chains_are_problems():
    assert "redirects to itself" in check(("/a/", "/a/"))[0]
    loop = check(("/a/", "/b/"), ("/b/", "/a/"))
    assert len(loop) == 2 and all("loops" in m for m in loop)
    (chain,) = check(("/a/", "/b/"), ("/b/", "/blog/new/"))
    assert "/a/: points to /b/, which itself redirects to /blog/new/" in chain
    assert "point it straight at /blog/new/" in chain


# --- Through a build -------------------------------------------------------

GOOD = """\
/old-post/: /blog/ok/
/wp-content/uploads/2024/01/hero.jpg: /images/hero.jpg
/legacy.html: /locations/testville/
"""


def fixture_build(tmp_path, redirects_text, **overrides):
    content = make_content(tmp_path / "content", {"ok": article()})
    write(content / "redirects.yml", redirects_text)
    return build_site(tmp_path / "output", content, **overrides)


def test_a_fixture_site_gets_redirect_pages_and_a_redirects_file(tmp_path):
    site = fixture_build(tmp_path, GOOD, SITEURL=PRODUCTION_SITEURL)
    assert (site / "_redirects").read_text() == (
        "/old-post/ /blog/ok/ 301\n"
        "/old-post /blog/ok/ 301\n"
        "/wp-content/uploads/2024/01/hero.jpg /images/hero.jpg 301\n"
        "/wp-content/uploads/2024/01/hero.jpg/ /images/hero.jpg 301\n"
        "/legacy.html /locations/testville/ 301\n"
        "/legacy.html/ /locations/testville/ 301\n"
    )
    stubs = {p.relative_to(site).as_posix() for p in redirect_pages(site)}
    assert stubs == {
        "old-post/index.html",
        "wp-content/uploads/2024/01/hero.jpg/index.html",
        "legacy.html",
    }
    page = soup(site, "old-post/")
    target = f"{PRODUCTION_SITEURL}/blog/ok/"
    assert page.find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url={target}"
    assert page.find("link", rel="canonical")["href"] == target
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert page.find("main").find("a")["href"] == target
    assert len(page.find_all("h1")) == 1 and page.html["lang"] == "en"
    assert (
        soup(site, "legacy.html")
        .find("link", rel="canonical")["href"]
        .endswith("/locations/testville/")
    )
    # The real pages are untouched, and test helpers tell the two apart.
    assert soup(site, "blog/ok/").find("h1")
    assert site / "blog/ok/index.html" in html_pages(site)
    assert site / "old-post/index.html" not in html_pages(site)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "/blog/ok/: /locations/testville/\n",
            "redirects.yml:1: /blog/ok/: is the address of a real",
        ),
        ("/a/: /b/\n/b/: /a/\n", "redirects.yml:2: /b/: loops"),
        ("/a/: /blog/gone/\n", "redirects.yml:1: /a/: points to /blog/gone/, which is not a page"),
        ("/a/: blog/ok/\n", "redirects.yml:1: /a/: the new address 'blog/ok/' must be a path"),
    ],
)
def test_a_bad_redirect_stops_the_build_and_names_the_line(tmp_path, text, expected):
    with pytest.raises(ContentError) as error:
        fixture_build(tmp_path, text)
    assert expected in str(error.value)
    assert not (tmp_path / "output" / "index.html").exists()


# --- The real site ---------------------------------------------------------


def test_every_old_article_address_redirects_to_its_article(production_site):
    listed = dict(redirects_listed(production_site))
    for source in ARTICLES:
        assert listed[f"/{source.stem}/"] == f"/blog/{source.stem}/", source.stem
    assert any(old.startswith("/wp-content/uploads/") for old in listed)


def test_every_redirect_points_to_a_page_that_exists(production_site):
    listed = redirects_listed(production_site)
    assert len(listed) >= 8
    for (old, new), stub in zip(listed, redirect_pages(production_site), strict=True):
        target = production_site / new.lstrip("/").split("#")[0]
        if new.endswith("/"):
            target = target / "index.html"
        assert target.is_file(), (old, new)
        assert target not in redirect_pages(production_site), (old, new)
        page = soup(production_site, stub.relative_to(production_site).as_posix())
        assert page.find("link", rel="canonical")["href"] == PRODUCTION_SITEURL + new

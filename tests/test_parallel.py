"""A long batch of articles is typogrified in worker processes while Pelican
reads on (plugins/clinic/parallel.py); the site written is byte for byte the
one the inline path writes."""

import concurrent.futures
import concurrent.futures.process

import pytest
from clinic import parallel, typogrify_cache
from clinic.problems import ContentError
from fixture_site import article, make_content
from sitebuilder import build

BODY = (
    '\nShe said "it helps" -- and it isn\'t magic. See [the study](https://example.org/study)'
    " and [our page](/about/).\n\n![A quiet room]({static}/images/hero.jpg)\n"
)
# More distinct bodies than parallel.INLINE: the first inline, the rest in a worker.
ARTICLES = {
    f"article-{number:02}": article(f"Article {number}") + BODY + f"\nPart {number}.\n"
    for number in range(parallel.INLINE + 6)
}


def files_of(site):
    return {
        str(path.relative_to(site)): path.read_bytes()
        for path in sorted(site.rglob("*"))
        # Not the sitemap (it records the build time) nor the content cache.
        if path.is_file() and path.name != "sitemap.xml" and ".cache" not in path.parts
    }


def test_parallel_build_writes_the_inline_site(tmp_path, monkeypatch):
    make_content(tmp_path / "content", ARTICLES)
    submitted = []
    submit = parallel._Batch.submit

    def counting(batch, fragment, siteurl):
        submitted.append(fragment)
        return submit(batch, fragment, siteurl)

    monkeypatch.setattr(parallel._Batch, "submit", counting)
    sites = {}
    for workers in (0, 1):
        monkeypatch.setattr(parallel, "WORKERS", workers)
        typogrify_cache._results.clear()  # every body typogrified afresh
        sites[workers] = build(
            tmp_path / f"out-{workers}",
            tmp_path / "content",
            CLINIC_IMAGE_CACHE=str(tmp_path / "image-cache"),
            LOAD_CONTENT_CACHE=False,
        )
    assert len(submitted) == len(ARTICLES) - parallel.INLINE  # only with a worker
    inline, in_parallel = files_of(sites[0]), files_of(sites[1])
    assert in_parallel.keys() == inline.keys()
    assert [name for name in inline if in_parallel[name] != inline[name]] == []
    page = (sites[1] / "blog" / "article-13" / "index.html").read_text()
    assert 'rel="noopener noreferrer"' in page and "&#8220;" in page and "<picture" in page


def test_content_check_sees_bodies_scanned_in_a_worker(tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "WORKERS", 1)
    articles = dict(ARTICLES)
    last = f"article-{len(ARTICLES) - 1:02}"  # read after INLINE others: deferred
    articles[last] += "\n![](/images/hero.jpg)\n\n[gone](/no-such-page/)\n"
    make_content(tmp_path / "content", articles)
    typogrify_cache._results.clear()
    with pytest.raises(ContentError) as error:
        build(tmp_path / "out", tmp_path / "content", LOAD_CONTENT_CACHE=False)
    message = str(error.value)
    assert f"{last}.md" in message and "has no alt text" in message
    assert "/no-such-page/" in message


def test_a_failed_worker_leaves_the_body_to_the_main_process(tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "WORKERS", 1)

    def broken(batch, fragment, siteurl):
        future = concurrent.futures.Future()
        future.set_exception(concurrent.futures.process.BrokenProcessPool("killed"))
        return future

    monkeypatch.setattr(parallel._Batch, "submit", broken)
    make_content(tmp_path / "content", ARTICLES)
    typogrify_cache._results.clear()
    site = build(tmp_path / "out", tmp_path / "content", LOAD_CONTENT_CACHE=False)
    page = (site / "blog" / "article-13" / "index.html").read_text()
    assert 'rel="noopener noreferrer"' in page and "&#8220;" in page and "<picture" in page

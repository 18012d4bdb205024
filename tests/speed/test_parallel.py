"""A long batch of articles is typogrified in worker processes while Pelican
reads on (plugins/clinic/speed/read/parallel.py); the site written is byte for
byte the one the inline path writes."""

import concurrent.futures
import concurrent.futures.process
import shutil

import pytest
from clinic.problems import ContentError
from clinic.speed.read import body_cache, parallel
from clinic.speed.state import STATE as SPEED
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


def build_with(tmp_path, name, workers, monkeypatch, **settings):
    monkeypatch.setattr(parallel, "WORKERS", workers)
    SPEED.reset()  # as a new process: every article read and typogrified afresh
    return build(
        tmp_path / name,
        tmp_path / "content",
        CLINIC_IMAGE_CACHE=str(tmp_path / "image-cache"),
        **settings,
    )


def count_submissions(monkeypatch):
    submitted = []
    submit = parallel._Batch.submit

    def counting(batch, function, *args):
        submitted.append(function.__name__)
        return submit(batch, function, *args)

    monkeypatch.setattr(parallel._Batch, "submit", counting)
    return submitted


def test_articles_read_ahead_in_workers_make_the_inline_site(tmp_path, monkeypatch):
    """Nothing cached: each article's Markdown and body steps go to a worker."""
    make_content(tmp_path / "content", ARTICLES)
    submitted = count_submissions(monkeypatch)
    inline = build_with(tmp_path, "out-0", 0, monkeypatch, LOAD_CONTENT_CACHE=False)
    assert submitted == []
    in_parallel = build_with(tmp_path, "out-1", 1, monkeypatch, LOAD_CONTENT_CACHE=False)
    assert submitted == ["read_article"] * len(ARTICLES)
    assert_same_site(inline, in_parallel)


def test_bodies_the_reader_cache_holds_are_processed_in_workers(tmp_path, monkeypatch):
    """Markdown cached by Pelican, the body steps not: after the first
    INLINE, the bodies alone go to a worker."""
    make_content(tmp_path / "content", ARTICLES)
    cache = {"CACHE_PATH": str(tmp_path / "cache"), "CACHE_CONTENT": True}
    inline = build_with(tmp_path, "out-0", 0, monkeypatch, LOAD_CONTENT_CACHE=False, **cache)
    shutil.rmtree(tmp_path / "cache" / body_cache.FOLDER)
    submitted = count_submissions(monkeypatch)
    in_parallel = build_with(tmp_path, "out-1", 1, monkeypatch, LOAD_CONTENT_CACHE=True, **cache)
    assert submitted == ["body_steps_for"] * (len(ARTICLES) - parallel.INLINE)
    assert_same_site(inline, in_parallel)


def assert_same_site(inline, in_parallel):
    inline, in_parallel = files_of(inline), files_of(in_parallel)
    assert in_parallel.keys() == inline.keys()
    assert [name for name in inline if in_parallel[name] != inline[name]] == []
    page = in_parallel["blog/article-13/index.html"].decode()
    assert 'rel="noopener noreferrer"' in page and "&#8220;" in page and "<picture" in page


def test_content_check_sees_bodies_scanned_in_a_worker(tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "WORKERS", 1)
    articles = dict(ARTICLES)
    last = f"article-{len(ARTICLES) - 1:02}"  # read after INLINE others: deferred
    articles[last] += "\n![](/images/hero.jpg)\n\n[gone](/no-such-page/)\n"
    make_content(tmp_path / "content", articles)
    SPEED.bodies.clear()
    with pytest.raises(ContentError) as error:
        build(tmp_path / "out", tmp_path / "content", LOAD_CONTENT_CACHE=False)
    message = str(error.value)
    assert f"{last}.md" in message and "has no alt text" in message
    assert "/no-such-page/" in message


def test_a_failed_worker_leaves_the_body_to_the_main_process(tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "WORKERS", 1)

    def broken(batch, function, *args):
        future = concurrent.futures.Future()
        future.set_exception(concurrent.futures.process.BrokenProcessPool("killed"))
        return future

    monkeypatch.setattr(parallel._Batch, "submit", broken)
    make_content(tmp_path / "content", ARTICLES)
    SPEED.bodies.clear()
    site = build(tmp_path / "out", tmp_path / "content", LOAD_CONTENT_CACHE=False)
    page = (site / "blog" / "article-13" / "index.html").read_text()
    assert 'rel="noopener noreferrer"' in page and "&#8220;" in page and "<picture" in page


def test_a_file_a_worker_cannot_read_is_reported_as_the_inline_path_does(tmp_path, monkeypatch):
    make_content(tmp_path / "content", ARTICLES)
    broken = tmp_path / "content" / "articles" / "article-05.md"
    broken.write_bytes(broken.read_bytes().replace(b"Part 5.", b"Caf\xe9."))
    messages = {}
    for workers in (0, 1):
        monkeypatch.setattr(parallel, "WORKERS", workers)
        with pytest.raises(ContentError) as error:
            build(tmp_path / f"out-{workers}", tmp_path / "content", LOAD_CONTENT_CACHE=False)
        messages[workers] = str(error.value)
    assert "article-05.md" in messages[1] and "is not valid UTF-8" in messages[1]
    assert messages[1] == messages[0]

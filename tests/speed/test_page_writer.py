"""Pages rendered in forked workers (plugins/clinic/speed/write/page_writer.py) are the
pages Pelican writes in one process, announced in the same order; a page a
worker cannot render stops the build and names the page."""

import pytest
from clinic.speed import workers
from clinic.speed.write import page_workers, page_writer
from fixture_site import article, make_content
from pelican import signals
from pelican.writers import Writer
from sitebuilder import build

ARTICLES = {f"article-{number:02}": article(f"Article {number}") for number in range(12)}


def files_of(site):
    return {
        str(path.relative_to(site)): path.read_bytes()
        for path in sorted(site.rglob("*"))
        # Not the sitemap's build time nor the content cache.
        if path.is_file() and path.name != "sitemap.xml" and ".cache" not in path.parts
    }


@pytest.fixture
def announced():
    """The files `content_written` was sent for, in order."""
    paths = []

    def record(path, context):
        paths.append(path)

    signals.content_written.connect(record)
    yield paths
    signals.content_written.disconnect(record)


def build_site(tmp_path, name, parallel_min, monkeypatch):
    monkeypatch.setattr(page_writer, "PARALLEL_MIN", parallel_min)
    monkeypatch.setattr(workers, "WORKERS", 2)
    return build(
        tmp_path / name,
        tmp_path / "content",
        CLINIC_IMAGE_CACHE=str(tmp_path / "image-cache"),
        LOAD_CONTENT_CACHE=False,
    )


def test_pages_written_by_workers_are_the_pages_written_in_process(
    tmp_path, monkeypatch, announced
):
    make_content(tmp_path / "content", ARTICLES)
    given_back = []
    monkeypatch.setattr(workers, "give_back_memory", lambda: given_back.append("after workers"))
    in_process = build_site(tmp_path, "one", 10_000, monkeypatch)
    in_process_order = [path.replace("/one/", "/x/") for path in announced]
    assert given_back == []
    announced.clear()
    by_workers = build_site(tmp_path, "two", 0, monkeypatch)
    assert given_back == ["after workers"]  # their transient memory, before Pagefind's
    assert [path.replace("/two/", "/x/") for path in announced] == in_process_order
    assert len(in_process_order) > 30
    one, two = files_of(in_process), files_of(by_workers)
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []
    # pelican-sitemap hears of each page through that signal (the sitemap
    # file itself is not compared: the plugin stops writing it in a process
    # where an earlier build failed, as other tests' builds do).
    assert str(by_workers / "blog" / "article-07" / "index.html") in announced


def test_a_page_a_worker_cannot_render_stops_the_build(tmp_path, monkeypatch):
    make_content(tmp_path / "content", ARTICLES)
    original = Writer.write_file

    def failing(writer, name, *args, **kwargs):
        if name == "blog/article-05/index.html":
            raise ValueError("the template broke here")
        return original(writer, name, *args, **kwargs)

    monkeypatch.setattr(Writer, "write_file", failing)
    with pytest.raises(page_workers.PageWriteError) as error:
        build_site(tmp_path, "out", 0, monkeypatch)
    message = str(error.value)
    assert "blog/article-05/index.html" in message
    assert "ValueError: the template broke here" in message
    assert "-> fix the template or the content named above and rebuild" in message

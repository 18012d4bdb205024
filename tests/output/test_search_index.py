"""Site search on the built site: the header box on every page, the /search/
page and its no-JavaScript fallback, and the Pagefind index written after
the build (read back from its files, no browser needed)."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from clinic.output import pagefind, search_index
from clinic.output.search_index import SearchIndexError
from clinic.output.state import STATE as OUTPUT
from clinic.speed import kept_index
from conftest import PRODUCTION_SITEURL
from fixture_site import article, make_content
from invoke import Context
from pelican import signals
from sitebuilder import ROOT, build, html_pages, pagefind_fragments, soup, text, write
from test_site import ARTICLES, LOCATIONS, front_matter

import tasks
from tasks import LIVERELOAD_SETTINGS, WITH_SEARCH

SEARCH_JS = "/theme/js/search.js"
# Published pages with main content: the only pages the index may hold.
INDEXED_PAGES = {"/about/", "/treatments/", "/privacy/", "/accessibility/", "/newsletter/"}
# Text that appears on every page (header, footer, crisis line, newsletter
# form, article disclaimer and next-reading links): never in the index.
CHROME = [
    "Skip to main content",
    "In crisis or thinking about suicide?",
    "©",
    "Get our monthly newsletter",
    "not medical advice",
    "Related articles",
    "Previous article",
    "min read",
]


# The quick preview (pelicanconf.py) has no index; livereload, serve,
# `invoke build --search` and production do.
SEARCH = {"CLINIC_SEARCH_INDEX": True}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The real content, built with the local settings and the search index,
    as `invoke livereload` and `invoke serve` build it."""
    return build(tmp_path_factory.mktemp("searchable"), **SEARCH)


def page_urls(site):
    return [p.relative_to(site).as_posix().removesuffix("index.html") for p in html_pages(site)]


# --- the index -------------------------------------------------------------


def test_the_build_writes_a_pagefind_index(site):
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text())
    assert list(entry["languages"]) == ["en"]
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert not list((site / "pagefind").glob("pagefind-*ui*")), "unused Pagefind UI deployed"
    fragments = pagefind_fragments(site)
    assert entry["languages"]["en"]["page_count"] == len(fragments)


def test_production_build_has_its_index_too(production_site):
    fragments = pagefind_fragments(production_site)
    assert "/locations/columbus/" in fragments
    page = soup(production_site, "search/")
    assert page.find(id="search")["data-pagefind"] == f"{PRODUCTION_SITEURL}/pagefind/pagefind.js"


def test_only_articles_locations_and_pages_are_indexed(site):
    expected = {f"/blog/{p.stem}/" for p in ARTICLES}
    expected |= {f"/locations/{p.stem}/" for p in LOCATIONS}
    expected |= INDEXED_PAGES
    assert set(pagefind_fragments(site)) == expected


def test_index_holds_titles_and_main_content_only(site):
    fragments = pagefind_fragments(site)
    for source in ARTICLES:
        meta, _ = front_matter(source)
        record = fragments[f"/blog/{source.stem}/"]
        assert record["meta"]["title"].replace("\xa0", " ") == meta["title"]
        assert record["word_count"] > 500
    assert fragments["/locations/columbus/"]["meta"]["title"] == "New Pathways Clinic Columbus"
    for url, record in fragments.items():
        for chrome in CHROME:
            assert chrome not in record["content"], (url, chrome)


def test_drafts_and_scheduled_articles_are_previewed_but_never_indexed(tmp_path):
    content = make_content(
        tmp_path / "content",
        {
            "live": article(title="Live", tags="[Spravato]"),
            "unfinished": article(title="Unfinished", tags="[Spravato]", status="draft"),
            "later": article(title="Later", tags="[Spravato]", date="2099-01-01"),
        },
    )
    site = build(tmp_path / "output", content, **SEARCH)
    assert (site / "drafts/unfinished/index.html").is_file()
    assert (site / "blog/later/index.html").is_file()
    indexed = set(pagefind_fragments(site))
    assert {"/blog/live/", "/locations/testville/"} <= indexed
    assert not {"/blog/later/", "/drafts/unfinished/"} & indexed
    # Nor suggested as related reading before they go live.
    assert soup(site, "blog/live/").find("section", class_="next-reading--related") is None


@pytest.mark.parametrize(
    ("term", "url"),
    [
        ("Spravato", "/blog/what-to-expect-from-spravato-treatment/"),
        ("Columbus", "/locations/columbus/"),
        ("insurance", "/blog/what-to-expect-from-spravato-treatment/"),
    ],
)
def test_index_contains_the_expected_terms(site, term, url):
    content = pagefind_fragments(site)[url]["content"]
    assert term.lower() in content.lower()


# --- the build step ----------------------------------------------------------
# Pages go to a Pagefind service as Pelican writes them (search_index.py);
# these tests hold it to what the Pagefind CLI would make of the same site.


def test_the_index_is_what_the_pagefind_cli_makes_of_the_same_site(site, tmp_path):
    """Same pages, URLs, titles, text and excerpts as one Pagefind CLI run over
    the written site (the way the index used to be built)."""
    from pagefind_bin import get_executable  # noqa: PLC0415

    cli = tmp_path / "cli"
    command = [str(get_executable()), "--site", str(site), "--output-path", str(cli / "pagefind")]
    subprocess.run([*command, "--silent"], check=True)
    assert pagefind_fragments(site) == pagefind_fragments(cli)


HEADER = '<!DOCTYPE html><html lang="en"><head><title>{title}</title></head><body>'


def written_page(output, relative, main):
    return write(output / relative, HEADER.format(title=relative) + main + "</body></html>")


def test_only_pages_with_data_pagefind_body_are_sent_and_indexed(tmp_path):
    index = search_index._BuildIndex(tmp_path)
    try:
        indexed = written_page(tmp_path, "blog/a/index.html", BODY.format(words="lithium"))
        listing = written_page(tmp_path, "blog/index.html", "<main><p>every article</p></main>")
        mention = written_page(tmp_path, "notes.html", "<p>we use data-pagefind-body</p>")
        for page in (indexed, listing, mention):
            index.add(str(page))
        # The listing never reaches Pagefind; the page that only names the
        # attribute does, and Pagefind leaves it out as the CLI would.
        assert sorted(index.pages.values()) == [indexed, mention]
        index.write()
    finally:
        index.service.close()
    fragments = pagefind_fragments(tmp_path)
    assert list(fragments) == ["/blog/a/"]
    assert "lithium" in fragments["/blog/a/"]["content"]


BODY = "<main><article data-pagefind-body><h1>Title</h1><p>About {words}.</p></article></main>"


def test_each_build_has_its_own_service_and_leaves_none_running(tmp_path, monkeypatch):
    """livereload builds again and again in one process."""
    started = record_services(monkeypatch)
    content = make_content(tmp_path / "content", {"first": article(title="First")})
    build(tmp_path / "one", content, **SEARCH)
    write(content / "articles" / "second.md", article(title="Second"))
    site = build(tmp_path / "two", content, **SEARCH)
    assert len(started) == 2 and started[0].pid != started[1].pid
    assert_stopped(started)
    assert {"/blog/first/", "/blog/second/"} <= set(pagefind_fragments(site))


def test_a_build_that_fails_half_way_leaves_no_service_behind(tmp_path, monkeypatch):
    started = record_services(monkeypatch)
    content = make_content(tmp_path / "content", {"live": article(title="Live")})

    def fail_after_the_first_indexed_page(path, context):
        if OUTPUT.index.pages:
            raise RuntimeError("disk full")

    signals.content_written.connect(fail_after_the_first_indexed_page)
    try:
        with pytest.raises(RuntimeError, match="disk full"):
            build(tmp_path / "failed", content, **SEARCH)
    finally:
        signals.content_written.disconnect(fail_after_the_first_indexed_page)
    # Its index is never written; the next build (livereload) stops the
    # service first, and so does Python's exit (the same function, atexit).
    assert started[0].pid in pagefind_children()
    search_index.open_index([SimpleNamespace(output_path=tmp_path / "next", settings=SEARCH)])
    search_index.discard_unfinished()
    assert_stopped(started)
    assert len(started) == 2


@pytest.mark.parametrize("speed", [True, False])
def test_livereload_builds_finish_the_index_in_the_background(tmp_path, monkeypatch, capsys, speed):
    """The build returns once the pages are written; the next build (or
    exit) waits for the index, which then holds the new page. The speed part
    keeps one Pagefind for the session (speed/kept_index.py), stopped at exit."""
    started = record_services(monkeypatch)
    content = make_content(tmp_path / "content", {"first": article(title="First")})
    background = {**LIVERELOAD_SETTINGS, "CACHE_PATH": str(tmp_path / "cache")}
    if not speed:
        background.update(CLINIC_SPEED=False, DELETE_OUTPUT_DIRECTORY=True)
    site = build(tmp_path / "output", content, **background)
    thread = OUTPUT.background
    assert thread is not None, "the index was finished before the build returned"
    write(content / "articles" / "second.md", article(title="Second"))
    build(tmp_path / "output", content, **background)  # waits for the first index
    assert not thread.is_alive()
    search_index.wait_for_background_index()
    assert len(started) == (1 if speed else 2)
    kept_index.close_session()  # what Python runs at exit
    assert_stopped(started)
    assert {"/blog/first/", "/blog/second/"} <= set(pagefind_fragments(site))
    assert capsys.readouterr().out.count("Search index:") == 2


@pytest.mark.parametrize(("settings", "while_writing"), [(SEARCH, 1), (LIVERELOAD_SETTINGS, 0)])
def test_livereload_sends_pages_to_pagefind_once_all_are_written(tmp_path, settings, while_writing):
    """Fed while pages are written, Pagefind takes a core from the page
    writers: livereload's reload would wait for it. Nor does it run then."""
    sent, running = [], []

    def count_sent(path, context):
        index = OUTPUT.index
        sent.append(len(index.pages))
        running.append(index.service is not None)

    content = make_content(tmp_path / "content", {"first": article(title="First")})
    signals.content_written.connect(count_sent)
    try:
        site = build(tmp_path / "output", content, CACHE_PATH=str(tmp_path / "cache"), **settings)
    finally:
        signals.content_written.disconnect(count_sent)
    search_index.wait_for_background_index()
    assert sent and (max(sent) > 0) == while_writing
    assert set(running) == {bool(while_writing)}
    assert "/blog/first/" in pagefind_fragments(site)


def test_the_quick_preview_builds_no_index_and_its_search_page_says_so(tmp_path):
    content = make_content(tmp_path / "content", {"live": article(title="Live")})
    site = build(tmp_path / "output", content, **SEARCH)
    assert (site / "pagefind" / "pagefind-entry.json").is_file()
    build(tmp_path / "output", content)  # pelicanconf.py as it is (`invoke build`)
    # The last build's index would find pages as they were: it goes.
    assert not (site / "pagefind").exists()
    page = soup(site, "search/")
    assert "invoke build --search" in text(page.find(id="search-not-built"))
    assert page.find(id="search") is None  # no box that could only find nothing
    assert page.find_all("script", src=True) == []
    listing = page.find("section", class_="search-page__all")
    assert "/blog/live/" in [link["href"] for link in listing.find_all("a")]


def test_invoke_build_search_and_serve_build_the_index(tmp_path):
    commands = []

    class Recording(Context):
        def run(self, command, **_):
            commands.append(command)

    tasks.build(Recording(), search=True)
    tasks.build(Recording())
    tasks.serve(Recording())
    quick = f"{tasks.PELICAN} content -s pelicanconf.py"
    assert commands[:3] == [f"{quick} {WITH_SEARCH}", quick, f"{quick} {WITH_SEARCH}"]
    assert "--listen" in commands[3]
    content = make_content(tmp_path / "content", {"live": article(title="Live")})
    command = [sys.executable, "-m", "pelican", str(content), "-s", "pelicanconf.py"]
    command += [*WITH_SEARCH.split(), "-o", str(tmp_path / "output")]
    command += ["--cache-path", str(tmp_path / "cache")]
    subprocess.run(command, check=True, cwd=ROOT, capture_output=True)
    assert "/blog/live/" in pagefind_fragments(tmp_path / "output")


def test_a_search_index_setting_that_is_not_true_or_false_stops_the_build(tmp_path):
    content = make_content(tmp_path / "content", {"live": article(title="Live")})
    expected = "CLINIC_SEARCH_INDEX is 'yes', but it must be True or False -> fix it in pelicanconf"
    with pytest.raises(SearchIndexError, match=re.escape(expected)):
        build(tmp_path / "output", content, CLINIC_SEARCH_INDEX="yes")
    assert not list((tmp_path / "output").rglob("*.html"))  # stopped before any page


def test_a_background_index_that_fails_says_so_and_keeps_the_pages(tmp_path, capsys):
    index = search_index._BuildIndex(tmp_path)
    index.add(str(written_page(tmp_path, "blog/a/index.html", BODY.format(words="sleep"))))
    (tmp_path / "pagefind").write_text("a file where the index folder goes")
    search_index._finish_in_background(index)  # as its thread runs it: no exception
    out = capsys.readouterr().out
    assert "SEARCH INDEX FAILED (the pages are up to date, search is not)" in out
    assert f"Could not write the search index to {tmp_path / 'pagefind'}" in out
    assert (tmp_path / "blog" / "a" / "index.html").is_file()


def error_writing(index, page):
    """Send `page`, write the index: the SearchIndexError's message."""
    try:
        index.add(str(page))
        with pytest.raises(SearchIndexError) as error:
            index.write()
    finally:
        index.service.close()
    return str(error.value)


def test_an_error_answered_by_pagefind_stops_the_build_naming_the_page(tmp_path):
    index = search_index._BuildIndex(tmp_path)
    page = written_page(tmp_path, "blog/a/index.html", BODY.format(words="sleep"))
    index.index_id = 7  # an index this service never made: Pagefind answers an error
    message = error_writing(index, page)
    assert f"Pagefind could not index {page}" in message
    assert "Invalid index" in message and "rebuild" in message


def test_an_index_that_cannot_be_written_stops_the_build(tmp_path):
    index = search_index._BuildIndex(tmp_path)
    page = written_page(tmp_path, "blog/a/index.html", BODY.format(words="sleep"))
    (tmp_path / "pagefind").write_text("a file where the index folder goes")
    message = error_writing(index, page)
    assert f"Could not write the search index to {tmp_path / 'pagefind'}" in message
    assert "rebuild" in message


# Speaks Pagefind's protocol for one request (NewIndex), then, given "crash",
# reads one more request and dies the way a Rust panic does; else just exits.
FAKE_SERVICE = """
import base64, json, sys
def read():
    request = sys.stdin.buffer.read(1)
    while not request.endswith(b","):
        request += sys.stdin.buffer.read(1)
    return json.loads(base64.b64decode(request[:-1]))
message = read()
answer = {"message_id": message["message_id"], "payload": {"type": "NewIndex", "index_id": 0}}
sys.stdout.buffer.write(base64.b64encode(json.dumps(answer).encode()) + b",")
sys.stdout.flush()
if sys.argv[1] == "crash":
    read()
    sys.stderr.write("thread 'main' panicked: out of memory")
    sys.exit(101)
sys.exit("killed")
"""


def fake_service(monkeypatch, then):
    command = [sys.executable, "-c", FAKE_SERVICE, then]
    monkeypatch.setattr(search_index, "service_command", lambda: command)


def test_pagefind_crashing_while_indexing_stops_the_build_with_its_output(tmp_path, monkeypatch):
    fake_service(monkeypatch, "crash")
    index = search_index._BuildIndex(tmp_path)
    page = written_page(tmp_path, "blog/a/index.html", BODY.format(words="sleep"))
    message = error_writing(index, page)
    assert f"Pagefind could not index {page}" in message
    assert "exit code 101" in message and "panicked: out of memory" in message
    assert "rebuild" in message


def test_pagefind_gone_mid_build_stops_it_at_the_next_page(tmp_path, monkeypatch):
    fake_service(monkeypatch, "exit")
    index = search_index._BuildIndex(tmp_path)
    index.service._process.wait()
    page = written_page(tmp_path, "blog/a/index.html", BODY.format(words="sleep"))
    with pytest.raises(SearchIndexError) as error:
        index.add(str(page))
    index.service.close()
    message = str(error.value)
    assert f"Pagefind stopped while indexing {page}" in message
    assert "exit code 1" in message and "killed" in message


def test_pagefind_that_stops_answering_stops_the_build_instead_of_hanging(tmp_path, monkeypatch):
    silent = [sys.executable, "-c", "import sys, time; sys.stdin.buffer.read(1); time.sleep(60)"]
    monkeypatch.setattr(search_index, "service_command", lambda: silent)
    monkeypatch.setattr(pagefind, "ANSWER_TIMEOUT", 0.5)
    started = record_services(monkeypatch)
    with pytest.raises(SearchIndexError, match=r"did not answer within 0.5 s"):
        search_index._BuildIndex(tmp_path)
    assert started[0]._process.returncode is not None  # killed and reaped


def test_pagefind_that_cannot_start_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setattr(search_index, "service_command", lambda: [str(tmp_path / "pagefind")])
    with pytest.raises(SearchIndexError, match=r"could not be started.*\n.*pip install"):
        search_index._BuildIndex(tmp_path)


def test_missing_pagefind_binary_says_how_to_install_it(monkeypatch):
    import pagefind_bin  # noqa: PLC0415

    def missing():
        raise FileNotFoundError("no pagefind binary")

    monkeypatch.setattr(pagefind_bin, "get_executable", missing)
    with pytest.raises(SearchIndexError, match=r"pip install -r requirements.txt"):
        search_index.service_command()


def test_a_missing_index_after_pagefind_is_an_error(tmp_path):
    with pytest.raises(SearchIndexError, match=r"pagefind-entry.json is missing"):
        search_index.indexed_page_count(tmp_path)


def record_services(monkeypatch):
    """Every Pagefind service the builds start, in order."""
    started = []

    class Recorded(search_index.PagefindService):
        def __init__(self, command):
            super().__init__(command)
            started.append(self)

    monkeypatch.setattr(search_index, "PagefindService", Recorded)
    return started


def pagefind_children():
    """Process ids of this process's children that are Pagefind."""
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            name, rest = stat.read_text().rsplit(")", 1)
        except OSError:
            continue  # it exited while we looked
        if rest.split()[1] == str(os.getpid()) and name.endswith("(pagefind"):
            children.append(int(stat.parent.name))
    return children


def assert_stopped(services):
    for service in services:
        assert service._process.returncode is not None  # exited and reaped
        assert service._reader is None or not service._reader.is_alive()
    assert OUTPUT.index is None and OUTPUT.background is None
    assert pagefind_children() == []


# --- the pages -------------------------------------------------------------


def test_every_page_has_the_labelled_search_box_in_its_header(site):
    for url in page_urls(site):
        header = soup(site, url).find("header", class_="site-header")
        forms = header.find_all("form", role="search")
        assert len(forms) == 1, url
        form = forms[0]
        assert form["action"] == "/search/" and form["method"] == "get", url
        assert form["aria-label"] == "Site search", url
        field = form.find("input", attrs={"name": "q"})
        assert field["type"] == "search", url
        assert text(form.find("label", attrs={"for": field["id"]})) == "Search the site", url
        assert text(form.find("button", type="submit")) == "Search", url


def test_search_page_has_one_h1_a_labelled_box_and_a_live_status(site):
    page = soup(site, "search/")
    assert [text(h) for h in page.find_all("h1")] == ["Search"]
    assert page.title.string == "Search | New Pathways Clinic"
    search = page.find(id="search")
    form = search.find("form", role="search")
    assert form["aria-label"] == "Search this site"
    field = form.find("input", id="search-q")
    label = form.find("label", attrs={"for": "search-q"})
    assert "visually-hidden" not in (label.get("class") or [])
    assert text(label) == "Search articles, treatments and locations"
    assert search.find(id="search-status")["role"] == "status"
    assert search.find("ol", id="search-results")
    landmark_names = [f["aria-label"] for f in page.find_all("form", role="search")]
    assert len(set(landmark_names)) == len(landmark_names) == 2
    assert field["name"] == "q"


def test_javascript_only_on_the_search_page(site):
    for url in page_urls(site):
        page = soup(site, url)
        sources = [s["src"] for s in page.find_all("script", src=True)]
        inline = [s for s in page.find_all("script", src=False)]
        assert all(s.get("type") == "application/ld+json" for s in inline), url
        assert sources == ([SEARCH_JS] if url == "search/" else []), url
        handlers = [a for tag in page.find_all(True) for a in tag.attrs if a.startswith("on")]
        assert handlers == [], url
    module = soup(site, "search/").find("script", src=SEARCH_JS)
    assert module["type"] == "module"


def test_search_script_is_self_hosted_and_csp_friendly(site):
    script = (site / SEARCH_JS.lstrip("/")).read_text()
    assert script == (ROOT / "theme/static/js/search.js").read_text()
    for forbidden in ("eval(", "new Function", "innerHTML", "outerHTML", "document.write", "http"):
        assert forbidden not in script, forbidden
    assert "root.dataset.pagefind" in script


def test_without_javascript_the_search_page_lists_every_article_by_category(site):
    page = soup(site, "search/")
    assert "need JavaScript" in text(page.find(id="search-no-js"))
    listing = page.find("section", class_="search-page__all")
    assert text(listing.h2) == "All articles by topic"
    found = {}
    for heading in listing.find_all("h3"):
        links = heading.find_next_sibling("ul").find_all("a")
        for link in links:
            found[link["href"]] = text(heading)
    expected = {}
    for source in ARTICLES:
        meta, _ = front_matter(source)
        if meta.get("status") != "draft":
            expected[f"/blog/{source.stem}/"] = meta["category"]
    assert found == expected


def test_search_page_is_kept_out_of_the_sitemap(production_site):
    sitemap = (production_site / "sitemap.xml").read_text()
    assert "/search/" not in sitemap
    assert f"<loc>{PRODUCTION_SITEURL}/blog/" in sitemap


def test_pagefind_reads_the_allocator_settings_it_is_started_with():
    """Pagefind's peak memory at 1,000 articles depends on these
    (output/pagefind.py): a Pagefind built with another allocator would
    ignore them, and the benchmark's memory would quietly grow again."""
    binary = search_index.service_command()[0]
    ((name, value),) = pagefind.ALLOCATOR_ENVIRONMENT.items()

    def complaints(conf):
        environment = {**os.environ, name: conf}
        run = subprocess.run(
            [binary, "--version"], env=environment, capture_output=True, check=True
        )
        return run.stderr.decode()

    assert "Invalid conf pair: no_such_option:1" in complaints("no_such_option:1")
    assert "<jemalloc>" not in complaints(value)


def test_the_service_runs_with_the_allocator_settings():
    service = pagefind.PagefindService(search_index.service_command())
    try:
        environment = Path(f"/proc/{service.pid}/environ").read_bytes().split(b"\0")
    finally:
        service.close()
    ((name, value),) = pagefind.ALLOCATOR_ENVIRONMENT.items()
    assert f"{name}={value}".encode() in environment

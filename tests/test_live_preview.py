"""`invoke livereload`, in-process: its rebuild is called directly and its
pages fetched from its own request handlers on a loopback port. While the
last build failed every page is the error page, naming each problem as the
check prints it; once the build succeeds the pages are back."""

import asyncio
import concurrent.futures
import shutil

from bs4 import BeautifulSoup
from fixture_site import article, make_content
from sitebuilder import ROOT, write
from tornado import httpclient, httpserver, testing, web

from writer_tools.live_preview import LivePreview, web_handlers

THEME_STYLESHEET = ROOT / "theme" / "static" / "css" / "site.css"


def fetch(preview, root, *paths):
    """GET each path from the preview's handlers, served in this process (on
    a thread of its own: Playwright's tests may have left this one an event
    loop)."""

    async def get_all():
        sock, port = testing.bind_unused_port()
        server = httpserver.HTTPServer(web.Application(web_handlers(preview, root)))
        server.add_sockets([sock])
        client = httpclient.AsyncHTTPClient()
        try:
            return [
                await client.fetch(f"http://127.0.0.1:{port}/{path}", raise_error=False)
                for path in paths
            ]
        finally:
            client.close()
            server.stop()
            await server.close_all_connections()

    with concurrent.futures.ThreadPoolExecutor(1) as thread:
        return thread.submit(lambda: asyncio.run(get_all())).result()


def page(response):
    return BeautifulSoup(response.body.decode("utf-8"), "html.parser")


def said(element):
    return " ".join(element.get_text().replace("\xa0", " ").split())


def preview_of(tmp_path, content, **settings):
    overrides = {
        "PATH": str(content),
        "OUTPUT_PATH": str(tmp_path / "output"),
        "CACHE_PATH": str(tmp_path / "cache"),
        "CLINIC_LIVERELOAD": True,
        **settings,
    }
    return LivePreview(ROOT / "pelicanconf.py", overrides, ROOT / "theme")


def test_a_failed_build_shows_on_every_page_until_it_is_fixed(tmp_path):
    content = make_content(
        tmp_path / "content",
        {"ok": article(title="All is well"), "other": article(title="Another one")},
    )
    output = tmp_path / "output"
    preview = preview_of(tmp_path, content)
    preview.rebuild()
    assert preview.failure is None
    (shown,) = fetch(preview, output, "blog/ok/")
    assert shown.code == 200 and said(page(shown).h1) == "All is well"

    good = (content / "articles" / "ok.md").read_text()
    write(content / "articles" / "ok.md", article(title="All is well", category="<b>Treatment"))
    write(content / "articles" / "other.md", article(title="Another one", author="nobody"))
    preview.rebuild()
    told = [str(problem) for problem in preview.failure.problems]
    assert told == [
        "content/articles/ok.md:5: category: '<b>Treatment' is not one of the site's "
        "categories -> did you mean 'Treatments'? use one of: Treatments, Recovery and "
        "integration, Families and caregivers, Community and support",
        "content/articles/other.md:4: author: 'nobody' is not in content/authors.yml -> "
        "use one of: ann-writer, rob-reviewer (or add the person to content/authors.yml)",
    ]
    urls = ["blog/ok/", "blog/other/", "", "blog/ok/index.html", "blog/never-built/"]
    for response in fetch(preview, output, *urls):
        assert response.code == 200, response.effective_url
        assert response.headers["Cache-Control"] == "no-store"
        error = page(response)
        assert said(error.h1) == "This article cannot be shown yet"
        problems = error.find_all(class_="build-error__problem")
        assert [said(p.find(class_="build-error__where")) for p in problems] == [
            "content/articles/ok.md, line 5, category",
            "content/articles/other.md, line 4, author",
        ]
        assert said(problems[0].find(class_="build-error__what")) == (
            "'<b>Treatment' is not one of the site's categories"
        )
        assert said(problems[1].find(class_="build-error__fix")).startswith(
            "To fix: use one of: ann-writer, rob-reviewer"
        )
    assert b"&#39;&lt;b&gt;Treatment&#39;" in response.body  # the writer's text, escaped
    # Without JavaScript the page asks again by itself.
    assert page(response).find("noscript").find("meta")["http-equiv"] == "refresh"
    # Its stylesheet is the theme's; pictures come from the last good build.
    assert page(response).find("link", rel="stylesheet")["href"] == "/theme/css/site.css"
    stylesheet, picture = fetch(preview, output, "theme/css/site.css", "images/hero.jpg")
    assert stylesheet.code == 200 and stylesheet.body == THEME_STYLESHEET.read_bytes()
    assert picture.code == 200 and picture.headers["Content-Type"] == "image/jpeg"

    write(content / "articles" / "ok.md", good)
    write(content / "articles" / "other.md", article(title="Another one"))
    preview.rebuild()
    assert preview.failure is None
    fixed, other = fetch(preview, output, "blog/ok/", "blog/other/")
    assert fixed.code == 200 and said(page(fixed).h1) == "All is well"
    assert other.code == 200 and said(page(other).h1) == "Another one"
    assert b"build-error__problem" not in fixed.body


def test_a_failure_that_is_not_the_content_shows_its_message(tmp_path):
    """Here no build has ever succeeded (the article was never written), and
    the page is still shown, styled."""
    content = make_content(tmp_path / "content", {"ok": article()})
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    (theme / "templates" / "article.html").write_text('{% include "lost.html" %}')
    preview = preview_of(tmp_path, content, THEME=str(theme))
    preview.rebuild()
    assert preview.failure.problems == ()
    assert not (tmp_path / "output" / "blog" / "ok" / "index.html").exists()
    response, stylesheet = fetch(preview, tmp_path / "output", "blog/ok/", "theme/css/site.css")
    assert stylesheet.code == 200 and stylesheet.body == THEME_STYLESHEET.read_bytes()
    error = page(response)
    assert said(error.h1) == "This article cannot be shown yet"
    message = said(error.find(class_="build-error__message"))
    assert message.startswith("TemplateNotFound: ")
    assert "lost.html" in message

"""`invoke livereload`: build the preview, serve it, build again on every
save, and tell the writer in the browser when a build fails.

python-livereload watches the files and reloads every open page after each
build. While the last build failed, every page request (an address ending
in "/", ".html" or with no suffix) is answered with the error page
(error_page.py) instead of the last good page, so the page the writer is
looking at says what to fix; its stylesheet comes from the theme (output/
may have none if no build ever succeeded), pictures and scripts from
output/ as before. The first build that succeeds reloads the pages, and
the site is back. Nothing here touches output/: production builds never
see it.
"""

from pathlib import Path, PurePosixPath

import livereload
from clinic.output.minify import STYLESHEET
from livereload.handlers import StaticFileHandler
from pelican import Pelican
from pelican.settings import DEFAULT_CONFIG, read_settings

from .error_page import BuildFailure, render

PAGE_SUFFIXES = ("", ".html", ".htm")
# Where a preview build puts the stylesheet (not fingerprinted outside production).
STYLESHEET_PATH = f"{DEFAULT_CONFIG['THEME_STATIC_DIR']}/{STYLESHEET}"
HTML, CSS = "text/html; charset=utf-8", "text/css; charset=utf-8"


class LivePreview:
    """The preview's builds and what the last one left: a BuildFailure, or None."""

    def __init__(self, settings_file, overrides, theme):
        self.settings_file = str(settings_file)
        self.overrides = dict(overrides)
        self.theme = Path(theme)
        self.failure = None
        self.error_page = None  # its HTML, rendered once per failed build

    def rebuild(self):
        """One build; the server keeps serving whatever happens."""
        try:
            Pelican(read_settings(self.settings_file, self.overrides)).run()
        except Exception as error:  # any failure: the browser says what it was
            self.failure = BuildFailure.of(error)
            self.error_page = render(self.failure, self.theme, f"/{STYLESHEET_PATH}")
            print(f"\nBUILD FAILED, every page of the preview says what to fix:\n{error}\n")
        else:
            self.failure = self.error_page = None

    def answer(self, path):
        """While the last build failed, (content type, text) for a request of
        `path` (relative to the site root): the error page for any page, the
        theme's stylesheet at its address. Otherwise None: the file in output/."""
        if self.error_page is None:
            return None
        if path == STYLESHEET_PATH:
            return CSS, (self.theme / "static" / STYLESHEET).read_text(encoding="utf-8")
        if PurePosixPath(path).suffix in PAGE_SUFFIXES:
            return HTML, self.error_page
        return None

    def serve(self, host, port, root, watched):
        """Build, then serve `root` and rebuild whenever a `watched` glob changes."""
        self.rebuild()
        server = _Server(self)
        for pattern in watched:
            server.watch(str(pattern), self.rebuild)
        server.serve(host=host, port=port, root=str(root), default_filename="index.html")


class PreviewFileHandler(StaticFileHandler):
    """livereload's file handler, giving LivePreview.answer's answer where
    it has one."""

    def initialize(self, path, default_filename=None, preview=None):
        super().initialize(path, default_filename)
        self.preview = preview
        self.answered = None

    async def get(self, path, include_body=True):
        self.answered = self.preview.answer(path)
        if self.answered is None:
            await super().get(path, include_body)
            return
        content_type, text = self.answered
        # 200, not 503: tornado logs every 5xx as an error, and the terminal
        # has said once already that the build failed. Never cached.
        self.set_header("Content-Type", content_type)
        self.set_header("Cache-Control", "no-store")
        if include_body:
            self.write(text)

    def compute_etag(self):
        # Not a file of output/: there is no version of it to name.
        return None if self.answered is not None else super().compute_etag()


def web_handlers(preview, root):
    """The routes serving the preview's files in `root` (tornado's form)."""
    options = {"path": str(root), "default_filename": "index.html", "preview": preview}
    return [(r"/(.*)", PreviewFileHandler, options)]


class _Server(livereload.Server):
    """livereload's server, routing files through PreviewFileHandler."""

    def __init__(self, preview):
        super().__init__()
        self.preview = preview

    def get_web_handlers(self, script):
        return web_handlers(self.preview, self.root)

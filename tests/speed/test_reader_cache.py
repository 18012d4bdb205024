"""Pelican's reader cache is let go of once saved (speed/read/reader_cache.py):
nothing holds it while the pages are written, and the next build still
reads every unchanged file from the saved copy."""

from clinic.speed.state import STATE as SPEED
from fixture_site import article, make_content
from pelican import signals
from pelican.readers import Readers
from sitebuilder import build

ARTICLES = {"first": article("First"), "second": article("Second")}


def test_the_reader_cache_is_saved_then_let_go_of(tmp_path, monkeypatch):
    make_content(tmp_path / "content", ARTICLES)
    held = {}

    def holding(generators):
        for generator in generators:
            if hasattr(generator, "readers"):
                held[type(generator).__name__] = len(generator.readers._cache)

    signals.all_generators_finalized.connect(holding)
    settings = {"CACHE_PATH": str(tmp_path / "cache"), "CLINIC_IMAGE_CACHE": str(tmp_path / "i")}
    try:
        SPEED.reset()
        build(tmp_path / "one", tmp_path / "content", **settings)
        assert held["ArticlesGenerator"] == 0 and held["PagesGenerator"] == 0
        read = []
        original = Readers.cache_data
        monkeypatch.setattr(
            Readers,
            "cache_data",
            lambda self, path, data: read.append(path) or original(self, path, data),
        )
        SPEED.reset()  # a new process: the cache comes from disk
        build(tmp_path / "two", tmp_path / "content", **settings)
        assert [path for path in read if path.endswith(".md")] == []
    finally:
        signals.all_generators_finalized.disconnect(holding)

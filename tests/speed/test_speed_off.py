"""The speed part only makes the build faster: with it off (CLINIC_SPEED =
False) every file written is the same, byte for byte (the sitemap records
the build time, so it is left out)."""

import sys

import pytest
from clinic.speed.read import parallel
from clinic.speed.write import page_writer
from conftest import PRODUCTION_ENVIRON
from sitebuilder import ROOT, build, run_publish

sys.path.insert(0, str(ROOT / "scripts"))
import bench


def files_of(site):
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file() and not path.name.startswith("sitemap.xml") and ".cache" not in path.parts
    }


def assert_same_files(one, two):
    one, two = files_of(one), files_of(two)
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []
    assert len(one) > 50


@pytest.fixture(scope="module")
def bench_content(tmp_path_factory):
    """The bench corpus at 100 articles: big enough for every speed path."""
    return bench.generate(tmp_path_factory.mktemp("bench") / "content", 100)


def test_the_real_site_in_production_is_the_same_without_the_speed_part(tmp_path):
    runs = {}
    for name, extra in (("on", ()), ("off", ("CLINIC_SPEED=false",))):
        result = run_publish(tmp_path / name, extra_settings=extra, **PRODUCTION_ENVIRON)
        assert result.returncode == 0, result.stdout + result.stderr
        runs[name] = tmp_path / name
    assert_same_files(runs["on"], runs["off"])


def test_the_bench_corpus_in_production_is_the_same_without_the_speed_part(tmp_path, bench_content):
    runs = {}
    for name, extra in (("on", ()), ("off", ("CLINIC_SPEED=false",))):
        result = run_publish(
            tmp_path / name, bench_content, extra_settings=extra, **PRODUCTION_ENVIRON
        )
        assert result.returncode == 0, result.stdout + result.stderr
        runs[name] = tmp_path / name
    assert_same_files(runs["on"], runs["off"])


def test_the_bench_corpus_preview_is_the_same_and_speed_really_ran(
    tmp_path, bench_content, monkeypatch
):
    """In-process, so it can see the speed part at work: articles read in
    workers and pages written by forked workers when on, neither when off."""
    used = []
    submit, write_in_workers = parallel._Batch.submit, page_writer.write_in_workers
    monkeypatch.setattr(
        parallel._Batch, "submit", lambda batch, *a: used.append("read") or submit(batch, *a)
    )
    monkeypatch.setattr(
        page_writer,
        "write_in_workers",
        lambda *a: used.append("write") or write_in_workers(*a),
    )
    sites = {}
    for name, speed in (("on", True), ("off", False)):
        used.clear()
        sites[name] = build(
            tmp_path / name,
            bench_content,
            CLINIC_SPEED=speed,
            CACHE_PATH=str(tmp_path / f"cache-{name}"),
            DELETE_OUTPUT_DIRECTORY=True,
        )
        assert ("read" in used and "write" in used) == speed, (name, set(used))
    assert_same_files(sites["on"], sites["off"])

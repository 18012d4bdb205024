"""The benchmark's generated articles follow our content rules, so `invoke
bench` measures a build that succeeds, not one that stops at the checks."""

import sys

import yaml
from sitebuilder import ROOT, build, soup

sys.path.insert(0, str(ROOT / "scripts"))
import bench


def test_generated_articles_build_with_our_rules(tmp_path):
    content = bench.generate(tmp_path / "content", 3)
    for source in sorted((content / "articles").glob("*.md")):
        front = yaml.safe_load(source.read_text().split("---")[1])
        assert len(front["summary"]) <= 160
        words = len(source.read_text().split("---", 2)[2].split())
        assert 800 <= words <= 1300, f"{source.name}: {words} words"
    site = build(tmp_path / "output", content, CACHE_PATH=str(tmp_path / "cache"))
    page = soup(site, "blog/bench-0001/")
    prose = page.find(class_="prose")
    assert prose.find_all("h2") and prose.find("ul") and prose.find("ol")
    assert prose.picture is not None  # its one image, made responsive
    assert page.find("figure", class_="article__hero").picture is not None


def test_the_bench_times_each_phase_of_a_build(tmp_path):
    content = bench.generate(tmp_path / "content", 3)
    rows = bench.phases(content, tmp_path / "output", tmp_path / "cache")
    assert [description for description, _ in rows] == [text for _, text in bench.PHASES]
    assert all(seconds >= 0 for _, seconds in rows)
    (output,) = tmp_path.glob("output-*")  # each build writes into a new folder
    assert (output / "blog" / "bench-0001" / "index.html").is_file()


def test_a_builds_processor_time_counts_the_processes_it_starts(tmp_path):
    # Workers and Pagefind do much of a build's work in processes of their own.
    child = "import time\nend = time.process_time() + 0.4\nwhile time.process_time() < end: pass"
    parent = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {child!r}])"
    (tmp_path / "page.html").write_text("<p>one</p>")
    seconds, _memory, pages, processor = bench._measure(
        [sys.executable, "-c", parent], {}, tmp_path
    )
    assert pages == 1
    assert 0.4 <= processor <= seconds + 0.1

"""What the build writes for the browser editor: /admin/ with Decap CMS from
the site's own origin and config.yml; kept out of search engines, the
sitemap, the search index and the feeds; the only page allowed to evaluate
code; and a site that builds, saying what is missing, when the editor
cannot start."""

import gzip
import re
import shutil

import pytest
import yaml
from clinic.editor.decap import find_decap
from conftest import PRODUCTION_ENVIRON
from fixture_site import make_content
from sitebuilder import EDITOR, ROOT, all_html_files, build, run_publish, soup

DECAP = ROOT / "node_modules" / "decap-cms"


def header_policies(site):
    """{path pattern: Content-Security-Policy} from the site's _headers file."""
    policies, pattern = {}, None
    for line in (site / "_headers").read_text(encoding="utf-8").splitlines():
        if line.startswith("/"):
            pattern = line.strip()
        elif line.strip().startswith("Content-Security-Policy:"):
            policies[pattern] = line.split(":", 1)[1].strip()
    return policies


def indexed_urls(site):
    """The address of every page in the Pagefind index (gzipped JSON records)."""
    records = (
        gzip.decompress(path.read_bytes()) for path in (site / "pagefind" / "fragment").iterdir()
    )
    return [re.search(rb'"url":"([^"]*)"', record).group(1).decode() for record in records]


def policy_of(site, url):
    return soup(site, url).find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]


def test_the_preview_has_the_editor_its_config_and_decaps_files(site):
    admin = site / EDITOR
    page = soup(site, f"{EDITOR}/")
    assert page.find("link", rel="cms-config-url")["href"] == f"/{EDITOR}/config.yml"
    (script,) = page.find_all("script")
    assert script["src"] == f"/{EDITOR}/decap-cms.js"
    config = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    assert config["backend"]["name"] == "proxy"
    shipped = sorted(path.name for path in admin.iterdir() if path.suffix in (".js", ".wasm"))
    assert shipped == sorted(
        path.name for path in find_decap(DECAP).files() if path.suffix != ".txt"
    )
    assert (admin / "decap-cms.js.LICENSE.txt").is_file()
    assert not list(admin.glob("*.map")) and not (admin / "cms.js").exists()


def test_the_editor_is_never_indexed_listed_or_fed(production_site):
    page = soup(production_site, f"{EDITOR}/")
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert "/admin/" not in (production_site / "sitemap.xml").read_text(encoding="utf-8")
    urls = indexed_urls(production_site)
    assert "/about/" in urls and not [url for url in urls if EDITOR in url]
    for feed in (production_site / "feeds").glob("*.xml"):
        assert "/admin/" not in feed.read_text(encoding="utf-8"), feed


def test_the_published_editor_is_ready_to_sign_in_with_github(production_site):
    page = soup(production_site, f"{EDITOR}/")
    assert page.find("script", src=f"{PRODUCTION_ENVIRON['SITEURL']}/{EDITOR}/decap-cms.js")
    assert (production_site / EDITOR / "decap-cms.js").stat().st_size > 1_000_000
    config = yaml.safe_load((production_site / EDITOR / "config.yml").read_text())
    assert config["backend"]["repo"] == PRODUCTION_ENVIRON["GITHUB_REPOSITORY"]
    assert config["backend"]["base_url"] == PRODUCTION_ENVIRON["EDITOR_AUTH_URL"]
    assert "local_backend" not in config


def test_unsafe_eval_is_on_no_page_but_the_editor(production_site):
    pages = all_html_files(production_site)
    assert len(pages) > 20
    for path in pages:
        url = path.relative_to(production_site).as_posix()
        allowed = url.startswith(f"{EDITOR}/")
        assert ("'unsafe-eval'" in policy_of(production_site, url)) is allowed, url
    policies = header_policies(production_site)
    assert len(policies) > 5
    assert [pattern for pattern, policy in policies.items() if "'unsafe-eval'" in policy] == [
        f"/{EDITOR}/*"
    ]
    assert "frame-ancestors 'none'" in policies[f"/{EDITOR}/*"]


def test_the_editor_page_loads_nothing_from_another_host(production_site):
    page = soup(production_site, f"{EDITOR}/")
    for element in page.find_all(["script", "link", "img"]):
        url = element.get("src") or element.get("href") or ""
        assert url.startswith(PRODUCTION_ENVIRON["SITEURL"] + "/"), element


def test_without_decap_the_site_builds_and_says_how_to_get_the_editor(tmp_path, capsys):
    content = make_content(tmp_path / "content", {})
    site = build(tmp_path / "out", content, CLINIC_EDITOR_DECAP=str(tmp_path / "no-npm-here"))
    printed = capsys.readouterr().out
    assert "Browser editor at /admin/: Decap CMS" in printed
    assert ".venv/bin/invoke tools" in printed
    assert (site / "index.html").is_file()
    page = soup(site, f"{EDITOR}/")
    assert not page.find("script") and not page.find("link", rel="cms-config-url")
    assert "invoke tools" in page.find("main").get_text()
    assert not (site / EDITOR / "decap-cms.js").exists()


def test_a_published_site_without_sign_in_yet_is_built_and_the_editor_says_why(tmp_path):
    environ = {**PRODUCTION_ENVIRON, "GITHUB_REPOSITORY": "", "EDITOR_AUTH_URL": ""}
    result = run_publish(tmp_path / "out", **environ)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Signing in with GitHub is not set up yet" in result.stdout
    assert "which GitHub repository" in result.stdout
    text = soup(tmp_path / "out", f"{EDITOR}/").find("main").get_text(" ")
    assert "Signing in with GitHub is not set up yet" in re.sub(r"\s+", " ", text)


def test_the_editor_can_be_turned_off(tmp_path):
    content = make_content(tmp_path / "content", {})
    site = build(tmp_path / "out", content, CLINIC_EDITOR=False)
    assert (site / "index.html").is_file() and not (site / EDITOR).exists()


def test_a_preview_copies_decap_only_when_it_changed(tmp_path):
    content = make_content(tmp_path / "content", {})
    site = build(tmp_path / "out", content)
    script = site / EDITOR / "decap-cms.js"
    before = script.stat().st_mtime_ns
    build(tmp_path / "out", content)
    assert script.stat().st_mtime_ns == before
    script.write_bytes(b"damaged")
    build(tmp_path / "out", content)
    assert script.read_bytes() == (DECAP / "dist" / "decap-cms.js").read_bytes()


@pytest.mark.parametrize("missing", ["package.json", "dist/decap-cms.js"])
def test_a_half_installed_decap_counts_as_missing(tmp_path, missing):
    package = tmp_path / "decap-cms"
    shutil.copytree(DECAP, package, ignore=shutil.ignore_patterns("*.map", "[0-9]*"))
    (package / missing).unlink()
    assert find_decap(package) is None
    assert find_decap(DECAP).version == "3.16.3"

"""Old addresses keep working: content/redirects.yml maps each old path (the
WordPress site's /<slug>/ and /wp-content/uploads/... files) to its new path.

Every entry becomes a small page at the old path (meta refresh, canonical
link to the new address, a visible link, noindex) for hosts that serve only
files, such as GitHub Pages, and lines in `_redirects` (`/old/ /new 301`,
with and without the trailing slash) for hosts that send real redirects
(Netlify, Cloudflare Pages).

A redirect that points nowhere, hides a real page, or leads to another
redirect is a content problem: the build stops and says which line.
"""

from dataclasses import dataclass
from pathlib import Path

import yaml
from pelican.generators import Generator

from ..body.links import site_path
from ..files import write_if_changed
from ..problems import Problem, closest
from ..settings import with_defaults
from .urls import file_of

STR = "tag:yaml.org,2002:str"
EXAMPLE = "write `/old-address/: /blog/new-address/`, one per line"


@dataclass(frozen=True)
class Redirect:
    old: str  # a site path such as "/my-article/"
    new: str  # a site path, optionally with a #fragment
    line: int


# --- Reading ---------------------------------------------------------------


def read_redirects(path, display_path):
    """The file -> (redirects, problems). A missing file means no redirects."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return [], []
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as error:
        line = error.problem_mark.line + 1 if getattr(error, "problem_mark", None) else 1
        return [], [
            _problem(display_path, line, "file", f"not valid YAML ({error.problem})", EXAMPLE)
        ]
    if root is None:
        return [], []
    if not isinstance(root, yaml.MappingNode):
        return [], [_problem(display_path, 1, "file", "is not a list of `old: new` lines", EXAMPLE)]
    redirects, problems, seen = [], [], {}
    for key, value in root.value:
        line = key.start_mark.line + 1
        entry = _entry(key, value, line)
        if isinstance(entry, tuple):
            problems.append(_problem(display_path, line, *entry))
        elif entry.old in seen:
            problems.append(
                _problem(
                    display_path,
                    line,
                    entry.old,
                    f"is listed twice (also on line {seen[entry.old]})",
                    "keep one entry for each old address",
                )
            )
        else:
            seen[entry.old] = line
            redirects.append(entry)
    return redirects, problems


def _problem(path, line, field, what, fix):
    return Problem(path=path, line=line, field=field, what=what, fix=fix)


def _entry(key, value, line):
    """A Redirect, or (field, what, fix) saying what is wrong with the line."""
    if not (isinstance(key, yaml.ScalarNode) and key.tag == STR):
        return ("old address", "is not a path", EXAMPLE)
    old = key.value.strip()
    if not (isinstance(value, yaml.ScalarNode) and value.tag == STR and value.value.strip()):
        return (old, "has no new address", EXAMPLE)
    new = value.value.strip()
    for path, role in ((old, "old"), (new, "new")):
        what = _malformed(path, allow_fragment=role == "new")
        if what:
            return (old, f"the {role} address '{path}' {what}", EXAMPLE)
    return Redirect(normalise(old), normalise(new), line)


def _malformed(path, allow_fragment):
    """What is wrong with a path as written, or None."""
    parts = path.split("#")[0].split("/")[1:]
    rules = (
        (
            not path.startswith("/") or path.startswith("//"),
            "must be a path on this site starting with one /, such as /blog/my-article/",
        ),
        (any(char.isspace() for char in path), "contains a space (write %20 instead)"),
        (
            any(not char.isprintable() or char == "\\" for char in path),
            "contains a character no web address has",
        ),
        ("?" in path, "has a ?query: static hosts redirect by path only"),
        (
            "#" in path and not allow_fragment,
            "has a #fragment: browsers never send it to the server",
        ),
        (any(part in (".", "..") for part in parts), "contains a '.' or '..' part"),
        ("" in parts[:-1], "contains // (a part with no name)"),
    )
    return next((what for broken, what in rules if broken), None)


def normalise(path):
    """A folder-like path always ends with "/" ("/a" and "/a/" are one page)."""
    path, hash_, fragment = path.partition("#")
    last = path.rsplit("/", 1)[-1]
    if last and "." not in last:
        path += "/"
    return path + hash_ + fragment


# --- Where things are written ---------------------------------------------


def stub_file(old):
    """The output file of the page left at an old path. An old file path
    (/wp-content/uploads/x.jpg) gets a folder of that name with the page in
    it: hosts answer /x.jpg with a redirect to /x.jpg/ when it is a folder,
    whereas an HTML file named x.jpg would be served as a broken image."""
    path = old.lstrip("/")
    if not path or path.endswith("/"):
        return path + "index.html"
    if path.endswith((".html", ".htm")):
        return path
    return path + "/index.html"


def redirect_only_folders(output, settings):
    """Top-level output folders that hold nothing but redirect pages."""
    name = with_defaults(settings)["CLINIC_REDIRECTS_FILE"]
    found, _ = read_redirects(Path(settings["PATH"]) / name, name)
    stubs = {stub_file(r.old) for r in found}
    roots = {stub.split("/")[0] for stub in stubs if "/" in stub}
    return {
        root
        for root in roots
        if all(
            path.relative_to(output).as_posix() in stubs
            for path in (Path(output) / root).rglob("*")
            if path.is_file()
        )
    }


# --- Checking --------------------------------------------------------------


def check(redirects, site_map, display_path):
    """Problems with redirects that parsed: loops, chains, shadowed pages,
    targets that do not exist. `site_map` is the site's OutputMap (urls.py)."""
    by_old = {r.old: r for r in redirects}
    problems = []

    def report(redirect, what, fix):
        problems.append(_problem(display_path, redirect.line, redirect.old, what, fix))

    for redirect in redirects:
        stub = stub_file(redirect.old)
        taken = site_map.taken(stub)
        if stub in site_map:
            report(
                redirect,
                "is the address of a real page of this site: the redirect would replace it",
                "remove this line, or give the page another address",
            )
        elif taken:
            report(
                redirect,
                f"is an address the site keeps for {taken[1]} ({taken[0]})",
                "remove this line: the site's own files and folders cannot be redirected",
            )
        target = redirect.new.split("#")[0]
        if target == redirect.old:
            report(redirect, "redirects to itself", "point it at the page that replaced it")
        elif target in by_old:
            onward = by_old[target].new
            if onward.split("#")[0] == redirect.old:
                report(
                    redirect,
                    f"loops: it points to {target}, which points back here",
                    "point each old address at a real page",
                )
            else:
                report(
                    redirect,
                    f"points to {target}, which itself redirects to {onward}",
                    f"point it straight at {onward}",
                )
        elif file_of(target) not in site_map:
            report(
                redirect,
                f"points to {redirect.new}, which is not a page of this site",
                _near(target, site_map),
            )
    return problems


def _near(target, site_map):
    match = closest(target, site_map.addresses())
    hint = f"did you mean {match}? " if match else ""
    return hint + "use the address the page has in the preview (e.g. /blog/<file name>/)"


# --- Writing ---------------------------------------------------------------


def redirects_file(redirects, site_path=""):
    """Two 301 lines per old address: as written and with its trailing slash
    added or dropped. Cloudflare Pages matches a rule's path exactly, so
    /old-post would otherwise first be sent on to /old-post/ (its page here);
    Netlify takes the two for one rule and uses the first. Under a path
    (SITEURL https://example.org/clinic) both addresses are under it, as
    visitors ask for them."""
    lines = []
    for redirect in redirects:
        old = redirect.old
        other = old.removesuffix("/") if old.endswith("/") else old + "/"
        new = site_path + redirect.new
        lines += [f"{site_path}{path} {new} 301\n" for path in (old, other) if path]
    return "".join(lines)


class RedirectsGenerator(Generator):
    """Reads the redirects file with the content; writes the pages and
    `_redirects` with the output."""

    def generate_context(self):
        # The checks part has read the same file and reported any problem.
        name = with_defaults(self.settings)["CLINIC_REDIRECTS_FILE"]
        self.redirects, _problems = read_redirects(Path(self.path) / name, name)

    def generate_output(self, writer):
        template = self.get_template("redirect")
        siteurl = self.settings["SITEURL"]
        for redirect in self.redirects:
            writer.write_file(
                stub_file(redirect.old),
                template,
                self.context,
                relative_urls=False,
                redirect=redirect,
                target_url=siteurl + redirect.new,
            )
        text = redirects_file(self.redirects, site_path(siteurl))
        write_if_changed(Path(self.output_path) / "_redirects", text.encode("utf-8"))


def get_generators(pelican):
    return RedirectsGenerator

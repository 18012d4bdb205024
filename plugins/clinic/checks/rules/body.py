"""Checks on the text below the front matter: it is not empty, its images
have alt text, and its links to other pages of the site lead somewhere."""

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Pelican's placeholders for links to other content files.
FILE_LINKS = ("{filename}", "|filename|", "{static}", "|static|", "{attach}", "|attach|")


def check_body(source, found, facts):
    """`found`: the ScannedHtml of the body as Markdown made it (body/html_scan.py)."""
    if not source.body.strip():
        return [
            source.problem(
                "body",
                "the file has no text below the front matter",
                "write the page's text after the closing `---` line",
                line=source.body_line,
            )
        ]
    problems = []
    for _line, image in found.images:
        if not (image.get("alt") or "").strip():
            src = image.get("src", "")
            problems.append(
                source.problem(
                    "image",
                    f"{src} has no alt text",
                    "describe the picture inside the brackets: ![A calm waiting room](...)",
                    line=line_of(source, src),
                )
            )
    for _line, _tag, url in found.links:
        what = broken_link(url, source, facts)
        if what:
            problems.append(
                source.problem(
                    "link",
                    what,
                    "fix the address: link to a page of this site as /path/ or "
                    "{filename}../pages/file.md",
                    line=line_of(source, url),
                )
            )
    return problems


def broken_link(url, source, facts):
    """Why a link inside this site leads nowhere, or None (fine, or external)."""
    target, shown = link_target(url, source, facts), unquote(url)
    if target is None:
        return None
    if target.file is not None:
        return None if target.file.exists() else f"{shown} points to a file that does not exist"
    if not target.path.startswith("/"):
        return f"{shown} is a relative address, which breaks when the page moves"
    return None if facts.knows_url(target.path) else f"{shown} is not a page of this site"


@dataclass(frozen=True)
class LinkTarget:
    file: Path | None = None  # a {filename}/{static} link: the file it names
    path: str = ""  # else the address on this site (relative if written so)


def link_target(url, source, facts):
    """Where a link of `source` leads on this site (a LinkTarget), or None:
    another site, mailto:, tel:, a #fragment on this page, or a {category},
    {tag}... that Pelican fills in. {filename}/{static} links name a file,
    relative to this file, or to the content folder when they start with /."""
    url = unquote(url)
    marker = next((m for m in FILE_LINKS if url.startswith(m)), None)
    if marker:
        target = url[len(marker) :].split("#", 1)[0].split("?", 1)[0]
        base = facts.content_root if target.startswith("/") else source.path.parent
        return LinkTarget(file=Path(base) / target.lstrip("/"))
    if url.startswith(("{", "|")):
        return None
    if facts.siteurl and url.startswith(facts.siteurl + "/"):
        url = url[len(facts.siteurl) :]
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    return LinkTarget(path=parts.path)


def line_of(source, text):
    """The file line where `text` first appears in the body."""
    for number, line in enumerate(source.body.splitlines(), start=source.body_line):
        if text and text in line:
            return number
    return source.body_line

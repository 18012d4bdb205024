"""The writers' front-matter reference, generated from the schema so the
docs and the check can never disagree. `invoke docs` writes it to
docs/front-matter.md; a test fails when the file is out of date."""

from ..schema import SCHEMAS, SUMMARY_LIMIT

INTRO = """\
# Front-matter reference

<!-- Generated from plugins/clinic/schema.py by `invoke docs`. Do not edit by hand. -->

Every content file starts with front matter: fields between two `---` lines,
one `name: value` per line. `invoke check` (and every build) checks them
against this list and names the file, the line, the field and the fix.
"""

WHERE = {
    "article": "content/articles/",
    "page": "content/pages/",
    "location": "content/locations/",
}

# The check's messages, in plain words: (message begins with, what it means).
MESSAGES = (
    ("`missing`", "A required field is not there, or is empty. Add it."),
    (
        "`unknown field 'hero-alt'`",
        "A field the site does not know, usually a typo; the message suggests the right name.",
    ),
    ("`'2025-13-40' is not a real date`", "Dates are written YYYY-MM-DD and must exist."),
    (
        "`... is before the publication date`",
        "`modified` must be on or after `date`.",
    ),
    (
        "`'x' is not in content/authors.yml`",
        "`author` and `reviewer` take a key from content/authors.yml, such as `maya-okafor`.",
    ),
    ("`is not one of the site's categories`", "Use one of the categories listed above."),
    (
        "`'Ketamine' is spelt 'ketamine' in other articles`",
        "One tag written two ways would make two tag pages; use the spelling given.",
    ),
    (
        "`is N characters long`",
        f"Summaries are cut by search engines after about {SUMMARY_LIMIT} characters.",
    ),
    ("`images/x.jpg does not exist`", "Put the picture in content/images/ or fix its name."),
    (
        "`the hero image has no alt text` / `image: ... has no alt text`",
        "Every picture needs a short description for people who cannot see it: "
        "`hero_alt:` for the hero, `![description](/images/file.jpg)` in the text.",
    ),
    (
        "`front matter: cannot be read`",
        "The YAML between the `---` lines is broken: often a value with `: ` or `#` that "
        "needs double quotes, or an unclosed `[`.",
    ),
    ("`is not valid UTF-8 text`", "Re-save the file as UTF-8 in your editor."),
    (
        "`makes the same page (...) as ...`",
        "Two files would be published at the same address; rename one or set a `slug:`.",
    ),
    (
        "`is not a page of this site` / `points to a file that does not exist`",
        "A link leads nowhere. Link to pages as `/treatments/` or `{filename}../pages/about.md`.",
    ),
    ("`the file has no text below the front matter`", "Write the text after the second `---`."),
    (
        "`is not a US phone number`, `closes ... before it opens`",
        "Location details: phones as (216) 555-0142, hours as 08:00-18:00 or `closed`.",
    ),
    (
        "`problem(s) in the built site`",
        "Only in the production build: a page as built has a broken link, an image without "
        "alt, no title or no description. The message names the output file and the link.",
    ),
)


def front_matter_reference(categories):
    parts = [INTRO]
    for kind, fields in SCHEMAS.items():
        parts.append(f"\n## {kind.capitalize()}s ({WHERE[kind]})\n\n")
        parts.append("| field | required | what to write | example |\n|---|---|---|---|\n")
        for field in fields:
            example = f"`{field.name}: {field.example}`" if field.example else ""
            required = "yes" if field.required else "no"
            parts.append(f"| `{field.name}` | {required} | {field.help} | {example} |\n")
    parts.append("\n## Categories\n\n")
    parts += [f"- **{name}**: {description}\n" for name, description in categories.items()]
    parts.append("\n## What the check's messages mean\n\n| message | meaning |\n|---|---|\n")
    parts += [f"| {message} | {meaning} |\n" for message, meaning in MESSAGES]
    return "".join(parts)

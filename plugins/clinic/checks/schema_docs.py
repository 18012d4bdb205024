"""The writers' front-matter reference, generated from the schema so the
docs and the check can never disagree. `invoke docs` writes it to
docs/front-matter.md; a test fails when the file is out of date."""

from ..body import allowlist
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
        "`'x' is also the slug of ...`",
        "Every article needs a slug of its own, and so does every page (location pages "
        "included), even when their addresses differ.",
    ),
    (
        "`'...' is also the title of ...` / `is also the summary of ...`",
        "Two pages would look the same in search results and browser tabs, often because an "
        "article was copied as a start. Give the copy its own title and summary.",
    ),
    (
        "`is not a page of this site` / `points to a file that does not exist`",
        "A link leads nowhere. Link to pages as `/treatments/` or `{filename}../pages/about.md`.",
    ),
    ("`the file has no text below the front matter`", "Write the text after the second `---`."),
    (
        "``is the example text `invoke new` wrote``",
        "Replace each example text of a new article (summary, `hero_alt`, the body's lines) "
        "with your own words. The preview lists them above the title; `invoke check` and "
        "publishing stop until none is left.",
    ),
    (
        "`is not a US phone number`, `closes ... before it opens`",
        "Location details: phones as (216) 555-0142, hours as 08:00-18:00 or `closed`.",
    ),
    (
        "`YAML reads yes as true or false, not as text` (or `as a number`, `as a date`)",
        "Without quotes, YAML reads `yes`, `no`, `on`, `off` as true or false, `2026` as a "
        'number and `2026-01-05` as a date. Put the value in double quotes: `title: "Yes"`.',
    ),
    (
        "`'Ketamine, Depression' is text, not a list`",
        "`tags` is a list in square brackets: `tags: [Ketamine, Depression]`. Without them "
        "Pelican would make one tag of the whole line.",
    ),
    (
        "`has no letter or digit to make its web address from`",
        "A tag made only of emoji or punctuation has no address for its tag page: use words.",
    ),
    (
        "`is a path, not the name of a picture in images/`",
        "`hero_image` takes only a file name, such as `first-infusion.jpg`: put the picture "
        "in content/images/ first.",
    ),
    (
        "`is an address the site keeps for ...`",
        "A `slug`, `save_as` or old address in redirects.yml would take an address the site "
        "writes itself: feeds, sitemap.xml, robots.txt, _headers, _redirects, the search index "
        "(pagefind/), the theme's files, pictures and their resized copies (pictures/), tag, "
        "category and author pages. Choose another.",
    ),
    (
        "`is not a template a page may use` / `is not an .html file` / "
        "`is not a file inside the site`",
        "For developers: `template` is `page` or `404`; `save_as` is an .html file inside "
        "the site, such as `404.html`.",
    ),
    (
        "`leads to a draft` / `leads to an article scheduled for ...`",
        "The published site would not have that page yet, so the link would lead nowhere. "
        "Remove the link until the other page is published.",
    ),
    (
        "`is not a plain email address`",
        "A location's `email` is the address alone: anything after it, such as `?bcc=`, "
        "would change the email a visitor sends.",
    ),
    (
        "`content/redirects.yml:N: ... contains // (a part with no name)` / "
        "`contains a '.' or '..' part`",
        "Each old address in content/redirects.yml is a plain path such as `/old-article/`.",
    ),
    (
        "`content/authors.yml:N: maya-okafor: missing name` / `has no credentials or bio yet` "
        "(warning)",
        "Each person in content/authors.yml needs a `name`, and should have `credentials` and "
        "a `bio` (and may have `role`), as text indented below their key. An author brought "
        "over from WordPress starts with a name alone: add the rest soon.",
    ),
    (
        "`environment: SITEURL: ... is not an https:// address`",
        "Checked by `invoke check` when set, and by every production build: `SITEURL` and "
        "`NEWSLETTER_ACTION` must be plain https:// addresses (http:// only for localhost), "
        "without a user name, password, spaces, quotes, `;` or `,`; `NEWSLETTER_PROVIDER` is "
        "buttondown, mailchimp, kit or generic.",
    ),
    (
        "`file: is not a JPEG, PNG, WebP or GIF picture`",
        "content/images/ takes pictures only, told by what is inside the file, not only by its "
        "name: an SVG drawing, a web page or a script there could run code. Save drawings as PNG.",
    ),
    (
        "`file: is a PNG picture, but its name ends in .jpg`",
        "The file's name must match what it is; rename it as the message says.",
    ),
    (
        "`file: ends in .MD, which the site does not read` / `is a .rst file`",
        "Articles and pages are Markdown files ending in `.md` (lower case). The site reads no "
        "other format (reStructuredText, HTML, Word): rewrite them in Markdown.",
    ),
    (
        "`file: is not in any of the content folders` / `a folder the site does not read`",
        "Only content/articles/, pages/, locations/ and images/ are read, plus authors.yml and "
        "redirects.yml. A file anywhere else would never be published: move it.",
    ),
    (
        "`html: <script> is not allowed in the text` / `<noscript> is the part of a tracking code`",
        "Tracking codes (a Facebook pixel, analytics) and scripts are never published: the site "
        "promises its readers no trackers. Remove the whole pasted code.",
    ),
    (
        "`image: ... is a picture on another website` / `is a picture pasted into the text`",
        "A picture from another website tells that website who reads the page, in feed readers "
        "too. Download it (only if the clinic may use it, and note its licence), put it in "
        "content/images/ and write `![what it shows](/images/file.jpg)`.",
    ),
    (
        "`html: <iframe> would show another website inside the page` / `<video> would play a file`",
        "Embedded videos, maps and players are not allowed: link to them instead, such as "
        "`[Watch the video](https://...)`.",
    ),
    (
        "`html: <link> changes how the whole page loads or looks`",
        "`<link>`, `<meta>`, `<base>` and `<style>` would change the whole page (its styles, "
        "where it sends readers); the site's own settings apply to every page.",
    ),
    (
        "`html: <form> would send what readers type to another website`",
        "Forms are not allowed in the text: link to the newsletter page or a location instead.",
    ),
    (
        "`html: <svg> drawings can run code`",
        "Save the drawing as a PNG picture in content/images/.",
    ),
    (
        "`html: ... is not one of the HTML elements the site allows` / `is not an attribute the "
        "site allows` / `runs code`",
        'Only the HTML listed under "HTML in the text" above may be used; write the rest in '
        "Markdown. `on...=` attributes are never allowed.",
    ),
    (
        "`html: style on <td> sets its own look` / `class ... is not one the site uses` / "
        "`ping on <a> tells another website who clicked`",
        "The site's stylesheet sets the look (a table column aligned with `:` in its `---` line "
        "makes a style: use dashes only); remove the attribute.",
    ),
    (
        "`link: javascript:... runs code instead of opening a page` / `is not a web, email or "
        "phone address`",
        "Links lead to web pages (https://), email (mailto:), phone numbers (tel:) or pages of "
        "this site.",
    ),
    (
        "`html: this HTML is broken or incomplete`",
        "A tag opened and never closed, or markup that browsers read differently from the "
        "check. Close every tag, or write that part in Markdown.",
    ),
    (
        "`reading level: reads at grade 9.2, above the site's target of 8` (warning)",
        "The Flesch-Kincaid grade of the text's paragraphs and list items (headings, tables "
        "and code are left out). Patients read best at grade 6-8. The warnings below it name "
        "the longest sentences (`a 31-word sentence`: split it) and the longest words (say the "
        "plainer word given). Above grade 10 the production build stops.",
    ),
    (
        "`promises a cure`, `promises a result`, `claims certainty`, `denies side effects`, "
        "`calls ketamine FDA-approved`, ...",
        "A promise or absolute a clinic must not make, in the title, summary or text; the fix "
        'gives a safer wording. Said in the negative ("KAP is not a cure") it is fine. IV '
        "ketamine is not FDA-approved for depression; Spravato is, for specific uses. To keep "
        "a flagged sentence on purpose, the medical reviewer quotes it under `claims_reviewed:`.",
    ),
    (
        "`claims_reviewed: is accepted only from an article with a medical reviewer` / "
        "`which no flagged sentence contains` (warning)",
        "Only a reviewed article may keep a flagged sentence, and each entry must quote a "
        "flagged sentence exactly (or the part of it with the claim).",
    ),
    (
        "`the alt text '...' does not say what the picture shows` / `starts with what screen "
        "readers already say` / `is a file name` / `repeats the title`",
        'Alt text is read aloud instead of the picture: say what it shows, not "image" or '
        '"picture of", not its file name and not the page\'s title.',
    ),
    (
        "`the link text 'click here' does not say where it leads` / `has no text`",
        "Many readers hear a page's links as a list: each link's words must say where it goes.",
    ),
    (
        "`skips a level` / `is a second main title` / `a heading has no text`",
        "Headings go in order (`##`, then `###`) and never `#` (the title is the page's main "
        "heading): screen-reader users move around a page by them.",
    ),
    (
        "`has never been medically reviewed` / `the medical review of ... was due again on ...` "
        "(warning)",
        "Articles are reviewed every 12 months (CLINIC_REVIEW_MONTHS). A warning only; once "
        "a review is a whole period late, readers see a note that the article is due for one.",
    ),
    (
        "`pelicanconf.py: CLINIC_READING_GRADE_TARGET: ... is not a number`",
        "For developers: the reading-grade target and ceiling are numbers, and "
        "CLINIC_REVIEW_MONTHS a whole number of months (plugins/clinic/settings.py).",
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
    parts.append(html_reference())
    parts.append("\n## What the check's messages mean\n\n| message | meaning |\n|---|---|\n")
    parts += [f"| {message} | {meaning} |\n" for message, meaning in MESSAGES]
    return "".join(parts)


def html_reference():
    """The allowlist (body/allowlist.py) in words."""
    elements = ", ".join(f"`<{tag}>`" for tag in sorted(allowlist.ELEMENTS))
    classes = {tag: ", ".join(sorted(names)) for tag, names in allowlist.CLASSES.items()}
    classes["code"] = "language-..., as a fenced code block's language makes"
    attributes = [f"`{name}` on any of them" for name in allowlist.EVERY_ELEMENT]
    for tag, names in sorted(allowlist.ELEMENTS.items()):
        if names:
            shown = [f"{n} ({classes[tag]})" if n == "class" else n for n in names]
            attributes.append(f"`<{tag}>`: {', '.join(shown)}")
    return (
        "\n## HTML in the text\n\n"
        "Write the text in Markdown. The check accepts what Markdown makes and these HTML "
        "elements, which you may also type where Markdown has no way to say something "
        '(`H<sub>2</sub>O`, `<abbr title="...">FDA</abbr>`); anything else is refused, '
        "and never published.\n\n"
        f"- Elements: {elements}.\n"
        f"- Attributes: {'; '.join(attributes)}.\n"
        "- Links (`href`) may lead to any web page (`https://`), an email address "
        "(`mailto:`), a phone number (`tel:`) or a page of this site. Pictures (`src`) must "
        "be files of this site, in content/images/: nothing loads from another website.\n"
    )

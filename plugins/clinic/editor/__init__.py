"""The editor part: writers publish from the browser, at /admin/.

Decap CMS (npm `decap-cms`, MIT) edits the same Markdown files as everyone
else and saves them through the editorial workflow: Save makes a branch and
a pull request, the pull request runs the same checks as any other, and
merging it publishes. The site serves Decap from its own origin.

    generator.py  writes /admin/: the page (theme/templates/admin.html),
                  config.yml and Decap's files; says what is missing if
                  the editor cannot start in this build
    config.py     config.yml from schema.py, the settings and authors.yml
    widgets.py    each kind of field as a widget, with the check's limits
    decap.py      finds Decap's built files and copies them
    yaml_style.py front matter as Decap writes it: the style content files
                  keep (`invoke tidy`), so an edit in the browser changes
                  only the lines the writer changed
    yaml_text.py  one value in that style: quoting, folding, numbers

Where it saves: GitHub, signed in through a small OAuth helper that lives
in editor-auth/ (a Cloudflare Worker; README, "Browser editor: one-time
setup"); or decap-server on this computer when CLINIC_EDITOR_LOCAL_BACKEND
is set (`invoke editor`, and the browser tests, offline). The page's policy
is the "admin" kind of output/headers.py: only /admin/ may evaluate code.

It may use site/ and the shared modules; no other part uses it. It keeps no
state: the generator has what one build needs.
"""

from pelican import signals

from . import generator


def register():
    signals.get_generators.connect(generator.get_generators)

"""Writes the editor's folder with the rest of the output: the page that
loads Decap CMS (theme/templates/admin.html), config.yml and Decap's files.

The site is built whatever the editor lacks. When Decap is not installed,
or a published site has no repository or sign-in yet, the page says what is
missing and how to get it (and loads nothing), and the build prints the
same line; everything else is published as usual.
"""

from dataclasses import dataclass
from pathlib import Path

from pelican.generators import Generator

from ..files import write_if_changed
from ..settings import with_defaults
from ..site.state import STATE as SITE
from .config import config_yaml, editor_config
from .decap import SCRIPT, copy_decap, find_decap

CONFIG = "config.yml"


@dataclass(frozen=True)
class Missing:
    what: str  # for the writer who opens the editor
    fix: str  # for whoever can fix it

    def __str__(self):
        return f"{self.what} -> {self.fix}"


@dataclass(frozen=True)
class EditorPage:
    """What admin.html gets."""

    config_url: str
    script_url: str
    missing: tuple  # Missing: the editor cannot start while any remains


def missing_pieces(settings, decap):
    """What the editor lacks in this build, each with the fix."""
    found = []
    if decap is None:
        found.append(
            Missing(
                "Decap CMS, the editor's program, is not installed with this copy of the site.",
                "run .venv/bin/invoke tools (it needs npm), then build again",
            )
        )
    if settings["CLINIC_EDITOR_LOCAL_BACKEND"]:
        return tuple(found)  # saves through decap-server: no GitHub needed
    if not settings["CLINIC_EDITOR_REPO"]:
        found.append(
            Missing(
                "The editor does not know which GitHub repository to save to.",
                "set CLINIC_EDITOR_REPO to owner/name (CI sets it from GITHUB_REPOSITORY)",
            )
        )
    if not settings["CLINIC_EDITOR_AUTH_URL"]:
        found.append(
            Missing(
                "Signing in with GitHub is not set up yet.",
                "an administrator follows the README's 'Browser editor: one-time setup'",
            )
        )
    return tuple(found)


class EditorGenerator(Generator):
    """Pelican runs it after the articles and pages, like any generator."""

    def generate_output(self, writer):
        settings = with_defaults(self.settings)
        if not settings["CLINIC_EDITOR"]:
            return
        folder = settings["CLINIC_EDITOR_URL"].strip("/")
        output = Path(self.output_path) / folder
        output.mkdir(parents=True, exist_ok=True)
        decap = find_decap(settings["CLINIC_EDITOR_DECAP"])
        if decap is not None:
            copy_decap(decap, output)
        config = config_yaml(editor_config(settings, SITE.authors))
        write_if_changed(output / CONFIG, config.encode("utf-8"))
        base = f"{settings['SITEURL']}/{folder}"
        page = EditorPage(f"{base}/{CONFIG}", f"{base}/{SCRIPT}", missing_pieces(settings, decap))
        writer.write_file(
            f"{folder}/index.html",
            self.get_template("admin"),
            self.context,
            relative_urls=False,
            editor=page,
        )
        for missing in page.missing:
            print(f"Browser editor at /{folder}/: {missing}")


def get_generators(pelican):
    return EditorGenerator

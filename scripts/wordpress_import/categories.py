"""WordPress categories -> this site's categories, through a small mapping
file the writer keeps (wordpress-map.yml).

The first run writes the file with every category of the export. A category
whose name is exactly a site category's is mapped to it; every other one is
left empty for a person to fill in, and the posts in it wait: an unmapped
category is reported, never guessed.
"""

from pathlib import Path

import yaml

EXPLANATION = """\
# WordPress categories -> this site's categories, for `invoke import-wordpress`.
# Each line is `wordpress-category-slug: Site category`. The site's categories
# are listed in pelicanconf.py (CLINIC_CATEGORIES):
{choices}
# A line left empty means "not decided yet": posts in that category are not
# imported until it is filled in. Run the import again after editing this file.
"""


class MappingError(Exception):
    pass


def load_mapping(path, export_categories, site_categories):
    """{wordpress slug: site category or None}, creating the file on first run
    and adding categories the file does not list yet."""
    path = Path(path)
    mapping = {}
    if path.exists():
        try:
            mapping = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as error:
            raise MappingError(f"{path}: not valid YAML ({error}) -> fix the line named") from error
        if not isinstance(mapping, dict):
            raise MappingError(f"{path}: expected `slug: Category` lines -> see its comments")
    wrong = {k: v for k, v in mapping.items() if v and v not in site_categories}
    if wrong:
        slug, value = next(iter(wrong.items()))
        raise MappingError(
            f"{path}: {slug}: '{value}' is not a site category -> use one of: "
            + ", ".join(site_categories)
        )
    added = False
    for term in export_categories.values():
        if term.slug not in mapping:
            same = next((c for c in site_categories if c.lower() == term.name.lower()), None)
            mapping[term.slug] = same
            added = True
    if added or not path.exists():
        _write(path, mapping, export_categories, site_categories)
    return mapping


def _write(path, mapping, export_categories, site_categories):
    choices = "\n".join(f"#   {name}" for name in site_categories)
    lines = [EXPLANATION.format(choices=choices)]
    for slug, value in mapping.items():
        term = export_categories.get(slug)
        comment = f"  # {term.name}" if term and term.name != value else ""
        line = f"{slug}: {value}" if value else f"{slug}:"
        lines.append(f"{line}{comment}\n")
    path.write_text("".join(lines), encoding="utf-8")

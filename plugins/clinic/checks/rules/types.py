"""The kind of YAML value each field takes. YAML reads a value written
without quotes by its look: `yes` is true, `2026` a number, `2026-01-05` a
date, `a, b` one piece of text. Pelican would then show "True" as a title,
or make one tag "Ketamine, Depression"; so a value of the wrong kind is
refused, with the way to write it, before its content is judged.
"""

from ..sources import YAMLDate

TEXT, NUMBER, LIST, DATE, GROUP = "text", "a number", "a list", "a date", "a group of fields"
# Each schema kind -> the YAML value it takes. `hours` (a group of days) and
# `treatments` (one key or a list) are judged by their own parsers.
EXPECTED = {
    **dict.fromkeys(
        ("text", "summary", "author", "category", "image", "status", "slug", "template"), TEXT
    ),
    **dict.fromkeys(("save_as", "phone", "zip", "email"), TEXT),
    "date": DATE,
    "tags": LIST,
    "latitude": NUMBER,
    "longitude": NUMBER,
}


def yaml_reads(value):
    """What YAML made of a value, in words."""
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return NUMBER
    if isinstance(value, YAMLDate):
        return DATE
    if isinstance(value, list):
        return LIST
    if isinstance(value, dict):
        return GROUP
    return TEXT


def wrong_type(spec, value, source):
    """(what, fix) when `value` is not the kind of value field `spec` takes, or None."""
    expected = EXPECTED.get(spec.kind)
    reads = yaml_reads(value)
    if expected is None or reads == expected or (expected == DATE and reads == TEXT):
        return None
    name = spec.name
    written = source.written_values.get(name) or str(value)
    if expected == TEXT:
        if reads in (LIST, GROUP):
            return "must be plain text, not a list", "write it on one line after the colon"
        return f"YAML reads {written} as {reads}, not as text", (
            f'put it in double quotes: {name}: "{written}"'
        )
    if expected == LIST:
        return _not_a_list(spec, value, written, reads)
    if expected == NUMBER:
        return f"YAML reads {written} as {reads}, not as a number", (
            f"write the number without quotes, e.g. {name}: {spec.example}"
        )
    return f"YAML reads {written} as {reads}, not as a date", (
        "write it as YYYY-MM-DD, e.g. 2026-02-14"
    )


def _not_a_list(spec, value, written, reads):
    if reads == TEXT:
        one = f": Pelican would make it one tag, '{value}'" if "," in value else ""
        what = f"'{value}' is text, not a list{one}"
    else:
        what = f"YAML reads {written} as {reads}, not as a list"
    if reads == TEXT:
        items = value
    else:
        items = written if written and reads != GROUP else spec.example.strip("[]")
    return what, f"write a list in square brackets: {spec.name}: [{items}]"

"""Front matter in the browser editor's style: yaml_style writes what Decap
CMS writes (checked against the `yaml` package Decap uses, value by value),
and every content file is kept in that style, so an edit in the browser
changes only the lines the writer changed."""

import json
import random
import shutil
import subprocess

import pytest
from clinic import schema
from clinic.checks.sources import discover
from clinic.editor import yaml_style
from clinic.settings import with_defaults
from pelican.settings import read_settings
from sitebuilder import ROOT

NODE_MODULES = ROOT / "node_modules"
HELPER = ROOT / "tests" / "editor" / "decap_yaml.cjs"

# Values that take each of the yaml package's paths: plain, single- and
# double-quoted, folded at spaces and (double-quoted) inside words, blocks,
# text that would read as another type, numbers as JavaScript prints them.
TRICKY = [
    "Finding your people: our support groups",
    "What is ketamine-assisted psychotherapy?",
    'The "right" way',
    'It\'s "quoted" both ways',
    "44103",
    "404",
    "08:00-18:00",
    "2026-04-09",
    "yes",
    "No",
    "true",
    "null",
    "~",
    "0o17",
    "1e5",
    ".5",
    "- starts like a list",
    "# starts like a comment",
    "ends with a colon:",
    "has a # inside",
    "  leading spaces",
    "trailing space ",
    "tab\there",
    "bell\x07",
    "line one\nline two",
    "paragraph one\n\nparagraph two\n",
    "trailing newlines\n\n\n",
    "é, naïve, café, 🙂 and 日本語",
    "A plain guide to Spravato nasal spray treatment, from who may be eligible and "
    "insurance approval to a typical session day, side effects and the schedule.",
    "Ketamine: a plain guide to what it is, who it may help, and what a session "
    "day is like for most people",
    "unbroken" * 30,
    "a" * 78,
    "a" * 79,
    "a" * 80,
]
NUMBERS = [41.5036, -84.427, -84.4270, 0.1, 100.0, 5, -0.0, 1e21, 1e-7, 123456789.125, 2.5e-5]


def node():
    if not shutil.which("node"):
        pytest.fail("These tests need Node.js (the browser tests need it too): install nodejs")
    if not (NODE_MODULES / "yaml").is_dir():
        pytest.fail("node_modules/yaml is missing: run .venv/bin/invoke tools (npm ci)")
    return shutil.which("node")


def as_decap(dump=(), load=()):
    """What the yaml package makes of these values and texts."""
    result = subprocess.run(
        [node(), str(HELPER), str(NODE_MODULES)],
        input=json.dumps({"dump": list(dump), "load": list(load)}),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def random_text(rng):
    pieces = [*"abc xyz:#-?'\"\\\n\t{}[],&*!|>%@`é🙂", "   ", "\n\n", "word" * 12]
    return "".join(rng.choice(pieces) for _ in range(rng.choice([1, 4, 12, 40, 90, 170])))


def content_files():
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    return discover(with_defaults(settings))


def order_of(kind):
    return [field.name for field in schema.SCHEMAS[kind]]


# --- Against the yaml package itself -----------------------------------------


def test_values_are_written_as_decap_writes_them():
    cases = [{"title": text} for text in TRICKY]
    cases += [{"latitude": number} for number in NUMBERS]
    cases += [
        {"tags": ["Spravato", "Self-care", "Yes"], "hours": {"monday": "08:00-18:00"}},
        {"tags": [], "hours": {}, "reviewer": None, "flag": True},
        {"deep": [["one"], {"key": "x" * 90}, TRICKY[-4]]},
        {"a_key_long_enough_that_its_value_starts_on_the_next_line_of_yaml": TRICKY[28]},
    ]
    rng = random.Random(17)
    cases += [{"k": random_text(rng), "l": [random_text(rng)]} for _ in range(300)]
    expected = as_decap(dump=cases)["dump"]
    mismatches = [
        (case, want, yaml_style.dump(case))
        for case, want in zip(cases, expected, strict=True)
        if yaml_style.dump(case) != want
    ]
    assert not mismatches, mismatches[:3]


def test_content_front_matter_is_read_as_decap_reads_it():
    fronts = []
    for path, _kind in content_files():
        front, _body = yaml_style.split_file(path.read_text(encoding="utf-8"))
        fronts.append(front)
    assert len(fronts) > 10
    expected = as_decap(load=fronts)["load"]
    assert [yaml_style.load(front) for front in fronts] == expected


# --- The repository's content ----------------------------------------------


def test_every_content_file_is_in_the_editors_style():
    off = []
    for path, kind in content_files():
        text = path.read_text(encoding="utf-8")
        if yaml_style.editor_style(text, order_of(kind)) != text:
            off.append(path.relative_to(ROOT).as_posix())
    assert not off, (
        f"{', '.join(off)}: front matter not written the way the browser editor writes it, "
        "so its next edit there would change lines nobody touched -> run .venv/bin/invoke tidy "
        "(the pre-commit hook does it for you)"
    )


# --- What the style is, in examples ---------------------------------------------


def test_lists_one_item_a_line_text_plain_unless_it_must_be_quoted():
    text = (
        "---\n"
        "tags: [Ketamine, Self-care]\n"
        'title: "Integration after a session"\n'
        "summary: 'Plain words: no quotes needed unless a colon is followed by a space.'\n"
        "---\n\nBody.\n"
    )
    assert yaml_style.editor_style(text, ["title", "summary", "tags"]) == (
        "---\n"
        "title: Integration after a session\n"
        'summary: "Plain words: no quotes needed unless a colon is followed by a space."\n'
        "tags:\n"
        "  - Ketamine\n"
        "  - Self-care\n"
        "---\n\nBody.\n"
    )


def test_long_values_fold_near_80_characters_and_numbers_print_as_javascript():
    summary = (
        "Ketamine infusions, Spravato and support groups in Oakley, on Madison Road, "
        "with free parking and step-free access."
    )
    assert yaml_style.dump({"summary": summary, "longitude": -84.4270, "zip": "45209"}) == (
        "summary: Ketamine infusions, Spravato and support groups in Oakley, on Madison\n"
        "  Road, with free parking and step-free access.\n"
        "longitude: -84.427\n"
        'zip: "45209"\n'
    )


def test_the_body_is_never_touched_and_unreadable_files_are_left_alone():
    body = "\n  Indented: text\n\n- [ ] odd: markdown # here\n"
    assert yaml_style.editor_style(f"---\ntitle: x\n---{body}", ["title"]).endswith(body)
    for broken in ("no front matter\n", "---\ntitle: [unclosed\n---\n", "---\nnot closed\n"):
        assert yaml_style.editor_style(broken, ["title"]) == broken


def test_keys_follow_the_editors_fields_with_unknown_keys_last():
    text = "---\nmystery: 1\nsummary: s\ntitle: t\n---\n"
    assert yaml_style.editor_style(text, ["title", "summary"]) == (
        "---\ntitle: t\nsummary: s\nmystery: 1\n---\n"
    )

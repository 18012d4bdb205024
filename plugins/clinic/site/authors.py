"""The authors list: `content/authors.yml`, keyed by the `author:` value
writers put in front matter. Pelican knows authors only as names, so the
name, credentials and bio live here.

`read_authors` is the one reader: the content check reports its problems
(with their lines), and the build uses its profiles.
"""

import dataclasses
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..problems import Problem, closest, errors


@dataclass(frozen=True)
class AuthorProfile:
    key: str
    name: str
    credentials: str
    role: str
    bio: str

    @property
    def name_with_credentials(self):
        return f"{self.name}, {self.credentials}" if self.credentials else self.name


class AuthorsFileError(Exception):
    pass


# Only the name is needed to publish; credentials and bio may follow (an
# author brought over from WordPress starts with a name alone): until then
# the check warns.
REQUIRED_FIELDS = ("name",)
EXPECTED_FIELDS = ("credentials", "bio")
FIELDS = ("name", "credentials", "role", "bio")
EXAMPLE = (
    "write each person as `maya-okafor:` with `name:`, `credentials:`, `role:` and `bio:` "
    "indented below it"
)
NULL = "tag:yaml.org,2002:null"
UNCLOSED = ("while parsing a flow", "while scanning a quoted")
# What YAML makes of a value written without quotes, when it is not text.
NOT_TEXT = {
    "tag:yaml.org,2002:bool": "true or false",
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:timestamp": "a date",
}


def load_authors(path):
    """{key: AuthorProfile}; a bad file is an AuthorsFileError naming every problem."""
    profiles, problems = read_authors(path, str(path))
    if errors(problems):
        raise AuthorsFileError("\n".join(str(problem) for problem in errors(problems)))
    return profiles


def read_authors(path, display_path):
    """The file -> ({key: AuthorProfile} of every entry, [Problem]). The
    profiles are None when the file cannot be read at all."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [Problem(display_path, "file", "file not found", f"create it: {EXAMPLE}")]
    except UnicodeDecodeError:
        return None, [
            Problem(display_path, "file", "is not valid UTF-8 text", "re-save it as UTF-8")
        ]
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        if str(getattr(error, "context", "")).startswith(UNCLOSED):
            mark = error.context_mark or mark  # where the bracket or quote opened
        what = f"not valid YAML ({getattr(error, 'problem', None) or error})"
        return None, [Problem(display_path, "file", what, EXAMPLE, mark.line + 1 if mark else 1)]
    if root is None:
        return {}, []
    if not isinstance(root, yaml.MappingNode):
        line = root.start_mark.line + 1
        return None, [
            Problem(display_path, "file", "is not a list of `key: details` entries", EXAMPLE, line)
        ]
    profiles, problems, seen = {}, [], {}
    for key_node, entry in root.value:
        line = key_node.start_mark.line + 1
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
        if key in seen:
            what = f"is listed twice (also on line {seen[key]})"
            problems.append(Problem(display_path, key, what, "keep one entry per person", line))
            continue
        seen[key] = line
        fields, entry_problems = _entry_fields(key, entry, line, display_path)
        problems += entry_problems
        # Known even with a problem: `author: <key>` is then not a second one.
        profiles[key] = AuthorProfile(key=key, **{name: fields.get(name, "") for name in FIELDS})
    return profiles, problems


def _entry_fields(key, entry, line, display_path):
    """({field: text}, [Problem]) for one person's entry."""

    def problem(what, fix, at=line):
        return Problem(display_path, key, what, fix, at)

    if not isinstance(entry, yaml.MappingNode):
        return {}, [problem("is not a list of details", EXAMPLE)]
    fields, problems, refused = {}, [], set()
    for name_node, value in entry.value:
        name, at = str(name_node.value), name_node.start_mark.line + 1
        if name not in FIELDS:
            match = closest(name, FIELDS)
            hint = f"did you mean '{match}'? " if match else "remove it, or "
            problems.append(
                problem(f"unknown field '{name}'", f"{hint}use {', '.join(FIELDS)}", at)
            )
            continue
        text, wrong = _text_of(name, value)
        if wrong:
            problems.append(problem(*wrong, at))
            refused.add(name)
        else:
            fields[name] = text
    missing = [name for name in REQUIRED_FIELDS if not fields.get(name) and name not in refused]
    if missing:
        problems.append(problem(f"missing {', '.join(missing)}", "add them to the entry"))
    unfinished = [name for name in EXPECTED_FIELDS if not fields.get(name) and name not in refused]
    if unfinished and not missing:
        what = f"has no {' or '.join(unfinished)} yet"
        fix = "add them, so readers know who wrote the articles"
        problems.append(dataclasses.replace(problem(what, fix), warning=True))
    return fields, problems


def _text_of(name, node):
    """(the field's text, None) or (None, (what, fix))."""
    if not isinstance(node, yaml.ScalarNode):
        return None, (f"{name}: must be text, not a list", "write it on one line")
    if node.tag in NOT_TEXT:
        what = f"{name}: YAML reads {node.value} as {NOT_TEXT[node.tag]}, not as text"
        return None, (what, f'put it in double quotes: {name}: "{node.value}"')
    return ("" if node.tag == NULL else node.value.strip()), None

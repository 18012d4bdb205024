"""Front matter as the browser editor writes it, so content files can be
kept in that style and an edit in the browser changes only what the writer
changed.

Decap CMS reads front matter as YAML 1.2 (the `yaml` package, version 1, in
its "core" schema) and writes every field anew: keys in the order of the
editor's fields (the schema's), lists as one `- item` per line, text plain
unless it must be quoted, long values folded onto lines of about 80
characters, numbers as JavaScript prints them. This module writes the same
bytes from Python: `invoke tidy` puts files in this style, a test keeps them
there, and tests/editor/test_yaml_style.py compares it with the `yaml`
package itself, value by value. The body is never touched.

    text = editor_style(text, ["title", "date", ...])
"""

import yaml

from .yaml_text import core_value, js_length, scalar, string

STEP = "  "  # indentation of nested values and list items


# --- Reading, as Decap reads ------------------------------------------------


def load(text):
    """YAML text -> Python values as Decap sees them (dates stay text)."""
    return _value(yaml.compose(text))


def _value(node):
    if node is None:
        return None
    if isinstance(node, yaml.MappingNode):
        # Keys as written: JavaScript objects have text keys.
        return {
            key.value if isinstance(key, yaml.ScalarNode) else str(_value(key)): _value(value)
            for key, value in node.value
        }
    if isinstance(node, yaml.SequenceNode):
        return [_value(item) for item in node.value]
    return core_value(node.value) if node.style is None else node.value


# --- Writing, as Decap writes -------------------------------------------------


def dump(data):
    """A mapping -> the YAML text Decap writes for it (ending in a newline)."""
    return "\n".join(_pair(key, value, "") for key, value in data.items()) + "\n"


def _pair(key, value, indent):
    inner = indent + STEP
    head = f"{string(str(key), inner, implicit_key=True)}:"
    if isinstance(value, dict | list):
        if not value:
            return f"{head} {'{}' if isinstance(value, dict) else '[]'}"
        return f"{head}\n{inner}" + _collection(value, inner)
    text = scalar(value, inner, indent_at_start=js_length(head) + 1)
    gap = "" if text.startswith("\n") else " "  # a value folded from its first word
    return f"{head}{gap}{text}"


def _collection(value, indent):
    """The items of a non-empty list or mapping; the first line unindented."""
    if isinstance(value, dict):
        return f"\n{indent}".join(_pair(key, item, indent) for key, item in value.items())
    items = []
    for item in value:
        if isinstance(item, dict | list) and item:
            items.append("- " + _collection(item, indent + STEP))
        elif isinstance(item, dict | list):
            items.append("- {}" if isinstance(item, dict) else "- []")
        else:
            items.append("- " + scalar(item, indent + STEP))
    return f"\n{indent}".join(items)


# --- Files ----------------------------------------------------------------


def split_file(text):
    """(front matter YAML, body) of a content file, or None without front matter."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return None
    for number in range(1, len(lines)):
        if lines[number].rstrip() == "---":
            front = "\n".join(lines[1:number])
            return (front + "\n" if front else ""), "\n".join(lines[number + 1 :])
    return None


def editor_style(text, field_order):
    """A content file with its front matter as the editor would write it:
    keys in `field_order` (others after them), values in Decap's style. A
    file whose front matter cannot be read is returned as it is (the content
    check says what is wrong with it)."""
    parts = split_file(text)
    if parts is None:
        return text
    front, body = parts
    try:
        data = load(front)
    except yaml.YAMLError:
        return text
    if not isinstance(data, dict):
        return text
    rank = {name: n for n, name in enumerate(field_order)}
    ordered = dict(sorted(data.items(), key=lambda item: rank.get(str(item[0]), len(rank))))
    return f"---\n{dump(ordered) if ordered else ''}---\n{body}"

"""How one value is written in YAML, exactly as the `yaml` package (version
1, which Decap CMS bundles) writes it: plain text where YAML allows it and
reads it back as the same text, else single or double quotes, or a block for
several lines; long text folded near LINE_WIDTH characters; numbers as
JavaScript prints them. Positions and lengths count as JavaScript counts
them (UTF-16 code units). yaml_style.py puts the values together."""

import json
import math
import re

LINE_WIDTH = 80
MIN_CONTENT_WIDTH = 20
FLOW, QUOTED, BLOCK = "flow", "quoted", "block"

# YAML 1.2 core schema: plain text that reads as something other than a string.
_NULL = re.compile(r"^(?:~|[Nn]ull|NULL)?\Z")
_BOOL = re.compile(r"^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)\Z")
_INT = re.compile(r"^[-+]?[0-9]+\Z")
_OCT = re.compile(r"^0o([0-7]+)\Z")
_HEX = re.compile(r"^0x([0-9a-fA-F]+)\Z")
_INF_NAN = re.compile(r"^(?:[-+]?\.inf|\.nan)\Z", re.IGNORECASE)
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
# Text that cannot stay plain (YAML indicators, ": ", " #", edges that would be lost).
_NOT_PLAIN = re.compile(
    r"^[\n\t ,\[\]{}#&*!|>'\"%@`]|^[?-]\Z|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]\Z"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SHORT_ESCAPES = {"0000": "\\0", "0007": "\\a", "000b": "\\v", "001b": "\\e"}


def _special_float(text):
    if text.lower().endswith("nan"):
        return math.nan
    return -math.inf if text.startswith("-") else math.inf


# In the order the yaml package tries them; text that matches none is a string.
_CORE_TYPES = (
    (_NULL, lambda text: None),
    (_BOOL, lambda text: text[0] in "tT"),
    (_OCT, lambda text: int(text[2:], 8)),
    (_INT, int),
    (_HEX, lambda text: int(text[2:], 16)),
    (_INF_NAN, _special_float),
    (_FLOAT, float),
)


def core_value(text):
    """A plain scalar's value under YAML 1.2's core schema."""
    for pattern, convert in _CORE_TYPES:
        if pattern.match(text):
            return convert(text)
    return text


def scalar(value, indent, indent_at_start=None):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return js_number(value)
    return string(str(value), indent, indent_at_start=indent_at_start)


def js_number(value):
    """A number as JavaScript's JSON.stringify prints it (YAML's .nan, .inf aside)."""
    if isinstance(value, int):
        return str(value)
    if math.isnan(value) or math.isinf(value):
        return ".nan" if math.isnan(value) else ".inf" if value > 0 else "-.inf"
    if value == 0:
        return "0"
    digits, exponent = _shortest_digits(value)
    sign = "-" if value < 0 else ""
    point = exponent + 1  # digits before the decimal point
    if 0 < point <= 21:
        whole, fraction = digits[:point].ljust(point, "0"), digits[point:]
        return sign + whole + (f".{fraction}" if fraction else "")
    if -6 < point <= 0:
        return f"{sign}0.{'0' * -point}{digits}"
    mantissa = digits[0] + (f".{digits[1:]}" if len(digits) > 1 else "")
    return f"{sign}{mantissa}e{'+' if exponent > 0 else '-'}{abs(exponent)}"


def _shortest_digits(value):
    """(significant digits, power of ten of the first) of the shortest text
    that reads back as `value` (Python's repr and JavaScript agree on it)."""
    mantissa, _, power = repr(abs(value)).partition("e")
    whole, _, fraction = mantissa.partition(".")
    digits = whole + fraction
    significant = digits.lstrip("0")
    exponent = int(power or 0) + len(whole) - 1 - (len(digits) - len(significant))
    return significant.rstrip("0") or "0", exponent


def string(value, indent, implicit_key=False, indent_at_start=None):
    if _CONTROL.search(value):
        return _double_quoted(value, indent, implicit_key, indent_at_start)
    return _plain(value, indent, implicit_key, indent_at_start)


def _plain(value, indent, implicit_key, indent_at_start):
    """Plain text where YAML allows it and reads it back as the same text;
    quoted, or a block for several lines, where it does not."""
    quoted = implicit_key and re.search(r"[\n\[\]{},]", value)
    if not quoted and (not value or _NOT_PLAIN.search(value)):
        if not implicit_key and "\n" in value:
            return _block(value, indent, indent_at_start)
        if '"' in value and "'" not in value:
            return _single_quoted(value, indent, implicit_key, indent_at_start)
        quoted = True
    elif not implicit_key and "\n" in value:
        return _block(value, indent, indent_at_start)
    if quoted or not isinstance(core_value(value), str):
        return _double_quoted(value, indent, implicit_key, indent_at_start)
    return value if implicit_key else fold(value, indent, FLOW, indent_at_start)


def _single_quoted(value, indent, implicit_key, indent_at_start):
    breaks = r"\n" if implicit_key else r"[ \t]\n|\n[ \t]"  # single quotes cannot keep them
    if re.search(breaks, value):
        return _double_quoted(value, indent, implicit_key, indent_at_start)
    quoted = (
        "'" + re.sub(r"\n+", lambda m: f"{m.group()}\n{indent}", value.replace("'", "''")) + "'"
    )
    return quoted if implicit_key else fold(quoted, indent, FLOW, indent_at_start)


def _double_quoted(value, indent, implicit_key, indent_at_start):
    encoded = json.dumps(value, ensure_ascii=False)
    out, start, i = [], 0, 0
    while i < len(encoded):
        char = encoded[i]
        if char == " " and encoded[i + 1 : i + 3] == "\\n":
            # A space before a line break is escaped, or folding would eat it.
            out.append(encoded[start:i] + "\\ ")
            i, start, char = i + 1, i + 1, "\\"
        if char == "\\":
            escaped = encoded[i + 1]
            if escaped == "u":
                code = encoded[i + 2 : i + 6]
                out.append(encoded[start:i])
                short = "\\x" + code[2:] if code[:2] == "00" else encoded[i : i + 6]
                out.append(_SHORT_ESCAPES.get(code, short))
                i += 5
                start = i + 1
            elif escaped == "n" and not (
                implicit_key or encoded[i + 2 : i + 3] == '"' or js_length(encoded) < 40
            ):
                out.append(encoded[start:i] + "\n\n")
                while encoded[i + 2 : i + 4] == "\\n" and encoded[i + 4 : i + 5] != '"':
                    out.append("\n")
                    i += 2
                out.append(indent)
                if encoded[i + 2 : i + 3] == " ":
                    out.append("\\")
                i += 1
                start = i + 1
            else:
                i += 1
        i += 1
    text = "".join(out) + encoded[start:] if start else encoded
    return text if implicit_key else fold(text, indent, QUOTED, indent_at_start)


def _block(value, indent, indent_at_start):
    """A multi-line text as a literal (|) or folded (>) block."""
    if re.search(r"\n[\t ]+\Z", value) or re.match(r"\s*\Z", value):
        return _double_quoted(value, indent, False, indent_at_start)
    literal = not _line_over_limit(value, len(indent))
    header = "|" if literal else ">"
    trailing = re.search(r"[\n\t ]*\Z", value).group()
    if "\n" not in trailing:
        header += "-"
    elif trailing != value and trailing.index("\n") != len(trailing) - 1:
        header += "+"
    value = value[: len(value) - len(trailing)]
    end_space = trailing[:-1] if trailing.endswith("\n") else trailing
    leading = re.match(r"^[\n ]*", value).group()
    if " " in leading:
        header += "2"
    spaces = re.search(r" +\Z", leading)
    start_space = leading[: -len(spaces.group())] if spaces else leading
    value = value[len(start_space) :]
    end_space = re.sub(r"\n+(?!\n|\Z)", lambda m: m.group() + indent, end_space)
    start_space = re.sub(r"\n+", lambda m: m.group() + indent, start_space)
    if literal:
        value = re.sub(r"\n+", lambda m: m.group() + indent, value)
        return f"{header}\n{indent}{start_space}{value}{end_space}"
    value = re.sub(r"\n+", lambda m: "\n" + m.group(), value)
    value = re.sub(r"(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?", r"\1\2", value)
    value = re.sub(r"\n+", lambda m: m.group() + indent, value)
    return f"{header}\n{indent}" + fold(f"{start_space}{value}{end_space}", indent, BLOCK, None)


def _line_over_limit(text, indent_length):
    limit = LINE_WIDTH - indent_length
    return any(js_length(line) > limit for line in text.split("\n"))


def fold(text, indent, mode, indent_at_start=None):
    """Break `text` at spaces so lines keep to about LINE_WIDTH characters,
    the way the yaml package folds (its `foldFlowLines`); `mode` is FLOW
    (plain and single-quoted), QUOTED (double-quoted: may break inside a
    word with a `\\`) or BLOCK (a folded block: more-indented lines stay)."""
    original, text = text, _utf16(text)
    scan = _FoldScan(text, indent, mode, indent_at_start)
    if len(text) <= scan.end_step or not scan.run():
        return original
    folds = scan.folds
    out = text[: folds[0]]
    for n, at in enumerate(folds):
        stop = folds[n + 1] if n + 1 < len(folds) else len(text)
        if at == 0:
            out = f"\n{indent}{text[:stop]}"
            continue
        if mode == QUOTED and at in scan.escaped:
            out += f"{text[at]}\\"
        out += f"\n{indent}{text[at + 1 : stop]}"
    return out.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


def _utf16(text):
    """`text` with each character beyond U+FFFF as its two UTF-16 halves, so
    that lengths and positions count as JavaScript counts them."""
    return "".join(_halves(char) if ord(char) > 0xFFFF else char for char in text)


def _halves(char):
    code = ord(char) - 0x10000
    return chr(0xD800 + (code >> 10)) + chr(0xDC00 + (code & 0x3FF))


def js_length(text):
    """The length of `text` in JavaScript (UTF-16 code units)."""
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


class _FoldScan:
    """One pass over a text, finding where its lines break."""

    def __init__(self, text, indent, mode, indent_at_start):
        self.text, self.mode = text, mode
        self.end_step = max(1 + MIN_CONTENT_WIDTH, 1 + LINE_WIDTH - len(indent))
        self.folds, self.escaped = [], set()
        self.end = LINE_WIDTH - len(indent)  # where the current line must break
        if indent_at_start and indent_at_start > LINE_WIDTH - max(2, MIN_CONTENT_WIDTH):
            self.folds.append(0)  # no room after the key: start on the next line
        elif indent_at_start:
            self.end = LINE_WIDTH - indent_at_start
        self.split = None  # the last space the line may break at
        self.escape = (-1, -1)  # first and last index of the last \ escape

    def run(self):
        """True when the text breaks somewhere (at self.folds)."""
        text, i, prev = self.text, -1, None
        if self.mode == BLOCK:
            i = _more_indented(text, i)
            if i != -1:
                self.end = i + self.end_step
        while i + 1 < len(text):
            i += 1
            char = text[i]
            if self.mode == QUOTED and char == "\\":
                start = i
                i += {"x": 3, "u": 5, "U": 9}.get(text[i + 1 : i + 2], 1)
                self.escape = (start, i)
            if char == "\n":
                if self.mode == BLOCK:
                    i = _more_indented(text, i)
                self.end, self.split = i + self.end_step, None
                prev = char
                continue
            if (
                char == " "
                and prev
                and prev not in " \n\t"
                and text[i + 1 : i + 2] not in ("", " ", "\n", "\t")
            ):
                self.split = i
            if i >= self.end:
                i, char = self._break(i, char, prev)
                if i is None:
                    return False  # a quoted text that cannot break: leave it whole
            prev = char
        return bool(self.folds)

    def _break(self, i, char, prev):
        """The line is full at i: break at the last space, or (quoted text)
        inside the word. Returns (i, char) to go on from, i None to give up."""
        if self.split:
            self.folds.append(self.split)
            self.end, self.split = self.split + self.end_step, None
        elif self.mode == QUOTED:
            while prev in (" ", "\t"):
                prev, i = char, i + 1
                char = self.text[i] if i < len(self.text) else ""
            start, end = self.escape
            at = i - 2 if i > end + 1 else start - 1
            if at in self.escaped:
                return None, char
            self.folds.append(at)
            self.escaped.add(at)
            self.end, self.split = at + self.end_step, None
        return i, char


def _more_indented(text, i):
    """After a line break at i: the last line break of the more-indented lines that follow."""
    while text[i + 1 : i + 2] in (" ", "\t") and text[i + 1 : i + 2]:
        i += 1
        while i < len(text) and text[i] != "\n":
            i += 1
    return i

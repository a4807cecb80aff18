"""A bank file's TOML syntax error in plain words: what is wrong, on which line, and what to type.

tomllib's own words ("Illegal character '\\n' (at line 4, column 31)") are for programmers (walk39 8); a candidate
who edited a bank by hand needs "a quoted text is not closed on line 4: add the closing \" at its end".
"""

from __future__ import annotations

import re

_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)")
_END = "(at end of document)"
FIX_HINT = "Fix it in a text editor, or open the bank in the Banks page to see the line."


def _line(text: str, n: int) -> str:
    lines = text.splitlines()
    return lines[n - 1] if 0 < n <= len(lines) else ""


def _open_quote(line: str) -> str | None:
    """The quote a line leaves open (" or '), outside comments; None when every quote is closed."""
    quote = None
    i = 0
    while i < len(line):
        ch = line[i]
        if quote is None:
            if ch == "#":
                return None
            if line.startswith(('"""', "'''"), i):
                return None               # a multi-line text: its lines are not counted one by one
            if ch in "\"'":
                quote = ch
        elif ch == "\\" and quote == '"':
            i += 1                        # an escaped character, \" included
        elif ch == quote:
            quote = None
        i += 1
    return quote


def _first_open_quote(text: str) -> tuple[int, str] | None:
    """The first line (1-based) that leaves a quoted text open, and its quote."""
    in_multi: tuple[int, str] | None = None
    for n, line in enumerate(text.splitlines(), 1):
        if in_multi is not None:
            if in_multi[1] in line:
                in_multi = None
            continue
        for triple in ('"""', "'''"):
            if line.count(triple) == 1 and _open_quote(line[:line.index(triple)]) is None:
                in_multi = (n, triple)
        if in_multi is None and (quote := _open_quote(line)) is not None:
            return n, quote
    return in_multi


def _not_closed(n: int, quote: str) -> str:
    return f"a quoted text is not closed on line {n}: add the closing {quote} at the end of the text"


# tomllib's message (how it starts) -> the candidate's words, `{n}` the line
_SAID: tuple[tuple[str | tuple[str, ...], str], ...] = (
    ("Expected '=' after a key", "line {n} does not read as name = value: put = between the name and its value "
                                 "(a name has no spaces), and text in quotes"),
    ("Invalid value", 'the value on line {n} is not valid: text goes in quotes ("like this"), numbers as digits, '
                      "lists in [ ] with commas"),
    ("Cannot overwrite a value", "line {n} sets a name that is already set above: keep one of the two"),
    ("Unclosed array", "a list opened with [ is not closed before line {n}: add the closing ], with commas between "
                       "its items"),
    ("Unclosed inline table", "a {{ … }} on line {n} is not closed: add the closing }}, on the same line"),
    (("Expected ']' at the end of a table declaration", "Expected ']]'"),
     "the section name on line {n} is not closed: add the closing ] (or ]] for [[…]])"),
    ("Unescaped '\\'", "a backslash \\ in the text on line {n} must be doubled (\\\\), or put the text in single "
                        "quotes ('like this')"),
    ("Expected newline or end of document after a statement",
     'line {n} has something after its value: one name = value a line, and text in quotes ("like this")'),
    (("Invalid statement", "Invalid initial character for a key part"),
     "line {n} does not read as name = value or a [section]: fix or remove it"),
)


def toml_problem(message: str, text: str) -> tuple[int | None, str]:
    """tomllib's message as the line it is on and the candidate's words for it (with what to do)."""
    if "digits" in message:
        return None, "a number has thousands of digits; numbers in a bank are small"
    at = _AT.search(message)
    what = (message[:at.start()] if at else message.replace(_END, "")).strip()
    if at is None and _END not in message:
        return None, f"not valid TOML: {message[:200]}. {FIX_HINT}"
    end_line = max(1, text.count("\n") + (not text.endswith("\n")))
    n = int(at.group(1)) if at else end_line
    line = _line(text, n)
    if what.startswith("Invalid value") and ("“" in line or "”" in line):
        return n, f"line {n} uses curly quotes (“ ”): type straight quotes (\") around the text instead"
    if what.startswith("Illegal character '\\n'") and (quote := _open_quote(line)) is not None:
        return n, _not_closed(n, quote)
    if what.startswith(("Unterminated string", 'Expected "\'"', "Expected '\"'")):
        found = _first_open_quote(text)
        if found is not None:
            return found[0], _not_closed(*found)
        return n, ('a quoted text is not closed before the end of the file: add the closing quote (a text over '
                   'several lines starts and ends with """)')
    if what.startswith("Illegal character"):
        col = f" (column {at.group(2)})" if at else ""
        return n, f"line {n} has a character that cannot be in a quoted text{col}: remove it or retype it"
    if what.startswith("Cannot declare"):
        section = re.search(r"\((.*)\)", what)
        name = ".".join(p.strip(" '\"") for p in section.group(1).split(",") if p.strip()) if section else ""
        return n, (f"the section [{name}] on line {n} is there twice: merge the two (a list of sections is "
                   f"written [[{name}]])")
    said = next((words for starts, words in _SAID if what.startswith(starts)), None)
    if said is not None:
        return n, said.format(n=n)
    if at is None:
        return n, f"the file ends too soon ({what}): check its last lines. {FIX_HINT}"
    return n, f"not valid TOML on line {n}: {what} (column {at.group(2)}). {FIX_HINT}"

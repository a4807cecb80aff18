"""British and American spellings of a searched word (walk65 6: "councillor" typed in History's search did not find
the "councilor" tiny.en wrote for what was said).

A small, well-known rule set, each way: -our/-or ("colour", "favourite"), -ise/-ize and -yse/-yze ("organise",
"organisation", "analyse"), -re/-er after t, b or g ("centre", "fibre", "meagre") and the doubled l before an ending
("travelled", "councillor"; only after a word of two syllables or more: "filled" is not "filed"). A rule may make a
word no one writes ("doctour"): it matches nothing, so it costs a term, never a wrong answer found.
"""

from __future__ import annotations

import re

MIN_LETTERS = 5             # shorter words are left alone: "four" is not "for", "hour" not "hor"
# not after an "o": "floor" is not "flour"
_OUR = re.compile(r"(?<=[a-np-z])our(s|ed|ing|ful|able|ite|ites|less|er|ers)?$")
_OR = re.compile(r"(?<=[a-np-z])or(s|ed|ing|ful|able|ite|ites|less|er|ers)?$")
_ISE = re.compile(r"(?<=[a-z])([iy])s(e|es|ed|ing|er|ers|ation|ations)$")
_IZE = re.compile(r"(?<=[a-z])([iy])z(e|es|ed|ing|er|ers|ation|ations)$")
_RE = re.compile(r"(?<=[a-z])([tbg])re(s?)$")
_ER = re.compile(r"(?<=[a-z])([tbg])er(s?)$")
_DOUBLE_L = re.compile(r"^(.*[aeiou])ll(ed|ing|er|ers|or|ors)$")
_SINGLE_L = re.compile(r"^(.*[aeiou])l(ed|ing|er|ers|or|ors)$")
_VOWELS = re.compile(r"[aeiouy]+")


def _syllables(stem: str) -> int:
    return len(_VOWELS.findall(stem))


def spelling_variants(word: str) -> list[str]:
    """The word's other spellings by the rules above (lower-case, the word itself not among them): "councillor" ->
    ["councilor"], "color" -> ["colour"], "organise" -> ["organize"]; [] for a word they leave alone."""
    low = word.lower()
    if len(low) < MIN_LETTERS or not low.isalpha():
        return []
    out: list[str] = []
    for pattern, swap in ((_OUR, lambda m: f"or{m.group(1) or ''}"), (_OR, lambda m: f"our{m.group(1) or ''}"),
                          (_ISE, lambda m: f"{m.group(1)}z{m.group(2)}"), (_IZE, lambda m: f"{m.group(1)}s{m.group(2)}"),
                          (_RE, lambda m: f"{m.group(1)}er{m.group(2) or ''}"),
                          (_ER, lambda m: f"{m.group(1)}re{m.group(2) or ''}")):
        if pattern is _OR and _OUR.search(low):
            continue            # "colour" is not "colouur"
        out.append(pattern.sub(swap, low, count=1))
    if (m := _DOUBLE_L.match(low)) and _syllables(m.group(1)) >= 2:
        out.append(f"{m.group(1)}l{m.group(2)}")
    elif (m := _SINGLE_L.match(low)) and _syllables(m.group(1)) >= 2:
        out.append(f"{m.group(1)}ll{m.group(2)}")
    return [v for v in dict.fromkeys(out) if v != low]

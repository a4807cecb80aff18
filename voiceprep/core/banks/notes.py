"""From prep notes to proposed key points: one per idea (a sentence, a bullet, a named example, a number).

Offline and deterministic. Each proposal carries a plain-sentence label and cues taken from the
idea itself (names, numbers with their unit, its most specific words); the candidate edits or drops
each one before it is kept.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from voiceprep.core.analysis.jottings import dash_as_colon
from voiceprep.core.analysis.text import ABBREVIATION, ABBREVIATION_REACH, sentences, stem, tokenize_text
from voiceprep.core.banks.draft import GENERIC_NAMES, front_matter, name_phrase, names_in
from voiceprep.core.banks.load import _STOPWORDS
from voiceprep.core.wording import capitalised

MAX_WORDS = 32            # longer sentences are split at their clauses
MAX_CUES = 4
MIN_WORDS = 4             # shorter lines are headings ("project experience") unless they name something
HEADING_WORDS = 6         # a line standing alone, this short and unpunctuated, heads what follows it
TICKED = 5                # proposals ticked at most: a prompt has a handful of key points, not 22
HEADING_MATCH = 0.5       # a heading this close to the prompt marks its section as the prompt's notes (or half as
                          # close and at least twice as close as every other heading)
TICK_SHARE = 0.8          # ticked: the closest idea and those at least this share as close (not the 5 best of 7)
# notes of at most TICKED ideas and no heading are the story for this prompt: all ticked but an idea this far from the
# prompt by meaning (cosine; walk21 measured 0.08 to 0.32 for its steps and results, -0.01 to 0.05 for a hobby, an
# office move, a Flask stack or "the mission" against a payments-system prompt)
UNRELATED = 0.06
# notes with no heading and at most this many ideas were pasted for one prompt: they are the candidate's answer plan,
# all ticked but a line about something else (walk40: 7 lines for "Why Airwallex?" got 2 ticked, the unticked "Under
# the hood: ...", "My overlap: ..." and "Long term I want to grow ..." the core of the answer); a longer page is a
# whole prep document, where the few closest are ticked
PLAN_IDEAS = 10
# an idea with no name, number or long word is still one when it says this many words of its own of this many letters
PLAIN_WORDS = 2
PLAIN_LETTERS = 4
TITLE_WORDS = 10          # a line this short, with bullets right under it, heads them even when it names something
# a bullet that describes the candidate in the third person is the interviewer's rubric, not the candidate's point
# ("- is polished, professional and a good communicator", "- understands what we're building")
_RUBRIC = re.compile(r"(?:is|are|has|have|can|will|should|must|shows|knows|brings|demonstrates|understands|"
                     r"communicates|thinks|cares|wants|gets|takes)\b")
_FIRST_PERSON = re.compile(r"\b(?:I|my|me|mine|myself)\b")      # "we" is the company in a rubric
_EXTRA_STOP = frozenset([
    "just", "really", "also", "very", "much", "more", "most", "thing", "things", "stuff", "like", "get", "got",
    "make", "made", "everything", "actually", "anything", "something", "because", "understand", "understands",
    "incredibly", "directly"
])


@dataclass
class ProposedPoint:
    label: str
    cues: list[str]
    min_cues: int = 1
    ticked: bool = True         # proposed ticked: one of the few that relate to the prompt (see tick_for_prompt)
    rubric: bool = False        # reads like the interviewer's rubric ("is polished ..."): never ticked
    heading: str = ""           # the heading the idea was written under in the notes, if any
    story: bool = False         # that heading is a numbered line over bullets, one story's ("1. Staffing crisis")
    # chosen in the dialog: the names in its wording (draft.names_in), kept apart from `cues` (only cues the
    # candidate typed are saved); they go into the bank's vocabulary
    names: list[str] = field(default_factory=list)
    why_not: str = ""           # why it is proposed unticked, in the candidate's words ("" when ticked)


@dataclass
class _Piece:
    text: str
    heading: str = ""           # the last heading above it ("" after a rule, ---)
    bullet: bool = False
    alone: bool = False         # a line standing alone: a paragraph of one line
    story: bool = False         # its heading is a numbered line: one story of several
    listed: bool = False        # one line of a list of heading-like lines: a point of its own, however short


def _clean(text: str) -> str:
    text = re.sub(r"!\[\[[^\]]*\]\]|!\[[^\]]*\]\([^)]*\)", " ", text)        # images and embeds
    text = re.sub(r"\[\[([^\]|]*)(?:\|[^\]]*)?\]\]", r"\1", text)             # [[wiki links]]
    text = re.sub(r"[\u201c\u201d\u201e\"]", "", text).replace("\u2019", "'")
    return re.sub(r"\s+", " ", text).strip(" -*\u2022'")


def _is_heading(line: str) -> bool:
    """A short line with no sentence in it: "project experience", "Most challenging stuff u solved". It heads the
    notes only when something is written under it (see _pieces); alone, it is an idea ("Mentored two juniors")."""
    words = line.split()
    return (len(words) <= HEADING_WORDS and not re.search(r"[.!?,;\d]", line) and not names_in(line)
            and not (len(words) == 1 and words[0][:1].isupper()))


def _is_title(line: str) -> bool:
    """A line with bullets right under it and no sentence in it heads them, names or not: "Affirm backend platform -
    my prep notes" (walkthrough 12: proposed and ticked as a key point, with the cues Affirm; platform; backend). What
    it says in brackets is part of it: "Staffing crisis (night shift, flu season)" (walk41)."""
    line = re.sub(r"\([^()]*\)", " ", line)
    return len(line.split()) <= TITLE_WORDS and not re.search(r"[.!?,;]", line)


def _blocks(text: str) -> list[tuple[str, str]]:
    """The notes as (kind, text) blocks in order: "para" (a paragraph's lines, joined by newlines), "bullet" ("- ",
    "* "), "numbered" ("1. ", "2) "), "heading" (a "#" line or a line ending in ":") and "rule" (---)."""
    blocks: list[tuple[str, str]] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append(("para", "\n".join(paragraph)))
        paragraph.clear()

    for raw in text.split("\n"):
        line = raw.strip()
        if not line or re.fullmatch(r"[-=_*]{3,}", line) or line.startswith("#"):
            flush()
            if re.fullmatch(r"[-=_*]{3,}", line):
                blocks.append(("rule", ""))
            elif line.startswith("#"):
                blocks.append(("heading", _clean(line.lstrip("#"))))
            continue
        if re.match(r"^(?:[-*\u2022]|\d+[.)])\s+", line):
            flush()
            blocks.append(("numbered" if line[:1].isdigit() else "bullet",
                           re.sub(r"^(?:[-*\u2022]|\d+[.)])\s+", "", line)))
            continue
        if line.endswith(":") and not paragraph:
            flush()
            blocks.append(("heading", _clean(line.rstrip(":"))))   # "Think about great answers to questions like:"
            continue
        paragraph.append(line)
    flush()
    return blocks


def _pieces(notes: str) -> list[_Piece]:
    """Bullets and sentences, in order, each with the heading it was written under; front matter, headings and
    rules dropped.

    A short unpunctuated line alone in its paragraph is a heading only when something is written under it: bullets,
    a paragraph that is no such line, or another heading ("project experience" above "most challenging stuff u
    solved" above its story). Short lines one after another ("Reduced checkout errors by half", "Mentored two
    junior engineers") or one before a rule, a "#" heading or the end are ideas, proposed like any other. A
    paragraph's lines and sentences are ideas each (see _lines and text.sentences)."""
    text = notes.replace("\r\n", "\n")
    text, _fields = front_matter(text)                                          # YAML front matter
    blocks = _blocks(text)
    short = [kind == "para" and "\n" not in body and _is_heading(_clean(body)) for kind, body in blocks]
    heads = [False] * len(blocks)
    for n in range(len(blocks) - 2, -1, -1):                 # from the end: what follows decides
        kind = blocks[n + 1][0]
        listed = kind in ("bullet", "numbered")
        heads[n] = short[n] and (listed or (kind == "para" and (not short[n + 1] or heads[n + 1])))
        heads[n] |= (listed and blocks[n][0] == "para" and "\n" not in blocks[n][1]
                     and _is_title(_clean(blocks[n][1])))
        # a numbered line with "- " bullets right under it is a story's heading, not a point: "1. Staffing crisis
        # (night shift, flu season)" over its five lines (walk41: ticked as a key point, its lines not)
        heads[n] |= kind == "bullet" and blocks[n][0] == "numbered" and _is_title(_clean(blocks[n][1]))
    out: list[_Piece] = []
    heading, story = "", False
    for (kind, body), head in zip(blocks, heads):
        if kind == "rule":
            heading, story = "", False
        elif kind == "heading" or head:
            heading = _clean(body)
            story = kind == "numbered"          # "1. Staffing crisis (night shift, flu season)": one story's heading
            if _names_only_here(heading, blocks):      # walk25: "LMAX Disruptor story" over its bullets was lost
                out.append(_Piece(heading, heading, alone=True))
        elif kind in ("bullet", "numbered"):
            out.append(_Piece(body, heading, bullet=True, story=story))
        else:
            lines = body.split("\n")
            if _heading_list(lines):
                out.extend(_Piece(line.strip(), heading, story=story, listed=True) for line in lines)
                continue
            out.extend(_Piece(s, heading, alone=len(lines) == 1, story=story)
                       for line in _lines(lines) for s in sentences(_spaced_stops(line)))
    return [_Piece(c, p.heading, p.bullet, p.alone, p.story, p.listed) for p in out if (c := _clean(p.text))]


# mend52 (read49b 5): a line ending on one of these goes on in the next, though "was" or "about" may end a heading
_WRAPPED_END = re.compile(r"\b(?:and|or|but|the|a|an|of|to|which|that|with|from|into|than|my|our|their)\s*\Z", re.I)
# a listed line that opens so is a heading asking its own part of the story ("How I won them over", "The result")
_HEADING_OPENER = re.compile(r"(?:who|what|why|how|where|when|which|the)\b", re.I)


def _heading_list(lines: list[str]) -> bool:
    """Whether a paragraph's lines are a list of note headings, one point each: "Who the stakeholder was / What they
    were worried about / How I won them over / The result", typed with Return after each (walk65: "was" and "in" read
    as wrapped mid-clause, so the lines were paired into merged points and the rest dropped). Every line is short,
    opens with a capital and stops on its own, with no comma, dash or full stop at its end, nor a joining word
    (`_WRAPPED_END`: "to", "the", "which"); prose wrapped at a short width has a line that opens in lower case or
    ends mid-clause ("the run from six hours to / forty minutes which freed up", read49b 5)."""
    return len(lines) > 1 and all(
        0 < len(line.split()) <= HEADING_WORDS and line.strip()[:1].isupper() and not _WRAPPED_END.search(line)
        and not re.search(r"[,;:(&/.-]\s*\Z|\u2013\s*\Z|\u2014\s*\Z", line)
        for line in lines)


def _names_only_here(heading: str, blocks: list[tuple[str, str]]) -> bool:
    """Whether a heading names something ("LMAX Disruptor story", "Why Airwallex") that the rest of the notes never
    says: hidden as a heading, the name would be lost, so it is proposed as an idea too. A title whose names the
    notes say again ("Affirm backend platform - my prep notes" over "Why Affirm: ...", walkthrough 12) is not."""
    rest = "\n".join(_clean(body) for _kind, body in blocks if _clean(body) != heading)
    return any(not re.search(rf"(?<!\w){re.escape(name)}(?!\w)", rest, re.IGNORECASE) for name in names_in(heading))


# a line ending in one of these is wrapped mid-clause: the next line goes on with it
_MID_CLAUSE = re.compile(r"(?:[,(&/-]|\u2013|\u2014|\b(?:and|or|but|nor|the|a|an|of|to|with|in|on|at|for|by|from|as|"
                         r"into|onto|via|than|that|which|who|whose|where|when|while|so|because|my|our|their|its|is|"
                         r"are|was|were))\Z", re.I)


def _lines(lines: list[str]) -> list[str]:
    """A paragraph's ideas by its lines: a line break ends an idea (notes typed with Return after each, no full
    stops, walkthrough 20) unless the line before ends mid-clause, with a comma, a dash or a joining word ("and",
    "the", "with"): then the text was wrapped and the next line goes on with it. A wrap anywhere else (after a noun)
    splits the sentence in two; the candidate joins them back when reviewing."""
    out: list[str] = []
    for line in lines:
        if out and _MID_CLAUSE.search(out[-1].rstrip()):
            out[-1] = f"{out[-1].rstrip()} {line.strip()}"
        else:
            out.append(line.strip())
    return out


# a sentence's end with no space after it, as text pasted from a PDF runs them together ("embedded finance.Under the
# hood", walk67 5): a whole word ending in two lowercase letters, its stop, and a capitalised word that names nothing,
# one that carries no point of its own (`_STOPWORDS`: "Under", "The", "We", "Then"), with a space after it. A name, a
# file name or a dotted identifier has a word that names something after its dot ("vs.Code", "config.Yaml",
# "time.Now"), a capital or a dot before it ("ASP.NET", "e.g.The", "java.util.The"), or no space after ("Node.js",
# "v1.2"); an abbreviation's stop ends no sentence (`ABBREVIATION`, as for `sentences`: "etc.The"). A run-on whose next
# sentence opens with a name or a noun ("finance.Airwallex runs") stays one idea, which the candidate splits when
# reviewing: a name broken in two would be worse (read51b, mend60: a lowercase word before and a capital after split
# "config.Yaml")
_RUN_ON_STOP = re.compile(r"(?<![\w.@/\\])([A-Za-z]*[a-z]{2}[.!?])([A-Z][a-z]*)(?=\s)")


def _spaced_stops(line: str) -> str:
    """The line with a space after each run-on sentence end (`_RUN_ON_STOP`), so it splits as two sentences would."""
    def spaced(m: re.Match[str]) -> str:
        stop = m.end(1)
        if m[2].lower() not in _STOPWORDS or ABBREVIATION.search(line, max(0, stop - ABBREVIATION_REACH), stop):
            return m[0]
        return f"{m[1]} {m[2]}"
    return _RUN_ON_STOP.sub(spaced, line)


def _split_long(sentence: str) -> list[str]:
    if len(sentence.split()) <= MAX_WORDS:
        return [sentence]
    parts = [p.strip(" ,") for p in re.split(r"\s*(?:;|:| - | -- |\u2014)\s*", sentence) if p.strip(" ,")]
    return parts if len(parts) > 1 else [sentence]


def _number_cues(idea: str) -> list[str]:
    """Cues for the numbers written in an idea, read as the matcher reads an answer: a number with the word after
    it ("40% lower" -> "{number} percent", "200ms" -> "{number} milliseconds", "12 engineers"), and a word
    that starts with digits but is no number ("1970s", "'80s", "5G") as that word: a decade read as a number and
    its "s" made the cue "{number} s", which the candidate read and no answer could match."""
    words, tokens = idea.split(), tokenize_text(idea)
    numbered = {t.word for t in tokens if t.is_number}          # "3x" is 3 and "times", "200ms" 200 and ...
    out: list[str] = []
    for i, t in enumerate(tokens):
        written = words[t.word].strip(".,;:!?()[]'\"")
        if not any(ch.isdigit() for ch in written):
            continue                                   # "one", "million": spelled, not written as a number
        if not t.is_number:
            if written[:1].isdigit() and t.word not in numbered:
                out.append(written)                    # "1970s", "5G"
            continue
        if i and tokens[i - 1].is_number and tokens[i - 1].word == t.word:
            continue                                   # the same number: "1.5 million", "24/7"
        after = next((u for u in tokens[i + 1:] if not u.is_number), None)       # "1.5 million users": users
        if after is None or not (after.norm.isalpha() and len(after.norm) > 1 and after.norm not in _STOPWORDS):
            continue
        # its unit ("200ms", "12 engineers", "1.5 million users"), not a word past a comma or a table's "|"
        if after.word == t.word or not any(re.search(r"[,;:.!?|)/]$", w) for w in words[t.word:after.word]):
            out.append(f"{{number}} {after.norm}")
    return list(dict.fromkeys(out))


def prompt_words(prompt: str) -> frozenset[str]:
    """The stems of the prompt's own words: every answer repeats them ("Why Airwallex?": "Airwallex"), so a cue
    made of them is free evidence for any answer (walkthrough 14: "payment", "client" for "How would you design
    an idempotent payment API so a client retry never charges a customer twice?")."""
    return frozenset(t.stem for t in tokenize_text(prompt) if t.norm not in _STOPWORDS and not t.is_number)


def _asked(cue: str, asked: frozenset[str]) -> bool:
    """Whether a cue says only the prompt's own words (a number's cue says a number: it is the candidate's)."""
    tokens = [t for t in tokenize_text(cue.replace("{number}", " ")) if t.norm not in _STOPWORDS]
    return "{number}" not in cue and bool(tokens) and all(t.stem in asked for t in tokens)


def _cues(idea: str, known_names: set[str], asked: frozenset[str] = frozenset()) -> tuple[list[str], bool]:
    """The idea's cues, none of the prompt's own words (`asked`), and whether it names anything specific to listen
    for at all, those words counted: a name, a number or a long word."""
    cues: dict[str, None] = {}
    first = re.match(r"[A-Z][A-Za-z0-9]+", idea)
    names = ([first.group(0)] if first and first.group(0) in known_names else []) + names_in(idea)
    for name in names:
        if not _asked(name, asked):
            cues.setdefault(name, None)
    numbers = _number_cues(idea)
    for cue in numbers:
        cues.setdefault(cue, None)
    taken = " ".join(cues).lower()
    long = [w for w in re.findall(r"[A-Za-z][A-Za-z-]+(?![A-Za-z'])", idea)
            if w.lower() not in _STOPWORDS and w.lower() not in _EXTRA_STOP and len(w) >= 6]
    words = [w for w in long if w.lower() not in taken and stem(w.lower()) not in asked]
    if not (names or numbers or long):
        # a reason in short plain words is a point too: "I want to lead a team, not just a shift" (walk41: the heart
        # of her why-here answer, left out as "nothing specific to listen for"; the judge credits it by meaning)
        plain = [w for w in re.findall(r"[A-Za-z][A-Za-z-]+(?![A-Za-z'])", idea) if len(w) >= PLAIN_LETTERS
                 and w.lower() not in _STOPWORDS and w.lower() not in _EXTRA_STOP and stem(w.lower()) not in asked]
        words = list(dict.fromkeys(plain)) if len(set(plain)) >= PLAIN_WORDS else []
        long = words
    for word in sorted(dict.fromkeys(words), key=lambda w: -len(w))[:MAX_CUES]:
        if len(cues) >= MAX_CUES:
            break
        cues.setdefault(word.lower(), None)
    return list(cues)[:MAX_CUES], bool(names or numbers or long)


def propose_key_points(notes: str, prompt: str = "",
                       similarity: Callable[[str, list[str]], list[float]] | None = None,
                       left_out: list[tuple[str, str]] | None = None) -> list[ProposedPoint]:
    """One proposal per idea in the notes, in the order they were written; the few that relate to `prompt` are
    ticked (see tick_for_prompt). `left_out`, when given, gets each line proposed as nothing, with why: a heading,
    a question, a line said again, too short, too general."""
    out: list[ProposedPoint] = []
    seen: set[str] = set()
    asked = prompt_words(prompt)
    pieces = _pieces(notes)
    skipped = left_out if left_out is not None else []
    proposed_as_idea = {p.text for p in pieces}
    skipped.extend((h, "a heading") for h in dict.fromkeys(p.heading for p in pieces if p.heading)
                   if h not in proposed_as_idea)
    known_names = {word for piece in pieces for name in names_in(piece.text) for word in name.split()}
    for piece in pieces:
        for idea in _split_long(piece.text):
            idea = idea.strip().rstrip(".")
            words = idea.split()
            if not words:
                continue
            if idea.endswith((":", "?")):
                skipped.append((idea, "a question: a prompt, not a point" if idea.endswith("?") else "a heading"))
                continue
            named = all(w[:1].isupper() for w in words) and words[0] not in GENERIC_NAMES
            # "The result", one of a list of headings, is a point; a jotting ("Mostly went well", "Not sure") is not
            heading = piece.listed and bool(_HEADING_OPENER.match(idea))
            if (len(words) < MIN_WORDS and not names_in(idea) and not re.search(r"\d", idea) and not named
                    and not heading):
                skipped.append((idea, "too short to be a point"))
                continue
            key = idea.lower()
            if key in seen:
                skipped.append((idea, "said again"))
                continue
            seen.add(key)
            # one pass (cues [] when all it names is the prompt's own words: the point is judged by its wording)
            cues, specific = _idea_cues(idea, known_names, asked)
            if not specific and not heading:      # "How I won them over" asks its own part of the story
                skipped.append((idea, "too general: it says no more than the question"))
                continue
            label = capitalised(dash_as_colon(idea))    # mend56 (walk66 5): "LMAX disruptor -- for ...": its colon
            rubric = piece.bullet and bool(_RUBRIC.match(idea)) and not _FIRST_PERSON.search(idea)
            out.append(ProposedPoint(label, cues, min_cues_for(cues),
                                     rubric=rubric, heading=piece.heading, story=piece.story))
    tick_for_prompt(out, prompt, similarity)
    return out


def questions_left_out(notes: str) -> list[str]:
    """The questions in the notes ("What would I change?"), which propose_key_points leaves out: a question is a
    prompt, not a point."""
    return [idea.strip() for piece in _pieces(notes) for idea in _split_long(piece.text) if idea.strip().endswith("?")]


def _idea_cues(idea: str, known_names: set[str], asked: frozenset[str] = frozenset()) -> tuple[list[str], bool]:
    """An idea's cues and whether it names anything specific (`_cues`); a short name ("LMAX Disruptor") is its own
    cue."""
    words = idea.split()
    named = name_phrase(idea)
    if len(words) < MIN_WORDS and named:
        return ([] if _asked(idea, asked) else [idea]), True
    return _cues(idea, known_names, asked)


def cue_examples(label: str) -> list[str]:
    """What the notes dialog offers as an example cue: the point's names and numbers as written ("3-D Secure",
    "18%"), none when it has neither (walk21: "e.g. earlier")."""
    numbers = re.findall(r"(?<![\w.-])\d[\d.,]*(?:%|\s?ms\b|\s?[kKmM]\b)?(?![\w-])", label)
    return list(dict.fromkeys(names_in(label) + [n.rstrip(".,") for n in numbers]))


def min_cues_for(cues: list[str]) -> int:
    """Cues a proposed point needs said: one of up to two, else half of them, rounded up."""
    return 1 if len(cues) <= 2 else math.ceil(len(cues) / 2)


def _content(text: str) -> set[str]:
    """Content words cut to 5 letters ("solved" and "solving" meet), for the word-overlap similarity."""
    return {w.lower()[:5] for w in re.findall(r"[A-Za-z][A-Za-z0-9'-]+", text)
            if w.lower() not in _STOPWORDS and w.lower() not in _EXTRA_STOP and len(w) > 2}


def word_similarity(prompt: str, texts: list[str]) -> list[float]:
    """The share of the prompt's content words each text uses (0..1): the similarity when no embedder is loaded."""
    want = _content(prompt)
    return [len(want & _content(t)) / len(want) if want else 0.0 for t in texts]


def tick_for_prompt(points: list[ProposedPoint], prompt: str,
                    similarity: Callable[[str, list[str]], list[float]] | None = None, limit: int = TICKED) -> bool:
    """Tick the few proposals that relate to the prompt (at most `limit`); never a rubric line.

    `similarity(prompt, texts)` scores texts against the prompt (the judge's embedder when it is loaded; else
    word_similarity). When a heading of the notes matches the prompt ("most challenging technical stuff u solved"
    for "What is the most challenging technical problem you have solved?"), only the ideas under it are ticked (a
    title over all of the notes picks out nothing); otherwise the closest idea and the ones at least TICK_SHARE as
    close, in the notes' order when they tie (walkthrough 12: 5 of 7 ticked, under "the few closest are ticked").
    Ideas with no heading (or all under one story's numbered heading), at most PLAN_IDEAS, were written for this
    prompt, its answer plan: all are ticked but one about something else by meaning (below UNRELATED); by words,
    which cannot tell, all. Without a prompt, the first ideas. Each proposal left unticked says why (`why_not`).
    Returns whether the notes were read as the plan."""
    for p in points:
        p.why_not = "reads like the interviewer's rubric, not a point of yours" if p.rubric else ""
    ideas = [i for i, p in enumerate(points) if not p.rubric]
    # an idea with nothing of its own to listen for restates the question (its words are all the prompt's: "That's
    # where Airwallex's infrastructure comes in"); every answer says it, so it is no key point. By meaning it sat
    # closest to the prompt, so it was ticked over the story itself (walk24: the HoYoverse and Brazil lines)
    own = [i for i in ideas if points[i].cues or _asks_beyond(points[i].label, prompt)] or ideas
    for i in set(ideas) - set(own):
        points[i].why_not = "only the prompt's own words: every answer says them"
    ideas = own
    for p in points:
        p.ticked = False
    if not ideas:
        return False
    score = similarity or word_similarity
    headings = sorted({p.heading for p in points if p.heading}
                      - ({points[ideas[0]].heading} if all(points[i].heading == points[ideas[0]].heading
                                                           for i in ideas) else set()))
    texts = [points[i].label for i in ideas] + headings
    sims = list(score(prompt, texts)) if prompt.strip() else [0.0] * len(texts)
    by_heading = {h: s for h, s in zip(headings, sims[len(ideas):])}
    mine = {h for h, s in by_heading.items() if s >= HEADING_MATCH}
    if not mine and by_heading:
        # one story's heading far closer than the others marks it too: by words, "Staffing crisis (night shift, flu
        # season)" shares 2 of 5 of the prompt's words and her other two stories none (walk41: the page title and
        # the heading were ticked, none of the story's five points)
        top = max(by_heading, key=lambda h: by_heading[h])
        if by_heading[top] >= HEADING_MATCH / 2 and all(s * 2 <= by_heading[top]
                                                        for h, s in by_heading.items() if h != top):
            mine = {top}
    ranked = sorted(((sims[n], -n, i) for n, i in enumerate(ideas) if not mine or points[i].heading in mine),
                    reverse=True)
    # one story under its one numbered heading is a plan too ("1. Staffing crisis (night shift, flu season)" over its
    # five lines, pasted alone: walk41); under a page's title ("Affirm backend platform - my prep notes") it is not
    if (prompt.strip() and len(ideas) <= max(limit, PLAN_IDEAS)
            and all(not points[i].heading or points[i].story for i in ideas)
            and len({points[i].heading for i in ideas}) <= 1):
        for n, i in enumerate(ideas):        # walk21: 2 of 5 steps of the very story asked for were ticked
            points[i].ticked = similarity is None or sims[n] >= UNRELATED
            if not points[i].ticked:
                points[i].why_not = "about something else than this prompt, by its meaning"
        return True
    if prompt.strip() and not mine and ranked:
        best = ranked[0][0]
        ranked = [r for r in ranked if r[0] > 0 and r[0] >= best * TICK_SHARE]
    for _s, _n, i in ranked[:limit]:
        points[i].ticked = True
    for i in ideas:
        if not points[i].ticked:
            points[i].why_not = ("not under the heading that matches this prompt" if mine else
                                 "not among the closest to this prompt" if prompt.strip() else "not among the first")
    return False


_ASKING = frozenset(["who", "what", "why", "how", "when", "where", "which"])


def _asks_beyond(label: str, prompt: str) -> bool:
    """Whether a point opens with a question word the prompt does not ask: "Why the project was late" under "Tell me
    about a project that ran late ..." asks for the cause, which no answer gives by repeating the prompt (walk65: it
    was unticked as "only the prompt's own words" since "project" and "late" are the prompt's)."""
    first = label.split()[0].lower() if label.split() else ""
    return first in _ASKING and first not in re.findall(r"[a-z]+", prompt.lower())


def meaning_similarity(prompt: str, texts: list[str]) -> list[float] | None:
    """Cosine similarity of each text to the prompt by the judge's embedder (loading it if it is not yet: call off
    the GUI thread), or None when only the word judge works."""
    from voiceprep.core.analysis.embedder import get_embedder

    embedder = get_embedder()
    if embedder is None or not texts:
        return None
    vectors = embedder.embed([prompt] + texts)
    return [float(v) for v in vectors[1:] @ vectors[0]]

"""A key point's heading form, read in one place (issue 11; dedup54): `heading_form`.

Candidates write their own key points as note headings ("Who I brought in, and why", "The root cause I found", "The
result, with a number", "How I learned it fast"). A heading names a slot of the story, not content a sentence comes
near in meaning, so the judge reads it by its grammar, never by its nouns, and credits it by what fills the slot. Every
such reading of a label is here, and the judge and the slot readers ask `heading_form`:

- `read_heading`: a wh-word with the candidate as subject ("Who I …", "What I changed …": `WHO`, `ACT`), someone else
  as subject with a how-much or on-what rider (`AMOUNT`, `OBJECTED`), "Where … from" (`SOURCE`), "How I let them …"
  (`OTHERS`), a doing for people (`FOR_THEM`), "How it came to light" (`LEARNT`), "What stops it …" (`ACT`), a noun
  phrase headed by figures (`NUMBER`); the slot's fillers are slots.py's (judge102, judge106, judge110);
- the judge's own heading forms: ", with a number" (`NUMBER_HEADING`, judge97), the cause (`CAUSE_HEADING`) and the
  technology and why (`TECH_HEADING`, judge99), "How I …" (`HOW_HEADING`, judge100);
- `slot_heading`: any heading that names a slot, whose recital with nothing in it fills nothing (recital.py, judge105).

Each form was written and measured for its own slot; dedup54 moved them here unchanged (no decision moved).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from voiceprep.core.analysis.recital import FILLER, stems_of
from voiceprep.core.analysis.text import DEFINITE, tokenize_text

WHO = "who"
ACT = "act"
NUMBER = "number"
AMOUNT = "amount"
LEARNT = "learnt"
OBJECTED = "objected"
SOURCE = "source"
OTHERS = "others"
FOR_THEM = "for_them"

# the candidate as subject of a heading ("Who I …", "What we …")
_SELF = r"(?:i|we)"
_WHO_HEADING = re.compile(rf"^\s*who\s+{_SELF}\s+(?P<rest>[^,]*?)(?P<rider>,?\s+and\s+why\b.*)?\s*\.?\s*$",
                          re.IGNORECASE)
_ACT_HEADING = re.compile(rf"^\s*what\s+{_SELF}\s+(?P<verb>\w+)(?P<rest>[^,]*?)(?P<rider>,?\s+and\s+why\b.*)?\s*\.?\s*$",
                          re.IGNORECASE)
# a heading that asks what prevents a thing ("What stops it happening again", "What prevents a repeat") asks for the
# candidate's own act of change, as "What I changed" does (judge106)
_PREVENT_HEADING = re.compile(r"^\s*what\s+(?P<verb>stops|prevents|keeps)\s+(?P<rest>[^,]*?)\s*\.?\s*$", re.IGNORECASE)
# a heading that is a noun phrase headed by figures ("The numbers after that", "Our figures afterwards") asks for a
# figure told as the result, as `NUMBER_HEADING`'s ", with a number" does (judge106)
_NUMBER_HEADING = re.compile(r"^\s*(?:the|our|my|its|their)\s+(?:numbers|figures|stats|statistics|metrics)\b(?P<rest>[^,:;]*?)"
                             r"\s*\.?\s*$", re.IGNORECASE)
# a heading that asks who, with someone else as subject, and how much ("Who was hit, and by how much", "Who lost out,
# and how many"): a group named and what it came to, told as figures (judge106)
_AMOUNT_HEADING = re.compile(r"^\s*who\s+(?!(?:i|we)\b)(?P<rest>[^,]*?),?\s+and\s+(?:by\s+)?how\s+(?:much|many)\s*\.?\s*$",
                             re.IGNORECASE)
# a heading that asks how a thing became known ("How it came to light", "How I found out", "How the error was spotted")
_LEARNT_HEADING = re.compile(r"^\s*how\s+(?:it|this|that|i|we|the\s+\w+)\s+(?:came\s+to\s+light|came\s+out|found\s+out|"
                             r"was\s+(?:found|spotted|noticed|caught|discovered)|(?:first\s+)?(?:heard|learn(?:ed|t)))\b"
                             r"[^,]*?\s*\.?\s*$", re.IGNORECASE)
# a heading that asks who, with someone else as subject, and on what ("Who pushed back, and on what", "Who objected,
# and about what"): a person or group named as the one objecting, and what they objected to (judge110)
_OBJECTED_HEADING = re.compile(r"^\s*who\s+(?!(?:i|we)\b)(?P<rest>[^,]*?),?\s+and\s+(?:on|about|over|to|against)\s+what"
                               r"\s*\.?\s*$", re.IGNORECASE)
# a heading that asks where a thing came from ("Where the idea came from", "Where I got it from"): a source named
# (judge110)
_SOURCE_HEADING = re.compile(r"^\s*where\s+(?P<rest>[^,]*?)\s+from\s*\.?\s*$", re.IGNORECASE)
# a heading that asks how the candidate let others do a thing ("How I let them choose", "How we let the students
# decide"): the others doing it, the candidate's act having given them the choice (judge110)
_LET_HEADING = re.compile(rf"^\s*how\s+{_SELF}\s+let\s+(?P<who>[^,]*?)\s+(?P<verb>\w+)\s*\.?\s*$", re.IGNORECASE)
# a heading that is a doing for people ("Putting it right for the people affected", "Making it up to the customers"
# is not: no "for"): the candidate's own past act, done for them (judge110)
_FOR_HEADING = re.compile(r"^\s*(?P<verb>\w+ing)\b(?P<rest>[^,:;]*?)\s+for\s+(?P<who>(?:the|those|our|my|their|all|every"
                          r"one|everybody|each)\b[^,:;]*?)\s*\.?\s*$", re.IGNORECASE)
# heading verbs that ask for the candidate's own change (slots.CHANGING: "What I changed", "What we fixed", "What I did about it")
CHANGE_ASKED = frozenset({"changed", "fixed", "did", "introduced", "built", "set", "put", "moved", "made", "tried"})


@dataclass(frozen=True)
class Heading:
    """A note heading read as a question: its slot (`WHO`, `ACT`, `NUMBER`, `AMOUNT`), whether it asks the reason too, its
    topic words."""
    slot: str
    why: bool
    topic: tuple[str, ...]
    verb: str = ""           # the heading's own verb ("brought", "referred", "changed"): the slot's verb too


def read_heading(label: str) -> Heading | None:
    """A heading's slot, by its grammar: a wh-word with the candidate as subject, and an optional "and why" rider."""
    if m := _WHO_HEADING.match(label):
        rest = m.group("rest").lower().split()
        return Heading(WHO, bool(m.group("rider")), tuple(rest[1:]), rest[0] if rest else "")
    if (m := _ACT_HEADING.match(label)) and m.group("verb").lower() in CHANGE_ASKED:
        return Heading(ACT, bool(m.group("rider")), tuple(m.group("rest").lower().split()), m.group("verb").lower())
    if m := _OBJECTED_HEADING.match(label):
        return Heading(OBJECTED, True, tuple(m.group("rest").lower().split()))
    if m := _SOURCE_HEADING.match(label):
        return Heading(SOURCE, False, tuple(m.group("rest").lower().split()))
    if m := _FOR_HEADING.match(label):
        return Heading(FOR_THEM, False, tuple(m.group("who").lower().split()), m.group("verb").lower())
    if m := _LET_HEADING.match(label):
        return Heading(OTHERS, False, tuple(m.group("who").lower().split()), m.group("verb").lower())
    if _LEARNT_HEADING.match(label):
        return Heading(LEARNT, False, ())
    if m := _AMOUNT_HEADING.match(label):
        return Heading(AMOUNT, False, tuple(m.group("rest").lower().split()))
    if m := _PREVENT_HEADING.match(label):
        return Heading(ACT, False, tuple(m.group("rest").lower().split()), m.group("verb").lower())
    if m := _NUMBER_HEADING.match(label):
        return Heading(NUMBER, False, tuple(m.group("rest").lower().split()))
    return None


# a key point written as a "How I …" note heading ("How I learned it fast"): a way of this story asked (judge100)
HOW_HEADING = re.compile(r"^\s*how\s+(?:i|we)\b", re.IGNORECASE)


# a key point written as a note heading that names a slot of the story and asks for its number ("The result, with a
# number", "What it saved, with a number", "What changed afterwards, with a number": walk63 1, judge97): its words name
# no content a sentence could come near in meaning, so it is credited by what fills it, a sentence told as done that
# measures a change with a figure (`_measured_results`), not by a bare number ("we had three hundred"), a number that
# says nothing changed ("still about three a day") or a plan
# (a heading, "The …"/"What …", with its comma: not an instruction, "Set an SLO target with a number", "Say how big
# the jump in volume was, with a number", "Show that it worked, with a number", judged as before)
NUMBER_HEADING = re.compile(r"^\s*(?:the|what|our|my|its)\b[^,:;.]{0,60},\s*with\s+(?:a|the|some)\s+numbers?\s*\.?\s*$",
                            re.IGNORECASE)
# a key point written as a note heading that names the cause of a problem ("The root cause I found", "The root cause,
# named precisely", "What caused it": walk63 1, judge99): like a number heading, its words name a slot, not content a
# sentence comes near in meaning, so it is credited by what fills it (`_told_causes`): a sentence told as done that
# says what the cause was, after a finding ("it turned out the kids were loading scrap paper", "I worked out it was
# because the system sent the notice to the tutor", "the real cause was that each worker opened its own pool") or as
# why a thing happened ("it was the desk being empty at lunch, because I was on canteen duty"); not the reason for the
# candidate's own act ("I got the technician in, because the problem was on the network side"), nor the slot named
# with nothing in it ("I found the root cause of the problem")
CAUSE_HEADING = re.compile(r"^\s*(?:(?:the|my|our|its)\s+(?:(?:real|root|actual|underlying|main)\s+)?causes?"
                           r"(?:\s+(?:i|we)\s+(?:found|identified|traced|uncovered|spotted))?|what\s+caused\s+it)"
                           r"\s*(?:,[^,:;.]{0,40})?\.?\s*$", re.IGNORECASE)
# a key point written as a note heading that names the technology brought in, and why ("The technology and why I
# needed it", "The tool we picked, and why we chose it": walk63 1, judge99): credited by a sentence that names the
# thing and gives the reason for it (`_told_technologies`), in its words before a reason ("We inherited a Go service
# ..., so someone on the team had to be able to change it safely", "we got a self-issue kiosk because the lunch queue
# was out the door"), or in the sentence just before one that refers back to it ("A self-issue machine. The reason was
# me being on my own at lunch"); not "the new one" (no name), nor the old system ("Our old catalogue kept crashing, so
# something had to change": the system before is another slot), nor "X, so I brought in Y" (the act after the reason,
# reversed)
TECH_HEADING = re.compile(r"^\s*(?:the|my|our)\s+(?:new\s+)?(?:technology|technologies|tool|tools|system|software|"
                          r"platform|language|framework|stack)(?:\s+(?:i|we)\s+\w+)?,?\s+and\s+why\s+"
                          r"(?:i|we)\s+\w+\s+(?:it|them)\s*\.?\s*$", re.IGNORECASE)      # the why asked: "The new
#                                                     system" alone would be filled by any sentence that names a thing


# a heading that asks a wh-question of the story ("Why …", "What I changed first", "Who was hit, and by how much")
_WH = frozenset({"why", "what", "who", "whom", "how", "where", "when", "which"})
# a heading that names a thing of the story ("The numbers after that", "The fix, and who signed it off"), or a doing
# ("Putting it right for the people affected"), is a slot when it says at most this many words of content of its own
# (beyond `FILLER` and the general words of any story), or asks a wh-rider (", and why", "and who signed it off")
_WH_RIDER = re.compile(r"(?:,|\band)\s+(?:why|what|who|whom|how|where|when|which)\b", re.IGNORECASE)
_SLOT_NOUN_WORDS = 1
_HEAD_WORDS = 5
_OWN_CLAUSE = re.compile(r"(?<!\band)\s(?:i|we|i'd|we'd)\s[^,]*", re.IGNORECASE)   # not "The captain and I …"
# "-ing" words that are no doing
_NOT_GERUNDS = frozenset({"during", "nothing", "something", "anything", "everything", "thing", "morning", "evening",
                          "string", "king", "ring", "spring", "wing", "ceiling", "building"})


# the general words a story's heading says, which name no thing of its own ("the numbers after that", "what it cost
# us", "putting it right for the people affected")
_GENERAL = stems_of("""
    the my our its their his her this that these those and after before first then again once it them us we i me
    number numbers result results outcome fix cost lesson idea right affected afterwards what who how why where when
    cause causes reason reasons root decision evidence
    putting getting making doing keeping
    """)


def _words(label: str) -> list[str]:
    return [w.strip(" .,;:!?\"'()").lower() for w in label.split()]


@lru_cache(maxsize=2048)
def slot_heading(label: str) -> bool:
    """Whether a key point is written as a note heading that names a slot of the story: a wh-heading ("Why the
    backlog kept growing", "What I'd keep doing"), or a noun phrase or a doing whose words name nothing of their own
    beyond filler (`_SLOT_NOUN_WORDS`) or that asks a wh-rider ("The numbers after that", "The fix, and who signed it
    off", "Putting it right for the people affected"); not a question, a label with a colon, nor a sentence."""
    if "?" in label or ":" in label:
        return False
    words = [w for w in _words(label) if w]
    if not words:
        return False
    first = words[0]
    if first in _WH:
        return True
    if first in DEFINITE or (first.endswith("ing") and first not in _NOT_GERUNDS):
        rider = _WH_RIDER.search(label)
        if rider:                   # a thing and a wh-rider: "The technology and why I needed it"; not a sentence
            return len(label[:rider.start()].split()) <= _HEAD_WORDS     # before it ("The next day I went over ...")
        head = _OWN_CLAUSE.sub(" ", label)      # "The root cause I found": the candidate's clause names no content
        content = {t.stem for t in tokenize_text(head) if t.is_number or (len(t.norm) > 2 and t.stem not in FILLER)}
        return len(content - _GENERAL) <= _SLOT_NOUN_WORDS
    return False


@dataclass(frozen=True)
class HeadingForm:
    """What a key point's label says of its heading form: the slot `read_heading` reads (None: no such heading), and
    whether it is the judge's ", with a number" (`NUMBER_HEADING`), cause (`CAUSE_HEADING`), technology and why
    (`TECH_HEADING`) or "How I …" (`HOW_HEADING`) heading, and whether it names a slot at all (`slot_heading`)."""
    slot: Heading | None
    numbered: bool
    cause: bool
    technology: bool
    how: bool
    names_slot: bool

    @property
    def asks_number(self) -> bool:
        """Whether it asks for a figure told as the result: ", with a number", or a noun phrase headed by figures
        ("The numbers after that": `NUMBER`)."""
        return self.numbered or (self.slot is not None and self.slot.slot == NUMBER)


@lru_cache(maxsize=2048)
def heading_form(label: str) -> HeadingForm:
    """A key point's heading form, read once per label."""
    return HeadingForm(read_heading(label), bool(NUMBER_HEADING.match(label)), bool(CAUSE_HEADING.match(label)),
                       bool(TECH_HEADING.match(label)), bool(HOW_HEADING.match(label)), slot_heading(label))

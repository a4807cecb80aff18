"""A key point written as a note heading, read as a question with a slot, and what fills the slot (issue 11, judge102).

Candidates write their own key points as headings: "Who I brought in, and why", "What I changed so it stopped". A
heading's words name a slot of the story, not content a sentence comes near in meaning, so the judge credits it by
what fills the slot. Each heading is read by its grammar, not by its nouns (headings.py, `read_heading`):

- a wh-word and the candidate as subject ("Who I brought in", "Who we got involved") asks for a person or role the
  candidate brought in (`WHO`); "What I changed …", "What we did …" (a verb of change, `CHANGE_ASKED`) asks for the
  candidate's own act of change (`ACT`);
- a rider after a comma or "and", "…, and why", asks for the reason too (`Heading.why`);
- the heading's other content words ("in the library", "so it stopped") are its topic, kept for the caller.

The slot's fillers are read from a sentence's grammar (`fills_who`, `fills_act`), over its cleaned words: an involving
verb told in the past with the candidate as subject and a person after it ("I got the student librarians in",
"I asked the business manager to come down", "I went to our data manager"), and the reason after it ("because she
controls the paper budget", "she manages the messaging system", or the next sentence "They're year ten volunteers");
or the candidate's own past act of change on a thing named (`CHANGING`: "I took the recycling tray away from the
printer", "we sent the reminders to parents through the app instead"), not a finding ("I found out"), a word said
("I explained it"), a person brought in nor an activity ("I ran a taste test"). A number heading ("The outcome, with a
number": headings.NUMBER_HEADING) is also filled by a figure told as the result, by the grammar of a comparison
(`tells_result`: "went from about half to nearly ninety percent", "by the summer eleven out of fourteen").
judge106 reads more headings by their form: "What stops it happening again" (headings.py) asks for the
candidate's own act of change (`ACT`); a noun phrase headed by figures, "The numbers after that", asks for a figure told
as the result (`NUMBER`, by `tells_result`); "Who was hit, and by how much", someone else as subject and a how-much rider,
asks for a count and an amount told as figures (`AMOUNT`, `tells_amount`); "How it came to light", "How I found out"
asks for the way it became known (`LEARNT`, `tells_learning`: a finding told, "the auditor spotted", or someone telling
the candidate, "a driver rang me"; not under a denial, "I can't remember how we found it").
Negated, hypothetical and vague sentences are the caller's to set aside before (its usable units); a slot named
with nothing in it ("I brought in the right people to help", "I changed the process") fills nothing: every filler
needs `slot_filler_words` words of content beyond the heading's own.
"""

from __future__ import annotations

from collections.abc import Sequence

from voiceprep.core.analysis.headings import Heading
from voiceprep.core.analysis.keypoints import PARTICLES
from voiceprep.core.analysis.segments import BASE_PASTS, past_verb

# verbs of finding, knowing and perceiving: what follows is a state found, never the candidate's change ("I found the
# backlog was now three weeks behind", "I realised the tray was full of staples": `fills_act`)
FINDINGS = frozenset({"found", "find", "learned", "learnt", "learn", "noticed", "saw", "realised", "realized", "thought",
                      "knew", "know", "felt", "heard", "looked", "watched", "figured", "discovered", "spotted"})
# verbs of choosing, by their kind: the heading's verb ("choose") is done by any of its family, told in the past
CHOOSING = frozenset({"chose", "chosen", "picked", "selected", "voted", "decided"})
_FAMILIES = {"choose": CHOOSING, "pick": CHOOSING, "select": CHOOSING, "decide": CHOOSING, "vote": CHOOSING}
# verbs of finding a thing out, told in the past, by anyone ("the auditor spotted", "we found out", "I noticed it")
LEARNING = frozenset({"noticed", "spotted", "caught", "discovered", "saw", "found", "flagged", "picked"})
# verbs of telling, said to the candidate ("a driver rang me", "the bank rang us", "the comms team forwarded it to me")
TELLING = frozenset({"rang", "called", "phoned", "emailed", "told", "came", "forwarded", "wrote", "messaged", "texted",
                     "alerted", "warned", "raised", "reported", "complained"})
_TO_US = frozenset({"me", "us"})
_DENIAL_REACH = 5                 # words before a finding a denial reaches ("can't remember how we found it")
_DENIALS = frozenset({"cant", "dont", "didnt", "couldnt", "wasnt", "werent", "wont", "wouldnt"})   # as a recogniser writes
# verbs that tell no act on a thing: finding, knowing, saying, feeling, learning ("What I learned" asks for a lesson)
NOT_ACTS = FINDINGS | frozenset({"said", "told", "asked", "explained", "worked", "was", "were", "had", "wanted", "needed",
                                 "liked", "meant", "tried", "went", "came", "talked", "spoke", "agreed", "decided",
                                 "kept", "used", "sat", "got", "brought", "involved", "called", "invited", "emailed",
                                 "rang", "phoned", "contacted", "met", "pulled", "roped", "did", "let", "saved", "cost"})
# verbs that tell a change made to something already there or something new put in ("moved the desk to the door",
# "put in a shelf", "took the tray away", "swapped them round"), in the past; a verb re-doing something ("reorganised",
# "rearranged", "redesigned") is one too, and so is any act said as replacing what was ("… through the app instead")
CHANGING = frozenset({"changed", "moved", "put", "swapped", "switched", "replaced", "removed", "took", "cleared",
                      "added", "set", "introduced", "installed", "bought", "made", "built", "created", "stopped", "cut",
                      "extended", "shortened", "turned", "converted", "opened", "closed", "scrapped", "dropped",
                      "fixed", "started", "began", "banned", "limited", "split", "merged", "automated",
                      "wrote", "rewrote", "adjusted", "updated", "upgraded", "fitted", "locked", "labelled", "labeled",
                      "covered"})
_INSTEAD = frozenset({"instead", "now"})
# verbs of saying: what is said with "now" or "instead" is a change told, not made ("I explained to the head that
# parents would now get letters home", "we agreed she'd put a ream in instead": read49b 1)
SAYING = frozenset({"said", "told", "asked", "explained", "talked", "spoke", "agreed", "mentioned", "announced",
                    "suggested", "proposed", "promised", "warned", "reminded", "informed", "replied", "answered",
                    "argued", "reported", "recommended", "insisted", "assured", "reassured", "responded", "requested"})
# verbs of examining: what follows was looked at, not changed ("I reviewed the logs", "I checked the trays instead")
EXAMINING = frozenset({"reviewed", "researched", "rechecked", "revisited", "checked", "examined", "inspected",
                       "investigated", "studied", "analysed", "analyzed", "audited", "monitored", "traced", "read"})
# words of when, which name no thing changed ("we reviewed our processes afterwards": judge106)
_WHEN = frozenset({"afterwards", "afterward", "after", "later", "again", "then", "since", "before", "once", "today"})
# a verb's particles and manner adverbs ("-ly") name no thing changed
_PARTICLES = PARTICLES | frozenset({"around", "round", "back", "over", "about", "through"})
_BE = frozenset({"was", "were", "had", "did", "got"})      # "we were down only forty instead of two hundred": no act
# verbs of bringing a person in, told in the past: what follows (after a particle) is the person
INVOLVING = frozenset({"got", "brought", "asked", "called", "invited", "involved", "pulled", "roped", "went", "worked",
                       "spoke", "talked", "emailed", "rang", "phoned", "contacted", "met", "sat", "enlisted",
                       "recruited", "hired", "approached", "persuaded", "convinced"})
# words between a verb and the person it brings in ("went to", "worked with", "sat down with", "brought in")
_LINKS = frozenset({"to", "with", "in", "down", "up", "along", "over", "on", "round", "around", "together"})
# verbs that bring a person along with a particle ("brought in our union rep", "roped in the caretaker", "called over
# the site manager"); any other verb reaches a person after a link only through "with" or "to" ("worked with", "sat down
# with", "went up to"): "worked on the paper rota", "sat in the back office" name a thing or a place (read49b 7)
BRINGING = frozenset({"got", "brought", "pulled", "roped", "called", "invited", "hired"})
_TO_A_PERSON = frozenset({"with", "to"})
# words that end the person named ("I got the site team in, because …", "asked the business manager to come down")
_ENDS = frozenset({"because", "cos", "cuz", "coz", "since", "as", "to", "so", "and", "but", "who", "which", "that",
                   "in", "down", "up", "along", "over", "involved", "on", "round", "for", "about", "after", "when",
                   "she", "he", "they", "she's", "he's", "they're", "while", "from", "into"})
# what opens the reason a person was brought in: a cause ("because she controls the budget"), a purpose ("to look at
# the doors"), or what the person is or does, said of them ("she manages the messaging system")
REASONS = frozenset({"because", "cos", "cuz", "coz", "since", "as", "to", "who"})
# words for anyone at all, which name no person or role ("I brought in the right people")
_ANYONE = frozenset({"people", "person", "someone", "somebody", "everyone", "everybody", "anyone", "anybody", "folks",
                     "guys", "ones", "others", "help", "support"})
_PERSONAL = frozenset({"she", "he", "they", "she's", "he's", "they're", "they'd", "she'd", "he'd", "they've"})
# adverbs between the candidate and their verb ("I then took", "we finally moved")
_ADVERBS = frozenset({"then", "also", "just", "finally", "eventually", "quickly", "actually", "first", "now", "so",
                      "basically", "immediately", "simply", "personally", "later", "soon", "even", "straight"})
_SUBJECTS = frozenset({"i", "we"})
# a determiner or possessive that opens a person or thing named ("the business manager", "our supplier's rep")
OPENERS = frozenset({"the", "our", "my", "a", "an", "their", "his", "her", "two", "three", "some", "every", "each",
                     "all"})




def _acts(words: Sequence[str]) -> list[int]:
    """The word offsets of verbs the candidate is the subject of: after "I"/"we" (and an adverb or two), or after "and"
    in a clause the candidate opened ("I got the librarians in, …, and set up a lunch rota")."""
    out: list[int] = []
    subject = False
    for i, w in enumerate(words):
        if w in _SUBJECTS:
            subject = True
            j = i + 1
            while j < len(words) and words[j] in _ADVERBS:
                j += 1
            if j < len(words):
                out.append(j)
        elif w == "and" and subject and i + 1 < len(words) and _past(words[i + 1]) and words[i + 1] not in _SUBJECTS:
            out.append(i + 1)
        elif w in _PERSONAL or (w in ("it", "that", "which") and i + 1 < len(words) and words[i + 1] in ("was", "is")):
            subject = False         # another subject: "and he set us up" is not the candidate's
    return out


def _past(w: str) -> bool:
    """Whether a word is a verb told in the past: irregular, re-done ("rewrote", "rebuilt"), or "-ed"."""
    # "stuck" is an act in a story of acts ("I stuck a note on the printer"), not the judge's past ("stuck payments")
    if w in BASE_PASTS or w == "stuck" or past_verb(w):
        return True
    return w[:2] == "re" and (w[2:] in BASE_PASTS or past_verb(w[2:]))


def _content(words: Sequence[str], own: frozenset[str], vague: frozenset[str]) -> int:
    return sum(1 for w in words if len(w) > 2 and w not in vague and w not in own and w not in OPENERS
               and w not in _LINKS and w not in _ENDS and w not in _SUBJECTS and w not in _PERSONAL)


def fills_who(words: Sequence[str], next_words: Sequence[str], heading: Heading, own: frozenset[str],
              vague: frozenset[str], need: int) -> bool:
    """Whether a sentence (cleaned words) brings a person in, as the candidate's past act: an involving verb
    (`INVOLVING`), its links ("went to", "brought in": after a link only "with"/"to" opens a person unless the verb
    brings one with a particle, `BRINGING`), a person opened by a determiner or possessive, and, when the
    heading asks why, a reason told after the person (`REASONS`, or a clause said of them, "she manages …") in the
    sentence, or the next sentence said of them ("They're year ten volunteers") with `need` words of content."""
    why = heading.why
    for j in _acts(words):
        if words[j] not in INVOLVING or not _past(words[j]):
            continue
        k = j + 1
        while k < len(words) and words[k] in _LINKS:
            k += 1
        if k >= len(words) or words[k] not in OPENERS:
            continue
        if k > j + 1 and words[j] not in BRINGING and words[k - 1] not in _TO_A_PERSON:
            continue                # "I worked on the paper rota", "I sat in the back office": no person
        end = k + 1
        while end < len(words) and words[end] not in _ENDS:
            end += 1
        person = words[k:end]
        named = _content(person, own | _ANYONE, vague)     # "the right people", "everyone": nobody named
        if named < 1:
            continue
        if not why:
            return named >= need
        rest = list(words[end:])
        while rest and rest[0] in _LINKS | {"involved", "and"} and rest[0] not in REASONS:
            rest = rest[1:]
        if rest and (rest[0] in REASONS or rest[0] in _PERSONAL) and _content(rest[1:], own, vague) >= need:
            return True
        if not rest and next_words and next_words[0] in _PERSONAL and _content(next_words[1:], own, vague) >= need:
            return True
    return False


def _redoes(w: str) -> bool:
    """Whether a verb told in the past re-does something ("rewrote", "rebuilt", "reorganised", "rearranged"): "re" and a
    verb of change, or any "re…ed" verb that is not one of saying or examining ("reported", "reviewed", "reminded": no
    re-doing, read49b 1)."""
    return w[:2] == "re" and (w[2:] in CHANGING or len(w) > 6 and w.endswith("ed") and w not in SAYING | EXAMINING)


def fills_act(words: Sequence[str], own: frozenset[str], vague: frozenset[str], need: int) -> bool:
    """Whether a sentence (cleaned words) tells the candidate's own past act on a thing: a verb told in the past whose
    subject is the candidate (`_acts`), not a finding (`FINDINGS`), a word said (`SAYING`: "I explained that parents
    would now get letters") or a thing examined (`EXAMINING`), nor a person brought in, with `need` words of content
    after it in its clause ("I took the recycling tray away from the printer"); a verb beginning "re" only when it
    re-does something (`_redoes`)."""
    for j in _acts(words):
        w = words[j]
        if not _past(w) or w == "made" and words[j + 1:j + 2] == ["sure"]:      # "I made sure": no change
            continue
        if w in FINDINGS:           # "I found the backlog was now three weeks behind", "I realised …": no change
            continue
        end = j + 1
        while end < len(words) and words[end] not in ("because", "cos", "cuz", "coz", "but", "which", "so", "and"):
            end += 1
        changes = (w in CHANGING or _redoes(w)
                   or words[j + 1:j + 3] == ["up", "with"]             # "we came up with a new rule"
                   or w not in _BE | SAYING | EXAMINING and bool(_INSTEAD & set(words[j + 1:end])))
        if w in ("started", "began"):       # "I started covering every graphic novel": a practice begun
            changes = any(x.endswith("ing") for x in words[j + 1:j + 2])
        thing = [x for x in words[j + 1:end]       # "turned it around pretty quickly", "reviewed our processes afterwards":
                 if x not in _PARTICLES and x not in _WHEN and not x.endswith("ly")]          # no thing
        if changes and _content(thing, own, vague) >= need:
            return True
    return False


# ---- a number slot ("The result, with a number", "What it saved, with a number"): a figure told as the story's result
# words that put a figure after the change, when they open its time ("by the spring", "by Easter", "next stocktake",
# "within a term", "after that"): the figure is the state after
_AFTER_TIME = frozenset({"by", "next", "within", "after", "afterwards", "now", "since"})
# words of a time said after "by"/"within" ("by the end of the year", "by Easter"); not "a" ("within a second or two"
# is a limit, not a time after the change)
_OPEN_TIME = frozenset({"the", "that", "this", "then", "end", "half", "summer", "spring", "autumn", "winter",
                        "christmas", "easter", "term", "year", "month", "week"})


_PART = frozenset({"out", "of", "them", "those", "these", "us"})   # between a part and "of": "twelve of them out of"
# subjects that open a clause ("now I look back, I think three things went wrong": "now" is said of looking back, and
# the figure is in a clause of its own after "I"; "now it's one or two", "we now get six a week": one clause)
_CLAUSE_SUBJECTS = frozenset({"i", "we", "he", "she", "they", "you", "it", "there", "i'm", "we're", "it's", "there's",
                              "they're", "he's", "she's", "you're", "i'd", "we'd", "i've", "we've", "they've"})
_FOUND_REACH = 4            # words of a "by the time …" clause its verb is looked for in ("by the time anyone noticed")


def _now_clause_end(words: Sequence[str], i: int) -> int:
    """Where the clause "now" (words[i]) is said in ends: before a subject after its own ("now [that] we get …")."""
    k = i + 1
    if k < len(words) and words[k] == "that":
        k += 1
    if k < len(words) and words[k] in _CLAUSE_SUBJECTS:
        k += 1
    while k < len(words) and words[k] not in _CLAUSE_SUBJECTS:
        k += 1
    return k


def _found_then(words: Sequence[str], i: int) -> bool:
    """Whether "by" (words[i]) opens "by the time" the problem came to light ("By the time anyone noticed, forty
    students had lost their coursework"): a figure then is the harm done before anything was fixed, no result."""
    return (words[i + 1:i + 3] == ["the", "time"]
            and any(x in FINDINGS or x in LEARNING for x in words[i + 3:i + 3 + _FOUND_REACH]))


def tells_result(words: Sequence[str], figures: Sequence[int]) -> bool:
    """Whether a sentence (cleaned words) tells a figure as the story's result, by the grammar of a comparison: a
    move "from … to" a figure ("Collections went from about half to nearly ninety percent", "from every day to about
    one a fortnight"), a part of a whole ("eleven out
    of fourteen", "twelve of them out of the eighteen"), or a figure said after a time that follows the change ("by the
    spring we had twenty-two", "by the end it was four", "Next stocktake we were down thirty-eight"; "now" only in its
    own clause, `_now_clause_end`; not "by the time" it came to light, `_found_then`). `figures`: the
    offsets of the words said as numbers (a number word too: "one", "half"). Not "X instead of Y" alone: "it finished
    in forty minutes instead of five hours" is as often another story's result (dev2 d2f-af-rt-04, off-topic)."""
    at = sorted(figures)
    if not at:
        return False
    for i, w in enumerate(words):
        if w == "from" and any(words[j] == "to" and any(f > j for f in at) for j in range(i + 2, min(len(words), i + 8))):
            return True
        if w == "of" and any(f < i and set(words[f + 1:i]) <= _PART for f in at) and any(i < f <= i + 4 for f in at):
            return True                 # "eleven of the fourteen", "twelve of them out of the eighteen"
        if (w in _AFTER_TIME and i + 1 < len(words) and (words[i + 1] in _OPEN_TIME or w in ("next", "now", "afterwards"))
                and any(i < f <= i + 12 and (w != "now" or f < _now_clause_end(words, i)) for f in at)
                and not (w == "by" and _found_then(words, i))):
            return True
    return False


# words between the parts of one figure said in words ("a hundred and seventy", "two hundred and fifty")
_FIGURE_GAP = 2


def tells_amount(figures: Sequence[int], need: int) -> bool:
    """Whether a sentence tells who and how much by figures, for an amount heading ("Who was hit, and by how much"):
    at least `need` figures apart (`figures`: the offsets of the words said as numbers; words of one figure, "a hundred
    and seventy", are one), a count and an amount ("all nineteen apprentices were about forty pounds a month short",
    "twelve drivers about ninety pounds each"); not one figure alone ("about eight hundred pounds out")."""
    at = sorted(figures)
    runs = sum(1 for i, f in enumerate(at) if i == 0 or f - at[i - 1] > _FIGURE_GAP)
    return runs >= need


def tells_learning(words: Sequence[str], own: frozenset[str], vague: frozenset[str], need: int) -> bool:
    """Whether a sentence (cleaned words) tells how a thing became known, for a heading "How it came to light": a
    finding told in the past by anyone ("the auditor spotted", "I noticed it myself when I was checking one", "we found
    out when the transport manager rang me"), or someone telling the candidate ("a forklift driver rang me", "the bank
    rang us", "forwarded it to me"), with `need` words of content in the sentence beyond the heading's."""
    if _content(words, own, vague) < need:
        return False
    for i, w in enumerate(words):
        if any(x in ("not", "never", "no") or x.endswith("n't") or x in _DENIALS for x in words[max(0, i - _DENIAL_REACH):i]):
            continue                # "I honestly can't remember how we found it" (d2x-074): no way told
        if w in LEARNING and (w not in ("found", "picked") or words[i + 1:i + 2] in (["out"], ["it"], ["up"])):
            return True
        if w in TELLING and _past(w) and _TO_US & set(words[i + 1:i + 4]):
            return True
    return False


# ---- an objection slot ("Who pushed back, and on what"): someone named objecting, and to what (judge110)
# verbs of objecting, told in the past ("the operations director objected", "the site managers fought it")
OBJECTING = frozenset({"objected", "opposed", "resisted", "fought", "argued", "complained", "refused", "grumbled",
                       "moaned", "challenged", "questioned", "disagreed", "resented", "blocked", "protested", "pushed"})
# a state of objecting, after "was"/"were" ("was dead against it", "were worried about it", "weren't happy with …")
_AGAINST = frozenset({"against", "worried", "unhappy", "concerned", "upset", "wary", "sceptical", "skeptical",
                      "nervous", "angry", "furious", "unconvinced", "reluctant"})
_NOT_HAPPY = frozenset({"happy", "keen", "having", "convinced", "sure"})     # "weren't happy with", "weren't having it"
_WAS = frozenset({"was", "were"})
_WASNT = frozenset({"wasn't", "weren't", "wasnt", "werent"})
_DIDNT = frozenset({"didn't", "didnt"})
_DEGREES = frozenset({"dead", "really", "very", "quite", "so", "totally", "completely", "all", "a", "bit", "at", "first",
                      "too", "pretty", "strongly"})
# words that end the one objecting, back from the verb: a clause opens after them
_OPENS = frozenset({"and", "but", "so", "because", "then", "when", "which", "that", "while", "though", "although",
                    "actually", "well", "obviously", "also"})
# a few of anyone, which name nobody ("a few people pushed back", "some folks")
_FEW = frozenset({"few", "couple", "some", "several", "many", "lot", "lots", "all", "everyone", "everybody"})


_OPENER_REACH = 6           # words back from a verb its subject's opener is looked for in


def _opened_before(words: Sequence[str], i: int) -> Sequence[str]:
    """The words before words[i] back to the nearest opener (`OPENERS`), within `_OPENER_REACH` words and not past a
    clause's opening (`_OPENS`): "The Kettering site manager" objected, "A colleague on the pension side" suggested it;
    none when no opener opens them."""
    a = i - 1
    while a >= 0 and i - a <= _OPENER_REACH and words[a] not in OPENERS and words[a] not in _OPENS:
        a -= 1
    return words[a:i] if a >= 0 and words[a] in OPENERS else []


def _objecting(words: Sequence[str], i: int) -> int:
    """The offset after an objecting predicate that opens at words[i] ("objected", "pushed back", "was dead against",
    "weren't happy", "didn't want"), or -1."""
    w = words[i]
    if w in OBJECTING and (w != "pushed" or words[i + 1:i + 2] == ["back"]):
        return i + (2 if w == "pushed" else 1)
    if w in _WAS or w in _WASNT:
        k = i + 1
        while k < len(words) and words[k] in _DEGREES:
            k += 1
        if k < len(words) and (words[k] in _AGAINST if w in _WAS else words[k] in _NOT_HAPPY):
            return k + 1
    if w in _DIDNT and words[i + 1:i + 2] in (["want"], ["like"], ["agree"]):
        return i + 2
    return -1


def tells_objection(words: Sequence[str], own: frozenset[str], vague: frozenset[str], need: int) -> bool:
    """Whether a sentence (cleaned words) tells who objected and to what, for a heading "Who pushed back, and on what":
    someone other than the candidate named as the subject of an objecting predicate (`OBJECTING`, "was dead against
    it", "weren't happy with", "didn't want": `_objecting`), opened by a determiner or possessive just before it
    ("The Kettering site manager", "the lower-paid staff at Leicester"; not "a few people", "I", "we", "they"), and what they
    objected to told after it in the sentence, with `need` words of content ("because they'd lose their own reports",
    "his point was phones aren't allowed on the floor"); not "HR grumbled at first" (nothing objected to)."""
    for i in range(len(words)):
        after = _objecting(words, i)
        if after < 0:
            continue
        subject = _opened_before(words, i)      # "The Kettering site manager", "the older drivers"
        if not subject or (_SUBJECTS | _PERSONAL) & set(subject):
            continue
        if _content(subject, own | _ANYONE | _FEW, vague) < 1:
            continue            # "a few people pushed back, as they always do": nobody named
        what = [x for x in words[after:] if x not in _WHEN and x not in _DEGREES and x not in ("it", "this", "that")]
        if _content(what, own, vague) >= need:
            return True
    return False


# ---- a source slot ("Where the idea came from"): a source named, a person, a place, a thing read or seen (judge110)
# verbs of a thing's beginning, with "with"/"from" and the source after ("It started with an exit interview")
_ORIGIN = frozenset({"started", "began", "came", "stemmed", "grew", "arose"})
# verbs of taking a thing from a source or meeting it there ("I'd seen it in a webinar", "I pinched the layout from a
# friend", "something I'd read about in an article")
_TAKEN = frozenset({"seen", "saw", "read", "heard", "pinched", "borrowed", "copied", "nicked", "stole", "took", "got",
                    "picked", "learned", "learnt", "found", "spotted"})
_FROM = frozenset({"from", "with", "in", "at", "on"})
# verbs of putting an idea forward, by someone else ("A colleague on the pension side suggested it")
_SUGGESTING = frozenset({"suggested", "recommended", "proposed", "raised", "mentioned", "pitched", "floated"})
_IDEA = frozenset({"idea", "suggestion", "proposal", "brainchild"})


def tells_source(words: Sequence[str], own: frozenset[str], vague: frozenset[str], need: int) -> bool:
    """Whether a sentence (cleaned words) names where a thing came from, for a heading "Where the idea came from": a
    beginning told with its source ("It started with an exit interview", "That started with a reconciliation I did"), a
    thing met or taken from a source ("I'd seen it in a webinar by our software supplier", "I pinched the layout from a
    friend"), someone else putting it forward ("A colleague on the pension side suggested it", "It was the shop
    stewards' suggestion"); the source opened by a determiner or possessive, with `need` words of content in it or
    its clause beyond the heading's; not "it came from looking at the process" (no source named), nor "I proposed it"."""
    n = len(words)
    for i, w in enumerate(words):
        source: Sequence[str] = ()
        if w in _ORIGIN or w in _TAKEN:
            k = i + 1
            while k < n and k - i <= 3 and words[k] not in _FROM:
                k += 1
            if k < n and words[k] in _FROM and (w in _TAKEN or words[k] in ("with", "from")) and k + 1 < n \
                    and words[k + 1] in OPENERS:
                end = k + 1     # the source to its clause's end ("a friend who runs payroll at a retailer"), or to
                while end < n and words[end] not in _OPENS and words[end] != "as" and not (
                        _past(words[end]) and words[end - 1] not in _SUBJECTS | _PERSONAL):
                    end += 1            # another's verb ("the right people, a few people pushed back"; not "a
                    #                     reconciliation I did where the two runs didn't agree")
                source = words[k + 1:end]
        elif w in _SUGGESTING or (w in _IDEA and i > 0 and words[i - 1].endswith(("'s", "s'"))):
            opened = _opened_before(words, i)   # "A colleague on the pension side", "the shop stewards'"
            if opened:
                person = [x for x in opened if x not in _ADVERBS and x not in _WHEN]
                if _content(person, own | _ANYONE, vague) >= 1:      # a person named is a source
                    return True
        if source and _content(source, own | _ANYONE, vague) >= need:
            return True
    return False


# ---- an others' act slot ("How I let them choose"): the others doing the heading's verb, given the choice (judge110)
def _family(verb: str) -> frozenset[str]:
    """The past forms that do a heading's verb: its family (`_FAMILIES`), or its own regular past as spelt ("swap" ->
    "swapped", "try" -> "tried", "decide" -> "decided"; read50a)."""
    if verb in _FAMILIES:
        return _FAMILIES[verb]
    forms = {verb + "d", verb + "ed"}
    if len(verb) > 2 and verb.endswith("y") and verb[-2] not in _VOWELS:
        forms.add(verb[:-1] + "ied")                    # "try" -> "tried"
    if len(verb) > 2 and verb[-1] not in _VOWELS + "wxy" and verb[-2] in _VOWELS and verb[-3] not in _VOWELS:
        forms.add(verb + verb[-1] + "ed")               # "swap" -> "swapped", "plan" -> "planned"
    return frozenset(forms)


_VOWELS = "aeiou"


def tells_others_act(words: Sequence[str], verb: str, own: frozenset[str], vague: frozenset[str], need: int) -> bool:
    """Whether a sentence (cleaned words) tells others doing what a heading "How I let them choose" names: a verb of its
    family (`_family`: "picked", "chose", "voted") whose nearest subject back is not the candidate ("They ran their own
    book club and picked each month's book", not "I picked their books at their level"), or said as done by someone
    named ("the student picks were chosen by the student librarians"), with `need` words of content after it."""
    done = _family(verb)
    for i, w in enumerate(words):
        if w not in done:
            continue
        after = words[i + 1:]
        if after[:1] == ["by"] and after[1:2] and after[1] in OPENERS:
            by = after[1:]
            end = next((k for k, x in enumerate(by) if x in _OPENS), len(by))
            if _content(by[:end], own | _ANYONE, vague) >= 1 and _content(after, own, vague) >= need:
                return True
            continue
        subject = next((x for x in reversed(words[max(0, i - 10):i]) if x in _SUBJECTS or x in _PERSONAL), None)
        if subject in _SUBJECTS:        # the candidate's own choice: "I picked their books at their level"
            continue
        end = next((k for k, x in enumerate(after) if x in _OPENS or x in _SUBJECTS), len(after))
        if _content(after[:end], own, vague) >= need:
            return True
    return False


# ---- a doing for people ("Putting it right for the people affected"): the candidate's act, reaching them (judge110)
# words that name the people an act reaches, said after its verb ("refunded them", "rang every one of them", "wrote
# to each of them", "paid it into their pots"); not "every" or "each" alone ("every tax code batch gets a check")
_REACHED = frozenset({"them", "everyone", "everybody", "their", "him", "her"})
_CLAUSE = frozenset({"because", "cos", "cuz", "coz", "but", "which", "so", "and", "rather"})


def tells_act_for(words: Sequence[str], own: frozenset[str], vague: frozenset[str], need: int) -> bool:
    """Whether a sentence (cleaned words) tells the candidate's own past act done for the people a heading names
    ("Putting it right for the people affected"): a verb told in the past with the candidate as subject (`_acts`),
    no finding nor word said (`NOT_ACTS`), with `need` words of content in its clause ("We refunded everyone in the
    next pay with a note", "We paid them back the next week with a letter"), and the people reached after it in the
    sentence (`_REACHED`); not "we got everybody sorted" (no act), nor "we fixed the codes" (nobody reached)."""
    for j in _acts(words):
        w = words[j]
        if not _past(w) or w in NOT_ACTS or w == "made" and words[j + 1:j + 2] == ["sure"]:
            continue
        end = j + 1
        while end < len(words) and words[end] not in _CLAUSE:
            end += 1
        thing = [x for x in words[j + 1:end] if x not in _PARTICLES and x not in _WHEN and not x.endswith("ly")
                 and x not in _REACHED]
        if _content(thing, own, vague) >= need and _REACHED & set(words[j + 1:]):
            return True
    return False

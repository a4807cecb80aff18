"""A note heading said back with nothing in it fills no slot (issue 11, judge105).

Candidates write their own key points as note headings ("Why the backlog kept growing", "Who I pulled in", "The
numbers after that"). A heading names a slot of the story; an answer that recites the headings ("So I looked at why
the backlog kept growing and I got to the bottom of it. I pulled in the right people to help us ... And the numbers
after that were a lot better") names every slot and fills none, yet each sentence is close in meaning to its heading.

So, for a key point written as a heading (`headings.slot_heading`: its form, not its words), a piece of the answer
carries it only when, once the words of the question and of all the prompt's headings (`recital_stems`, with their run-together
forms: "pushed back" -> "pushback") and generic filler (`FILLER`: "the right people", "what needed changing", "a lot
better", "as these things do") are taken away, some word of content is left: a name, a figure, a thing, an act
("a night-shift operator rang me on pay day", "It was the leavers", "We found out from a tweet"). The caller counts
the content words (the judge's `specific_words`) against `AnalysisSettings.recital_content_min`.

A label written as a sentence or a claim ("I took over the pass", "Moved to Stripe, cut PCI scope by half"), a
question, a label with a colon (a topic and its content) and a noun phrase with content of its own ("Building a
metrics pipeline across five regions": a claim read back is credited, the verbatim rule) are no slot headings.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from voiceprep.core.analysis.keypoints import PARTICLES
from voiceprep.core.analysis.text import stem, tokenize_text


def stems_of(words: str) -> frozenset[str]:
    """The stems of words written in a block (`FILLER`, headings' general words)."""
    return frozenset(stem(w) for w in words.split())


# generic filler: words any recital says that name nothing of this story. Generic people ("the right people",
# "everybody"), praise and size with no measure ("a lot better", "really positive", "a big improvement"), acts of
# looking, needing, helping and managing with no object named ("I looked at", "what needed changing", "I got to the
# bottom of it", "put in place"), the general nouns of any process ("the process", "a fix", "the changes") and
# hedges, frequencies and links ("as these things do", "always", "quickly", "because")
FILLER = stems_of("""
    people person everyone everybody someone somebody anyone folks stakeholders colleagues
    better worse best good great positive negative important significant big huge massive key real successful success
    difference improvement improve improved benefit benefits robust effective smooth happy happier clear inviting
    engaged engagement
    look looked looking see saw seen noticed help helped need needed needs take took taken make made sure manage
    managed identified identify investigated investigate communicated communicate communication ownership handle
    handled sort sorted deal dealt came come place put bottom
    process processes approach way ways fix issue issues problem opportunity solution change changes changing area
    plan case business situation everything something
    few amount lot lots quick quickly always usually eventually definitely really because then also though through
    """)




@lru_cache(maxsize=512)
def recital_stems(question: str, labels: tuple[str, ...]) -> frozenset[str]:
    """The stems a recital says with nothing in it: the question's words, every heading's of the prompt, a verb run
    into its particle ("pushed back" -> "pushback", "signed it off" -> "signoff": `_run_together`), and `FILLER`."""
    out: set[str] = set(FILLER)
    for text in (question, *labels):
        tokens = tokenize_text(text)
        out.update(t.stem for t in tokens)
        out.update(_run_together(t.norm for t in tokens))
    return frozenset(out)


def _run_together(norms: Iterable[str]) -> set[str]:
    """"pushed back" -> "pushback", "signed it off" -> "signoff": a verb's bare stem run into its particle."""
    words = list(norms)
    return {stem(w.removesuffix("ed") + words[j]) for i, w in enumerate(words)
            for j in (i + 1, i + 2) if j < len(words) and words[j] in _PARTICLES}


_PARTICLES = PARTICLES | frozenset({"back", "in", "on", "over"})

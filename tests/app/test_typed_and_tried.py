"""fixDK (walk57 2c): one rule for typed words, said alike where words are typed. Practice's typed answer (Ctrl+T) is
the answer itself and is read as written; the bank editor's Try it previews a spoken answer and reads the words as
Practice hears one, so a word that sounds like a cue counts there. The typed answer dialog and Try it say so in the
same words (core.wording.TYPED_AND_TRIED)."""

from __future__ import annotations

from voiceprep.app import judging
from voiceprep.app.trial import try_point
from voiceprep.core.banks.load import parse_bank
from voiceprep.core.transcript import Transcript
from voiceprep.core.wording import TYPED_AND_TRIED
from voiceprep.settings import AnalysisSettings

BANK = parse_bank('schema = 1\n[job]\nid = "x"\ntitle = "X"\n[[rounds]]\nid = "r"\ntitle = "R"\n'
                  '[[rounds.prompts]]\nid = "p"\ntext = "Tell me about your team."\n'
                  '[[rounds.prompts.key_points]]\nid = "k"\nlabel = "Monitoring"\n'
                  'cues = ["monitoring"]\nmin_cues = 1\n')
SOUNDS_LIKE = "We did a lot of Mentoring for the payment services."     # "Mentoring": "monitoring" misheard
WORDS = AnalysisSettings(semantic_judge=False)                          # the cue match alone decides


def _typed_in_practice(said: str) -> bool:
    prompt = BANK.prompt("p")
    a = judging.run_judge(BANK, prompt, Transcript.from_text(said), WORDS)
    return next(r for r in a.key_points if r.key_point.id == "k").hit


def test_a_typed_answer_is_read_as_written_and_try_it_as_heard_and_both_are_said_so():
    assert not _typed_in_practice(SOUNDS_LIKE)                      # typed: another word, as written
    assert try_point(BANK, "p", "k", SOUNDS_LIKE, WORDS).counted    # Try it: as Practice would hear it said
    # the rule as the user reads it names both behaviours
    assert "typed answer is read as written" in TYPED_AND_TRIED and "sounds like a cue counts" in TYPED_AND_TRIED
    # read43a 6: Try it's tooltip says this while its author types in Try it's own box, so the as-written rule names
    # where it holds before Try it's rule follows ("A typed answer is read as written" read there says the opposite)
    as_written, _, tried = TYPED_AND_TRIED.partition(";")
    assert "In Practice" in as_written and "Try it" not in as_written and "Try it" in tried
    # the words spelled right count in both
    spelled = "We did a lot of monitoring for the payment services."
    assert _typed_in_practice(spelled) and try_point(BANK, "p", "k", spelled, WORDS).counted

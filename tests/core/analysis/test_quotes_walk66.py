"""walk66 3: a 4/4 debugging answer's quotes were shuffled across its points. "The fix and the measured result", ticked
by its words, was quoted by the symptom's sentence (the first that says "{number} milliseconds"), so the fix sentence
was quoted nowhere; then `AnswerJudge.one_to_one`'s pairwise swaps moved "How you found it" onto the symptom's sentence
for a hair of closeness (0.45 against 0.41 on its own tracing sentence), the symptom off its own (1.05) and the
prevention point onto the tracing sentence. Quotes only: every decision is the same either way.

Open (xfail, strict): mend58 fixed both answers (a words-carrier ranks a sentence another point holds last; a pairwise
swap needs one own word's gain, 0.08) but moved 98 quotes on dev2 A-T about as often for the worse as for the better:
the hair-thin swaps the margin blocks often put right a wrong carrier (debugging answers whose symptom and fix
sentences both say "N milliseconds" and "timeouts"). judge120 (session 52) tried a carrier that, for a point asking
the candidate's act or the result, prefers a sentence telling their act, with mend58's swap margin: both tests pass,
but evidence_dev2 dev fell 270 -> 266 of 334 (the symptom's carrier is often the recovery sentence, "p95 went back to
around three-twenty, timeouts basically to zero", which only a hair-thin swap put right): not taken. See
docs/benchmarks.md, mend58 and judge120."""
from __future__ import annotations

import pytest

from tests.core.analysis.conftest import BANKS
from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.banks.load import load_bank
from voiceprep.core.transcript import Transcript
from voiceprep.settings import AnalysisSettings

pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py

TYPED = (
    "Our checkout API's p99 latency jumped from three hundred milliseconds to four seconds, and customers saw timeouts "
    "at peak. I followed one slow request through our Jaeger traces and saw the order service calling the pricing "
    "service once per cart item. That N plus one pattern was the root cause. I batched the calls into one request, and "
    "p99 went back to two hundred and fifty milliseconds. Then I added a load test to CI and an alert on the call count "
    "per request.")

# the same answer spoken (espeak en-us-nyc, 145 wpm) as tiny.en heard it with the bank's vocabulary
HEARD = (
    "I'll check out APIs behind the high latency jumped from 300 milliseconds to 4 seconds, and customers saw time out "
    "set peak. I followed one slow request from our younger traces, and saw the order service calling the pricing "
    "service once we caught item. The N plus one pattern was the root cause. I matched the call into one request, and "
    "behind the I went back to 250 milliseconds. Then I ended the load test to CI, and the load on the call count for "
    "the request.")


@pytest.fixture(scope="module")
def bank():
    return load_bank(BANKS / "affirm-backend-platform.toml")


def quotes(bank, text: str) -> dict[str, str]:
    a = analyze_answer(bank, bank.prompt("debug-performance"), Transcript.from_text(text), AnalysisSettings())
    return {r.key_point.id: a.evidence[r.key_point.id][0].text for r in a.key_points if r.hit}


@pytest.mark.xfail(strict=True, reason="walk66 3, open: the fix is quoted by the symptom's sentence")
def test_the_fix_is_quoted_by_the_fix_sentence_not_by_the_symptoms_figures(bank):
    """The fix point's cue ("{number} milliseconds") is said in the symptom's sentence and in the fix's: the symptom's
    is the symptom point's quote, which it quotes far better (`_taken`), so the fix's sentence carries the fix."""
    q = quotes(bank, TYPED)
    assert q["fix-and-result"].startswith("I batched the calls"), q
    assert q["symptom"].startswith("Our checkout API's p99"), q
    assert q["prevention"].startswith("Then I added a load test"), q


@pytest.mark.xfail(strict=True, reason="walk66 3, open: three points' quotes rotate")
def test_spoken_each_point_keeps_its_own_sentence(bank):
    q = quotes(bank, HEARD)
    assert set(q) == {"symptom", "tools", "root-cause", "fix-and-result", "prevention"}, q
    assert q["symptom"].startswith("I'll check out APIs"), q
    assert q["tools"].startswith("I followed one slow request"), q
    assert q["root-cause"].startswith("The N plus one pattern"), q
    assert q["fix-and-result"].startswith("I matched the call"), q
    assert q["prevention"].startswith("Then I ended the load test"), q

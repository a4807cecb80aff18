"""judge106 (issue 11, session 49): more note headings read as a question with a slot by their grammar
(`voiceprep.core.analysis.slots`): "What stops it happening again" asks for the candidate's own past act of change, as
"What I changed" does; "Who was hit, and by how much" asks for a group and what it came to, told as figures; "How it came to
light" asks for a finding told or someone telling the candidate; "The
numbers after that", a noun phrase headed by figures, asks for a figure told as the result (`tells_result`), as ",
with a number" does. Not by the vague answer, the negated or the hypothetical one. The answers
are writer X's (dev2 tuning), told through the real judge."""
from __future__ import annotations

import pytest

from tests.core.analysis.answers import written_bank
from voiceprep.core.analysis.evaluation import judge_hits
from voiceprep.core.analysis.headings import ACT, AMOUNT, LEARNT, NUMBER, read_heading
from voiceprep.core.analysis.judge import VAGUE as VAGUE_WORDS
from voiceprep.core.analysis.slots import fills_act, tells_amount
from voiceprep.core.transcript import Transcript
from voiceprep.settings import AnalysisSettings

pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py

BANK = '''schema = 2

[job]
id = "judge106-headings"
title = "Payroll Manager"
company = "Midlands Foods"
level = "mid"

[[rounds]]
id = "interview"
title = "Interview with the finance director"

[[rounds.prompts]]
id = "pay-error"
text = "Tell me about a time a payroll mistake reached people's pay. What did you do?"
target_seconds = 120

[[rounds.prompts.key_points]]
id = "came-to-light"
label = "How it came to light"
competency = "controls"

[[rounds.prompts.key_points]]
id = "who-hit"
label = "Who was hit, and by how much"
competency = "controls"

[[rounds.prompts.key_points]]
id = "never-again"
label = "What stops it happening again"
competency = "controls"

[[rounds.prompts]]
id = "backlog"
text = "Tell me about a time your team's workload got out of hand."
target_seconds = 120

[[rounds.prompts.key_points]]
id = "numbers-after"
label = "The numbers after that"
competency = "controls"

[[competencies]]
id = "controls"
name = "Errors and controls"
weight = 1.0
definition = "Puts mistakes right and stops them coming back."
'''

# writer X's d2x-056 (dev2), a strong answer: the procedure changed so the code file is checked by a second person
TAX_CODES = (
    "So this one we caught ourselves, sort of. When I was doing the bank reconciliation on the Monday, the total paid "
    "didn't match the payroll total by about four thousand pounds, and when I dug in, the tax codes from HMRC's latest "
    "batch had been loaded twice. That meant twenty-six monthly staff had been overtaxed, by about a hundred and fifty "
    "each. I rang every one of them that day before they noticed, and we refunded them through a special run on the "
    "Wednesday, not the next pay day. Then I changed the procedure so the HMRC code file is loaded by one person and "
    "checked by another against a count, how many codes HMRC sent against how many changed.")
# d2x-057: a check built into the monthly file
PENSION = (
    "Um, it was the pension, actually. Our auditor spotted that the employer contribution for new starters was being "
    "calculated on basic pay only, not on shift premium. We paid the whole lot into their pots with interest, in one "
    "go. And I built a check into the monthly pension file: a sample of ten starters recalculated by hand before it "
    "goes.")
# d2x-070 (vague): every slot named, none filled ("we reviewed our processes afterwards")
VAGUE = (
    "There was an issue with some payments a while back, some people weren't paid what they should have been. It "
    "wasn't great, but we dealt with it, we got everybody sorted, and we reviewed our processes afterwards. I think it "
    "made us a stronger team, honestly.")
NEGATED = (
    "The tax codes were loaded twice and twenty-six staff were overtaxed. We refunded them on the Wednesday, but I "
    "never changed the procedure, and nobody checks the code file even now.")
HYPOTHETICAL = (
    "The tax codes were loaded twice and twenty-six staff were overtaxed. If it happened again I would change the "
    "procedure so the code file is checked by a second person against a count.")
# d2x-003: corrections counted before and after the change
TIMESHEETS = (
    "Timesheets. On the bakery site the night supervisors only came in Sunday nights, so they were signing off the "
    "week's sheets on the Monday, after our cut-off. So I moved the cut-off for that one site to Monday noon and we "
    "keyed their sheets first thing. Corrections went from about sixty a week to under ten.")
# d2x-007: the change told, no figure after it ("eleven till three" is the hours chosen, not a result)
PHONES = (
    "We were about three weeks behind on queries at one point. Straight away I stopped the team picking up the phone "
    "before eleven. I talked it through with the team first and let them pick the hours, because it was their day "
    "being changed, and they came up with eleven till three. After that it felt a lot calmer and we caught up, slowly.")
# d2x-063, d2x-072 (asr): a count of people and an amount each
BANK_HOLIDAY = (
    "It was the overtime on a bank holiday. Sixty-two people on the Christmas week shift at the bakery got single time "
    "instead of double, which for most of them was about a hundred and twenty quid. Afterwards we put a bank holiday "
    "calendar into the system, so the rate switches automatically on the day.")
DRIVERS = (
    "the bank holiday double time didnt go through for the drivers twelve drivers about ninety pounds each we found out "
    "when the transport manager rang me the next morning we sorted it with an extra payment on the tuesday")
# d2x-064: who, told without a figure ("a handful of people", "a bit out of pocket"): not how much
HANDFUL = (
    "A student loan deduction error. HMRC's notice came to us, they said a handful of people had had the wrong plan "
    "type deducted. Some people were a bit out of pocket. We refunded everyone in the next pay with a note.")
# d2x-076 (off-topic): one figure, the candidate's own pay before working in payroll
OWN_PAY = (
    "A mistake, well, the one that sticks with me was in my own pay, before I worked in payroll. My employer put me on "
    "an emergency tax code for most of a year and I ended up about eight hundred pounds out.")
AMOUNT_PLANNED = (
    "If a mistake reached people's pay, I'd want to know how many people and how much straight away, say forty people "
    "at two hundred pounds each, and I'd get a same-day payment out to them.")
# d2x-055, d2x-062: someone telling the candidate; the candidate's own finding
RANG_ME = (
    "A Friday in August. One of the forklift drivers at Leicester rang me at half seven in the morning because his pay "
    "was about a hundred and sixty pounds short, and then the phone didn't stop. By eleven I'd got the finance "
    "director to release a same-day faster payment for every one of them.")
NOTICED = (
    "So the maternity pay for a few of the women at Kettering was being worked out on the wrong weeks. I noticed it "
    "myself when I was checking one, the average looked too low for someone on nights.")
# d2x-074 (negated): the finding not remembered
NOT_REMEMBERED = (
    "I honestly can't remember how we found it, it was years ago. Some of the bakery staff got their pay late because "
    "the payment file went in after the bank's cut-off.")
# d2x-069 (vague): the slot named back
NAMED_BACK = (
    "So it came to light, and we looked at who was hit and by how much. Then we put it right for the people affected, "
    "as quickly as we could.")
NUMBERS_HOPED = (
    "Timesheets were late every week. If I did it again I'd move the cut-off to Monday noon, and corrections would go "
    "from about sixty a week to under ten.")


@pytest.fixture(scope="module")
def bank(tmp_path_factory):
    return written_bank(tmp_path_factory, "judge106-headings.toml", BANK)


def ticked(bank, text: str, prompt: str) -> set[str]:
    return judge_hits(Transcript.from_text(text), bank.prompt(prompt), AnalysisSettings(), bank)


@pytest.mark.parametrize("text", [TAX_CODES, PENSION])
def test_a_prevention_heading_is_credited_by_an_own_act_of_change(bank, text):
    """d2x-056, d2x-057 (semantic-92: missed): "Then I changed the procedure so the HMRC code file is loaded by one
    person and checked by another", "I built a check into the monthly pension file"."""
    assert "never-again" in ticked(bank, text, "pay-error")


@pytest.mark.parametrize("text", [VAGUE, NEGATED, HYPOTHETICAL])
def test_a_prevention_heading_is_not_credited_by_the_slot_named_denied_or_planned(bank, text):
    assert "never-again" not in ticked(bank, text, "pay-error")


@pytest.mark.parametrize("text", [BANK_HOLIDAY, DRIVERS])
def test_an_amount_heading_is_credited_by_a_count_and_an_amount(bank, text):
    """d2x-063, d2x-072 (semantic-92: missed): "Sixty-two people ... about a hundred and twenty quid", "twelve drivers
    about ninety pounds each"."""
    assert "who-hit" in ticked(bank, text, "pay-error")


@pytest.mark.parametrize("text", [HANDFUL, OWN_PAY, AMOUNT_PLANNED, VAGUE])
def test_an_amount_heading_is_not_credited_without_figures_told(bank, text):
    assert "who-hit" not in ticked(bank, text, "pay-error")


@pytest.mark.parametrize("text", [RANG_ME, NOTICED, DRIVERS])
def test_a_came_to_light_heading_is_credited_by_a_finding_or_a_telling(bank, text):
    """d2x-055, d2x-062, d2x-072 (semantic-92: missed): "One of the forklift drivers at Leicester rang me", "I noticed
    it myself when I was checking one", "we found out when the transport manager rang me"."""
    assert "came-to-light" in ticked(bank, text, "pay-error")


@pytest.mark.parametrize("text", [NOT_REMEMBERED, NAMED_BACK, VAGUE])
def test_a_came_to_light_heading_is_not_credited_without_the_way_told(bank, text):
    assert "came-to-light" not in ticked(bank, text, "pay-error")


def test_a_figures_heading_is_credited_by_a_figure_told_as_the_result(bank):
    """d2x-003 (semantic-92: missed): "Corrections went from about sixty a week to under ten"."""
    assert "numbers-after" in ticked(bank, TIMESHEETS, "backlog")


@pytest.mark.parametrize("text", [PHONES, NUMBERS_HOPED])
def test_a_figures_heading_is_not_credited_without_a_result_told(bank, text):
    assert "numbers-after" not in ticked(bank, text, "backlog")


def test_more_headings_are_read_by_their_grammar():
    """"What stops/prevents …" asks for an act (no candidate as subject, no rider); a noun phrase headed by figures
    asks for a number; a noun phrase headed by anything else is not read here."""
    stops = read_heading("What stops it happening again")
    assert stops is not None and stops.slot == ACT and not stops.why and stops.topic == ("it", "happening", "again")
    numbers = read_heading("The numbers after that")
    assert numbers is not None and numbers.slot == NUMBER
    assert read_heading("Our figures afterwards") is not None
    light = read_heading("How it came to light")
    assert light is not None and light.slot == LEARNT
    assert read_heading("How I found out") is not None
    assert read_heading("How I let them choose") is not None       # judge110: the others choosing
    hit = read_heading("Who was hit, and by how much")
    assert hit is not None and hit.slot == AMOUNT and hit.topic == ("was", "hit")
    assert read_heading("Who lost out and how many") is not None
    assert read_heading("Who I told, and how much") is None          # the candidate as subject: not someone hit
    assert read_heading("The fix, and who signed it off") is None
    assert read_heading("The numbers, and what they meant") is None      # a rider: not a plain figures heading


def test_a_time_word_names_no_thing_changed():
    """"we reviewed our processes afterwards": "afterwards" is when, not what; the thing changed needs two words."""
    none: frozenset[str] = frozenset()
    assert not fills_act(["we", "reviewed", "our", "processes", "afterwards"], none, VAGUE_WORDS, 2)
    assert fills_act(["i", "built", "a", "check", "into", "the", "pension", "file"], none, VAGUE_WORDS, 2)


def test_figures_of_one_amount_are_one():
    """"a hundred and seventy" is one figure; a count and an amount are two."""
    assert not tells_amount([3, 5], 2)                 # "short by about a hundred and seventy"
    assert tells_amount([1, 6, 8], 2)                 # "all nineteen apprentices were about forty ... pounds"

"""walk63's bank, rebuilt: Affirm backend questions with key points written the way walk63 wrote its own, as note
headings ("The root cause I found", "The result, with a number"). The judge's slot headings (test_judge_walk63,
test_review_read48d/e) read two of its questions and the quotes (test_quotes_walk63) two others; each test file held
its own copy of the bank's text. Not one bank of all four: a bank's other questions change what the judge credits
(with the quote tests' questions beside them, GO_STORY's "How I learned it fast" is not ticked)."""
from __future__ import annotations

from tests.core.analysis.answers import written_bank
from voiceprep.core.banks.model import Bank

JOB = '''schema = 2

[job]
id = "{job}"
title = "Software Engineer - Backend Platform"
company = "Affirm"
level = "senior"

[[rounds]]
id = "round-1"
title = "Behavioral - backend platform"

'''

NEW_TECHNOLOGY = '''[[rounds.prompts]]
id = "time-pick-new-technology"
text = "Tell me about a time you had to pick up a new technology quickly."
target_seconds = 120

[[rounds.prompts.key_points]]
id = "technology-needed"
label = "The technology and why I needed it"
competency = "technical-decisions"

[[rounds.prompts.key_points]]
id = "learned-fast"
label = "How I learned it fast"
competency = "technical-decisions"

[[rounds.prompts.key_points]]
id = "result-number"
label = "The result, with a number"
competency = "technical-decisions"

'''

DEBUGGED_PERFORMANCE = '''[[rounds.prompts]]
id = "debugged-performance"
text = "Tell me about a time you debugged a performance problem across distributed services."
target_seconds = 120

[[rounds.prompts.key_points]]
id = "root-cause"
label = "The root cause I found"
competency = "technical-decisions"

[[rounds.prompts.key_points]]
id = "result-number"
label = "The result, with a number"
competency = "technical-decisions"

'''

DEBUGGED = '''[[rounds.prompts]]
id = "debugged"
text = "Tell me about a time you debugged a performance problem that crossed several distributed services."
target_seconds = 150

[[rounds.prompts.key_points]]
id = "traced"
label = "How I traced where the time went across the services"
competency = "distributed-systems"

[[rounds.prompts.key_points]]
id = "root-cause"
label = "The root cause I found"
competency = "distributed-systems"

[[rounds.prompts.key_points]]
id = "fix"
label = "The fix I chose and why I picked it over the other options"
competency = "technical-decisions"

[[rounds.prompts.key_points]]
id = "result"
label = "The result, with a number"
competency = "distributed-systems"

'''

PIPELINE = '''[[rounds.prompts]]
id = "pipeline"
text = "Tell me about a time you designed or rebuilt a real-time data pipeline."
target_seconds = 120

[[rounds.prompts.key_points]]
id = "why-old"
label = "Why the old pipeline was not good enough"
competency = "distributed-systems"

[[rounds.prompts.key_points]]
id = "design"
label = "The design I chose"
competency = "technical-decisions"

[[rounds.prompts.key_points]]
id = "no-loss"
label = "How we made sure no events were lost or counted twice"
competency = "distributed-systems"

[[rounds.prompts.key_points]]
id = "switch"
label = "How we switched over safely"
competency = "distributed-systems"

[[rounds.prompts.key_points]]
id = "after"
label = "What changed afterwards, with a number"
competency = "technical-decisions"

'''

COMPETENCIES = '''[[competencies]]
id = "distributed-systems"
name = "Distributed systems"
weight = 0.55
definition = "Designs and debugs systems across services."

[[competencies]]
id = "technical-decisions"
name = "Technical decisions"
weight = 0.45
definition = "Weighs options, decides, and owns the call."
'''

HEADINGS = JOB.format(job="walk63-headings") + NEW_TECHNOLOGY + DEBUGGED_PERFORMANCE + COMPETENCIES
BACKEND = JOB.format(job="walk63-backend") + DEBUGGED + PIPELINE + COMPETENCIES


def walk63_bank(tmp_path_factory, text: str = HEADINGS) -> Bank:
    """One of the two banks (`HEADINGS`, `BACKEND`) loaded from a file of its own (for a module-scoped fixture)."""
    name = "walk63-headings.toml" if text == HEADINGS else "walk63-backend.toml"
    return written_bank(tmp_path_factory, name, text)

"""A follow-up asks what a key point is about, not its content (walk22: "Could you name what you built: global
monitoring, cross-region observability, infrastructure tooling?" read the answer back to the candidate). A label
"<head>: <examples, a list, detail>" is asked from its head in every shape; examples in brackets or after "such as",
"like", "for example" are not read out either."""

from __future__ import annotations

import re

import pytest

from tests.core.analysis.followup_cases import case_ids, quiet
from tests.core.analysis.test_followups import _plain, not_one_question
from tests.core.analysis.test_followups_leftovers import WITH_BANKS
from voiceprep.core.analysis.followups import follow_up_for
from voiceprep.core.banks.model import KeyPoint


def _asked_as(label: str, asked: str) -> None:
    """As written with cues of its own and as typed in the editor (cues from its words)."""
    for q in (follow_up_for(KeyPoint(id="k", label=label, cues=())), follow_up_for(_plain(label))):
        assert q == asked
        assert not_one_question(q) is None, (q, not_one_question(q))


@pytest.mark.parametrize("label, asked", [
    # walk22: the airwallex bank's instructions, asked from what comes before their list
    ("Name what you built: global monitoring, cross-region observability, infrastructure tooling",
     "Could you name what you built?"),
    ("Quantify the impact: latency, incidents, cost, time to detect, with numbers", "Could you quantify the impact?"),
    ("Connect it to Airwallex: detecting routing and reliability issues early across cloud regions",
     "Could you connect it to Airwallex?"),
    ("Say what Airwallex builds: multi-currency business accounts, global transfers, embedded finance",
     "Could you say what Airwallex builds?"),
    ("Explain the mechanics: ring buffer, single writer / sequencer, lock-free, pre-allocation, batching",
     "Could you explain the mechanics?"),
    ("Walk the stages: collect, prioritize, relay, sort, validate, archive", "Could you walk me through the stages?"),
    ("Measure what users feel: crash-free sessions, app start time, API success rate",
     "How would you measure what users feel?"),
    # examples in brackets, in every shape
    ("Say your role and the decisions you made (I designed, I led, I decided)",
     "Could you say your role and the decisions you made?"),
    ("The availability you reached and how you measured it (nines, SLO)",
     "Can you tell me about the availability you reached and how you measured it?"),
    ("A durable log at the core (Kafka or similar), partitioned for ordering",
     "Can you tell me about a durable log at the core, partitioned for ordering?"),
    # examples after "such as", "like", "for example"
    ("The change in practice we made, such as hourly rounding, a bundle or a checklist",
     "Can you tell me about the change in practice you made?"),
    ("The result after launch with a number, like adoption, volume or revenue",
     "Can you tell me about the result after launch with a number?"),
    ("I noticed the warning signs early, like falling usage or our main contact leaving",
     "You haven't said yet how you noticed the warning signs early. Can you walk me through that?"),
    ("They renewed, and I can put a number on it, such as the contract value or the usage afterwards",
     "You haven't said yet that they renewed, and you can put a number on it. Can you tell me about that?"),
    ("I know what I still need to learn, such as budgets and scheduling, and how I am learning it",
     "You haven't said yet how you know what you still need to learn, and how you are learning it. Can you walk me "
     "through that?"),
    ("Give a number, for example the error rate or the time to recover", "Could you give a number?"),
    # the answer named in the instruction itself: asked for what it is
    ("Name the LMAX Disruptor as the design you chose", "Could you name the design you chose?"),
    ("Mention Kafka as your event backbone", "Could you mention your event backbone?"),
    # fix42's leftover: a noun and its participle is what was done to it, not a topic "consistency kept"
    ("Consistency kept: transactions, isolation level, constraints, locking",
     "Can you tell me how consistency was kept?"),
    ("Duplicate payments prevented: idempotency keys, unique constraints",
     "Can you tell me how duplicate payments were prevented?"),
    ("Latency shrank by half", "How much did latency shrink?"),
])
def test_a_label_is_asked_about_its_head_not_its_content(label, asked):
    _asked_as(label, asked)


def test_an_instruction_with_nothing_before_its_colon_is_still_asked_whole():
    """"Say: ..." has no head to ask from; its words are the point."""
    assert follow_up_for(KeyPoint("k", "Say: why this team", ())) == "Could you say: why this team?"


@pytest.mark.parametrize("stem,bank,kp", WITH_BANKS, ids=case_ids(WITH_BANKS))
def test_no_bundled_label_reads_its_content_back(stem, bank, kp):
    """What follows a label's colon, its brackets and its "such as" examples are not in the question asked."""
    with quiet(stem):         # an out-of-sample bank: its label not shown (followup_cases)
        q = follow_up_for(kp, bank)
        label = kp.label
        tail = label.split(":", 1)[1].strip() if ":" in label else ""
        shown = [t.strip() for t in re.findall(r"\(([^)]*)\)", label)]
        shown += [m.group(1).strip() for m in re.finditer(r",\s*(?:such as|like|for example)\s+([^,]+)", label)]
        for part in ([tail] if tail else []) + shown:
            words = re.findall(r"[a-z0-9-]+", part.lower())
            if len(words) >= 2:
                assert " ".join(words) not in " ".join(re.findall(r"[a-z0-9-]+", q.lower())), (label, q)
        assert "(" not in q, q

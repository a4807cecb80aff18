"""Integrity of the answer-judge evaluation corpus (tests/core/analysis/data/judge/).

Checks the data only: ids, banks, prompts, key points, kinds, counts and the dev/test split rule, and the same
well-formedness for the second held-out set (holdout.toml, with its own bank) and the second tuning set (dev2.toml,
written by new writers, with their own banks). It runs no matcher or judge; the corpus's README says how the corpus
is meant to be used.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import BANKS
from voiceprep.core.banks import BankRegistry

REPO = Path(__file__).resolve().parents[3]
JUDGE = Path(__file__).parent / "data" / "judge"
SPLITS = ("dev", "test")
HOLDOUT = "holdout"          # a second held-out set by another writer: not part of the dev/test split rule
DEV2 = "dev2"                # a second tuning set by new writers (ids "d2a-", "d2b-", ...): not part of the split rule
KINDS = ("paraphrase-strong", "paraphrase-partial", "asr", "negated", "hypothetical", "vague",
         "off-topic", "rambling", "verbatim")
FIELDS = {"id", "bank", "prompt", "kind", "text", "hits"}
NEW_BANK = "nurse-manager-medsurg"
HOLDOUT_BANK = "customer-success-saas"     # only in the holdout set
BUNDLED = ("airwallex", "affirm-backend-platform", "senior-backend-payments")
SPLIT_BANKS = (*BUNDLED, NEW_BANK)         # the banks the dev/test split covers; other files bring their own
PM_BANK = "product-manager-payments"       # dev2 writer A's bank: only dev2 answers it
DEV_SHARE = 0.55


def expected_split(answers: list[dict], share: float = DEV_SHARE) -> dict[str, str]:
    """The corpus's split rule (README.md): answers in id order, each put where it keeps both its
    prompt's and its kind's dev share closest to `share` (squared error; a tie goes to dev)."""
    seen_p, dev_p, seen_k, dev_k = Counter(), Counter(), Counter(), Counter()
    split = {}
    for a in sorted(answers, key=lambda a: a["id"]):
        p, k = (a["bank"], a["prompt"]), a["kind"]
        tp, tk = share * (seen_p[p] + 1), share * (seen_k[k] + 1)
        to_dev = (dev_p[p] + 1 - tp) ** 2 + (dev_k[k] + 1 - tk) ** 2 <= (dev_p[p] - tp) ** 2 + (dev_k[k] - tk) ** 2
        split[a["id"]] = "dev" if to_dev else "test"
        seen_p[p] += 1
        seen_k[k] += 1
        dev_p[p] += to_dev
        dev_k[k] += to_dev
    return split


@pytest.fixture(scope="module")
def corpus() -> dict[str, list[dict]]:
    return {name: tomllib.loads((JUDGE / f"{name}.toml").read_text(encoding="utf-8"))["answer"]
            for name in SPLITS}


@pytest.fixture(scope="module")
def answers(corpus) -> list[dict]:
    return [a for name in SPLITS for a in corpus[name]]


@pytest.fixture(scope="module")
def holdout() -> list[dict]:
    return tomllib.loads((JUDGE / f"{HOLDOUT}.toml").read_text(encoding="utf-8"))["answer"]


@pytest.fixture(scope="module")
def dev2() -> list[dict]:
    return tomllib.loads((JUDGE / f"{DEV2}.toml").read_text(encoding="utf-8"))["answer"]


@pytest.fixture(scope="module")
def every_answer(answers, holdout, dev2) -> list[dict]:
    """dev, test, holdout and dev2: what the well-formedness checks cover."""
    return answers + holdout + dev2


@pytest.fixture(scope="module")
def banks():
    registry = BankRegistry.discover([BANKS, JUDGE / "banks"])
    assert not registry.errors, [str(e) for e in registry.errors]
    return {b.id: b for b in registry.banks}


def test_every_answer_has_exactly_the_expected_fields(every_answer):
    for a in every_answer:
        assert set(a) == FIELDS, (a.get("id"), sorted(set(a) ^ FIELDS))
        assert isinstance(a["hits"], list) and all(isinstance(h, str) for h in a["hits"]), a["id"]
        assert a["text"].strip(), a["id"]


def test_ids_are_unique_across_every_file(every_answer, answers, holdout, dev2):
    duplicates = [i for i, n in Counter(a["id"] for a in every_answer).items() if n > 1]
    assert not duplicates
    assert all(a["id"].startswith("ho-") for a in holdout)
    assert all(re.match(r"d2[a-z]-", a["id"]) for a in dev2), [a["id"] for a in dev2 if not re.match(r"d2[a-z]-", a["id"])]
    assert not [a["id"] for a in answers if re.match(r"ho-|d2[a-z]-", a["id"])]


def test_every_bank_prompt_and_hit_exists(every_answer, banks):
    for a in every_answer:
        assert a["bank"] in banks, (a["id"], a["bank"])
        prompt = banks[a["bank"]].prompt(a["prompt"])          # KeyError names the known prompts
        key_points = {kp.id for kp in prompt.key_points}
        assert set(a["hits"]) <= key_points, (a["id"], sorted(set(a["hits"]) - key_points))
        assert len(set(a["hits"])) == len(a["hits"]), (a["id"], "duplicate hit")


def test_kinds_are_known_and_labels_fit_them(every_answer, banks):
    for a in every_answer:
        assert a["kind"] in KINDS, (a["id"], a["kind"])
        all_points = {kp.id for kp in banks[a["bank"]].prompt(a["prompt"]).key_points}
        if a["kind"] == "paraphrase-strong":
            assert set(a["hits"]) == all_points, (a["id"], "a strong answer covers every key point")
        if a["kind"] == "paraphrase-partial":
            assert 0 < len(a["hits"]) < len(all_points), (a["id"], "a partial answer covers some points")


def test_new_bank_has_plain_key_points(banks):
    bank = banks[NEW_BANK]
    assert bank.source is not None and bank.source.parent == JUDGE / "banks"
    assert NEW_BANK not in {b.id for b in BankRegistry.discover([BANKS]).banks}
    assert 4 <= len(bank.all_prompts()) <= 5
    assert abs(sum(c.weight for c in bank.competencies) - 1.0) < 1e-9
    for prompt in bank.all_prompts():
        assert 3 <= len(prompt.key_points) <= 6, prompt.id
        assert all(kp.cues_from_label for kp in prompt.key_points), prompt.id


def test_counts_meet_the_minimums(answers, banks):
    assert len(answers) >= 260
    per_prompt = Counter((a["bank"], a["prompt"]) for a in answers)
    for bank_id in ("airwallex", "affirm-backend-platform", "senior-backend-payments"):
        for prompt in banks[bank_id].all_prompts():
            assert per_prompt[(bank_id, prompt.id)] >= 12, (bank_id, prompt.id)
    assert sum(n for (bank_id, _), n in per_prompt.items() if bank_id == NEW_BANK) >= 40
    for prompt in banks[NEW_BANK].all_prompts():
        assert per_prompt[(NEW_BANK, prompt.id)] >= 8, prompt.id


def test_every_prompt_and_kind_is_in_both_splits(corpus, banks):
    every_prompt = {(b.id, p.id) for b in banks.values() if b.id in SPLIT_BANKS for p in b.all_prompts()}
    for name in SPLITS:
        assert {(a["bank"], a["prompt"]) for a in corpus[name]} == every_prompt, name
        assert {a["kind"] for a in corpus[name]} == set(KINDS), name


def test_split_follows_the_documented_rule(corpus, answers):
    rule = expected_split(answers)
    for name in SPLITS:
        misplaced = [a["id"] for a in corpus[name] if rule[a["id"]] != name]
        assert not misplaced, (name, misplaced)
    assert 0.50 <= len(corpus["dev"]) / len(answers) <= 0.60


def test_holdout_bank_has_plain_key_points_and_is_only_in_the_holdout(banks, answers, dev2):
    bank = banks[HOLDOUT_BANK]
    assert bank.source is not None and bank.source.parent == JUDGE / "banks"
    assert HOLDOUT_BANK not in {a["bank"] for a in answers + dev2}
    assert len(bank.all_prompts()) == 3
    assert abs(sum(c.weight for c in bank.competencies) - 1.0) < 1e-9
    for prompt in bank.all_prompts():
        assert 4 <= len(prompt.key_points) <= 5, prompt.id
        assert all(kp.cues_from_label for kp in prompt.key_points), prompt.id


def test_holdout_covers_every_prompt_and_kind(holdout, banks):
    per_prompt = Counter((a["bank"], a["prompt"]) for a in holdout)
    for bank_id in BUNDLED:
        for prompt in banks[bank_id].all_prompts():
            assert per_prompt[(bank_id, prompt.id)] >= 5, (bank_id, prompt.id)
    for prompt in banks[HOLDOUT_BANK].all_prompts():
        assert per_prompt[(HOLDOUT_BANK, prompt.id)] >= 8, prompt.id
    for prompt in banks[NEW_BANK].all_prompts():
        assert per_prompt[(NEW_BANK, prompt.id)] >= 2, prompt.id
    assert {a["kind"] for a in holdout} == set(KINDS)
    assert len(holdout) >= 100


def test_judge_eval_lists_no_items_of_the_holdout():
    """Like test, the holdout split gets summary lines only: --errors is refused before anything is judged."""
    result = subprocess.run([sys.executable, "bench/judge_eval.py", "--split", HOLDOUT, "--errors"], cwd=REPO,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and "holdout split is held out" in result.stderr, result.stderr[-2000:]


def test_dev2_is_a_tuning_set_apart_from_the_held_out_sets(dev2, answers, holdout, banks):
    """dev2 (any writer, any bank under banks/) answers only known prompts, never the held-out bank, and repeats
    no text of dev, test or holdout; the dev/test split banks keep their answers in dev and test."""
    assert dev2
    assert {a["kind"] for a in dev2} <= set(KINDS)
    older = {" ".join(a["text"].split()) for a in answers + holdout}
    assert not [a["id"] for a in dev2 if " ".join(a["text"].split()) in older]
    own_banks = {a["bank"] for a in dev2} - set(SPLIT_BANKS)
    for bank_id in own_banks:
        assert banks[bank_id].source.parent == JUDGE / "banks", bank_id
        assert bank_id not in {a["bank"] for a in answers + holdout}, bank_id


def test_every_dev2_writers_bank_has_plain_key_points_and_is_only_in_dev2(banks, dev2, answers, holdout):
    """Each bank a dev2 writer brought (product manager, SRE, logistics, teacher, ...) is written as a candidate
    writes one: 3 prompts of 4-5 plain key points, competencies weighing 1, not bundled, answered only in dev2,
    at least 8 answers per prompt."""
    bundled = {b.id for b in BankRegistry.discover([BANKS]).banks}
    own = {a["bank"] for a in dev2} - {a["bank"] for a in answers + holdout}
    assert PM_BANK in own and len(own) >= 4, sorted(own)
    for bank_id in sorted(own):
        bank = banks[bank_id]
        assert bank.source == JUDGE / "banks" / f"{bank_id}.toml", bank_id
        assert bank_id not in bundled, bank_id
        assert len(bank.all_prompts()) == 3, bank_id
        assert abs(sum(c.weight for c in bank.competencies) - 1.0) < 1e-9, bank_id
        per_prompt = Counter(a["prompt"] for a in dev2 if a["bank"] == bank_id)
        for prompt in bank.all_prompts():
            assert 4 <= len(prompt.key_points) <= 5, (bank_id, prompt.id)
            assert all(kp.cues_from_label for kp in prompt.key_points), (bank_id, prompt.id)
            assert per_prompt[prompt.id] >= 8, (bank_id, prompt.id)


def test_judge_eval_takes_dev2_as_a_tuning_split():
    """dev2 is tuned on like dev: --errors and --half are allowed; held-out splits still refuse both."""
    from bench.judge_eval import parse_args

    args = parse_args(["--split", DEV2, "--half", "A", "--errors"])
    assert (args.split, args.half, args.errors) == (DEV2, "A", True)
    for refused in (["--split", HOLDOUT, "--errors"], ["--split", "test", "--half", "B"]):
        with pytest.raises(SystemExit):
            parse_args(refused)


def test_judge_eval_reads_one_bank_apart_from_the_rest():
    """--bank keeps a writer's own bank (or, with "!", everything else): a new domain is read apart."""
    from bench.judge_eval import CORPUS, load, of_bank

    dev2, _ = load(DEV2, CORPUS)
    own = of_bank(dev2, "news-editor-regional")
    rest = of_bank(dev2, "!news-editor-regional")
    assert own and rest and len(own) + len(rest) == len(dev2)
    assert {i.bank for i in own} == {"news-editor-regional"}
    assert "news-editor-regional" not in {i.bank for i in rest}


def test_judge_eval_breaks_a_strong_answers_overall_into_its_parts():
    """Issue 11 (strong35): why a strong answer scores under 85, in parts that add up: the labellers' coverage minus
    what the judge missed plus its false ticks is the judge's coverage; that plus the weighting effect minus the
    delivery cost is the overall. Per-item, so refused on the held-out splits like --errors."""
    from bench.judge_eval import breakdown, breakdown_row, parse_args
    from voiceprep.core.analysis.evaluation import Labeled
    from voiceprep.core.transcript import Transcript

    bank = BankRegistry.discover([BANKS]).get("airwallex")
    prompt = bank.prompt("hardest-problem")
    ids = [kp.id for kp in prompt.key_points]
    text = ("Our matching engine ran on one global lock, and at peak every thread fought over it, so p99 latency hit "
            "forty milliseconds. I led the redesign myself. Um, so, we kind of moved to a single writer per symbol.")
    item = Labeled(bank.id, prompt.id, "paraphrase-strong", text, frozenset(ids), "t-01")
    b = breakdown(item, bank, Transcript.from_text(text))
    assert b["human_coverage"] == 100.0 and b["missed"], b     # a short answer: the judge misses some points
    assert b["human_coverage"] - b["missed_cost"] + b["false_gain"] == pytest.approx(b["coverage"], abs=0.2)
    assert b["coverage"] + b["weighting"] - b["delivery_cost"] == pytest.approx(b["overall"], abs=0.2)
    assert b["with_human_ticks"] > b["overall"]
    assert breakdown_row(b).startswith(f"| t-01 | {b['overall']:.1f} | 100 | -{b['missed_cost']}")
    with pytest.raises(SystemExit):
        parse_args(["--split", HOLDOUT, "--breakdown"])


SECOND_ANNOTATORS = {"test": "test_second_annotator.toml", DEV2: "dev2_second_annotator.toml"}


@pytest.mark.parametrize("split", sorted(SECOND_ANNOTATORS))
def test_a_second_annotators_file_copies_its_split_and_labels_only(split, banks):
    """A second annotator's file holds answers of one split, copied as they are (same bank, prompt and text), with
    its own hits and no kind (it labels blind), each hit a key point of the answer's prompt."""
    first = {a["id"]: a for a in tomllib.loads((JUDGE / f"{split}.toml").read_text(encoding="utf-8"))["answer"]}
    second = tomllib.loads((JUDGE / SECOND_ANNOTATORS[split]).read_text(encoding="utf-8"))["answer"]
    assert second and len({b["id"] for b in second}) == len(second)
    for b in second:
        assert set(b) == FIELDS - {"kind"}, (b["id"], sorted(set(b) ^ (FIELDS - {"kind"})))
        a = first[b["id"]]                                    # KeyError: an answer its split lacks
        assert (b["bank"], b["prompt"], b["text"]) == (a["bank"], a["prompt"], a["text"]), b["id"]
        key_points = {kp.id for kp in banks[b["bank"]].prompt(b["prompt"]).key_points}
        assert set(b["hits"]) <= key_points and len(set(b["hits"])) == len(b["hits"]), b["id"]


def test_annotator_agreement_compares_any_pair_of_label_sets():
    """Session 29 (label2): bench/annotator_agreement.py compares a split with any second annotator's file on the
    answers that file holds (dev2's writers K, L and M), per writer; its default is still the test split's pair, and
    it never lists a held-out split's items."""
    from bench.annotator_agreement import Pair, agreement, load_pairs, parse_args, writer

    args = parse_args([])
    assert (args.first, args.second, args.disagreements) == ("test", "test_second_annotator.toml", False)
    args = parse_args(["--first", DEV2, "--second", "dev2_second_annotator.toml", "--by", "writer", "--disagreements"])
    assert (args.first, args.by, args.disagreements) == (DEV2, "writer", True)
    for held_out in ("test", HOLDOUT):
        with pytest.raises(SystemExit):
            parse_args(["--first", held_out, "--disagreements"])

    assert [writer(i) for i in ("d2k-051", "d2m-001", "af-rt-10")] == ["K", "M", "af"]
    pairs = load_pairs(DEV2, "dev2_second_annotator.toml")
    assert len(pairs) == 240 and {writer(p.id) for p in pairs} == {"K", "L", "M"}

    kps = BankRegistry.discover([BANKS]).get("airwallex").prompt("hardest-problem").key_points    # six, weight 1
    ids = [kp.id for kp in kps]
    one = Pair("x-1", "verbatim", "airwallex", tuple(kps), frozenset(ids[:3]), frozenset(ids[1:4]))
    two = Pair("x-2", "vague", "airwallex", tuple(kps), frozenset(), frozenset())
    a = agreement([one, two])
    assert (a.decisions, a.both, a.first_only, a.second_only, a.neither) == (12, 2, 1, 1, 8)
    assert a.observed == pytest.approx(10 / 12) and a.precision == a.recall == a.f1 == pytest.approx(2 / 3)
    assert a.kappa == pytest.approx((10 / 12 - (0.25 ** 2 + 0.75 ** 2)) / (1 - (0.25 ** 2 + 0.75 ** 2)))
    total = sum(kp.weight for kp in kps)
    gap = abs(sum(kp.weight for kp in kps[:3]) - sum(kp.weight for kp in kps[1:4])) * 100 / total
    assert a.coverage_gap == pytest.approx(gap / 2)


def test_dev2_writer_s_answers_its_own_bank_and_every_bundled_prompt(dev2, banks):
    """Session 33 (data36): writer S, out of sample until the integrator's first reading, brought the dairy herd
    manager bank and answered it 40 times and every bundled prompt at least once (40 more), with at least 12 detailed
    partial answers (150+ words, some points left out) and 8 strong ones."""
    s = [a for a in dev2 if a["id"].startswith("d2s-")]
    assert len(s) == 80 and len({a["id"] for a in s}) == 80
    own = [a for a in s if a["bank"] == "dairy-herd-manager"]
    assert len(own) == 40 and banks["dairy-herd-manager"].source == JUDGE / "banks" / "dairy-herd-manager.toml"
    bundled = {(b, p.id) for b in BUNDLED for p in banks[b].all_prompts()}
    assert {(a["bank"], a["prompt"]) for a in s if a["bank"] in BUNDLED} == bundled
    detailed = [a for a in s if a["kind"] == "paraphrase-partial" and len(a["text"].split()) >= 150]
    assert len(detailed) >= 12
    assert sum(a["kind"] == "paraphrase-strong" for a in s) >= 8


def test_dev2_writer_t_answers_its_own_bank_and_every_bundled_prompt(dev2, banks):
    """Session 34 (data37): writer T, out of sample until the integrator's first reading, brought the housing officer
    bank and answered it 40 times and every bundled prompt at least once (40 more), with at least 12 detailed partial
    answers (150+ words, some points left out), 10 strong ones and 8 vague ones."""
    t = [a for a in dev2 if a["id"].startswith("d2t-")]
    assert len(t) == 80 and len({a["id"] for a in t}) == 80
    own = [a for a in t if a["bank"] == "housing-officer-association"]
    bank = banks["housing-officer-association"]
    assert len(own) == 40 and bank.source == JUDGE / "banks" / "housing-officer-association.toml"
    assert {a["prompt"] for a in own} == {p.id for p in bank.all_prompts()}
    bundled = {(b, p.id) for b in BUNDLED for p in banks[b].all_prompts()}
    assert {(a["bank"], a["prompt"]) for a in t if a["bank"] in BUNDLED} == bundled
    detailed = [a for a in t if a["kind"] == "paraphrase-partial" and len(a["text"].split()) >= 150]
    assert len(detailed) >= 12
    assert sum(a["kind"] == "paraphrase-strong" for a in t) >= 10
    assert sum(a["kind"] == "vague" for a in t) >= 8


def test_dev2_writer_u_answers_its_own_bank_and_every_bundled_prompt(dev2, banks):
    """Session 35 (data38): writer U, out of sample until the integrator's first reading, brought the wind-turbine
    lead technician bank and answered it 40 times and every bundled prompt at least once (40 more), with at least 12
    detailed partial answers (150+ words, some points left out), 10 strong ones and 8 vague ones."""
    u = [a for a in dev2 if a["id"].startswith("d2u-")]
    assert len(u) == 80 and len({a["id"] for a in u}) == 80
    own = [a for a in u if a["bank"] == "wind-turbine-service-lead"]
    bank = banks["wind-turbine-service-lead"]
    assert len(own) == 40 and bank.source == JUDGE / "banks" / "wind-turbine-service-lead.toml"
    assert {a["prompt"] for a in own} == {p.id for p in bank.all_prompts()}
    bundled = {(b, p.id) for b in BUNDLED for p in banks[b].all_prompts()}
    assert {(a["bank"], a["prompt"]) for a in u if a["bank"] in BUNDLED} == bundled
    detailed = [a for a in u if a["kind"] == "paraphrase-partial" and len(a["text"].split()) >= 150]
    assert len(detailed) >= 12
    assert sum(a["kind"] == "paraphrase-strong" for a in u) >= 10
    assert sum(a["kind"] == "vague" for a in u) >= 8


def test_dev2_writers_v_and_w_bring_banks_whose_key_points_are_headings(dev2, banks):
    """Session 47 (data47, walk63 finding 1): writers V (tuning data) and W (out of sample) each brought a bank whose key
    points are note headings ("The result, with a number", "How I learned it fast"), not sentences, and answered only it:
    V 80 times, W 60, every prompt at least 20 times, with strong, partial and vague answers."""
    from bench import out_of_sample

    for letter, bank_id, count in (("v", "school-librarian-secondary", 80), ("w", "physio-msk-outpatient", 60)):
        mine = [a for a in dev2 if a["id"].startswith(f"d2{letter}-")]
        bank = banks[bank_id]
        assert len(mine) == count and {a["bank"] for a in mine} == {bank_id}, letter
        assert bank.source == JUDGE / "banks" / f"{bank_id}.toml"
        per_prompt = Counter(a["prompt"] for a in mine)
        assert set(per_prompt) == {p.id for p in bank.all_prompts()} and min(per_prompt.values()) >= 20, per_prompt
        labels = [kp.label for p in bank.all_prompts() for kp in p.key_points]
        assert len(labels) == 14 and not [x for x in labels if re.match(r"(I|We|My|Our) ", x)], labels
        kinds = Counter(a["kind"] for a in mine)
        assert kinds["paraphrase-strong"] >= 10 and kinds["paraphrase-partial"] >= 20 and kinds["vague"] >= 7, kinds
    assert "w" in out_of_sample.writers(JUDGE) and "v" not in out_of_sample.writers(JUDGE)


def test_dev2_writer_x_brings_a_second_tuning_bank_of_heading_key_points(dev2, banks):
    """Session 49 (data50): writer X, heading-style tuning data like V, on a payroll manager's bank whose 14 key points are
    headings in varied forms ("Why the backlog kept growing", "The fix, and who signed it off", "What I'd keep doing"):
    80 answers, every prompt at least 26 times, V's mix of kinds; tuning data, so not on out_of_sample.txt."""
    from bench import out_of_sample

    bank_id = "payroll-manager-manufacturing"
    mine = [a for a in dev2 if a["id"].startswith("d2x-")]
    assert len(mine) == 80 and {a["bank"] for a in mine} == {bank_id}
    assert [a["id"] for a in mine] == [f"d2x-{n:03d}" for n in range(1, 81)]
    bank = banks[bank_id]
    assert bank.source == JUDGE / "banks" / f"{bank_id}.toml"
    per_prompt = Counter(a["prompt"] for a in mine)
    assert set(per_prompt) == {p.id for p in bank.all_prompts()} and min(per_prompt.values()) >= 26, per_prompt
    labels = [kp.label for p in bank.all_prompts() for kp in p.key_points]
    assert len(labels) == 14 and not [x for x in labels if re.match(r"(I|We|My|Our) ", x)], labels
    assert len({x.split()[0] for x in labels}) >= 6, labels     # varied heading forms, not one template
    kinds = Counter(a["kind"] for a in mine)
    assert kinds["paraphrase-strong"] >= 10 and kinds["paraphrase-partial"] >= 20 and kinds["vague"] >= 7, kinds
    assert len(kinds) == 9, kinds
    assert "x" not in out_of_sample.writers(JUDGE)


def test_dev2_writer_z_brings_an_out_of_sample_bank_of_heading_key_points(dev2, banks):
    """Session 50 (data51): writer Z, heading-style data like W, kept out of sample: a bus depot manager's bank whose 14 key
    points are headings in varied forms (not quoted here: tuners read this file), answered 20 times a prompt with X's mix
    of kinds; on out_of_sample.txt, so plain dev2 and dev2 writers A-T leave it out."""
    from bench import out_of_sample
    from bench.judge_eval import load

    bank_id = "bus-depot-manager"
    mine = [a for a in dev2 if a["id"].startswith("d2z-")]
    assert [a["id"] for a in mine] == [f"d2z-{n:03d}" for n in range(1, 61)]
    assert {a["bank"] for a in mine} == {bank_id} and banks[bank_id].source == JUDGE / "banks" / f"{bank_id}.toml"
    assert bank_id not in {a["bank"] for a in dev2 if not a["id"].startswith("d2z-")}
    bank = banks[bank_id]
    per_prompt = Counter(a["prompt"] for a in mine)
    assert set(per_prompt) == {p.id for p in bank.all_prompts()} and min(per_prompt.values()) >= 20, per_prompt
    labels = [kp.label for p in bank.all_prompts() for kp in p.key_points]
    assert 13 <= len(labels) <= 15 and not [x for x in labels if re.match(r"(I|We|My|Our) ", x)], labels
    assert len({x.split()[0] for x in labels}) >= 6, labels     # varied heading forms, not one template
    kinds = Counter(a["kind"] for a in mine)
    assert kinds["paraphrase-strong"] >= 10 and kinds["paraphrase-partial"] >= 18 and kinds["vague"] >= 6, kinds
    assert len(kinds) == 9, kinds
    assert "z" in out_of_sample.writers(JUDGE)
    for split in (DEV2, f"{DEV2}:abcdefghijklmnopqrst", f"{DEV2}:vx"):
        assert not [i.id for i in load(split, JUDGE)[0] if i.id.startswith("d2z-")], split
    assert len([i for i in load(f"{DEV2}:z", JUDGE)[0]]) == 60


def test_evidence_dev2_labels_the_seeded_a_to_t_answers_sentence_by_sentence(dev2):
    """evidence_dev2.toml (session 52) labels exactly bench/evidence_select.py's answers, with their splits, writers
    A-T only; for each answer every covered point (its dev2 hits) and nothing else, each with whole sentences of the
    answer as bench/evidence_eval.py matches them."""
    from bench.evidence_select import select
    from voiceprep.core.analysis.segments import sentence_spans

    labels = tomllib.loads((JUDGE / "evidence_dev2.toml").read_text(encoding="utf-8"))["answer"]
    assert [(a["id"], a["split"]) for a in labels] == select()
    assert Counter(a["split"] for a in labels) == {"dev": 84, "test": 28}
    by_id = {a["id"]: a for a in dev2}
    for label in labels:
        assert re.match(r"d2[a-t]-", label["id"]), label["id"]
        answer = by_id[label["id"]]
        assert list(label["quotes"]) == answer["hits"], label["id"]
        words = answer["text"].split()
        sentences = {" ".join(words[a:b + 1]) for a, b in sentence_spans(words)}
        assert len(sentences) > 1, label["id"]
        for point, quoted in label["quotes"].items():
            assert quoted and len(set(quoted)) == len(quoted) and set(quoted) <= sentences, (label["id"], point)

"""perf36: the texts the judge embeds for a prompt whatever the answer (`judge.prompt_texts`), embedded before the
first answer (`judging.prepare_judge`, when the question is asked), are all the prompt's texts the judge then needs:
it makes no model call for them, and judges the answer exactly as without them."""

from __future__ import annotations

import pytest

from tests.conftest import BANKS, REPO
from voiceprep.core.analysis import embedder
from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.analysis.cue_clauses import clause_texts
from voiceprep.core.analysis.evaluation import load_labeled
from voiceprep.core.analysis.judge import (
    category_items,
    embedded_texts,
    facets,
    intent_examples,
    prompt_texts,
    question_texts,
    read_on_texts,
)
from voiceprep.core.analysis.plain import claim_texts
from voiceprep.core.analysis.segments import units
from voiceprep.core.banks import BankRegistry, parse_bank
from voiceprep.core.transcript import Transcript

CORPUS = REPO / "tests/core/analysis/data/judge"


pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py


@pytest.fixture
def model_calls(monkeypatch):
    """The process's model with an empty cache, and the texts each of its model runs embeds."""
    e = embedder.get_embedder()
    assert e is not None, embedder.judge_status().message
    runs: list[list[str]] = []
    real = e._run

    def run(texts, batch=4):
        runs.append(list(texts))
        return real(texts, batch)
    monkeypatch.setattr(e, "_run", run)
    e.forget()
    yield e, runs
    e.forget()


def dev_answers(split: str, every: int):
    """The first answer (by id) to every `every`-th prompt of a tuning split (sorted by bank and id), with its bank
    and prompt."""
    banks = {b.id: b for b in BankRegistry.discover([BANKS, CORPUS / "banks"]).banks}
    first: dict[tuple[str, str], str] = {}
    for item in sorted(load_labeled(CORPUS / f"{split}.toml"), key=lambda i: (i.bank, i.prompt, i.id)):
        first.setdefault((item.bank, item.prompt), item.text)
    for bank_id, prompt_id in sorted(first)[::every]:
        bank = banks[bank_id]
        yield bank, bank.prompt(prompt_id), first[(bank_id, prompt_id)]


def answer_pieces(text: str) -> set[str]:
    """The texts of the answer's own units (sentences, clauses, halves), which the judge embeds for every answer, of
    its pairs that read a closing fragment on with a comma (`read_on`, judge70), and of the clauses a lone cue is read
    in (`cue_clauses.clause_texts`, clause109): what `judge.embedded_texts` offers the pre-embedders."""
    raw = [w.word for w in Transcript.from_text(text).words()]
    told = units(raw)
    pieces = {u.text for u in told} | {r for r in read_on_texts(raw, told) if r is not None} | set(clause_texts(raw))
    assert pieces == set(embedded_texts(raw, told)[1])
    return pieces


def first_answer(e, runs, bank, prompt, text: str, prepared: bool):
    """The analysis of `text` as a first answer to `prompt` (an empty cache), prepared or not, and the texts the
    model embedded while it was judged."""
    e.forget()
    if prepared:       # as `judging.prepare_judge` does: with the bank's other questions (`judge.nearer_another`, judge80)
        e.embed(prompt_texts(prompt) + question_texts([p for p in bank.all_prompts() if p.id != prompt.id]))
    runs.clear()
    a = analyze_answer(bank, prompt, Transcript.from_text(text))
    assert a.judge.method == "semantic"
    return a.to_dict(), {t for r in runs for t in r}


@pytest.mark.parametrize(("split", "every"), [("dev", 1), ("dev2", 3)])     # 20 + 16 prompts
def test_after_the_prompt_texts_the_judge_embeds_only_the_answer_and_judges_it_the_same(model_calls, split, every):
    e, runs = model_calls
    kinds = {"facets": 0, "intent examples": 0, "claimed acts": 0}
    for bank, prompt, text in dev_answers(split, every):
        own = set(prompt_texts(prompt)) | set(question_texts([p for p in bank.all_prompts() if p.id != prompt.id]))
        cold, cold_texts = first_answer(e, runs, bank, prompt, text, prepared=False)
        warm, warm_texts = first_answer(e, runs, bank, prompt, text, prepared=True)
        pieces = answer_pieces(text)
        assert warm_texts <= pieces, (prompt.id, warm_texts - pieces)   # no model call but for the answer's pieces
        # what the unprepared first answer embedded beyond the answer's own pieces is the prompt's texts, all of
        # them listed; the prompt and the labels, which every semantic judgement embeds, among them
        assert cold_texts - pieces <= own, (prompt.id, cold_texts - pieces - own)
        always = {prompt.text} | {kp.label for kp in prompt.key_points}
        assert always <= cold_texts, (prompt.id, always - cold_texts)
        assert warm == cold, prompt.id
        for kp in prompt.key_points:
            kinds["facets"] += len(facets(kp.label)) > 1
            kinds["intent examples"] += bool(intent_examples(kp.label))
            kinds["claimed acts"] += bool(claim_texts(kp.label))
    assert all(kinds.values()), kinds          # the sample holds every kind of text the list names


def test_a_category_labels_members_are_embedded_with_the_prompt(model_calls):
    e, runs = model_calls
    bank = parse_bank('schema = 1\n[job]\nid = "x"\ntitle = "Engineer"\n[[rounds]]\nid = "r"\ntitle = "R"\n'
                      '[[rounds.prompts]]\nid = "p"\ntext = "What do you know about our company?"\n'
                      '[[rounds.prompts.key_points]]\nid = "products"\n'
                      'label = "Products: business accounts, FX, cards, APIs"\n')
    prompt = bank.prompt("p")
    members = category_items(prompt.key_points[0].label)
    assert members and set(members) <= set(prompt_texts(prompt))
    text = "You do cards and FX, and business accounts in many currencies."
    cold, cold_texts = first_answer(e, runs, bank, prompt, text, prepared=False)
    warm, warm_texts = first_answer(e, runs, bank, prompt, text, prepared=True)
    assert set(members) <= cold_texts and warm_texts <= answer_pieces(text)
    assert warm == cold


def test_the_prompt_texts_are_listed_once_each_prompt_first():
    bank = parse_bank('schema = 1\n[job]\nid = "x"\ntitle = "Engineer"\n[[rounds]]\nid = "r"\ntitle = "R"\n'
                      '[[rounds.prompts]]\nid = "p"\ntext = "Tell me about a hard bug."\n'
                      '[[rounds.prompts.key_points]]\nid = "a"\nlabel = "The bug"\n'
                      '[[rounds.prompts.key_points]]\nid = "b"\nlabel = "The bug"\n')
    texts = prompt_texts(bank.prompt("p"))
    assert texts[0] == "Tell me about a hard bug." and texts.count("The bug") == 1


def test_forget_empties_the_cache_but_for_the_texts_kept(model_calls):
    """`Embedder.forget`, which these tests and bench/first_answer.py time and count first embeddings with."""
    e, runs = model_calls
    e.embed(["the ring buffer", "a single writer"])
    e.forget(keep={"the ring buffer"})
    runs.clear()
    e.embed(["the ring buffer", "a single writer"])
    assert runs == [["a single writer"]]

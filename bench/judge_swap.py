"""An answer to the wrong question (issue 11, walk39 findings 2 and 3): each strong answer of the tuning corpus judged
against every OTHER prompt of its bank. Nearly every tick there is false; the few real overlaps (an answer that
really says another prompt's point) are listed by hand in `judge_swap_allowlist.toml` with a reason.

    .venv/bin/python bench/judge_swap.py [--writers abc..] [--bank ID] [--ticks] [--causes] [--cross]

--cross (judge72, walk53 finding 1) reads each answer against OTHER banks' prompts of the same kind instead: a
why-us answer against the other why-us prompts, a tech story against the other tech banks' story prompts (the
realistic mistake: a candidate answering with the story prepared for another job). Counts are by prompt kind.

Text only. Tuning data only: dev, dev2 (all but its out-of-sample writers: bench/out_of_sample.py) and the regression
set's strong answers; never test/holdout.
Per bank: swapped answers, ticks per swapped answer, overall (median, max); pooled: the swap tick count (ticks on the
allowlist are reported apart). --ticks lists each tick by point with its quote; --causes classifies each tick by what
credited it, read from the judgement path (`cause`).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tomllib
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from bench import out_of_sample as out_of_sample_guard  # noqa: E402
from bench.judge_eval import CORPUS, REGRESSION, STRONG  # noqa: E402
from voiceprep.core.analysis.analyze import analyze_answer  # noqa: E402
from voiceprep.core.analysis.evaluation import Labeled, load_labeled  # noqa: E402
from voiceprep.core.analysis.judge import _sigmoid  # noqa: E402
from voiceprep.core.analysis.text import stem  # noqa: E402
from voiceprep.core.banks import BankRegistry  # noqa: E402
from voiceprep.core.banks.model import Bank, KeyPoint  # noqa: E402
from voiceprep.core.transcript import Transcript  # noqa: E402
from voiceprep.settings import AnalysisSettings  # noqa: E402

ALLOWLIST = Path(__file__).with_name("judge_swap_allowlist.toml")
HELD_OUT_BANKS = frozenset({"customer-success-saas"})     # the holdout's own bank: only held-out answers use it
GENERIC = frozenset(stem(w) for w in (
    "built", "build", "problem", "problems", "story", "example", "concrete", "result", "results", "impact", "team",
    "teams", "change", "work", "worked", "made", "make", "what", "your", "own", "why", "how", "hard", "hardest",
    "system", "systems", "platform", "platforms", "customer", "customers", "people", "thing", "time", "first"))


def load_items(writers: str | None, out_of_sample: bool = False) -> tuple[list[Labeled], dict[str, Bank]]:
    banks = {b.id: b for b in BankRegistry.discover([REPO / "question_banks", CORPUS / "banks"]).banks}
    items = load_labeled(CORPUS / "dev.toml") + load_labeled(REGRESSION)
    items += out_of_sample_guard.keep(load_labeled(CORPUS / "dev2.toml"), writers, out_of_sample=out_of_sample)
    return [i for i in items if i.kind in STRONG and i.bank not in HELD_OUT_BANKS], banks


TECH_BANKS = frozenset({"affirm-backend-platform", "airwallex", "senior-backend-payments", "sre-mobile"})
STORY_OPENINGS = ("tell me about", "describe a time", "what are the most impactful", "what is the most challenging")


def prompt_kind(bank_id: str, text: str) -> str | None:
    """'why' (why us / why this move), 'story' (a tech bank's story prompt) or None (not read by --cross)."""
    t = text.strip().lower()
    if t.startswith("why"):
        return "why"
    if bank_id in TECH_BANKS and t.startswith(STORY_OPENINGS):
        return "story"
    return None


def swapped_prompts(item: Labeled, banks: dict[str, Bank], cross: bool) -> list[tuple[str, Bank, object]]:
    """(kind, bank, prompt) to read the answer against: its bank's other prompts, or (cross) other banks' prompts
    of its own prompt's kind."""
    own = banks[item.bank]
    if not cross:
        return [("same-bank", own, p) for rnd in own.rounds for p in rnd.prompts if p.id != item.prompt]
    mine = next(p for rnd in own.rounds for p in rnd.prompts if p.id == item.prompt)
    kind = prompt_kind(own.id, mine.text)
    if kind is None:
        return []
    return [(kind, b, p) for b in banks.values() if b.id != own.id and b.id not in HELD_OUT_BANKS
            for rnd in b.rounds for p in rnd.prompts if prompt_kind(b.id, p.text) == kind]


def load_allowlist() -> dict[tuple[str, str, str], str]:
    """(answer id, prompt id, key point id) -> why the swapped answer really says that point."""
    if not ALLOWLIST.exists():
        return {}
    data = tomllib.loads(ALLOWLIST.read_text(encoding="utf-8"))
    return {(a["answer"], a["prompt"], a["point"]): a["reason"] for a in data.get("overlap", [])}


def cause(kp: KeyPoint, result, settings: AnalysisSettings) -> str:
    """What credited a tick, read from its judgement: the logistic probability alone ("logistic: ..." with the
    feature that adds the most over its value on a typical unrelated unit), a plain label's claimed act
    (`_claims_probability`), or the concrete-detail floors (judge26 for plain labels, judge28 for cued ones)."""
    j = result.judgement
    if j is None:
        return "words only (no model)"
    w = settings.judge_weights
    base = _sigmoid(sum(a * b for a, b in zip(w, j.features.vector())))
    thr = settings.judge_threshold
    if base >= thr:
        f = j.features
        if f.lexical > 0:
            return "logistic: cue words said"
        parts = {"label closeness": w[1] * f.label + w[2] * f.facet_max + w[3] * f.facet_top2 + w[4] * f.facet_share,
                 "topic closeness": w[7] * f.topic + w[8] * f.topic_facet,
                 "intent": w[9] * f.intent + w[11] * f.intent_number,
                 "credit space": w[13] * f.credited}
        return "logistic: " + max(parts, key=lambda k: parts[k])
    if abs(j.probability - thr) < 1e-6:
        return "concrete floor (plain, judge26)" if kp.cues_from_label else "concrete floor (cued, judge28)"
    return "claimed act (plain label)" if kp.cues_from_label else "other rule"


def shared_generic(kp: KeyPoint, quote: str) -> str:
    said = {stem(w.strip(".,;:!?\"'()").lower()) for w in quote.split()}
    own = {stem(w.strip(".,;:!?\"'()").lower()) for w in kp.label.split()}
    return ",".join(sorted(said & own & GENERIC))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--writers", help="dev2 writers to include (letters); default: all of dev2 but the out-of-sample "
                    "writers")
    ap.add_argument("--out-of-sample", action="store_true", help=out_of_sample_guard.HELP)
    ap.add_argument("--bank", help="only this bank")
    ap.add_argument("--ticks", action="store_true", help="list every swap tick with its quote")
    ap.add_argument("--causes", action="store_true", help="count the swap ticks by cause")
    ap.add_argument("--cross", action="store_true", help="read answers against other banks' prompts of the same "
                    "kind (why-us, tech story) instead of their bank's other prompts")
    args = ap.parse_args()
    settings = AnalysisSettings()
    items, banks = load_items(args.writers, args.out_of_sample)
    if args.bank:
        items = [i for i in items if i.bank == args.bank]
    allow = load_allowlist()
    per_bank: dict[str, list[tuple[int, float]]] = defaultdict(list)
    causes: Counter[str] = Counter()
    generic: Counter[str] = Counter()
    by_point: Counter[str] = Counter()
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])   # kind -> swapped answers, ticks, points
    pooled = allowed = 0
    lines = []
    for item in items:
        for kind, bank, other in swapped_prompts(item, banks, args.cross):
            a = analyze_answer(bank, other, Transcript.from_text(item.text))
            ticks = 0
            for r in a.key_points:
                kp = r.key_point
                if not r.hit:
                    continue
                key = (item.id, other.id, kp.id)
                if key in allow:
                    allowed += 1
                    continue
                ticks += 1
                by_point[f"{bank.id}/{other.id}/{kp.id}"] += 1
                c = cause(kp, r, settings)
                causes[c] += 1
                quote = r.judgement.unit.text if r.judgement and r.judgement.unit else ""
                g = shared_generic(kp, quote)
                if g:
                    generic[g] += 1
                p = r.judgement.probability if r.judgement else "-"
                lines.append(f"  {item.id} -> {bank.id}/{other.id}/{kp.id}  [{c}]  p={p}  {quote[:110]!r}")
            pooled += ticks
            per_bank[item.bank].append((ticks, a.overall))
            by_kind[kind][0] += 1
            by_kind[kind][1] += ticks
            by_kind[kind][2] += len(a.key_points)
    print(f"swap: {len(items)} strong answers, {sum(len(v) for v in per_bank.values())} swapped judgements")
    print("| bank | swapped | ticks | ticks/answer | overall median | overall max |")
    print("|---|---|---|---|---|---|")
    for b, rows in sorted(per_bank.items()):
        ticks = [t for t, _ in rows]
        overall = [o for _, o in rows]
        print(f"| {b} | {len(rows)} | {sum(ticks)} | {sum(ticks) / len(rows):.2f} | {statistics.median(overall):.1f} "
              f"| {max(overall):.1f} |")
    all_rows = [r for rows in per_bank.values() for r in rows]
    print(f"pooled: {pooled} swap ticks over {len(all_rows)} swapped answers ({pooled / len(all_rows):.2f} each), "
          f"{allowed} allowlisted overlaps not counted; overall median "
          f"{statistics.median(o for _, o in all_rows):.1f}, max {max(o for _, o in all_rows):.1f}")
    for k, (n, t, pts) in sorted(by_kind.items()):
        print(f"kind {k}: {n} swapped answers, {t} ticks of {pts} points ({t / max(pts, 1):.1%}), {t / max(n, 1):.2f} each")
    if args.causes:
        print("causes:")
        for c, n in causes.most_common():
            print(f"  {n:5}  {c}")
        print("quote shares a generic label word with the label:", sum(generic.values()))
        for g, n in generic.most_common(10):
            print(f"  {n:5}  {g}")
        print("points ticked most often:")
        for p, n in by_point.most_common(15):
            print(f"  {n:5}  {p}")
    if args.ticks:
        print("\n".join(lines))


if __name__ == "__main__":
    main()

"""Which of the judge's unit tests a weights refit would move, read in seconds instead of a 2-7 minute test run.

Run once per judge (about 2 minutes): the judge's unit tests (tests/core/analysis/test_judge.py, test_adapter.py) are
run with this file as a pytest plugin, and every key-point decision the judge makes there at the shipped weights is
kept with what a refit of the weights can change (the features, each claimed act's row, the floor's condition and
whether a rule sets the point aside: as bench/judge_cross.py records the tuning answers). `flips(weights, threshold)`
then lists the decisions, and the tests, that would come out the other way. A test with no flipped decision passes;
one with a flip may fail (it fails when it asserts that decision).

    .venv/bin/python bench/judge_probe.py                 # record (QT_QPA_PLATFORM=offscreen is set here)
    .venv/bin/python bench/judge_cross.py --refit ...     # then prints the tests its weights would move
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "bench/out/judge-lowo"
TESTS = ("tests/core/analysis/test_judge.py", "tests/core/analysis/test_adapter.py")


def _fingerprint() -> str:
    digest = hashlib.sha256(b"probe 1")
    for path in [REPO / "voiceprep/core/analysis/judge.py", REPO / "voiceprep/settings.py", *(REPO / t for t in TESTS)]:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def log_path() -> Path:
    return OUT / f"probe-{_fingerprint()}.pkl"


def recording_methods(seen: dict[str, Any]) -> dict[str, Callable[..., Any]]:
    """AnswerJudge's `_told_in_detail` and `_claims_probability`, deciding as they do and keeping in `seen` what a
    refit of the weights reads: the floor's condition ("floor") and every claimed act's feature row ("claims").
    The probe and bench/judge_cross.py's `record` install them (the methods as they are when this is called)."""
    from voiceprep.core.analysis import judge as jm
    from voiceprep.core.analysis.judge import FACET_SAID, AnswerJudge, Features

    original_detail = AnswerJudge._told_in_detail

    def told_in_detail(self, kp, p, own, closeness):  # type: ignore[no-untyped-def]
        seen["floor"] = original_detail(self, kp, p, own, closeness)
        return seen["floor"]

    def claims_probability(self, kp, usable_units, lexical, cred):  # type: ignore[no-untyped-def]
        # AnswerJudge._claims_probability, with every claimed act's feature row kept
        if jm.said_in_past([jm.clean(w) for w in kp.label.split()]):
            usable_units = usable_units & self._instances()
        topic = self._topic
        project = (lambda v: jm._project(v, topic)) if topic is not None else None
        rows, best = [], 0.0
        for sim, proj in jm.claim_similarities(kp.label, self.vectors, self.projected, project, usable_units,
                                               self.embedder):
            f = Features(label=sim, facet_max=sim, facet_top2=sim, facet_share=float(sim >= FACET_SAID),
                         lexical=lexical, authored=0.0, topic=proj, topic_facet=proj, credited=cred)
            rows.append(f.vector())
            best = max(best, jm._sigmoid(sum(a * b for a, b in zip(self.s.judge_weights, f.vector()))))
        seen["claims"] = rows
        return best

    return {"_told_in_detail": told_in_detail, "_claims_probability": claims_probability}


def _install(log: list[dict[str, Any]], current: dict[str, Any]) -> None:
    """Wrap AnswerJudge.judge (and the two methods whose inner values a refit reads) to log every outer decision."""
    from voiceprep.core.analysis.judge import AnswerJudge, Features

    seen: dict[str, Any] = {}
    original_judge = AnswerJudge.judge
    recorders = recording_methods(seen)

    def judge(self, kp):  # type: ignore[no-untyped-def]
        if current["inside"] or self.embedder is None or self.vectors is None:
            return original_judge(self, kp)
        current["inside"] = True
        s = self.s
        try:
            seen.clear()
            result = original_judge(self, kp)
            row = {"test": current["test"], "kp": kp.id, "text": " ".join(self.raw), "hit": result.hit,
                   "x": np.array(result.judgement.features.vector()), "plain": kp.cues_from_label,
                   "claims": np.array(seen.get("claims", []), dtype=float).reshape(-1, len(Features.NAMES)),
                   "weights": tuple(s.judge_weights), "threshold": s.judge_threshold,
                   "concrete_min": s.plain_concrete_min_probability}
            rest = (0.0,) * (len(s.judge_weights) - 1)
            self.s = dataclasses.replace(s, judge_weights=(50.0,) + rest)      # every gated rule run
            row["vetoed"] = not original_judge(self, kp).hit
            mid = (s.plain_concrete_min_probability + s.judge_threshold) / 2   # the floor asked for every point
            self.s = dataclasses.replace(s, judge_weights=(float(np.log(mid / (1 - mid))),) + rest)
            seen.pop("floor", None)
            original_judge(self, kp)
            row["floor"] = bool(seen.get("floor", False))
            log.append(row)
            return result
        finally:
            self.s = s
            current["inside"] = False

    for name, method in recorders.items():
        setattr(AnswerJudge, name, method)
    AnswerJudge.judge = judge  # type: ignore[method-assign]


class Plugin:
    """The pytest plugin: the current test's id on every decision; the log written at the end."""

    def __init__(self, out: Path) -> None:
        self.out, self.log, self.current = out, [], {"test": None, "inside": False}
        _install(self.log, self.current)

    def pytest_runtest_call(self, item) -> None:  # type: ignore[no-untyped-def]
        self.current["test"] = item.nodeid

    def pytest_sessionfinish(self, session) -> None:  # type: ignore[no-untyped-def]
        self.out.parent.mkdir(parents=True, exist_ok=True)
        self.out.write_bytes(pickle.dumps(self.log))


def flips(weights: np.ndarray, threshold: float, log: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """The logged decisions (at the shipped weights) that these weights and threshold would turn the other way."""
    from voiceprep.core.analysis.judge import CLAIM_MARGIN
    from voiceprep.settings import AnalysisSettings
    settings = AnalysisSettings()
    if log is None:
        log = pickle.loads(log_path().read_bytes())
    out = []
    for row in log:
        if row["weights"] != tuple(settings.judge_weights) or row["threshold"] != settings.judge_threshold:
            continue        # a test with settings of its own: not moved by the shipped weights
        p = 1 / (1 + np.exp(-float(row["x"] @ weights)))
        if row["plain"] and len(row["claims"]):
            claimed = float((1 / (1 + np.exp(-(row["claims"] @ weights)))).max())
            if claimed >= threshold + CLAIM_MARGIN:
                p = max(p, claimed)
        if row["floor"] and row["concrete_min"] <= p < threshold:
            p = threshold
        if (p >= threshold and not row["vetoed"]) != row["hit"]:
            out.append(row)
    return out


def main() -> None:
    out = log_path()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    code = subprocess.call([sys.executable, "-c", "import sys, pytest; from pathlib import Path; "
                            "sys.path.insert(0, sys.argv[1]); from bench.judge_probe import Plugin; "
                            "sys.exit(pytest.main(['-q', '-p', 'no:cacheprovider', '-m', 'not slow', *sys.argv[3:]], "
                            "plugins=[Plugin(Path(sys.argv[2]))]))", str(REPO), str(out), *TESTS], cwd=REPO, env=env)
    log = pickle.loads(out.read_bytes()) if out.exists() else []
    again = flips(np.array(log[0]["weights"]), log[0]["threshold"], log) if log else []
    print(f"{out}: {len(log)} decisions in {len({r['test'] for r in log})} tests; pytest exit {code}; "
          f"{len(again)} differ when read back at the shipped weights")


if __name__ == "__main__":
    main()

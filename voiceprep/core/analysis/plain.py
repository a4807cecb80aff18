"""Key points written in plain words: what a plain-sentence label claims.

A candidate writes their own key points as sentences ("I rebalanced the assignments by acuity and pulled in float
pool staff"), without cues. Such a sentence often tells two or three things done, and an interviewer credits the
point for one of them told well; an answer that tells one in other words comes close in meaning to that thing, and
much less close to the whole sentence. `claimed_acts` splits a plain label into the things it says were done, each
with the label's subject ("I rebalanced the assignments by acuity", "I pulled in float pool staff"), and the judge
reads each as if it were the label (`judge.AnswerJudge._claims_probability`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from voiceprep.core.analysis.products import similarities
from voiceprep.core.analysis.segments import PAST

if TYPE_CHECKING:
    from voiceprep.core.analysis.embedder import Embedder

SUBJECTS = frozenset({"i", "we", "i've", "we've", "i'm", "we're", "i'll", "we'll"})
AUXILIARIES = frozenset({"will", "would", "have", "had", "am", "was", "already", "also", "always", "then"})
_JOINERS = frozenset({"and", "then", "but", "so", "also"})
# verbs a plain label tells things with, in the base form ("Say how short we were and explain..."); a past tense is
# recognised by its form (PAST, "-ed")
BASE_VERBS = frozenset({
    "say", "explain", "describe", "name", "tell", "give", "show", "walk", "mention", "share", "state", "admit",
    "talk", "listen", "ask", "meet", "call", "agree", "decide", "choose", "build", "make", "fix", "find", "check",
    "follow", "support", "stay", "keep", "lead", "manage", "help", "coach", "mentor", "teach", "learn", "escalate",
    "raise", "report", "file", "review", "measure", "track", "reduce", "cut", "improve", "change", "set", "run",
    "take", "bring", "get", "put", "move", "plan", "design", "write", "test", "ship", "deliver", "own", "handle",
    "solve", "prevent", "protect", "acknowledge", "apologise", "apologize", "thank", "involve", "train", "hire",
    "work", "go", "come", "see", "know", "want", "need", "hear", "understand", "prioritise", "prioritize",
    "balance", "rebalance", "limit", "pull", "add", "remove", "stop", "start", "open", "close", "document",
    "communicate", "inform", "update", "negotiate", "convince", "persuade", "present", "propose",
    "recommend", "compare", "analyse", "analyze", "investigate", "audit", "monitor", "identify", "spot", "notice",
})
_CONTRAST = re.compile(r"\s*(?:,\s*not|\brather than|\binstead of)\s+")


def _is_verb(word: str) -> bool:
    w = word.lower()
    return w in BASE_VERBS or w in PAST or (len(w) > 4 and w.endswith("ed"))


@lru_cache(maxsize=1024)
def claimed_acts(label: str) -> tuple[str, ...]:
    """The things a plain-sentence label says were done, each as a sentence with the label's subject, or () when
    the label tells one thing (or lists its items after a colon, which `judge.facets` reads). One thing done set
    against another ("I asked the regulars instead of trusting the reviews", "..., not on whose fault it was") is
    that thing alone: what it is set against is not what the answer has to tell."""
    if ":" in label:
        return ()
    words = label.replace(",", " , ").replace(";", " ; ").split()
    if not words:
        return ()
    # the subject and its auxiliaries carry over to each thing told after it: "I will stay ... and support" is
    # "I will support"
    n = 1 if words[0].lower() in SUBJECTS else 0
    while n and n < len(words) and words[n].lower() in AUXILIARIES:
        n += 1
    subject = " ".join(words[:n])
    parts: list[list[str]] = [[]]
    i = 0
    while i < len(words):
        w = words[i]
        if w in (",", ";") or w.lower() in _JOINERS:
            j = i
            while j < len(words) and (words[j] in (",", ";") or words[j].lower() in _JOINERS):
                j += 1
            if j < len(words) and parts[-1] and (_is_verb(words[j]) or (
                    words[j].lower() in SUBJECTS and j + 1 < len(words) and _is_verb(words[j + 1]))):
                parts.append([])
                i = j
                continue
        parts[-1].append(w)
        i += 1
    out = [" ".join(p).strip(" ,;") for p in parts if p]
    if len(out) < 2:
        head = _CONTRAST.split(label)[0].strip(" ,;")
        return (head,) if head != label.strip(" ,;") and len(head.split()) >= 4 else ()
    # a contrast told after a thing done is no thing done: "support the nurses, not manage from an office"
    out = [_CONTRAST.split(p)[0] for p in out]
    return tuple(out[:1] + [f"{subject} {p}" if subject and p.split()[0].lower() not in SUBJECTS else p
                            for p in out[1:]])


# "I want to help fix it": a thing claimed in everyday verbs only, about what another part of the label names ("it"),
# says nothing that an answer could be close to by itself; an unrelated sentence with "fix" in it comes close
_NOTHING_NAMED = SUBJECTS | AUXILIARIES | BASE_VERBS | frozenset({
    "to", "it", "them", "that", "this", "those", "these", "things", "something", "out", "up", "a", "an", "the", "really",
    "just", "more", "do", "did", "done", "will", "would", "can", "could", "want", "wanted"})


def names_something(act: str) -> bool:
    """Whether a thing a label claims names what it is about ("I rebalanced the assignments"), not only everyday
    verbs and pronouns ("I want to help fix it")."""
    return any(w.strip(".,;'\"").lower() not in _NOTHING_NAMED for w in act.split())


def claim_texts(label: str) -> list[str]:
    """The things a plain label says were done that `claim_similarities` embeds (those that name something)."""
    return [act for act in claimed_acts(label) if names_something(act)]


def claim_similarities(label: str, vectors: np.ndarray, projected: np.ndarray | None,
                       project: Callable[[np.ndarray], np.ndarray] | None, usable: np.ndarray,
                       embedder: Embedder) -> list[tuple[float, float]]:
    """For each thing a plain label says was done (`claimed_acts`): its similarity to the closest usable unit, and
    the same with the prompt's shared topic taken out of both (`project`)."""
    said = claim_texts(label)
    if not said or not usable.any():
        return []
    vecs = embedder.embed(list(said))
    sims = np.where(usable[:, None], similarities(vectors, vecs), -1.0).max(axis=0)
    if projected is None or project is None:
        return [(float(s), 0.0) for s in sims]
    proj = np.where(usable[:, None], similarities(projected, project(vecs)), -1.0).max(axis=0)
    return [(float(s), float(t)) for s, t in zip(sims, proj)]


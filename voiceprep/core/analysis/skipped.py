"""A thing the candidate skipped was not done (walk67 finding 1b): "Idempotency keys were something we skipped", "we
skipped the load test", "we decided to skip canaries" deny the thing as "we didn't use idempotency keys" does.

Only with the candidate as the one who skips ("we", "I"): "the duplicate was detected and skipped" tells what the
system did with a duplicate, which is the point (deduplication), not a denial. Nor a skip in the present ("we skip the
poison message and move it to a dead-letter queue"): what the system does each time, a routine, not a step left out
(read52a 1); the base form denies only after "to" ("we decided to skip canaries").
"""

from __future__ import annotations

from collections.abc import Sequence

from voiceprep.settings import SKIP_SUBJECT_WORDS

SKIP_WORDS = frozenset({"skip", "skipped", "skipping"})
_CANDIDATE = frozenset({"we", "i"})
# what may stand between the candidate and the skip: "we just skipped", "we decided to skip", "I had to skip"
_BETWEEN = frozenset({"just", "simply", "also", "then", "deliberately", "basically", "actually", "to", "decided", "chose",
                      "had", "ended", "up", "kind", "of", "sort"})


def skipped_by_candidate(words: Sequence[str], i: int) -> bool:
    """Whether the skip word at `i` has the candidate as its subject: "we skipped", "something we skipped", "we
    decided to skip", "I ended up skipping"; not "the duplicate was skipped", "the consumer skips it"."""
    if words[i] not in SKIP_WORDS:
        return False
    for k in range(i - 1, max(-1, i - 1 - SKIP_SUBJECT_WORDS), -1):
        if words[k] in _CANDIDATE:
            return words[i] != "skip" or "to" in words[k + 1:i]     # "we skip X": a routine; "we had to skip X"
        if words[k] not in _BETWEEN:
            return False
    return False

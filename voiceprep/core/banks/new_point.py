"""What a new key point starts with in the bank editor: the competency it most likely shows (Qt-free)."""

from __future__ import annotations

from voiceprep.core.banks.document import BankDocument, NodePath


def default_competency(doc: BankDocument, prompt_path: NodePath) -> tuple[str | None, str]:
    """The competency a new key point of the prompt at `prompt_path` takes, with where it came from: "prompt's",
    "round's" or "bank's" ((None, "") with no competencies, or on a tie among the round's or the bank's points;
    (None, "prompt's") on a tie among the prompt's points, or when none of them names one: the form asks for one).
    The one more of the prompt's key points use than any other, else none (walk37: a "most impactful" point got the
    bank's first, "Polished communicator", on a tie or an empty prompt, and nothing said so). A new prompt's first
    point (walk50: it started at none) takes its round's most used, a round testing a few competencies (one count
    over it, steadier than the prompt before's one or two points), else the bank's."""
    if not doc.count((), "competencies"):
        return None, ""
    if n := doc.count(prompt_path, "key_points"):
        return most_used(doc, [prompt_path + ("key_points", j) for j in range(n)]), "prompt's"
    points = doc.key_point_paths()
    for source, among in (("round's", [p for p in points if p[:2] == prompt_path[:2]]), ("bank's", points)):
        if comp := most_used(doc, among):
            return comp, source
    return None, ""


def most_used(doc: BankDocument, points: list[NodePath]) -> str | None:
    """The competency more of `points` name than any other, else none (a tie or none named)."""
    used = [doc.get(p, "competency") for p in points]
    counts = sorted(((used.count(u), u) for u in set(used) if u), reverse=True)
    return counts[0][1] if counts and (len(counts) == 1 or counts[0][0] > counts[1][0]) else None

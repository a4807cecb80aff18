"""Reviewing the history: list, search, one attempt as it was shown, stats, compare, export, import, delete.

Named for what the GUI and the CLI do with it; every call uses the calling thread's connection.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from voiceprep.app import files
from voiceprep.app.access import HistoryAccess
from voiceprep.app.followed import follow_up_compared, is_own_follow_up, standings
from voiceprep.app.judging import stored_document
from voiceprep.core.banks.model import Bank, Prompt
from voiceprep.core.history import AnswerBeingContinued, History, HistoryError, Undone, export, queries
from voiceprep.core.history.store import DONE, Row, bank_ids, bank_where
from voiceprep.core.wording import counted
from voiceprep.settings import HistorySettings

FORMATS = {"md": "Markdown", "json": "JSON", "csv": "CSV"}
SUFFIXES = {".md": "md", ".markdown": "md", ".json": "json", ".csv": "csv"}


def export_target(typed: str, chosen: str) -> tuple[str, Path]:
    """The format and file of an export from what was typed in the save dialog and the file type chosen there
    ("CSV (*.csv)"): the typed extension decides (walkthrough 10: export.csv got Markdown, the filter's); with no
    extension, the chosen type's, added to the name; another extension (.txt) keeps its name, in the chosen type."""
    path = Path(typed)
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is not None:
        return fmt, path
    fmt = next((f for f, name in FORMATS.items() if name.lower() in chosen.lower()), "md")
    return fmt, path if path.suffix else path.with_name(f"{path.name}.{fmt}")


@dataclass
class Exported:
    path: Path
    count: int
    format: str
    unfinished: int = 0         # of them not finished (recording, transcribing, failed): no score (walk61 11)

    def __str__(self) -> str:
        return f"wrote {answers(self.count)} as {FORMATS[self.format]} to {self.path}{unfinished_text(self.unfinished)}"


def unfinished_text(count: int) -> str:
    """What an export says of the answers in it not finished (walk61 finding 11: a CSV row of "0 of 0 key points" and
    no score for an answer still recording, said of in the Markdown only); "" for none."""
    if not count:
        return ""
    return (f"; {count} of them {'is' if count == 1 else 'are'} not finished (still being recorded or transcribed): "
            f"{'its state says' if count == 1 else 'their state says'} so, with no score")


@dataclass(frozen=True)
class Deleted:
    """Answers deleted from History whose Undo is not over yet: the history's delete id and how many."""
    id: int
    count: int


def answers(count: int) -> str:
    """ "1 answer", "2 answers": History and the CLI say "answers", as the rest of the app does (session 20: they
    said "attempts")."""
    return counted(count, "answer")


NOT_ASKED_YET = "not asked yet"


def as_worded_now(rates: list[Row], bank: Bank | None, prompt: str | None = None) -> list[Row]:
    """Key-point hit rates (queries.key_point_rates) as the bank reads now (walk42 7: right after a point was reworded
    or added and the bank saved, Progress showed the old wording and no new point until the next answer): a point
    reworded since its answers were judged shows its current wording, its answers counted as judged against an
    older one (`older`: all of them, the * note); a point added since shows under its question with no answers
    (`attempts` 0, `not_asked` True: "not asked yet"). Only the questions already listed (or `prompt`) take in new
    points; a point taken out of the bank keeps its last wording. New rows; `rates` is not changed."""
    if bank is None:
        return rates
    prompts = {p.id: p for p in bank.all_prompts()}
    out: list[Row] = []
    for r in rates:
        kp = next((k for k in prompts[r["prompt_id"]].key_points if k.id == r["key_point_id"]), None) \
            if r["prompt_id"] in prompts else None
        out.append({**r, "label": kp.label, "older": r["attempts"]} if kp is not None and kp.label != r["label"]
                   else r)
    shown = {(r["prompt_id"], r["key_point_id"]) for r in rates}
    asked = list(dict.fromkeys([r["prompt_id"] for r in rates] + ([prompt] if prompt else [])))
    for pid in asked:
        if pid not in prompts:
            continue
        text = next((r["prompt_text"] for r in rates if r["prompt_id"] == pid and r.get("prompt_text")),
                    prompts[pid].text)
        out += [{"prompt_id": pid, "prompt_text": text, "key_point_id": kp.id, "label": kp.label,
                 "competency": kp.competency, "hits": 0, "attempts": 0, "rate": None, "older": 0, "inherited": 0,
                 "asked": 0, "given_with": {}, "standing": None, "not_asked": True}
                for kp in prompts[pid].key_points if (pid, kp.id) not in shown]
    return out


def unanswered(bank: Bank, answered: Iterable[str]) -> list[Prompt]:
    """The bank's questions whose id is not among `answered` (the questions with an answer that counts), in the bank's
    order; [] when none is answered: a bank never practised is not a list of questions never answered."""
    done = set(answered)
    return [p for p in bank.all_prompts() if p.id not in done] if done else []


def drill_queue(never: list[Prompt], points: list[Row], never_drilled: int) -> list[Row]:
    """What "Drill my weak points" asks, in order: the first `never_drilled` of the bank's questions never answered
    (`never`, in the bank's order; `key_point_id` None: the whole question), then the weak points (`points`,
    queries.drill_points' order). The one rule of what the drill asks next: HistoryService.to_drill starts the drill
    from it and Welcome back's "Drill my weak points asks next: ..." names its first (fixDJ, walks 57/58: the welcome
    named a weak point while the drill asked the question just skipped, never answered, first)."""
    return [{"prompt_id": p.id, "key_point_id": None, "never_answered": True} for p in never[:max(never_drilled, 0)]] \
        + points


class HistoryService:
    """`lineage`: a bank id's lineage (BankRegistry.lineage), so a duplicated bank's Progress, History filter, weak
    points and Compare take in the answers given in the bank it was copied from; by default a bank is its own."""
    CACHED = 16          # unchanged-history answers kept per thread (pages shown again, filters toggled back)

    def __init__(self, access: HistoryAccess, lineage: Callable[[str], tuple[str, ...]] = bank_ids):
        self.access = access
        self.lineage = lineage
        self._local = threading.local()

    @property
    def settings(self) -> HistorySettings:
        return self.access.settings

    def _h(self) -> History:
        return self.access.history()

    def _unless_changed(self, key: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
        """`compute()`, or its last answer when nothing was written since (by this connection, another one or
        another process: SQLite's data_version and the connection's change count). A page shown again costs
        two pragmas instead of its queries, which held the GIL for up to 80 ms with 10,000 attempts."""
        conn = self._h().db.conn
        version = (id(conn), conn.execute("PRAGMA data_version").fetchone()[0], conn.total_changes)
        cache: dict[tuple[Any, ...], tuple[tuple[int, int, int], Any]] = self._local.__dict__.setdefault("cache", {})
        hit = cache.get(key)
        if hit is not None and hit[0] == version:
            return hit[1]
        value = compute()
        cache.pop(key, None)
        cache[key] = (version, value)
        while len(cache) > self.CACHED:
            cache.pop(next(iter(cache)))
        return value

    # -- finding attempts -----------------------------------------------------------------------
    def attempts(self, bank: str | None = None, prompt: str | None = None, text: str | None = None,
             min_score: float | None = None, limit: int | None = None) -> list[Row]:
        """Newest first; `text` searches what was said (and prompts and notes) in the same query. Each with
        `with_follow_ups`: its standing with the follow-up answers that followed it, or None (app.followed)."""
        limit = limit or self.settings.list_limit
        banks = self.lineage(bank) if bank else None

        def listed() -> list[Row]:
            rows = queries.list_attempts(self._h(), bank=banks, prompt=prompt, text=text, min_score=min_score,
                                         limit=limit)
            followed = standings(self._h(), rows)
            return [{**r, "with_follow_ups": followed.get(r["id"])} for r in rows]
        return list(self._unless_changed(("attempts", banks, prompt, text, min_score, limit), listed))

    def search(self, text: str, limit: int = 20) -> list[Row]:
        """Best matches first, with [highlighted] snippets."""
        return queries.search(self._h(), text, limit)

    def attempt(self, attempt_id: int) -> Row:
        """An attempt with `document`: the feedback exactly as the candidate saw it when it was judged; and
        `with_follow_ups`: its standing with the follow-up answers that followed it, or None (app.followed)."""
        h = self._h()
        row = queries.get_attempt(h, attempt_id, self.lineage)
        bank = None
        try:
            bank = h.bank_snapshot(row["bank_hash"])
        except Exception:   # a snapshot that no longer parses still lets the stored rows be shown
            bank = None
        row["document"] = stored_document(row, bank) if row["state"] == "done" else None
        row["with_follow_ups"] = standings(h, [row]).get(attempt_id)   # what its follow-up answers added
        return row

    def prompts(self, bank: str) -> list[Row]:
        """The prompts of a bank (and its lineage's) that have finished attempts (for the Progress prompt picker)."""
        of_bank, ids = bank_where(self.lineage(bank))
        return self._h().read(
            "SELECT prompt_id, MAX(prompt_text) AS prompt_text, COUNT(*) AS attempts FROM attempts "
            f"WHERE {of_bank} AND state = 'done' AND {queries.COMPLETE} GROUP BY prompt_id ORDER BY MIN(started_at)", ids)

    def copied(self, bank: str, prompt: str | None = None) -> list[Row]:
        """The finished answers a copied bank's Progress takes in from the banks it was copied from (its lineage
        after itself), [{"bank_id", "answers", "drills", "follow_ups"}] nearest first (`answers` counts them all, as
        scored.answers_text takes it); [] for a bank that is not a copy (walk15: unsaid)."""
        origins = tuple(self.lineage(bank))[1:]
        if not origins:
            return []
        of_bank, ids = bank_where(origins)
        extra, args = (" AND prompt_id = ?", [prompt]) if prompt else ("", [])
        rows = self._h().read(f"SELECT bank_id, COUNT(*) AS answers, SUM({queries.ONLY_DRILL}) AS drills, "
                              f"SUM({queries.FOLLOW_UP}) AS follow_ups FROM attempts WHERE {of_bank} AND state = "
                              f"'done' AND {queries.COMPLETE}{extra} GROUP BY bank_id", [*ids, *args])
        return sorted(rows, key=lambda r: origins.index(r["bank_id"]))

    # -- progress -------------------------------------------------------------------------------
    def stats(self, bank: str | None = None, prompt: str | None = None) -> Row:
        s = self.settings
        return queries.stats(self._h(), self.lineage(bank) if bank else None, s.weak_point_window, prompt,
                             s.weak_points_drilled, self.lineage)

    def outscored(self, rows: list[Row]) -> list[bool]:
        """For trends rows in hand: which tries a better try of the same question the same day leaves out
        (queries.BEST_OF_DAY, `queries.outscored` with this service's lineage). Progress reads the same rule once per
        page through `queries.outscored_ids` (mend36, fixBK)."""
        return queries.outscored(rows, self.lineage)

    def trends(self, bank: str | None = None, prompt: str | None = None, limit: int | None = None) -> list[Row]:
        return queries.trends(self._h(), self.lineage(bank) if bank else None, limit or self.settings.chart_attempts,
                              prompt)

    def key_point_rates(self, bank: str, prompt: str | None = None) -> list[Row]:
        return queries.key_point_rates(self._h(), self.lineage(bank), self.settings.weak_point_window, prompt)

    def never_answered(self, bank: Bank) -> list[Prompt]:
        """The bank's questions with no answer that counts yet (of it or the banks it was copied from), in the bank's
        order; [] for a bank never practised (its charts say "No answers yet"). Walk45 2: a question never answered
        in a week was named nowhere: Progress, Welcome back, the drill and `history stats` name it first."""
        return unanswered(bank, queries.answered_prompts(self._h(), self.lineage(bank.id)))

    def practised(self, bank: Bank) -> bool:
        """Whether any question of the bank (or the banks it was copied from) has an answer that counts: "Drill my
        weak points" with nothing to drill says "nothing missed", not "rehearse a round first" (walk60 6)."""
        return bool(queries.answered_prompts(self._h(), self.lineage(bank.id)))

    def to_drill(self, bank: Bank) -> list[Row]:
        """What "Drill my weak points" asks, in order: the first questions never answered (never_answered_drilled of
        them, `key_point_id` None: the whole question, no point singled out), then the weak points, but not those of a
        question whose newest answer covered every key point unless every weak point is (queries.drill_points)."""
        return self.drill_plan(bank)[0]

    def drill_plan(self, bank: Bank) -> tuple[list[Row], bool]:
        """What "Drill my weak points" asks (to_drill) and whether the bank was practised (practised), from one read
        of the questions answered: the button's click asks both (it read them twice: the session 44 review)."""
        s = self.settings
        h, banks = self._h(), self.lineage(bank.id)
        answered = queries.answered_prompts(h, banks)
        # read44a 2: the points of questions still in the bank, before the limit (a question removed or renamed in the
        # editor kept the first five places and the drill said nothing was missed)
        here = {p.id for p in bank.all_prompts()}
        points = [w for w in queries.drill_points(h, banks, s.weak_point_window, None) if w["prompt_id"] in here]
        drill = drill_queue(unanswered(bank, answered), points[:s.weak_points_drilled], s.never_answered_drilled)
        return drill, bool(answered)

    def previous_answer(self, attempt_id: int) -> Row | None:
        """The counted answer to the same question before this one, from any session (`queries.previous_answer`), with
        `with_follow_ups`: its standing with the follow-up answers that followed it, or None (app.followed; walk60 10:
        "Last time 42" where the round had counted it with its follow-ups, every point)."""
        h = self._h()
        previous = queries.previous_answer(h, attempt_id, self.lineage)
        if previous is not None:
            previous["with_follow_ups"] = standings(h, [{**previous, "state": DONE, "follow_up": None}]).get(previous["id"])
        return previous

    def round_finished(self, bank_id: str, round_id: str) -> str | None:
        """When the bank's round (or its lineage's) was last finished whole (`queries.round_finished`), None never."""
        return queries.round_finished(self._h(), self.lineage(bank_id), round_id)

    def previous_round(self, round_pk: int) -> Row | None:
        """The finished run of the same round before this one (`queries.previous_round`)."""
        return queries.previous_round(self._h(), round_pk, self.lineage)

    def recap(self) -> Row | None:
        """The last session and what to work on next (`queries.recap`), for the window's welcome back, with
        `never_drilled`, how many questions never answered the drill asks first (drill_queue, as to_drill)."""
        recap = queries.recap(self._h(), self.settings.weak_point_window, self.lineage)
        return {**recap, "never_drilled": self.settings.never_answered_drilled} if recap is not None else None

    def progress(self, bank: str, prompt: str | None = None) -> Row:
        """Everything the Progress page shows, in one call: `series` (trends) with their `outscored` flags, always
        given, `rates`, `stats`, `prompts`, `copied`. The lower tries of a day are read once, and the key-point rates
        once: the stats' weak points are theirs (mend36: read twice each, 95 ms of CPU for 10,000 answers)."""
        def read() -> Row:
            h, s, banks = self._h(), self.settings, self.lineage(bank)
            series = self.trends(bank, prompt)
            beaten = queries.outscored_ids(h, banks, prompt, self.lineage)
            rates = queries.key_point_rates(h, banks, s.weak_point_window, prompt, beaten)
            stats = queries.stats(h, banks, s.weak_point_window, prompt, s.weak_points_drilled, self.lineage,
                                  beaten=beaten, rates=rates)
            # the charted rows flagged as the table and stats count them, by every try of the day (fixBK: flagged
            # within the charted window only, a retry whose better try was just before its first row counted)
            lower = set(beaten)
            flags = [queries.is_try(r) and r.get("id") in lower for r in series]
            return {"series": series, "outscored": flags, "rates": rates, "stats": stats,
                    "prompts": self.prompts(bank), "copied": self.copied(bank, prompt)}
        return dict(self._unless_changed(("progress", self.lineage(bank), prompt), read))

    def compare(self, first: int, second: int) -> Row:
        """Two attempts of one prompt, older first; a point an answer's follow-up answers covered counts as covered
        (app.followed). An answer and its own follow-up answer: what the follow-up added (`follow_up_compared`)."""
        h = self._h()
        pair = {i: queries.drill_labels(h.attempt_row(i)) for i in (first, second)}
        first, second = sorted(pair, key=lambda i: (pair[i]["started_at"], i))
        for row in pair.values():
            row["answer_number"] = queries.answer_number(h, row, self.lineage)
        followed = standings(h, list(pair.values()))
        if is_own_follow_up(pair[first], pair[second]):   # what the follow-up added to the answer alone (walk16)
            return follow_up_compared(queries.compare(h, first, second, self.lineage), followed.get(first))
        return queries.compare(h, first, second, self.lineage,
                               covered={i: set(s["covered"]) for i, s in followed.items()})

    # -- changing -------------------------------------------------------------------------------
    def set_note(self, attempt_id: int, note: str | None, rating: int | None) -> None:
        self._h().set_note(attempt_id, note, rating)

    def delete(self, ids: list[int]) -> int:
        """Delete for good, audio and all (`voiceprep history delete`, which has no undo). An answer a window is
        adding a part to right now (C) raises AnswerBeingContinued before any is deleted (review33 1)."""
        if self._h().being_continued(ids):
            raise AnswerBeingContinued(several=len(ids) > 1)
        for attempt in ids:
            self._h().delete_attempt(attempt)
        return len(ids)

    def delete_undoably(self, ids: list[int]) -> Deleted:
        """History's Delete: the answers go at once, their rows and audio kept until `forget_deleted` (the undo is
        over) so that `undo_delete` can bring them back exactly."""
        return Deleted(self._h().delete_undoably(ids), len(ids))

    def undo_delete(self, deleted: Deleted) -> Undone:
        """The answers of `deleted` back as they were (same ids, times, notes, follow-ups and recordings); those a
        backup imported meanwhile had brought back are counted apart, with their recordings (`Undone`)."""
        return self._h().undo_delete(deleted.id)

    def forget_deleted(self, deleted: Deleted) -> None:
        """The undo of `deleted` is over: its answers' recordings are removed."""
        self._h().forget_deleted(deleted.id)

    # -- export / import ------------------------------------------------------------------------
    def select(self, attempt: int | None = None, round_pk: int | None = None, all_: bool = False,
               bank: str | None = None, prompt: str | None = None) -> list[int]:
        return export.select_ids(self._h(), attempt=attempt, round_pk=round_pk, all_=all_,
                                 bank=self.lineage(bank) if bank else None, prompt=prompt)

    def render(self, ids: list[int], fmt: str) -> str:
        return export.render(self._h(), ids, fmt, self.lineage)

    def export(self, ids: list[int] | None, fmt: str, path: Path) -> Exported:
        """Write an export (all attempts when `ids` is empty): complete or not at all, readable by you only."""
        ids = ids or self.select(all_=True)
        if not ids:
            raise HistoryError("there are no answers to export yet")
        text = self.render(ids, fmt)
        try:
            files.write_private(Path(path), text)
        except OSError as exc:
            raise HistoryError(f"{path}: cannot write the export ({exc.strerror or exc})") from None
        return Exported(Path(path), len(ids), fmt, len(self.unfinished(ids)))

    def unfinished(self, ids: list[int]) -> list[int]:
        """Those of `ids` not finished (export.unfinished_ids)."""
        return export.unfinished_ids(self._h(), ids)

    def import_file(self, path: Path) -> Row:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise HistoryError(f"{path}: cannot read ({getattr(exc, 'strerror', None) or exc})") from None
        return export.import_json(self._h(), text, str(path))

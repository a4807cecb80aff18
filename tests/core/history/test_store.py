from __future__ import annotations

import csv
import io
import json
import os
import re
import sqlite3
import stat

import pytest
import sqlite_utils

from tests.core.history.conftest import STRONG, WEAK
from voiceprep.app.judging import attempt_record
from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.history import (
    AnswerBeingContinued,
    History,
    HistoryBusyError,
    HistoryCorruptError,
    HistoryDiskFullError,
    HistoryError,
    HistoryReadOnlyError,
    export,
    queries,
    schema,
)
from voiceprep.core.history.schema import LATEST, migrate
from voiceprep.core.history.store import LEFT, TRANSCRIBING, TYPED, VOICE, this_process
from voiceprep.core.transcript import Segment, Transcript, Word
from voiceprep.core.wording import ASK_AGAIN_TEXT


def spoken(text: str, seconds_per_word: float = 0.4) -> Transcript:
    words = [Word(i * seconds_per_word, (i + 1) * seconds_per_word, (" " if i else "") + w)
             for i, w in enumerate(text.split())]
    return Transcript(text, "en", len(words) * seconds_per_word, "tiny.en",
                      [Segment(0.0, len(words) * seconds_per_word, text, words)])


def save_spoken(history, bank, text: str, prompt_id: str = "hardest-problem") -> int:
    prompt = bank.prompt(prompt_id)
    analysis = analyze_answer(bank, prompt, spoken(text))
    attempt = history.begin_attempt(bank, prompt, state=TRANSCRIBING, input=VOICE)
    history.finish_attempt(attempt, attempt_record(analysis, VOICE))
    return attempt


def test_saved_attempt_comes_back_with_everything(history, save):
    attempt = save(STRONG)
    row = queries.get_attempt(history, attempt)
    assert row["state"] == "done" and row["overall"] > 50
    assert row["transcript"].startswith("At my previous company")
    assert len(row["key_points"]) == 6 and any(k["hit"] and k["evidence"] for k in row["key_points"])
    assert row["transcript_data"]["segments"]
    assert row["feedback"]["prompt"]["id"] == "hardest-problem" and row["judge"]
    assert "transcript" not in row["feedback"]          # kept once, in the transcripts table
    assert history.db["words"].count_where("attempt_id = ?", [attempt]) == len(STRONG.split())


def test_typed_answers_have_no_duration_and_do_not_feed_pace_or_minutes(history, save, bank):
    typed = save(STRONG)
    history.db.execute("UPDATE attempts SET started_at = '2026-12-01T12:00:00+00:00' WHERE id = ?", [typed])
    voiced = save_spoken(history, bank, WEAK)         # another day: not a lower retry of the typed one (BEST_OF_DAY)
    row = queries.get_attempt(history, typed)
    assert row["input"] == "typed" and row["duration_s"] is None
    assert history.db.execute("SELECT wpm FROM delivery WHERE attempt_id = ?", [typed]).fetchone()[0] is None
    assert row["feedback"]["delivery"]["wpm"] is None and row["feedback"]["delivery"]["duration_s"] is None
    series = {r["id"]: r for r in queries.trends(history, "airwallex")}
    assert series[typed]["wpm"] is None and series[voiced]["wpm"] == pytest.approx(150, abs=1)
    s = queries.stats(history, "airwallex")
    spoken_s = history.attempt_row(voiced)["duration_s"]
    assert s["minutes_spoken"] == round(spoken_s / 60, 1) and s["typed"] == 1
    assert s["recent"]["wpm"] == pytest.approx(150, abs=1)
    metrics = queries.compare(history, typed, voiced)["metrics"]
    # walk14: "Length typed → 0:43" (a typed answer has no length in time): both said in words, the spoken one's
    # time beside it; a typed answer has no pace, said so
    typed_words, spoken_words = len(STRONG.split()), len(WEAK.split())
    assert metrics["duration_s"]["text"] == (f"Length {typed_words} words (typed) → {spoken_words} words "
                                             f"({queries.length(spoken_s)})"), metrics["duration_s"]
    assert metrics["wpm"]["text"].startswith("Pace none (typed) → ")
    both = queries.compare(history, typed, save(WEAK))["metrics"]
    assert both["duration_s"]["text"] == f"Length {typed_words} → {spoken_words} words (both typed)"



def test_stats_pace_and_fillers_come_from_the_spoken_answers_a_lower_retry_too(history, save, bank):
    """Walk58 finding 2: `history stats` said "pace – words/min, fillers/min –" while Progress plotted a pace of 121
    for the same answers: each question's best try of the day was typed (no pace) and the spoken tries were dropped as
    lower retries. The overall counts the best try (BEST_OF_DAY); pace and fillers the spoken answers
    (DELIVERY_COUNTED), each side saying how many."""
    typed = save(STRONG)                                            # typed: the best try of the day
    voiced = save_spoken(history, bank, WEAK)                       # spoken, the same day: a lower retry
    s = queries.stats(history, "airwallex")
    assert s["retries"] == 1 and s["recent"]["answers"] == 1
    assert s["recent"]["overall"] == pytest.approx(history.attempt_row(typed)["overall"])
    assert s["recent"]["wpm"] == pytest.approx(150, abs=1) and s["recent"]["fillers_per_min"] is not None
    assert s["recent"]["spoken"] == 1 and s["earlier"]["spoken"] == 0
    assert [r["id"] for r in queries.spoken_delivery(history, "airwallex")] == [voiced]

def test_database_uses_wal_and_is_private(history, save):
    save(WEAK)
    assert history.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert stat.S_IMODE(os.stat(history.path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(history.path.parent / "audio").st_mode) == 0o700


def test_full_text_search_highlights_and_filters_in_one_query(history, save):
    save(STRONG)
    save(WEAK)
    hits = queries.search(history, "ring buffer")
    assert len(hits) == 1 and "[ring] [buffer]" in hits[0]["snippet"]
    assert len(queries.search(history, "locks")) == 2   # porter stemming: lock ~ locks
    rows = queries.list_attempts(history, text="locks", min_score=50)
    assert [r["transcript" if "transcript" in r else "id"] for r in rows] == [1]
    assert queries.list_attempts(history, text='" OR ) (') == []   # what the candidate typed is never FTS syntax


def test_a_search_hit_says_where_it_was_found(history, save):
    strong, weak = save(STRONG), save(WEAK)
    history.set_note(weak, "next time name the ring buffer", None)
    found = {r["id"]: r for r in queries.list_attempts(history, text="ring buffer")}
    assert found[strong]["found_in"] == ["transcript"] and found[strong]["snippet"] == ""   # the list: notes only
    assert found[weak]["found_in"] == ["note"] and found[weak]["snippet"] == "next time name the [ring] [buffer]"
    assert queries.found_text(found[weak]) == "in your note: “next time name the [ring] [buffer]”"
    both = queries.list_attempts(history, text="locks challenging")     # one word said, one in the question
    assert both[0]["found_in"] == ["transcript", "prompt"]
    assert queries.found_text(both[0]) == "in what you said (also in the question)"
    assert "found_in" not in queries.list_attempts(history)[0]               # not a search: nothing to say
    searched = {r["id"]: r for r in queries.search(history, "ring buffer")}
    assert {i: r["found_in"] for i, r in searched.items()} == {strong: ["transcript"], weak: ["note"]}
    assert "a [ring] [buffer] with a single writer" in searched[strong]["snippet"]


def test_words_in_double_quotes_are_searched_as_a_phrase(history, save):
    """As in every search box: "single writer" in quotes finds the two words together, not each anywhere.
    Without quotes both attempts below hold both words; only one says them together."""
    together, apart = save(STRONG), save("Writing a single service took time; a writer of the docs helped.")
    assert {r["id"] for r in queries.list_attempts(history, text="single writer")} == {together, apart}
    assert [r["id"] for r in queries.list_attempts(history, text='"single writer"')] == [together]
    assert [r["id"] for r in queries.search(history, '"single writer" lock')] == [together]
    found = queries.list_attempts(history, text='"single writer"')[0]
    assert found["found_in"] == ["transcript"]
    assert queries.list_attempts(history, text='"single writer') != []   # an unclosed quote: the words as typed
    assert queries.list_attempts(history, text='""') == queries.list_attempts(history)   # nothing to search


def test_a_bank_snapshot_keeps_history_when_the_bank_changes(history, save, bank):
    attempt = save(STRONG)
    row = history.attempt_row(attempt)
    snap = history.bank_snapshot(row["bank_hash"])
    assert snap.prompt("hardest-problem").text == bank.prompt("hardest-problem").text
    assert history.bank_snapshot(row["bank_hash"]) is snap      # parsed once: opening attempts stays cheap


def old_history(path, schema: int, **answer) -> sqlite_utils.Database:
    """A history made by an older voiceprep (schema `schema`) holding one answer to bank "b"."""
    db = sqlite_utils.Database(path)
    migrate(db, upto=schema)
    db["bank_snapshots"].insert({"hash": "h1", "bank_id": "b", "title": "t", "source": "", "toml": "", "created_at": "x"})
    db["attempts"].insert({"bank_hash": "h1", "bank_id": "b", "prompt_id": "p", "prompt_text": "Why?",
                           "started_at": "2026-01-01T00:00:00", "state": "done", "transcript": "old answer",
                           "duration_s": 60.0, **answer})
    return db


def test_migration_from_the_first_schema_keeps_data(tmp_path):
    path = tmp_path / "old.sqlite3"
    db = old_history(path, 1, transcript_json='{"text": "old answer", "segments": []}')
    db["attempts"].insert({"bank_hash": "h1", "bank_id": "b", "prompt_id": "p", "prompt_text": "Why?",
                           "started_at": "2026-01-02T00:00:00", "state": "done", "transcript": "typed answer",
                           "model": "typed", "duration_s": 4.8, "settings_json": '{"typed": true}'})
    db["delivery"].insert({"attempt_id": 2, "wpm": 150.0, "fillers_per_min": 0.0, "json": "{}"})
    assert db.execute("PRAGMA user_version").fetchone()[0] == 1
    assert "uid" not in db["attempts"].columns_dict
    db.conn.close()
    with History.open(path) as h:
        assert h.db.execute("PRAGMA user_version").fetchone()[0] == LATEST == 11
        old, typed = list(h.db["attempts"].rows)
        assert old["transcript"] == "old answer" and len(old["uid"]) == 32 and old["self_rating"] is None
        assert (old["input"], old["duration_s"]) == ("voice", 60.0)
        assert (typed["input"], typed["duration_s"]) == ("typed", None)   # v4: no invented duration
        assert h.db.execute("SELECT wpm FROM delivery WHERE attempt_id = 2").fetchone()[0] is None
        h.set_note(old["id"], "felt good", 4)
        full = queries.get_attempt(h, old["id"])          # v3 moved the word timings to their own table
        assert full["transcript_data"] == {"text": "old answer", "segments": []} and old["transcript_json"] is None
        assert full["feedback"] is None                     # answers from before v4 keep their stored rows
        assert queries.search(h, "old answer")[0]["id"] == old["id"]


def test_corrupt_database_is_detected_backed_up_once_and_not_overwritten(tmp_path):
    path = tmp_path / "history.sqlite3"
    garbage = b"SQLite format 3\x00" + os.urandom(4096)
    path.write_bytes(garbage)
    for _ in range(3):
        with pytest.raises(HistoryCorruptError) as info:
            History.open(path)
    assert path.read_bytes() == garbage
    assert info.value.backup.read_bytes() == garbage
    assert [p.name for p in tmp_path.iterdir() if ".damaged-" in p.name] == [info.value.backup.name]
    assert str(info.value.backup) in str(info.value) and "nothing was overwritten" in str(info.value)


def test_damage_in_the_middle_of_the_file_is_found_by_verify(tmp_path, bank):
    path = tmp_path / "history.sqlite3"
    with History.open(path) as h:
        for _ in range(30):
            save_spoken(h, bank, STRONG)
        h.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = path.stat().st_size
    with open(path, "r+b") as f:
        f.seek(size // 2)
        f.write(os.urandom(8192))
    with History.open(path) as h:        # the cheap check at open passes: the header is intact
        assert queries.list_attempts(h, limit=1)
        with pytest.raises(HistoryCorruptError, match="damaged"):
            h.verify()


def test_passing_problems_are_named_and_nothing_is_backed_up(tmp_path, bank):
    path = tmp_path / "history.sqlite3"
    with History.open(path, busy_timeout_s=0.2) as h:
        save_spoken(h, bank, WEAK)
        other = sqlite3.connect(path)
        other.execute("BEGIN IMMEDIATE")                    # another process is writing
        with pytest.raises(HistoryBusyError, match="another voiceprep window or command kept the history busy"):
            save_spoken(h, bank, WEAK)
        other.rollback()
        other.close()
        size = h.db.execute("PRAGMA page_count").fetchone()[0]
        h.db.execute(f"PRAGMA max_page_count = {size + 2}")  # SQLite's own "disk full" (SQLITE_FULL)
        with pytest.raises(HistoryDiskFullError, match="is full. Free some space"):
            for _ in range(20):
                save_spoken(h, bank, STRONG)
        h.db.execute("PRAGMA max_page_count = 1000000")
        h.db.execute("PRAGMA query_only = ON")               # SQLite's "attempt to write a readonly database"
        with pytest.raises(HistoryReadOnlyError, match="cannot write here"):
            h.set_note(1, "x", 3)
        h.db.execute("PRAGMA query_only = OFF")
        assert queries.get_attempt(h, 1)["state"] == "done"
    assert not [p for p in tmp_path.iterdir() if ".damaged" in p.name]


def test_delete_removes_audio_and_retention_keeps_the_newest(history, bank, save):
    audio = history.new_audio_path(".flac")
    audio.write_bytes(b"fLaC....")
    attempt = history.begin_attempt(bank, bank.prompt("hardest-problem"), audio_path=audio)
    leftover = audio.with_suffix(".wav")
    leftover.write_bytes(b"RIFF")                           # a sibling an interrupted conversion left
    history.delete_attempt(attempt)
    assert not audio.exists() and not leftover.exists()
    with pytest.raises(HistoryError, match=f"no answer #{attempt}"):
        history.attempt_row(attempt)
    ids = [save(WEAK) for _ in range(4)]
    assert sorted(history.retention_victims("airwallex", "hardest-problem", keep=2)) == ids[:2]
    assert history.retention_victims("airwallex", "hardest-problem", keep=0) == []


def test_self_rating_is_validated(history, save):
    attempt = save(WEAK)
    with pytest.raises(HistoryError, match="1 to 5"):
        history.set_note(attempt, "x", 7)


def test_not_a_number_is_stored_as_unknown_and_json_stays_valid(history, bank):
    prompt = bank.prompt("hardest-problem")
    analysis = analyze_answer(bank, prompt, spoken(WEAK))
    analysis.overall = float("nan")
    analysis.competencies = {"communication": float("inf")}
    attempt = history.begin_attempt(bank, prompt, state=TRANSCRIBING)
    history.finish_attempt(attempt, attempt_record(analysis, VOICE))
    row = queries.get_attempt(history, attempt)
    assert row["overall"] is None and row["competencies"] == {"communication": None}
    json.loads(export.render(history, [attempt], "json"))
    assert queries.stats(history, "airwallex")["attempts"] == 1


def test_stats_hit_rates_trends_and_weak_points(history, save):
    for day, text in enumerate((WEAK, WEAK, STRONG), start=1):     # three days: each a day's best try (BEST_OF_DAY)
        history.db.execute("UPDATE attempts SET started_at = ? WHERE id = ?", [f"2026-12-0{day}T12:00:00+00:00",
                                                                              save(text)])
    rates = {r["key_point_id"]: r for r in queries.key_point_rates(history, "airwallex")}
    assert rates["mechanics"]["hits"] == 1 and rates["mechanics"]["attempts"] == 3
    assert rates["mechanics"]["prompt_text"].startswith("What is the most challenging")
    s = queries.stats(history, "airwallex")
    assert s["attempts"] == 3 and set(s["competencies"]) == {"domain_depth", "communication"}
    weak = s["weak_points"]["airwallex"]
    assert weak and weak[0]["rate"] <= weak[-1]["rate"]
    series = queries.trends(history, "airwallex")
    assert [r["overall"] for r in series][-1] > series[0]["overall"]
    assert queries.trends(history, "airwallex", prompt="why-airwallex") == []


def test_compare_names_points_gained_and_metrics_in_words(history, bank):
    a, b = save_spoken(history, bank, WEAK, ), save_spoken(history, bank, STRONG)
    c = queries.compare(history, a, b)
    assert any("ring buffer" in g for g in c["gained"]) and not c["lost"]
    assert c["metrics"]["overall"]["delta"] > 0 and c["metrics"]["overall"]["text"].startswith("Overall score ")
    hits_a = sum(k["hit"] for k in queries.get_attempt(history, a)["key_points"])
    hits_b = sum(k["hit"] for k in queries.get_attempt(history, b)["key_points"])
    assert c["metrics"]["key_points"]["text"] == f"Key points covered: {hits_a} of 6 → {hits_b} of 6"
    assert c["metrics"]["wpm"]["text"] == "Pace 150 → 150 words/min"
    assert queries.describe_change("Pace", None, None, "words/min", missing=("typed", "typed")) == \
        "Pace: not measured (both typed)"                  # not "Pace typed → typed words/min"
    assert queries.describe_change("Pace", 150, None, "words/min", missing=("–", "typed")) == \
        "Pace 150 words/min → none (typed)"
    assert c["prompt_text"].startswith("What is the most challenging") and len(c["attempts"]) == 2
    assert any(d["op"] != "equal" for d in c["diff"])
    other = save_spoken(history, bank, "I want to join because of multi-currency accounts.", "why-airwallex")
    with pytest.raises(HistoryError, match="different questions .“.*”.$"):
        queries.compare(history, a, other)


def test_compare_says_a_key_point_added_between_the_answers_is_new_not_gained(history, bank):
    """Walk37: a point written into the bank between two answers was listed under "Gained", though it was not there
    at the first answer. It is `new`, with whether the second answer covered it; neither gained nor still missing."""
    from dataclasses import replace

    from voiceprep.core.banks.model import KeyPoint

    first = save_spoken(history, bank, WEAK)
    added = KeyPoint(id="ring-buffer-plain", label="I used a ring buffer so the hot path never allocated",
                     cues=("ring buffer",), competency="domain_depth")
    grown = replace(bank, rounds=tuple(replace(r, prompts=tuple(
        replace(p, key_points=(*p.key_points, added)) if p.id == "hardest-problem" else p for p in r.prompts))
        for r in bank.rounds))
    second = save_spoken(history, grown, STRONG)
    c = queries.compare(history, first, second)
    assert c["new"] == [{"label": added.label, "hit": True}], c["new"]
    assert added.label not in c["gained"] + c["missed"] + c["kept"]
    assert any("ring buffer" in g for g in c["gained"])            # the bank's own point still counts as gained


def test_compare_says_a_key_point_taken_out_between_the_answers_is_removed_not_lost(history, bank):
    """Review29: a point taken out of the bank between two answers, covered by the first, was listed under "Lost",
    though the second answer was never judged on it. It is `removed`, said once, and in neither Lost nor Kept."""
    from dataclasses import replace

    first = save_spoken(history, bank, STRONG)
    prompt = bank.prompt("hardest-problem")
    gone = next(k for k in prompt.key_points if "ring buffer" in k.label.lower() or k.cues)
    shrunk = replace(bank, rounds=tuple(replace(r, prompts=tuple(
        replace(p, key_points=tuple(k for k in p.key_points if k.id != gone.id)) if p.id == "hardest-problem" else p
        for p in r.prompts)) for r in bank.rounds))
    second = save_spoken(history, shrunk, STRONG)
    c = queries.compare(history, first, second)
    assert c["removed"] == [gone.label], c
    assert gone.label not in c["lost"] + c["kept"] + c["gained"] + c["missed"]
    assert queries.removed_text(c) == f"Taken out of the question since the first answer (not compared): “{gone.label}”"


def test_compare_matches_words_without_punctuation_and_case_and_shows_them_as_said(history, save):
    first = save("It took time. We measured, and Latency fell forty percent.")
    second = save("It took time, we measured and latency fell fifty percent!")
    diff = queries.compare(history, first, second)["diff"]
    changed = [(d["first"], d["second"]) for d in diff if d["op"] != "equal"]
    assert changed == [("forty", "fifty")], changed             # "time." -> "time," is not a change
    assert " ".join(d["first"] for d in diff if d["first"]) == "It took time. We measured, and Latency fell forty percent."
    assert " ".join(d["second"] for d in diff if d["second"]) == "It took time, we measured and latency fell fifty percent!"
    assert [d["op"] for d in queries.word_diff("cost $5", "cost 5")] == ["equal", "replace"]   # symbols count
    # punctuation inside a word is part of it: a number said differently is a change (review: "3.5" matched "35")
    assert [d["op"] for d in queries.word_diff("p99 fell to 3.5 seconds.", "p99 fell to 35 seconds")] == [
        "equal", "replace", "equal"]
    assert [d["op"] for d in queries.word_diff("up 1.5%", "up 15%")] == ["equal", "replace"]
    assert [d["op"] for d in queries.word_diff("“Quoted,” she said", "quoted she said.")] == ["equal"]
    # walk49: "p99" struck and "ｐ９９" new; the words are NFKC-folded as search folds them (one fold)
    assert [d["op"] for d in queries.word_diff("Ｋａｆｋａ p99 fell.", "kafka ｐ９９ fell，")] == ["equal"]
    assert [d["op"] for d in queries.word_diff("p99 fell", "ｐ９８ fell")] == ["replace", "equal"]


def test_exports_and_import_twice_without_duplicates(history, save, tmp_path):
    ids = [save(STRONG), save("=HYPERLINK(\"http://x\") " + WEAK)]
    history.set_note(ids[0], "-note that starts with a dash", 5)
    md = export.render(history, ids, "md")
    assert "[x] The problem: lock contention" in md and "### Transcript" in md and "typed answer" in md
    assert "- Depth in own work: " in md and "- domain_depth:" not in md          # competencies by name
    csv_text = export.render(history, ids, "csv")
    assert "'=HYPERLINK" in csv_text and "'-note" in csv_text
    data = export.render(history, ids, "json")
    with History.open(tmp_path / "other.sqlite3") as other:
        assert export.import_json(other, data) == {"added": 2, "skipped": 0}
        assert export.import_json(other, data) == {"added": 0, "skipped": 2}
        copied = queries.get_attempt(other, queries.list_attempts(other)[-1]["id"])
        assert copied["transcript"] == STRONG and copied["note"].startswith("-note")
        assert copied["feedback"]["prompt"]["id"] == "hardest-problem"
        assert queries.search(other, "disruptor")
    with pytest.raises(HistoryError, match="not a voiceprep JSON export"):
        export.import_json(history, json.dumps({"hello": 1}))


@pytest.mark.parametrize("change, message", [
    (lambda a: a.update(colour="red"), "attempts[0]: unknown field 'colour'"),
    (lambda a: a.pop("uid"), "attempts[0]: missing 'uid'"),
    (lambda a: a.update(key_points=[{"label": "x"}]), "key_points: each needs key_point_id"),
])
def test_a_bad_import_is_named_and_changes_nothing(history, save, change, message):
    attempt = save(WEAK)
    data = json.loads(export.render(history, [attempt], "json"))
    change(data["attempts"][0])
    data["attempts"][0]["uid"] = data["attempts"][0].get("uid") and "another"
    if "uid" in message:
        data["attempts"][0].pop("uid")
    with pytest.raises(HistoryError, match=message.replace("[", r"\[").replace("]", r"\]")):
        export.import_json(history, json.dumps(data), "x.json")
    assert history.db["attempts"].count == 1


def test_migration_to_schema_5_keeps_old_answers_and_marks_none_a_drill(tmp_path):
    path = tmp_path / "old.sqlite3"
    db = old_history(path, 4, overall=50.0, input="voice", uid="u1")
    assert "drill_json" not in db["attempts"].columns_dict
    db.conn.close()
    with History.open(path) as h:
        assert h.db.execute("PRAGMA user_version").fetchone()[0] == LATEST
        old = h.attempt_row(1)
        assert old["drill_json"] is None and old["transcript"] == "old answer"
        assert queries.get_attempt(h, 1)["drill"] is None and queries.list_attempts(h)[0]["drill"] is None
        assert queries.trends(h, "b")[0]["drill"] is None and queries.stats(h, "b")["drills"] == 0


def test_migration_to_schema_6_marks_the_follow_up_answers_of_a_round_and_keeps_every_answer(tmp_path):
    """Session 12 stored an answer to the follow-ups as a drill only. A whole round asks no drill and a drill stores
    no round, so an answer with drill_json in a stored round was a follow-up answer; one outside a round (One
    prompt, Drill my weak points) cannot be told apart and stays a drill."""
    path = tmp_path / "old.sqlite3"
    db = old_history(path, 5, overall=70.0, input="voice", uid="u1", round_pk=1)
    db["rounds"].insert({"id": 1, "bank_hash": "h1", "bank_id": "b", "round_id": "r", "title": "Round",
                         "started_at": "2026-01-01T00:00:00", "uid": "r1"})
    common = {"bank_hash": "h1", "bank_id": "b", "prompt_id": "p", "prompt_text": "Why?", "state": "done",
              "transcript": "more", "input": "typed", "overall": 20.0}
    db["attempts"].insert({**common, "started_at": "2026-01-01T00:05:00", "uid": "u2", "round_pk": 1,
                           "drill_json": '["The scale"]'})
    db["attempts"].insert({**common, "started_at": "2026-01-01T00:09:00", "uid": "u3", "drill_json": '["The scale"]'})
    assert "follow_up_json" not in db["attempts"].columns_dict
    db.conn.close()
    with History.open(path) as h:
        assert h.db.execute("PRAGMA user_version").fetchone()[0] == LATEST == 11
        assert h.db["attempts"].count == 3
        rows = {r["id"]: r for r in queries.list_attempts(h)}
        assert {i: (r["follow_up"], queries.kind_name(r)) for i, r in rows.items()} == \
            {1: (None, None), 2: ([], "Follow-up"), 3: (None, "Drill")}
        assert queries.asked_text(rows[2]) == ("Follow-up answer (its questions were not stored); it counts only for "
                                               "the point they asked about: The scale")
        s = queries.stats(h, "b")
        assert (s["attempts"], s["drills"], s["follow_ups"], s["avg_overall"]) == (3, 1, 1, 70.0)   # counted as before


def test_migration_to_schema_7_adds_the_parts_being_added_to_answers_and_keeps_every_answer(tmp_path):
    """Schema 7 records a part being added to a stored answer (C) until it is joined, so a quit or a crash meanwhile
    loses nothing (fixA: the part belonged to no row). Additive: an old history opens with every answer as it was
    and no part being added; a part's row goes with its answer."""
    path = tmp_path / "old.sqlite3"
    db = old_history(path, 6, overall=70.0, input="voice", uid="u1", audio_path=str(tmp_path / "a.flac"))
    assert "continuations" not in db.table_names()
    db.conn.close()
    with History.open(path) as h:
        assert h.db.execute("PRAGMA user_version").fetchone()[0] == LATEST == 11
        assert h.db["attempts"].count == 1 and h.attempt_row(1)["transcript"] == "old answer"
        assert h.unfinished_continuations() == []
        part = tmp_path / "part.wav"
        part.write_bytes(b"RIFF")
        cid = h.begin_continuation(1, part)
        assert [(c["id"], c["attempt_id"], c["state"]) for c in h.unfinished_continuations()] == [(cid, 1, "recording")]
        h.set_continuation_state(cid, TRANSCRIBING, "cut off: you closed the app while answering")
        assert h.unfinished_continuations()[0]["state_detail"] == "cut off: you closed the app while answering"
        with pytest.raises(AnswerBeingContinued):       # being added to by this run: refused (review33 1)
            h.delete_attempt(1)
        h.leave_continuation(cid)                        # left for the next start (review33 5)
        left = h.unfinished_continuations()[0]
        assert left["state"] == LEFT and left["owner"] == this_process()     # owned: waits for its window to end
        assert left["state_detail"] == "cut off: you closed the app while answering"
        assert h.being_continued([1]) == []
        h.delete_attempt(1)                              # the answer deleted: its part goes with it (row and audio)
        assert h.db["continuations"].count == 0 and not part.exists()


def test_a_follow_up_answer_is_stored_with_its_questions_and_named_a_follow_up(history, save, bank):
    """Session 12 stored an answer to the interviewer's follow-ups as a drill of the points they asked about, and
    everything named it a drill ("Drill · ...", "1/2 drilled"): it counts as a drill does and is named a follow-up."""
    prompt = bank.prompt("hardest-problem")
    whole = save(STRONG)
    asked = [prompt.key_points[0].label, prompt.key_points[2].label]
    questions = ["Which design did you choose?", "How did you measure it?"]
    analysis = analyze_answer(bank, prompt, Transcript.from_text(WEAK))
    follow = history.begin_attempt(bank, prompt, state=TRANSCRIBING, input="typed", text=WEAK, drill=asked,
                                   follow_up=questions)
    history.finish_attempt(follow, attempt_record(analysis, "typed"))
    drill = history.begin_attempt(bank, prompt, state=TRANSCRIBING, input="typed", text=WEAK, drill=asked[:1])
    history.finish_attempt(drill, attempt_record(analysis, "typed"))
    got = queries.get_attempt(history, follow)
    assert (got["drill"], got["follow_up"]) == (asked, questions)
    assert queries.get_attempt(history, drill)["follow_up"] is None
    listed = {r["id"]: r for r in queries.list_attempts(history)}
    assert {i: queries.kind_name(r) for i, r in listed.items()} == {whole: None, follow: "Follow-up", drill: "Drill"}
    assert queries.asked_text(listed[follow]) == ("Follow-up answer: the interviewer asked “Which design did you "
                                                  "choose?” “How did you measure it?”; it counts only for the points "
                                                  f"they asked about: {asked[0]}; {asked[1]}")
    assert queries.asked_text(listed[drill]) == f"Drill: you were asked to cover: {asked[0]}"
    covered = listed[follow]["drilled"]
    # walk14: "1/2 asked" read as "1 of 2 asked"; it is the points covered of the 2 the follow-ups asked about
    assert queries.drilled_text(covered, follow_up=True) == f"{covered[0]}/2 covered"
    assert queries.covered_text(covered, listed[follow]) == f"covered {covered[0]} of 2 asked in the follow-up"
    found = {r["id"]: r["follow_up"] for r in queries.search(history, "matching engine")}
    assert found == {whole: None, follow: questions, drill: None}
    assert [queries.kind_name(r) for r in queries.trends(history, "airwallex")] == [None, "Follow-up", "Drill"]
    s = queries.stats(history, "airwallex")          # counted as a drill is: not in the average; named apart
    assert (s["attempts"], s["drills"], s["follow_ups"]) == (3, 1, 1)
    assert s["avg_overall"] == queries.get_attempt(history, whole)["overall"]
    recap = queries.recap(history)
    assert recap is not None and (recap["answers"], recap["drills"], recap["follow_ups"]) == (3, 1, 1)
    compared = queries.compare(history, whole, follow)
    assert [c["follow_up"] for c in compared["attempts"]] == [None, questions]
    assert compared["metrics"]["overall"]["text"].endswith(
        "(the second is a follow-up answer: a follow-up answer counts only for the points its follow-ups asked about)")
    assert queries.compare(history, follow, drill)["metrics"]["overall"]["text"].endswith(
        "(the first is a follow-up answer, the second a drill: each counts only for the points it was asked about)")


def test_exports_name_a_follow_up_answer_and_import_keeps_it(history, save, bank, tmp_path):
    prompt = bank.prompt("hardest-problem")
    plain = save(WEAK)
    asked, questions = [prompt.key_points[1].label], ["=What did it change, in numbers?"]
    follow = history.begin_attempt(bank, prompt, state=TRANSCRIBING, input="typed", text=STRONG, drill=asked,
                                   follow_up=questions)
    history.finish_attempt(follow, attempt_record(analyze_answer(bank, prompt, Transcript.from_text(STRONG)), "typed"))
    rows = list(csv.DictReader(io.StringIO(export.render(history, [plain, follow], "csv"))))
    assert [(r["drill"], r["follow_up"]) for r in rows] == [("", ""), (asked[0], "'" + questions[0])]
    md = export.render(history, [plain, follow], "md")
    assert f"## Follow-up · {prompt.text}" in md and "Drill" not in md
    part = md.split(f"## Follow-up · {prompt.text}")[1]
    hit = int(queries.get_attempt(history, follow)["key_points"][1]["hit"])
    assert f"Follow-up answer: the interviewer asked “{questions[0]}”" in part
    # one count, the points asked about (walkthrough 10: beside a whole-answer score that counted for nothing)
    assert f"**Covered {hit} of 1 asked in the follow-up** (follow-up answer) · typed answer\n" in part
    assert "whole answer" not in part and "/ 100" not in part, part
    data = export.render(history, [plain, follow], "json")
    with History.open(tmp_path / "other.sqlite3") as other:
        assert export.import_json(other, data) == {"added": 2, "skipped": 0}
        assert sorted(str(r["follow_up"]) for r in queries.list_attempts(other)) == sorted([str(questions), "None"])
    old = json.loads(data)                       # an export from before schema 6: no "follow_up" field
    del old["history_schema"]
    for a in old["attempts"]:
        a.pop("follow_up", None)
    with History.open(tmp_path / "third.sqlite3") as third:
        assert export.import_json(third, json.dumps(old)) == {"added": 2, "skipped": 0}
        assert [queries.kind_name(r) for r in queries.list_attempts(third)] == ["Drill", None]
    broken = json.loads(data)
    broken["attempts"][1]["follow_up"] = "what next?"
    broken["attempts"][1]["uid"] = "another"
    with pytest.raises(HistoryError, match=r"attempts\[1\]: follow_up: should be the list of follow-up questions"):
        export.import_json(history, json.dumps(broken), "x.json")


def test_a_csv_export_counts_the_points_a_drill_or_follow_up_answer_was_asked_about(history, save, bank):
    """Session 14: the CSV's key_points_covered and key_points_total counted every point of the question for a drill
    and a follow-up answer, where History and the feedback count the points it was asked about ("1/2 asked");
    a whole answer's stay all its points, and the JSON export keeps every point's result."""
    prompt = bank.prompt("hardest-problem")
    plain = save(STRONG)
    asked = [prompt.key_points[0].label, prompt.key_points[2].label]
    analysis = analyze_answer(bank, prompt, Transcript.from_text(STRONG))
    made = [plain]
    for extra in ({}, {"follow_up": ["Which design did you choose?"]}):
        attempt = history.begin_attempt(bank, prompt, state=TRANSCRIBING, input="typed", text=STRONG, drill=asked,
                                        **extra)
        history.finish_attempt(attempt, attempt_record(analysis, "typed"))
        made.append(attempt)
    rows = {int(r["id"]): r for r in csv.DictReader(io.StringIO(export.render(history, made, "csv")))}
    listed = {r["id"]: r for r in queries.list_attempts(history)}
    whole = queries.get_attempt(history, plain)["key_points"]
    assert (rows[plain]["key_points_covered"], rows[plain]["key_points_total"]) == (
        str(sum(k["hit"] for k in whole)), str(len(whole)))
    for attempt in made[1:]:
        assert listed[attempt]["drilled"][1] == 2
        assert (rows[attempt]["key_points_covered"], rows[attempt]["key_points_total"]) == tuple(
            str(n) for n in listed[attempt]["drilled"])
    data = json.loads(export.render(history, made[1:], "json"))
    assert [len(a["key_points"]) for a in data["attempts"]] == [len(whole)] * 2


def test_a_json_export_names_follow_up_only_for_a_follow_up_answer_and_reads_a_session_12_export(
        history, save, bank, tmp_path):
    """Review 13: every attempt exported carried "follow_up": null, which a voiceprep before schema 6 refuses
    ("unknown field"), even in a file with no follow-up answer; and a session-12 export's follow-up answers of a
    round were imported as drills, where the schema-6 migration marks them follow-ups."""
    prompt = bank.prompt("hardest-problem")
    plain = save(WEAK)
    data = json.loads(export.render(history, [plain], "json"))
    assert "follow_up" not in data["attempts"][0] and data["history_schema"] == LATEST
    older = set(export.ATTEMPT_FIELDS) - {"follow_up"}               # what a session-12 import accepts
    assert set(data["attempts"][0]) <= older
    round_pk = history.start_round(bank, bank.rounds[0])
    analysis = analyze_answer(bank, prompt, Transcript.from_text(STRONG))
    made = []
    for round_, follow_up in ((round_pk, ["How?"]), (round_pk, None), (None, None)):
        made.append(history.begin_attempt(bank, prompt, round_pk=round_, state=TRANSCRIBING, input="typed",
                                          text=STRONG, drill=[prompt.key_points[0].label], follow_up=follow_up))
        history.finish_attempt(made[-1], attempt_record(analysis, "typed"))
    data = json.loads(export.render(history, [plain, *made], "json"))
    assert ["follow_up" in a for a in data["attempts"]] == [False, True, False, False]
    with History.open(tmp_path / "new.sqlite3") as other:          # a new export: read as it says
        export.import_json(other, json.dumps(data))
        assert {r["uid"]: r["follow_up_json"] for r in other.read("SELECT uid, follow_up_json FROM attempts")} == \
            {a["uid"]: (json.dumps(a["follow_up"]) if "follow_up" in a else None) for a in data["attempts"]}
    del data["history_schema"]                                      # a session-12 export: no "follow_up" at all
    for a in data["attempts"]:
        a.pop("follow_up", None)
    with History.open(tmp_path / "old.sqlite3") as other:
        export.import_json(other, json.dumps(data))
        kinds = {r["uid"]: queries.kind_name(queries.drill_labels(r))
                 for r in other.read("SELECT uid, drill_json, follow_up_json FROM attempts")}
    # as the migration marks them: a round's drills are follow-up answers, one outside a round stays a drill
    assert [kinds[a["uid"]] for a in data["attempts"]] == [None, "Follow-up", "Follow-up", "Drill"]


def test_progress_plots_no_competency_for_a_follow_up_answer(history, save, bank):
    """Review 13: Progress plotted a follow-up answer's competency scores, which its feedback hides (they rest on
    the whole question's points); a drill's are its asked points' competencies."""
    prompt = bank.prompt("hardest-problem")
    save(STRONG)
    asked = [prompt.key_points[0].label]
    analysis = analyze_answer(bank, prompt, Transcript.from_text(STRONG))
    assert analysis.competencies
    made = {}
    for kind, follow_up in (("drill", None), ("follow-up", ["How?"])):
        made[kind] = history.begin_attempt(bank, prompt, state=TRANSCRIBING, input="typed", text=STRONG, drill=asked,
                                           follow_up=follow_up)
        history.finish_attempt(made[kind], attempt_record(analysis, "typed"))
    rows = {r["id"]: r for r in queries.trends(history, "airwallex")}
    assert rows[made["drill"]]["competencies"] and rows[made["follow-up"]]["competencies"] == {}


def test_a_markdown_export_of_a_follow_up_answer_shows_only_the_points_it_was_asked_about(history, bank):
    """Review 13: the Markdown export (and `history show`) of a follow-up answer listed every key point of the
    question (✗ for the ones the answer it followed covered) and asked next about points it was never asked about;
    History shows the asked points only, and their missed follow-ups (queries.asked_points, next_follow_ups)."""
    prompt = bank.prompt("hardest-problem")
    asked = [prompt.key_points[-1].label]
    analysis = analyze_answer(bank, prompt, Transcript.from_text(WEAK), follow_up=True)
    follow = history.begin_attempt(bank, prompt, state=TRANSCRIBING, input="typed", text=WEAK, drill=asked,
                                   follow_up=["What did it cost you?"])
    history.finish_attempt(follow, attempt_record(analysis, "typed"))
    a = queries.get_attempt(history, follow)
    shown = {k["label"]: k for k in a["feedback"]["key_points"]}
    assert not shown[asked[0]]["hit"] and set(a["feedback"]["follow_ups"]) - {shown[asked[0]]["follow_up"]}
    md = export.render(history, [follow], "md")
    assert "### Key points" not in md and "### The point the follow-up asked about\n" in md, md
    for label in shown:
        assert (f"- [ ] {label}" in md) == (label == asked[0]), (label, md)
    after = md.split("### What the interviewer would ask next\n\n", 1)[1].split("\n\n")[0]
    again = ASK_AGAIN_TEXT.format(question=shown[asked[0]]["follow_up"])    # walk65 3: the one it answered, again
    assert after.splitlines() == [f"- {again}"], md
    assert queries.next_follow_ups(a["feedback"], a) == [again]
    whole = {**a, "drill": None, "follow_up": None}          # any other answer: every point, the stored list
    assert queries.next_follow_ups(a["feedback"], whole) == a["feedback"]["follow_ups"]
    assert queries.asked_points(a["key_points"], whole) is a["key_points"]


def test_a_follow_up_answers_ask_next_names_what_is_still_open_before_the_question_it_answered():
    """walk65 3 (45-history-followup-2560): History's follow-up answer to "who the stakeholder was", missed, offered
    that very question as what the interviewer would ask next, where Practice had named "how you won them over". The
    other points still missed come first; the one it answered and missed is said as asked again."""
    points = [{"label": "Who", "hit": False, "follow_up": "Can you tell me who the stakeholder was?"},
              {"label": "How", "hit": False, "follow_up": "Can you tell me how you won them over?"},
              {"label": "Worry", "hit": True, "follow_up": "What were they worried about?"},
              {"label": "Result", "hit": True, "follow_up": "What was the result?"}]
    row = {"drill": ["Who"], "follow_up": ["Can you tell me who the stakeholder was?"],
           "still_missed": ["How", "Result"]}
    asked_list = ["Can you tell me who the stakeholder was?", "Can you tell me how you won them over?"]
    assert queries.next_follow_ups({"key_points": points, "follow_ups": asked_list}, row) == [
        "Can you tell me how you won them over?",
        "Can you tell me who the stakeholder was? (asked again: I did not find it in this answer yet)"]


def test_a_drill_answer_is_stored_with_what_it_asked_and_shown_everywhere(history, save, bank):
    prompt = bank.prompt("hardest-problem")
    plain = save(WEAK)
    asked = [prompt.key_points[0].label, prompt.key_points[2].label]
    analysis = analyze_answer(bank, prompt, Transcript.from_text(STRONG))
    drill = history.begin_attempt(bank, prompt, state=TRANSCRIBING, input="typed", text=STRONG, drill=asked)
    history.finish_attempt(drill, attempt_record(analysis, "typed"))
    empty = history.begin_attempt(bank, prompt, input="typed", text=WEAK, drill=[])   # nothing asked: no drill
    assert queries.get_attempt(history, drill)["drill"] == asked
    assert queries.get_attempt(history, plain)["drill"] is None and history.attempt_row(empty)["drill_json"] is None
    assert {r["id"]: r["drill"] for r in queries.list_attempts(history)} == {empty: None, drill: asked, plain: None}
    assert {r["id"]: r["drill"] for r in queries.trends(history, "airwallex")} == {plain: None, drill: asked}
    assert queries.stats(history, "airwallex")["drills"] == 1
    compared = queries.compare(history, plain, drill)
    assert [s["drill"] for s in compared["attempts"]] == [None, asked]
    # walkthrough 6: "Overall score 23 → 100" read as a comparison of two whole answers
    assert compared["metrics"]["overall"]["text"].endswith(
        "(the second is a drill: a drill counts only for the points it asked for)")


def test_a_drill_counts_only_for_the_points_it_drilled(history, save, bank):
    """Walkthrough 5: a drill of one point, covered ("1 of 1"), made every other point "1 of 2", listed points
    covered in the round as weak, and dragged the averages, best and recap down like a weak whole answer."""
    prompt = bank.prompt("hardest-problem")
    whole = save(STRONG)
    analysis = analyze_answer(bank, prompt, Transcript.from_text(WEAK))
    drilled = next(k for k in analysis.key_points if k.hit).key_point     # the one point asked, covered
    drill = history.begin_attempt(bank, prompt, state=TRANSCRIBING, input="typed", text=WEAK, drill=[drilled.label])
    history.finish_attempt(drill, attempt_record(analysis, "typed"))
    rows = {r["id"]: r for r in queries.trends(history, "airwallex")}
    assert rows[drill]["overall"] < rows[whole]["overall"]                # judged on all points: a weak answer
    whole_hits = {k["key_point_id"]: k["hit"] for k in queries.get_attempt(history, whole)["key_points"]}
    rates = {r["key_point_id"]: (r["hits"], r["attempts"]) for r in queries.key_point_rates(history, "airwallex")}
    assert rates[drilled.id] == (whole_hits[drilled.id] + 1, 2)           # the drilled point: both answers
    assert all(rates[k] == (int(hit), 1) for k, hit in whole_hits.items() if k != drilled.id)   # the rest: 1 of 1
    weak = {w["key_point_id"] for w in queries.weak_points(history, "airwallex", limit=10)}
    assert weak == {k for k, hit in whole_hits.items() if not hit and k != drilled.id}
    s = queries.stats(history, "airwallex")
    assert (s["attempts"], s["drills"]) == (2, 1)
    assert s["avg_overall"] == s["best_overall"] == rows[whole]["overall"] == s["recent"]["overall"]
    assert {c: v["attempts"] for c, v in s["competencies"].items()} == {c: 1 for c in rows[whole]["competencies"]}
    assert {c: v["latest"] for c, v in s["competencies"].items()} == rows[whole]["competencies"]
    recap = queries.recap(history)
    assert recap is not None
    assert (recap["answers"], recap["drills"], recap["average"]) == (2, 1, rows[whole]["overall"])
    assert (recap["weakest"]["key_point_id"] in weak) if weak else recap["weakest"] is None   # not a "1 of 2"


def test_exports_mark_drill_answers_and_import_keeps_them(history, save, bank, tmp_path):
    prompt = bank.prompt("hardest-problem")
    plain = save(WEAK)
    asked = ["=a label that looks like a formula", prompt.key_points[1].label]
    attempt = history.begin_attempt(bank, prompt, state=TRANSCRIBING, input="typed", text=STRONG, drill=asked)
    history.finish_attempt(attempt, attempt_record(analyze_answer(bank, prompt, Transcript.from_text(STRONG)),
                                                   "typed"))
    rows = list(csv.DictReader(io.StringIO(export.render(history, [plain, attempt], "csv"))))
    assert [r["drill"] for r in rows] == ["", "'" + "; ".join(asked)]
    md = export.render(history, [plain, attempt], "md")
    assert md.count("Drill: you were asked to cover:") == 1
    assert md.split("\n## ")[2].startswith(f"Drill · {prompt.text}\n")          # named as History names it
    assert f"Drill: you were asked to cover: {asked[0]}; {asked[1]}" in md.split("\n## ")[2]
    # walkthrough 6: the drill's own result heads it, its whole-answer score only as not counted; History's rows too
    hit = int(next(k for k in queries.get_attempt(history, attempt)["key_points"] if k["label"] == asked[1])["hit"])
    overall = queries.get_attempt(history, attempt)["overall"]
    drill_md = md.split("\n## ")[2]
    assert f"**{hit} of 1 asked-for point covered** (drill) · whole answer: {overall:.0f} / 100, not counted (" \
        in drill_md and "key points covered**" not in drill_md
    assert {r["id"]: r["drilled"] for r in queries.list_attempts(history)} == {plain: None, attempt: (hit, 1)}
    assert [r["drilled"] for r in queries.search(history, "Disruptor")] == [(hit, 1)]
    data = export.render(history, [plain, attempt], "json")
    with History.open(tmp_path / "other.sqlite3") as other:
        assert export.import_json(other, data) == {"added": 2, "skipped": 0}
        assert sorted((r["drill"] or []) for r in queries.list_attempts(other)) == [[], asked]
    broken = json.loads(data)
    broken["attempts"][0]["drill"] = "all of them"
    broken["attempts"][0]["uid"] = "another"
    with pytest.raises(HistoryError, match=r"attempts\[0\]: drill: should be the list of key points"):
        export.import_json(history, json.dumps(broken), "x.json")


def test_exports_count_key_points_as_the_feedback_does(history, save):
    """Walkthrough 4: the export said "coverage 42/100" where the app said "2 of 5 key points"."""
    weak = save(WEAK)
    shown = queries.get_attempt(history, weak)["feedback"]               # the feedback as the app showed it
    assert 0 < shown["hits"] < shown["total"]
    said = f"{shown['hits']} of {shown['total']} key points covered"
    md = export.render(history, [weak], "md")
    assert f"**{said}** · **{shown['overall']:.0f} / 100** overall, weighted by the job's competencies · typed answer" \
        in md and "coverage" not in md
    row = next(csv.DictReader(io.StringIO(export.render(history, [weak], "csv"))))
    assert (row["key_points_covered"], row["key_points_total"]) == (str(shown["hits"]), str(shown["total"]))
    assert float(row["coverage"]) == shown["coverage"]                   # the machine fields stay
    attempt = json.loads(export.render(history, [weak], "json"))["attempts"][0]
    assert attempt["coverage"] == shown["coverage"] and attempt["feedback"]["hits"] == shown["hits"]


def test_an_attempt_is_named_by_its_number_among_that_questions_answers(history, save):
    """Walkthrough 4: the third answer to the Kafka question read "attempt 6" (the database id, counting every
    question's attempts and deleted ones)."""
    from voiceprep.core.history.export import to_markdown
    from voiceprep.core.history.queries import answer_name, get_attempt

    first = save(STRONG)
    other = save(WEAK, "why-airwallex")
    second, third = save(WEAK), save(STRONG)
    history.delete_attempt(second)
    assert answer_name(get_attempt(history, third)) == "answer 2 to this question"
    assert answer_name(get_attempt(history, first)) == "answer 1 to this question"
    assert answer_name(get_attempt(history, other)) == "answer 1 to this question"
    assert "answer 2 to this question" in to_markdown(history, [third])
    from voiceprep.core.history.queries import compare
    assert [answer_name(side) for side in compare(history, first, third)["attempts"]] == [
        "answer 1 to this question", "answer 2 to this question"]     # Compare names them so too


def test_a_follow_up_answer_is_named_a_follow_up_to_the_answer_it_followed(history, save, bank):
    """Session 14: a follow-up answer was "answer 2 to this question" (the answer number counted it as an answer to
    the question), and the next answer "answer 3". It is "follow-up to answer 1" now, in History's detail, Compare,
    the CLI and the Markdown export, and not counted among the question's answers; a drill still is one."""
    from voiceprep.core.history.export import to_markdown
    from voiceprep.core.history.queries import answer_name, compare, get_attempt

    prompt = bank.prompt("hardest-problem")
    first = save(WEAK)
    asked = [prompt.key_points[0].label]
    analysis = analyze_answer(bank, prompt, Transcript.from_text(STRONG))
    made = []
    for extra in ({"follow_up": ["Which design did you choose?"]}, {"follow_up": ["And then?"]}, {}):
        attempt = history.begin_attempt(bank, prompt, state=TRANSCRIBING, input="typed", text=STRONG, drill=asked,
                                        **extra)
        history.finish_attempt(attempt, attempt_record(analysis, "typed"))
        made.append(attempt)
    follow, again, drill = made
    second = save(STRONG)
    names = [answer_name(get_attempt(history, i)) for i in (first, follow, again, drill, second)]
    # walk56: "follow-up to answer 6" read like History's row 6, another question
    assert names == ["answer 1 to this question", "follow-up to answer 1 to this question",
                     "follow-up to answer 1 to this question",
                     "answer 2 to this question", "answer 3 to this question"]
    assert "— follow-up to answer 1 to this question*" in to_markdown(history, [follow])
    assert [answer_name(side) for side in compare(history, first, follow)["attempts"]] == [
        "answer 1 to this question", "follow-up to answer 1 to this question"]
    history.delete_attempt(first)                           # the answer it followed is gone
    assert answer_name(get_attempt(history, follow)) == "follow-up answer"


def test_compare_with_a_follow_up_or_drill_answer_compares_only_the_points_it_was_asked_about(history, save, bank):
    """Session 14: Compare of a follow-up answer with the answer it followed listed as "lost" every point the
    follow-up answer was never asked about (as it did for a drill); only the points asked about are compared now,
    and the others are named as not asked."""
    prompt = bank.prompt("hardest-problem")
    first = save(STRONG)
    asked = [prompt.key_points[0].label, prompt.key_points[2].label]
    analysis = analyze_answer(bank, prompt, Transcript.from_text(WEAK))
    made = []
    for extra in ({"follow_up": ["What went wrong?"]}, {}):
        attempt = history.begin_attempt(bank, prompt, state=TRANSCRIBING, input="typed", text=WEAK, drill=asked,
                                        **extra)
        history.finish_attempt(attempt, attempt_record(analysis, "typed"))
        made.append(attempt)
    follow, drill = made
    strong = {k["label"]: k["hit"] for k in queries.get_attempt(history, first)["key_points"]}
    weak = {k["label"]: k["hit"] for k in queries.get_attempt(history, follow)["key_points"]}
    assert [k for k in strong if strong[k] and not weak[k] and k not in asked], "the old code listed these as lost"
    others = [k.label for k in prompt.key_points if k.label not in asked]
    for second, noun in ((follow, "follow-up answer"), (drill, "drill")):
        c = queries.compare(history, first, second)
        assert set(c["lost"] + c["gained"] + c["kept"] + c["missed"]) <= set(asked), c
        assert c["lost"] == [k for k in asked if strong[k] and not weak[k]]
        assert c["not_asked"] == others
        assert queries.not_asked_text(c) == f"Not compared: the {noun} was not asked about these {len(others)} points"
        # fixCR (walk53 5): "Key points 5 of 6 → 1 of 2 asked" was read twice: whose points, of how many
        got = sum(weak[k] for k in asked)
        whose = "its follow-ups asked about" if second == follow else "the drill asked for"
        assert c["metrics"]["key_points"]["text"] == (f"Key points covered: {sum(strong.values())} of {len(strong)} → "
                                                      f"{got} of the 2 points {whose}"), c["metrics"]["key_points"]
    both = queries.compare(history, follow, drill)
    assert both["not_asked"] == others and queries.not_asked_text(both) == (
        f"Not compared: these {len(others)} points were not asked about in both answers")
    assert queries.compare(history, first, save(WEAK))["not_asked"] == []      # two whole answers: every point


def test_search_finds_a_word_written_with_a_space_or_hyphen_inside_or_without(history, save):
    """Session 14 (walkthrough 10): History search "failover" did not find "fail over" nor "fail-over", and "real
    time" did not find "realtime"."""
    said = {"We fail over to the standby region.": "spaced", "The fail-over took ten seconds.": "hyphen",
            "Failover was tested weekly.": "joined", "We stream prices in realtime.": "realtime",
            "Prices stream in real time.": "real time", "The set up was slow.": "set up",
            "We went over all the logs.": "over all", "It was not able to keep up.": "not able"}
    ids = {save(text): name for text, name in said.items()}

    def found(text: str) -> set[str]:
        listed = queries.list_attempts(history, text=text)
        assert all(r["found_in"] == ["transcript"] for r in listed), listed
        assert {ids[r["id"]] for r in queries.search(history, text)} == {ids[r["id"]] for r in listed}
        return {ids[r["id"]] for r in listed}
    for typed in ("failover", "fail over", "fail-over", "Fail-Over", '"fail over"'):
        assert found(typed) == {"spaced", "hyphen", "joined"}, typed
    for typed in ("real time", "realtime", "real-time", '"real time"'):
        assert found(typed) == {"realtime", "real time"}, typed
    assert found("setup") == {"set up"}
    # review 14: every split was searched, so "overall" found "over all" and "notable" "not able"
    assert found("overall") == set() and found("notable") == set()
    assert found("fail over standby") == {"spaced"}           # every term must still match
    assert found("stream realtime prices") == {"realtime", "real time"}
    assert found("ring") == set() and found("'") == set()     # nothing made up; FTS syntax still plain text
    snippet = queries.search(history, "failover")
    assert {r["snippet"] for r in snippet} == {"We [fail over] to the standby region.",
                                               "The [fail-over] took ten seconds.", "[Failover] was tested weekly."}


def test_search_finds_a_word_whose_first_part_is_a_short_acronym_written_apart(history, save):
    """walk63 7: "pgbouncer" did not find "PG bouncer" (a split was searched only after 3 letters or more), though
    "opentelemetry" finds "open telemetry"; a two-letter part that is an English word is still no split ("notable"
    is not "no table", "inside" not "in side")."""
    said = {"We put PG bouncer in front of Postgres.": "pg", "There was no table for it.": "no table",
            "We looked in side channels.": "in side"}
    ids = {save(text): name for text, name in said.items()}

    def found(text: str) -> set[str]:
        listed = queries.list_attempts(history, text=text)
        assert {ids[r["id"]] for r in queries.search(history, text)} == {ids[r["id"]] for r in listed}
        return {ids[r["id"]] for r in listed}
    assert found("pgbouncer") == {"pg"} and found("PgBouncer") == {"pg"}
    assert found("notable") == set() and found("inside") == set()
    assert {r["snippet"] for r in queries.search(history, "pgbouncer")} == {"We put [PG bouncer] in front of Postgres."}


def test_a_markdown_export_of_a_bank_without_competencies_says_what_its_score_is(history):
    """Walkthrough 5: the feedback now says "overall (this bank scores key points only)" for a bank with no
    competencies; the export still said "weighted by the job's competencies"."""
    from tests.conftest import BANKS
    from voiceprep.core.banks import load_bank
    from voiceprep.core.history.store import TYPED

    bank = load_bank(BANKS / "affirm-backend-platform.toml")
    assert not bank.competencies
    prompt = bank.prompt("why-affirm")
    text = "I like that Affirm is honest about what things cost, with no late fees."
    attempt = history.begin_attempt(bank, prompt, state=TRANSCRIBING, input=TYPED, text=text)
    history.finish_attempt(attempt, attempt_record(analyze_answer(bank, prompt, Transcript.from_text(text)), TYPED))
    md = export.render(history, [attempt], "md")
    assert "overall (this bank scores key points only)" in md and "weighted by the job" not in md, md


def test_a_markdown_export_says_what_the_feedback_said_under_each_point(history, save):
    """Walkthrough leftover: the Markdown export left out the follow-up questions and why a missed point was
    missed ("Partly there: you said “latency”, ..."), both shown in the feedback."""
    attempt = save("We had a ring buffer and locks and latency, we made it faster.")
    shown = queries.get_attempt(history, attempt)["feedback"]
    partly = [k for k in shown["key_points"] if (k["detail"] or "").startswith("Partly there")]
    assert partly and shown["follow_ups"]
    md = export.render(history, [attempt], "md")
    for k in partly:
        assert f"- [ ] {k['label']}\n  - {k['detail']}\n  - Follow-up: {k['follow_up']}" in md, md
    asked = md.split("### What the interviewer would ask next\n\n", 1)[1].split("\n\n")[0]
    assert asked.splitlines() == [f"- {q}" for q in shown["follow_ups"]]
    assert md.index("### Key points") < md.index("### What the interviewer would ask next") < md.index("### Delivery")
    assert next(csv.reader(io.StringIO(export.render(history, [attempt], "csv")))) == export.CSV_COLUMNS


def test_a_markdown_export_says_what_it_holds_in_the_candidates_time(history, save, bank, monkeypatch):
    """Walkthrough 6: no header; times in UTC and seconds ("at 1.2 s" where the app says 0:01); a rating without a
    note printed "Note:  (self-rating 1/5)"."""
    import time
    from datetime import UTC, datetime

    from voiceprep.core.history.export import to_markdown

    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    try:
        first, second = save_spoken(history, bank, STRONG), save(WEAK)
        history.set_note(second, "", 1)
        history.db.execute("UPDATE attempts SET started_at = ? WHERE id = ?", ["2026-12-01T23:30:00+00:00", first])
        text = to_markdown(history, [first, second], now=datetime(2026, 12, 2, 1, 0, tzinfo=UTC))
    finally:
        monkeypatch.undo()              # TZ as it was (CI may set one), then the C library told so
        time.tzset()
    # walk19: "answers", as the rest of the app says it
    assert text.startswith("# voiceprep: 2 answers\n\n*Exported 2026-12-02 10:00*\n")
    assert "— 2026-12-02 08:30 — " in text, text[:400]                           # Tokyo, not UTC
    points = text.split("### Key points")[1].split("###")[0]
    assert re.search(r"” at \d:\d\d[ ;\n]", points) and not re.search(r"at [\d.]+ s", points), points
    assert "\nSelf-rating: 1/5" in text and "Note:" not in text


def test_the_markdown_export_lists_every_piece_of_evidence_the_feedback_showed(history, bank):
    """Walkthrough 7: the export listed only the first ("latency") where the app showed three. (Judged by words,
    as without the sentence model: the judge by meaning quotes one sentence per point.)"""
    from voiceprep.core.analysis import embedder
    from voiceprep.core.history.export import to_markdown
    from voiceprep.core.history.queries import get_attempt

    embedder.set_disabled(True)
    try:
        attempt = save_spoken(history, bank, STRONG)
    finally:
        embedder.set_disabled(False)
    shown = [k for k in get_attempt(history, attempt)["feedback"]["key_points"] if len(k["evidence"]) > 1]
    assert shown, "the answer should give some key point more than one piece of evidence"
    text = to_markdown(history, [attempt])
    for k in shown:
        line = next(x for x in text.splitlines() if x.startswith(f"- [x] {k['label']}"))
        for piece in k["evidence"]:
            assert f"“{piece['text']}” at " in line, (piece, line)


def test_the_markdown_export_says_each_competencys_share_of_the_overall(history, save):
    """Walkthrough 10: the overall could not be worked out from the competency scores; the export says each one's
    share of it, as the feedback does."""
    from voiceprep.core.analysis.scoring import SHARES_EXPLAINED

    attempt = save(STRONG)
    md = export.render(history, [attempt], "md")
    shares = [int(line.split("(")[-1].split("%")[0]) for line in md.splitlines() if line.endswith("of the overall)")]
    assert len(shares) > 1 and abs(sum(shares) - 100) <= len(shares), md
    assert SHARES_EXPLAINED in md


def test_one_attempt_with_broken_settings_does_not_break_the_list(history, save):
    """Review 15: the list reads `rejudged_from` out of settings_json; SQLite's json_extract raised "malformed JSON"
    for one empty or broken value and took the whole History list, its search and `history list` down with it."""
    first, second = save(STRONG), save(WEAK)
    with history.db.conn:
        history.db.execute("UPDATE attempts SET settings_json = '' WHERE id = ?", [first])
        history.db.execute("UPDATE attempts SET settings_json = '{not json' WHERE id = ?", [second])
    rows = queries.list_attempts(history)
    assert {r["id"] for r in rows} == {first, second}
    assert all(r["rejudged_from"] is None for r in rows)
    assert len(queries.list_attempts(history, text="locks")) == 2


def test_the_average_is_rounded_once_so_every_screen_says_the_same_number(history, save):
    """walk22: answers averaging 51.46 were "51" on Welcome back and "average 52 per answer" on Progress: stats
    rounded the mean to 51.5 and Progress rounded that again. The mean is kept whole; each screen rounds it once."""
    first, second = save(STRONG), save(STRONG, "why-airwallex")     # two questions: each a day's best try
    history.db.execute("UPDATE attempts SET overall = 51.0 WHERE id = ?", [first])
    history.db.execute("UPDATE attempts SET overall = 51.92 WHERE id = ?", [second])
    history.db.conn.commit()
    s = queries.stats(history, "airwallex")
    recap = queries.recap(history)
    assert recap is not None
    assert f"{s['avg_overall']:.0f}" == f"{recap['average']:.0f}" == "51"
    assert f"{s['recent']['overall']:.0f}" == "51"


def test_migration_to_schema_9_folds_the_search_index_and_keeps_every_answer(tmp_path, monkeypatch):
    """fixBQ: schema 9's index holds each text NFKC-folded, so "３ms" written full width is found by "3ms". A history
    made by schema 8 is re-indexed on open with nothing lost; a migration that fails halfway leaves the file at
    schema 8, every answer and its own index as they were, and the next open migrates it."""
    path = tmp_path / "old.sqlite3"
    db = old_history(path, 8, overall=70.0, input="voice", uid="u1", note="next time say ３ms")
    db["attempts"].insert({"bank_hash": "h1", "bank_id": "b", "prompt_id": "p", "prompt_text": "Why ｋａｆｋａ?",
                           "started_at": "2026-01-02T00:00:00", "state": "done", "transcript": "the ring buffer",
                           "input": "typed", "uid": "u2"})
    assert db.execute("SELECT rowid FROM attempts_fts WHERE attempts_fts MATCH '\"3ms\"'").fetchall() == []
    db.conn.close()
    before = path.read_bytes()

    def failing(text):                       # the re-indexing fails at the second answer (a full disk, say)
        if text and "ring" in text:
            raise OSError("disk full")
        return text
    monkeypatch.setattr(schema, "fold", failing)
    with pytest.raises(HistoryError):
        History.open(path)
    monkeypatch.undo()
    raw = sqlite_utils.Database(path)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == 8 and raw["attempts"].count == 2
    assert [r[0] for r in raw.execute("SELECT rowid FROM attempts_fts WHERE attempts_fts MATCH 'ring'")] == [2]
    raw.conn.close()
    assert len(path.read_bytes()) == len(before)
    with History.open(path) as h:
        assert h.db.execute("PRAGMA user_version").fetchone()[0] == LATEST == 11
        assert [(r["id"], r["note"], r["transcript"]) for r in h.db["attempts"].rows] == \
            [(1, "next time say ３ms", "old answer"), (2, None, "the ring buffer")]
        assert [r["id"] for r in queries.search(h, "3ms")] == [1]
        assert [r["id"] for r in queries.search(h, "kafka")] == [2]
        assert [r["id"] for r in queries.search(h, "ring buffer")] == [2]
        assert [r["id"] for r in queries.search(h, "old answer")] == [1]
        h.db["attempts"].delete(2)                  # the delete trigger removes the folded text it indexed
        assert queries.search(h, "kafka") == [] and [r["id"] for r in queries.search(h, "3ms")] == [1]


def test_a_plain_sqlite3_shell_edits_and_deletes_an_answer_and_a_rebuild_keeps_the_index_folded(tmp_path):
    """fixBZ: schema 9's triggers called the app's voiceprep_fold, so an answer edited or deleted in a plain sqlite3
    shell (or DB Browser) failed "no such function", and FTS5's 'rebuild' would have indexed the texts unfolded. Since
    schema 10 the triggers are built-in SQL and the index keeps its own folded copy; what a shell wrote is folded
    when the app opens the history."""
    path = tmp_path / "history.sqlite3"
    old_history(path, 9, uid="u1").conn.close()
    with History.open(path) as h:
        h.set_note(1, "next time say ３ms sooner")
        with h.write():
            h.table("attempts").insert({"bank_hash": "h1", "bank_id": "b", "prompt_id": "p", "prompt_text": "Why ｋａｆｋａ?",
                                        "started_at": "2026-01-02T00:00:00", "state": "done", "uid": "u2",
                                        "transcript": "the ring buffer at ４８％", "input": "typed"})
        assert [r["id"] for r in queries.search(h, "3ms")] == [1] and [r["id"] for r in queries.search(h, "kafka")] == [2]
    with sqlite3.connect(path) as shell:                    # no app function on this connection
        shell.execute("UPDATE attempts SET transcript = 'edited in a shell' WHERE id = 1")
        shell.execute("UPDATE attempts SET state = 'done', overall = 50, note = 'say ７ms' WHERE id = 2")
        shell.execute("INSERT INTO attempts_fts (attempts_fts) VALUES ('rebuild')")
        shell.execute("INSERT INTO attempts_fts (attempts_fts) VALUES ('integrity-check')")
    shell.close()
    with History.open(path) as h:
        assert [r["id"] for r in queries.search(h, "3ms")] == [1]          # the note, folded, after the rebuild
        assert [r["id"] for r in queries.search(h, "edited shell")] == [1]
        assert queries.search(h, "old answer") == []
        assert [r["id"] for r in queries.search(h, "kafka")] == [2] and [r["id"] for r in queries.search(h, "48%")] == [2]
        # the note the shell wrote full width, indexed as written there, is indexed folded on the next open
        assert [r["id"] for r in queries.search(h, "7ms")] == [2] == [r["id"] for r in queries.search(h, "７ms")]
        [row] = queries.search(h, "3ms")
        assert "[３ms]" in row["snippet"], row                             # the snippet as written
    with sqlite3.connect(path) as shell:
        shell.execute("DELETE FROM attempts WHERE id = 2")
        shell.execute("INSERT INTO attempts_fts (attempts_fts) VALUES ('integrity-check')")
    shell.close()
    with History.open(path) as h:
        assert queries.search(h, "kafka") == [] and [r["id"] for r in queries.search(h, "3ms")] == [1]
        h.set_note(1, "say ５ms")                          # the app writes again: indexed folded
        assert [r["id"] for r in queries.search(h, "5ms")] == [1] and queries.search(h, "3ms") == []


def test_a_full_width_text_a_shell_writes_is_found_by_the_open_app_without_reopening(tmp_path):
    """fixCL (walk52 3): a note a plain sqlite3 shell wrote "７ms" (schema 10's triggers index it as written) was found
    by "7ms" only after the app reopened the history. A search now folds what another connection left noted first;
    with nothing written since, it writes nothing."""
    path = tmp_path / "history.sqlite3"
    old_history(path, 10, uid="u1").conn.close()
    with History.open(path) as h:
        assert queries.search(h, "7ms") == []
        changes = h.db.conn.total_changes
        assert queries.search(h, "old answer") and h.db.conn.total_changes == changes     # nothing to fold: no write
        with sqlite3.connect(path) as shell:                # while the app has it open
            shell.execute("UPDATE attempts SET note = 'say ７ms sooner' WHERE id = 1")
            shell.execute("INSERT INTO attempts (bank_hash, bank_id, prompt_id, prompt_text, started_at, state, uid, "
                          "transcript) VALUES ('h1', 'b', 'p', 'Why?', '2026-01-02T00:00:00', 'done', 'u2', 'ｋａｆｋａ lag')")
        shell.close()
        assert [r["id"] for r in queries.search(h, "7ms")] == [1] == [r["id"] for r in queries.search(h, "７ms")]
        assert [r["id"] for r in queries.list_attempts(h, text="kafka")] == [2]            # History's list, too
        assert h.db.execute(f"SELECT count(*) FROM {schema.FOLD_DUE}").fetchone()[0] == 0
        changes = h.db.conn.total_changes
        assert [r["id"] for r in queries.search(h, "kafka")] == [2] and h.db.conn.total_changes == changes


def old_continue_history(path, bank) -> tuple[int, int, list[int], list[int]]:
    """A history as code older than fixBX wrote it (schema 10): the round (of 4) left after question 1, then "Drill my
    weak points" asked its never-answered question 2 whole (no drill points, no round) and drilled question 1; the
    round started again, left after question 1, and a Continue answered questions 2 (and its follow-up) and 3
    stored with no round (round_pk NULL, the round's id), as that Continue stored them. The rounds' pks, the
    drill's answer ids and the Continue's."""
    rnd = bank.rounds[0]

    def typed(h, n: int, round_pk=None, drill=None, follow_up=None) -> int:
        prompt = rnd.prompts[n - 1]
        text = "Multi-currency accounts and global transfers; I measured it first."
        attempt = h.begin_attempt(bank, prompt, round_pk=round_pk, state=TRANSCRIBING, input=TYPED, text=text,
                                  drill=drill, follow_up=follow_up)
        h.finish_attempt(attempt, attempt_record(analyze_answer(bank, prompt, Transcript.from_text(text)), TYPED))
        return attempt
    with History.open(path) as h:
        first = h.start_round(bank, rnd)
        typed(h, 1, first)
        drill = [typed(h, 2), typed(h, 1, drill=[rnd.prompts[0].key_points[0].label])]
        second = h.start_round(bank, rnd)
        typed(h, 1, second)
        follow_up = [rnd.prompts[1].key_points[0].label]
        continued = [typed(h, 2), typed(h, 2, drill=follow_up, follow_up=["And how?"]), typed(h, 3)]
    with sqlite3.connect(path) as raw:
        raw.execute("PRAGMA user_version = 10")             # schema 11 adds no table: this is a schema 10 file
    raw.close()
    return first, second, drill, continued


def test_migration_to_schema_11_gives_an_old_continues_answers_to_their_round_not_a_drills(tmp_path, bank):
    """fixCL (fixCF's cost): a Continue older than fixBX stored its answers with no round, so Welcome back offered
    the round again at question 2 though the Continue had answered 2 and 3. Schema 11 gives such a sitting (two
    questions or more) to its round; a drill's whole answer to a never-answered question of a round stays a drill's."""
    path = tmp_path / "history.sqlite3"
    first, second, drill, continued = old_continue_history(path, bank)
    with History.open(path) as h:
        assert h.db.execute("PRAGMA user_version").fetchone()[0] == LATEST == 11
        pks = dict(h.db.execute("SELECT id, round_pk FROM attempts").fetchall())
        assert [pks[i] for i in continued] == [second] * 3 and [pks[i] for i in drill] == [None, None]
        left = queries.left_round(h)
        ids = [p.id for p in bank.rounds[0].prompts]
        assert left is not None and left["round_pk"] == second, left
        assert (left["position"], left["waiting"], left["answered"]) == (4, [4], ids[:3]), left
        assert sorted(left["earlier"]) == sorted(ids[:3])
        h.table("attempts").update(continued[0], {"round_pk": None})      # what main read: the round at question 2
        assert queries.left_round(h)["position"] == 2
        h.table("attempts").update(continued[0], {"round_pk": second})
    with History.open(path) as h:                           # opened again: nothing migrates twice
        assert dict(h.db.execute("SELECT id, round_pk FROM attempts").fetchall()) == pks


def test_an_old_continue_of_one_question_or_a_sitting_with_a_gap_is_left_as_it_was(tmp_path, bank):
    """Schema 11 gives a sitting only when it cannot be a drill's one question: one old Continue answer alone, or two
    answers more than OLD_CONTINUE_SITTING_GAP_S apart, stay with no round (the question is offered again)."""
    path = tmp_path / "history.sqlite3"
    _, second, _, continued = old_continue_history(path, bank)
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE attempts SET started_at = '2999-01-01T00:00:00+00:00' WHERE id = ?", [continued[2]])
    raw.close()
    with History.open(path) as h:
        pks = dict(h.db.execute("SELECT id, round_pk FROM attempts").fetchall())
        assert [pks[i] for i in continued] == [None] * 3
        assert queries.left_round(h)["position"] == 2


def test_one_prompt_answers_out_of_the_rounds_order_or_not_from_where_it_stopped_stay_outside_it(tmp_path, bank):
    """read40a: One prompt stores its answers as an old Continue did (the round's id, no round). Schema 11 gives a
    sitting only when it goes on from the question the round stopped at, in the round's order: questions 3 then 2, or
    2 begun at 3, are One prompt's and stay with no round."""
    for order in ([3, 2], [3, 4]):
        path = tmp_path / f"history-{order[0]}{order[1]}.sqlite3"
        _, second, _, continued = old_continue_history(path, bank)
        ids = [p.id for p in bank.rounds[0].prompts]
        with sqlite3.connect(path) as raw:             # the sitting's whole answers made One prompt's to `order`
            raw.execute("UPDATE attempts SET prompt_id = ? WHERE id IN (?, ?)", [ids[order[0] - 1], *continued[:2]])
            raw.execute("UPDATE attempts SET prompt_id = ? WHERE id = ?", [ids[order[1] - 1], continued[2]])
        raw.close()
        with History.open(path) as h:
            pks = dict(h.db.execute("SELECT id, round_pk FROM attempts").fetchall())
            assert [pks[i] for i in continued] == [None] * 3, order


def test_a_stored_time_that_does_not_read_does_not_stop_the_history_opening(tmp_path, bank):
    """read40a: a time a shell wrote ("yesterday", a number) ends a sitting; the migration runs and nothing is lost."""
    path = tmp_path / "history.sqlite3"
    _, second, _, continued = old_continue_history(path, bank)
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE attempts SET started_at = 'yesterday' WHERE id = ?", [continued[1]])
        raw.execute("UPDATE attempts SET started_at = 12 WHERE id = ?", [continued[0]])
    raw.close()
    with History.open(path) as h:
        assert h.db.execute("PRAGMA user_version").fetchone()[0] == LATEST
        assert h.db.execute("SELECT count(*) FROM attempts").fetchone()[0] == 7
        pks = dict(h.db.execute("SELECT id, round_pk FROM attempts").fetchall())
        assert [pks[i] for i in continued] == [None] * 3          # one question left in the sitting: not given


def test_a_cut_off_answer_of_the_round_leaves_its_question_to_the_continue_that_went_on_from_it(tmp_path, bank):
    """read40d: the round's own answer to question 2 was cut off (recovered, not counted); the old Continue went on from
    question 2. Schema 11 reads the round's own answers as left_round does, so the sitting is given."""
    path = tmp_path / "history.sqlite3"
    _, second, _, continued = old_continue_history(path, bank)
    raw = sqlite_utils.Database(path)
    row = dict(raw["attempts"].get(continued[0]))
    row.update(id=None, round_pk=second, state_detail="cut off: the app closed", started_at="2000-01-01T00:00:00+00:00")
    if "uid" in row:
        row["uid"] = "cut-off-copy"
    raw["attempts"].insert(row)
    raw.conn.commit()
    raw.conn.close()
    with History.open(path) as h:
        pks = dict(h.db.execute("SELECT id, round_pk FROM attempts").fetchall())
        assert [pks[i] for i in continued] == [second] * 3


def test_migration_to_schema_11_failing_halfway_leaves_the_file_as_it_was(tmp_path, bank, monkeypatch):
    """A failure after the first answers were given (the disk full) leaves schema 10 and every answer as it was; the
    next open migrates."""
    path = tmp_path / "history.sqlite3"
    _, second, _, continued = old_continue_history(path, bank)
    before = sqlite_utils.Database(path)
    rows = [dict(r) for r in before["attempts"].rows]
    before.conn.close()
    give = schema._give

    def failing(db, round_pk, digest, round_id, sitting):
        give(db, round_pk, digest, round_id, sitting)
        if len(sitting) > 1:
            raise sqlite3.OperationalError("database or disk is full")
    monkeypatch.setattr(schema, "_give", failing)
    with pytest.raises(HistoryError):
        History.open(path)
    monkeypatch.undo()
    raw = sqlite_utils.Database(path)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == 10 and [dict(r) for r in raw["attempts"].rows] == rows
    raw.conn.close()
    with History.open(path) as h:
        assert [r["round_pk"] for r in h.db["attempts"].rows if r["id"] in continued] == [second] * 3


def test_migration_to_schema_10_keeps_every_answer_and_search_and_is_atomic(tmp_path, monkeypatch):
    """fixBZ: schema 10 makes the index again (its own folded copy, built-in triggers) in one transaction: a fold
    failing halfway leaves schema 9, its answers and index as they were; the next open migrates, nothing lost."""
    path = tmp_path / "old.sqlite3"
    db = old_history(path, 9, overall=70.0, input="voice", uid="u1", note="next time say ３ms")
    db["attempts"].insert({"bank_hash": "h1", "bank_id": "b", "prompt_id": "p", "prompt_text": "Why ｋａｆｋａ?",
                           "started_at": "2026-01-02T00:00:00", "state": "done", "transcript": "the ring buffer",
                           "input": "typed", "uid": "u2"})
    db.conn.close()
    before = path.read_bytes()

    def failing(text):
        if text and "ｋａｆｋａ" in text:            # the second answer: the disk fills up
            raise sqlite3.OperationalError("database or disk is full")
        return text
    monkeypatch.setattr(schema, "fold", failing)
    with pytest.raises(HistoryError):
        History.open(path)
    monkeypatch.undo()
    raw = sqlite_utils.Database(path)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == 9 and raw["attempts"].count == 2
    assert [r[0] for r in raw.execute("SELECT rowid FROM attempts_fts WHERE attempts_fts MATCH '\"3ms\"'")] == [1]
    assert "voiceprep_fold" in raw.execute("SELECT sql FROM sqlite_master WHERE name = 'attempts_ai'").fetchone()[0]
    raw.conn.close()
    assert len(path.read_bytes()) == len(before)
    with History.open(path) as h:
        assert h.db.execute("PRAGMA user_version").fetchone()[0] == LATEST == 11
        assert [(r["id"], r["note"], r["transcript"], r["prompt_text"]) for r in h.db["attempts"].rows] == \
            [(1, "next time say ３ms", "old answer", "Why?"), (2, None, "the ring buffer", "Why ｋａｆｋａ?")]
        assert [r["id"] for r in queries.search(h, "3ms")] == [1]
        assert [r["id"] for r in queries.search(h, "kafka")] == [2] == [r["id"] for r in queries.search(h, "ｋａｆｋａ")]
        assert [r["id"] for r in queries.search(h, "ring buffer")] == [2]
        assert [r["id"] for r in queries.search(h, "old answer")] == [1]
        triggers = " ".join(r[0] for r in h.db.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger'"))
        assert "attempts_ai" in triggers and "voiceprep_fold" not in triggers


@pytest.mark.parametrize(("row", "missed"), [
    ({"settings": {"still_missed": ["Names the trade-off"]}}, ["Names the trade-off"]),         # get_attempt's
    ({"settings_json": '{"still_missed": ["Names the trade-off"]}'}, ["Names the trade-off"]),  # a raw row's, as stored
    ({"still_missed": ["Names the trade-off"]}, ["Names the trade-off"]),                       # a list row's
    ({"settings_json": "{not json"}, []), ({"settings_json": '["a list"]'}, []), ({"settings_json": None}, []),
    ({"settings_json": '{"still_missed": "one label"}'}, []), ({}, []),
])
def test_still_missed_is_one_reader_of_parsed_and_stored_settings(row, missed):
    """fixDA/fixCU: session._kept_missed parsed a raw row's settings_json beside queries.still_missed reading parsed
    settings: two readers of one field. One now, for both (an unreadable or odd value is none)."""
    from voiceprep.core.history import queries

    assert queries.still_missed(row) == missed

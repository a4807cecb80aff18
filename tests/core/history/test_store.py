from __future__ import annotations

import json
import os
import stat

import pytest
import sqlite_utils

from tests.core.history.conftest import STRONG, WEAK
from voiceprep.core.history import History, HistoryCorruptError, HistoryError, export, queries
from voiceprep.core.history.schema import LATEST, migrate


def test_saved_attempt_comes_back_with_everything(history, save):
    attempt = save(STRONG)
    row = queries.get_attempt(history, attempt)
    assert row["state"] == "done" and row["overall"] > 50
    assert row["transcript"].startswith("At my previous company")
    assert len(row["key_points"]) == 6 and any(k["hit"] and k["evidence"] for k in row["key_points"])
    assert row["delivery"]["wpm"] > 0 and row["transcript_data"]["segments"]
    assert history.db["words"].count_where("attempt_id = ?", [attempt]) == len(STRONG.split())


def test_database_uses_wal_and_is_private(history, save):
    save(WEAK)
    assert history.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    mode = stat.S_IMODE(os.stat(history.path).st_mode)
    assert mode == 0o600
    assert stat.S_IMODE(os.stat(history.path.parent / "audio").st_mode) == 0o700


def test_full_text_search_highlights(history, save):
    save(STRONG)
    save(WEAK)
    hits = queries.search(history, "ring buffer")
    assert len(hits) == 1 and "[ring] [buffer]" in hits[0]["snippet"]
    assert len(queries.search(history, "locks")) == 2   # porter stemming: lock ~ locks


def test_a_bank_snapshot_keeps_history_when_the_bank_changes(history, save, bank):
    attempt = save(STRONG)
    row = history.attempt_row(attempt)
    snap = history.bank_snapshot(row["bank_hash"])
    assert snap.prompt("hardest-problem").text == bank.prompt("hardest-problem").text


def test_migration_from_the_first_schema_keeps_data(tmp_path):
    path = tmp_path / "old.sqlite3"
    db = sqlite_utils.Database(path)
    migrate(db, upto=1)
    db["bank_snapshots"].insert({"hash": "h1", "bank_id": "b", "title": "t", "source": "", "toml": "", "created_at": "x"})
    db["attempts"].insert({"bank_hash": "h1", "bank_id": "b", "prompt_id": "p", "prompt_text": "Why?",
                           "started_at": "2026-01-01T00:00:00", "state": "done", "transcript": "old answer",
                           "transcript_json": '{"text": "old answer", "segments": []}'})
    assert db.execute("PRAGMA user_version").fetchone()[0] == 1
    assert "uid" not in db["attempts"].columns_dict
    db.conn.close()
    with History.open(path) as h:
        assert h.db.execute("PRAGMA user_version").fetchone()[0] == LATEST
        row = next(h.db["attempts"].rows)
        assert row["transcript"] == "old answer" and len(row["uid"]) == 32 and row["self_rating"] is None
        h.set_note(row["id"], "felt good", 4)
        full = queries.get_attempt(h, row["id"])          # v3 moved the word timings to their own table
        assert full["transcript_data"] == {"text": "old answer", "segments": []} and row["transcript_json"] is None
        assert queries.search(h, "old answer")[0]["id"] == row["id"]


def test_corrupt_database_is_detected_backed_up_and_not_overwritten(tmp_path):
    path = tmp_path / "history.sqlite3"
    garbage = b"SQLite format 3\x00" + os.urandom(4096)
    path.write_bytes(garbage)
    with pytest.raises(HistoryCorruptError) as info:
        History.open(path)
    assert path.read_bytes() == garbage
    assert info.value.backup.read_bytes() == garbage
    assert str(info.value.backup) in str(info.value) and "nothing was overwritten" in str(info.value)


def test_delete_removes_audio_and_retention_keeps_the_newest(history, bank, save, tmp_path):
    audio = tmp_path / "a.wav"
    audio.write_bytes(b"RIFF....")
    from voiceprep.core.analysis.analyze import analyze_answer
    from voiceprep.core.transcript import Transcript

    analysis = analyze_answer(bank, bank.prompt("hardest-problem"), Transcript.from_text(WEAK))
    with_audio = history.save_analysis(analysis, audio=audio)
    kept = history.attempt_row(with_audio)["audio_path"]
    assert os.path.exists(kept) and kept != str(audio)
    history.delete_attempt(with_audio)
    assert not os.path.exists(kept)
    with pytest.raises(HistoryError, match=f"no attempt {with_audio}"):
        history.attempt_row(with_audio)
    ids = [save(WEAK) for _ in range(4)]
    assert sorted(history.apply_retention("airwallex", "hardest-problem", keep=2)) == ids[:2]
    assert [r["id"] for r in queries.list_attempts(history)] == ids[:1:-1]


def test_self_rating_is_validated(history, save):
    attempt = save(WEAK)
    with pytest.raises(HistoryError, match="1 to 5"):
        history.set_note(attempt, "x", 7)


def test_stats_hit_rates_trends_and_weak_points(history, save):
    for text in (WEAK, WEAK, STRONG):
        save(text)
    rates = {r["key_point_id"]: r for r in queries.key_point_rates(history, "airwallex")}
    assert rates["mechanics"]["hits"] == 1 and rates["mechanics"]["attempts"] == 3
    s = queries.stats(history, "airwallex")
    assert s["attempts"] == 3 and set(s["competencies"]) == {"domain_depth", "communication"}
    weak = s["weak_points"]["airwallex"]
    assert weak and weak[0]["rate"] <= weak[-1]["rate"]
    series = queries.trends(history, "airwallex")
    assert [r["overall"] for r in series][-1] > series[0]["overall"]


def test_compare_shows_points_gained_metrics_and_word_diff(history, save):
    a, b = save(WEAK), save(STRONG)
    c = queries.compare(history, a, b)
    assert any("ring buffer" in g for g in c["gained"]) and not c["lost"]
    assert c["metrics"]["overall"]["delta"] > 0
    assert any(d["op"] != "equal" for d in c["diff"])
    other = save("I want to join because of multi-currency accounts.", "why-airwallex")
    with pytest.raises(HistoryError, match="different prompts"):
        queries.compare(history, a, other)


def test_exports_and_import_twice_without_duplicates(history, save, tmp_path):
    ids = [save(STRONG), save("=HYPERLINK(\"http://x\") " + WEAK)]
    history.set_note(ids[0], "-note that starts with a dash", 5)
    md = export.render(history, ids, "md")
    assert "[x] The problem: lock contention" in md and "### Transcript" in md
    csv_text = export.render(history, ids, "csv")
    assert "'=HYPERLINK" in csv_text and "'-note" in csv_text
    data = export.render(history, ids, "json")
    with History.open(tmp_path / "other.sqlite3") as other:
        assert export.import_json(other, data) == {"added": 2, "skipped": 0}
        assert export.import_json(other, data) == {"added": 0, "skipped": 2}
        copied = queries.get_attempt(other, queries.list_attempts(other)[-1]["id"])
        assert copied["transcript"] == STRONG and copied["note"].startswith("-note")
        assert queries.search(other, "disruptor")
    with pytest.raises(HistoryError, match="not a voiceprep JSON export"):
        export.import_json(history, json.dumps({"hello": 1}))

"""Welcome back: the last session in words and what to work on next (walkthrough 3: nothing said it)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.conftest import BANKS
from voiceprep.app import HistoryAccess, PracticeSession
from voiceprep.app.history_service import HistoryService
from voiceprep.app.recap import recap_lines
from voiceprep.core.banks import load_bank


def test_the_last_session_is_recapped_with_its_skipped_question_and_weakest_point(tmp_path):
    access = HistoryAccess(tmp_path / "h.sqlite3")
    session, service = PracticeSession(access), HistoryService(access)
    assert service.recap() is None                                    # a first start has nothing to recap
    bank = load_bank(BANKS / "airwallex.toml")
    rnd = bank.rounds[0]
    pk = session.start_round(bank, rnd)
    first = rnd.prompts[0]
    session.save_typed(bank, first, "I think it was fine, we did a lot of things and it went well.",
                       rnd.id, pk)
    session.finish_round(pk, {"answered": 1, "total": len(rnd.prompts), "skipped": [rnd.prompts[1].id]})
    recap = service.recap()
    assert recap is not None and recap["bank_id"] == bank.id and recap["answers"] == 1
    headline, details = recap_lines(recap, bank)
    assert headline == "Welcome back."
    assert details.startswith(f"Last session, today: 1 answer on {bank.job.title}, average ")
    assert f"You skipped “{rnd.prompts[1].text.rstrip(' .?!')}”:" in details
    assert "Most missed: “" in details and "(covered in 0 of 1 recent answers)" in details and "Drill my weak points" in details
    yesterday = datetime.now(UTC) - timedelta(days=1)
    assert "Last session, yesterday" in recap_lines({**recap, "started_at": yesterday.isoformat()}, bank)[1]
    gone = recap_lines(recap, None)[1]                     # the bank was deleted since: its id, nothing crashes
    assert bank.id in gone and "You skipped" not in gone
    access.close_all()


def test_the_recap_average_leaves_a_drill_out_and_says_so():
    """Walkthrough 5: after a drill the welcome back said "average 64" for a day of 77s."""
    bank = load_bank(BANKS / "airwallex.toml")
    recap = {"bank_id": bank.id, "started_at": datetime.now(UTC).isoformat(), "answers": 3, "drills": 1,
             "average": 77.0, "skipped": [], "weakest": None}
    assert "3 answers on " in recap_lines(recap, bank)[1]
    assert recap_lines(recap, bank)[1].endswith(", average 77 (not counting the drill).")
    assert "average" not in recap_lines({**recap, "answers": 1, "average": None}, bank)[1]   # only a drill

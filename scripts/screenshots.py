"""Walk through the app with real data and save a screenshot of each screen into docs/screenshots/.

Run under a virtual screen:  make screenshots   (xvfb-run ... python scripts/screenshots.py)
Uses a throw-away home folder: real TTS, real transcription, real analysis, a real SQLite file.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
# a throw-away home folder, so the data lands where a user's does (~/.local/share/voiceprep) and a path shown reads
# as theirs, not this run's temporary one (fixCM: Settings' data directory, the editor's status line)
os.environ["HOME"] = tempfile.mkdtemp(prefix="voiceprep-shots-")
for _own in ("VOICEPREP_HOME", "XDG_DATA_HOME"):
    os.environ.pop(_own, None)
OUT = REPO / "docs" / "screenshots"

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from voiceprep import paths  # noqa: E402
from voiceprep.app import HistoryAccess, HistoryService, PracticeSession  # noqa: E402
from voiceprep.core.banks import BankRegistry  # noqa: E402
from voiceprep.gui import controller as c  # noqa: E402
from voiceprep.gui import style  # noqa: E402
from voiceprep.gui.main_window import MainWindow  # noqa: E402
from voiceprep.gui.operations import query  # noqa: E402
from voiceprep.gui.services import Services  # noqa: E402
from voiceprep.gui.widgets.compare import CompareDialog  # noqa: E402
from voiceprep.speech.transcriber import Transcriber  # noqa: E402
from voiceprep.speech.tts import Speaker  # noqa: E402

# earlier attempts, weaker to stronger, so History and Progress have a story to tell
PAST = [
    ("hardest-problem", "Um, so we had, like, a performance problem in the trading system. We changed the design "
                        "and I think it was faster afterwards, basically."),
    ("why-airwallex", "I like fintech and Airwallex does global transfers. I have done some monitoring work."),
    ("hardest-problem", "Our order matching engine had lock contention. We used the LMAX Disruptor with a ring "
                        "buffer, and latency went down a lot.", ["disruptor", "mechanics"]),   # a drill of these points
    ("why-airwallex", "Airwallex builds multi-currency business accounts, global transfers and embedded finance. "
                      "That needs distributed systems and low latency payment routing. I built cross-region "
                      "observability in my last role."),
    ("hardest-problem", "At my previous company our order matching engine suffered from lock contention. I "
                        "proposed the LMAX Disruptor: a ring buffer with a single writer, lock free, with "
                        "pre-allocated events and batching. I benchmarked it and I led the rollout. Latency "
                        "dropped by forty percent and throughput tripled. The trade-off was complexity."),
]
# the answer spoken on Practice (screenshots 1-3, 8, 10): a candidate's own story, with the numbers and names an
# interviewer asks for, not the bank's wording said back (that earned "Add specifics" beside a score of 99)
LIVE_ANSWER = ("At my last job I worked on the matching engine of a crypto exchange in Singapore. In the 2021 boom "
               "our volume went from about two thousand to fifteen thousand orders a second, and the engine started "
               "to fall over. Matching had a serious lock contention problem: every order book had one big lock, "
               "and eight gateways were queuing for it, so at the market open, matching one order took forty "
               "milliseconds instead of two. My job was to get that back under five without rewriting the rest of "
               "the exchange. I spent a week profiling and found that most of the time went to waiting for that "
               "lock and to garbage collection. So I proposed the LMAX Disruptor. The gateways publish orders into "
               "a ring buffer, and every book gets a single writer, so matching is lock free. We pre-allocated "
               "every event at startup, so the garbage collector had nothing left to clean up, and if matching "
               "falls behind it catches up in batches. I built a prototype over two weekends and tested it with "
               "real production traffic. Then I rolled it out myself, one trading pair at a time, over six weeks. "
               "After the switch, latency at the open dropped from forty milliseconds to under one millisecond, and "
               "the same four servers now handle a hundred thousand a second. The price was complexity. New "
               "engineers found the code hard to follow, and a stuck consumer is painful to track down, so I wrote "
               "a runbook and set up an alert for it. If I did it again, I would bring the rest of the team in much "
               "earlier.")


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(predicate, timeout_s: float = 120) -> None:
    end = time.time() + timeout_s
    while not predicate():
        if time.time() > end:
            raise TimeoutError("the app did not reach the expected state")
        wait(50)


def shot(window, name: str) -> None:
    wait(300)
    path = OUT / f"{name}.png"
    window.grab().save(str(path))
    print(f"saved {path.relative_to(REPO)}")


def seed_history(registry, transcriber: Transcriber, speaker: Speaker, tmp: Path) -> None:
    """Earlier answers, stored the way the app stores them (before the window exists: not on its GUI thread)."""
    bank = registry.find("airwallex")
    start = datetime.now(UTC) - timedelta(days=len(PAST))
    access = HistoryAccess(paths.database_path())
    session = PracticeSession(access)
    for i, (pid, text, *drill) in enumerate(PAST):
        wav = speaker.render(text, out=tmp / f"past-{i}.wav")
        prompt = bank.prompt(pid)
        saved = session.save_file(bank, prompt, transcriber.transcribe(wav, hotwords=bank.terms()), audio=wav)
        asked = [k.label for k in prompt.key_points if drill and k.id in drill[0]]
        access.history().db.execute("UPDATE attempts SET started_at = ?, drill_json = ? WHERE id = ?",
                                    [(start + timedelta(days=i)).isoformat(timespec="seconds"),
                                     json.dumps(asked) if asked else None, saved.attempt_id])
    HistoryService(access).set_note(saved.attempt_id, "Lead with the contention problem; say the numbers slower.", 4)
    access.close_all()


def compare_shot(window, services: Services) -> None:
    """The first and the latest hardest-problem answers side by side."""
    rows = [r for r in window.history.model.rows if r["prompt_id"] == "hardest-problem"]
    rows = [rows[-1], rows[0]]
    result = {}
    query(lambda: services.history.compare(rows[0]["id"], rows[1]["id"]), on_done=result.update)
    wait_for(lambda: result)
    dialog = CompareDialog(result, window)
    dialog.resize(1300, 760)
    dialog.show()
    shot(dialog, "9-compare")
    dialog.close()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    _app = QApplication.instance() or QApplication(sys.argv[:1])    # kept alive for the whole run
    style.apply()    # the app's look (gui/app.py)
    tmp = Path(tempfile.mkdtemp())
    from voiceprep.gui.widgets.first_start import MARKER

    (paths.data_dir() / MARKER).touch()         # a returning candidate: the first-start panel was dismissed
    speaker = Speaker(cache_dir=tmp)
    transcriber = Transcriber()
    seed_history(BankRegistry.discover(), transcriber, speaker, tmp)
    services = Services()
    services._transcriber = transcriber
    services.settings.audio.silence_stop_s = 3.0
    window = MainWindow(services, recover=False)
    window.resize(1366, 768)
    window.show()
    page, ctl = window.practice, window.controller
    wait_for(lambda: page.prompt_text.text() == "Welcome back.")
    shot(window, "0-welcome-back")
    wait_for(lambda: services.transcriber()._model is not None)
    page.fill_banks(select="airwallex")
    page.round_box.setCurrentIndex(0)
    page.start_btn.click()
    wait_for(lambda: ctl.state == c.IDLE)
    for _ in range(3):      # go to the hardest-problem prompt
        ctl.next()
        wait_for(lambda: ctl.state == c.IDLE)
    answer = speaker.render(LIVE_ANSWER, out=tmp / "live.wav")
    ctl.start_answer(answer, realtime=True)
    wait(9000)
    shot(window, "1-practice-recording")
    wait_for(lambda: ctl.state == c.FEEDBACK, 180)
    shot(window, "2-feedback")
    page.feedback.verticalScrollBar().setValue(page.feedback.verticalScrollBar().maximum())
    shot(window, "3-feedback-delivery-and-transcript")
    window.nav.setCurrentRow(1)
    wait_for(lambda: window.history.model.rowCount() > 0)
    window.history.table.selectRow(0)
    wait_for(lambda: window.history.detail.document is not None)
    shot(window, "4-history")
    compare_shot(window, services)
    window.nav.setCurrentRow(2)
    wait_for(lambda: window.progress.overall.series)
    charts = (window.progress.overall, window.progress.competencies, window.progress.pace, window.progress.fillers)
    wait_for(lambda: all(chart.canvas.ready() for chart in charts))      # drawn on a worker thread
    shot(window, "5-progress")
    window.nav.setCurrentRow(3)
    shot(window, "6-banks")
    window.nav.setCurrentRow(4)
    shot(window, "7-settings")
    window.resize(2560, 1440)
    window.nav.setCurrentRow(0)
    shot(window, "8-feedback-2560x1440")
    window.resize(window.minimumSize())       # half a laptop screen, beside one's notes
    wait(300)
    shot(window, "10-feedback-minimum-size")
    window.nav.setCurrentRow(1)
    wait(300)
    shot(window, "11-history-minimum-size")
    window.close()


if __name__ == "__main__":
    main()

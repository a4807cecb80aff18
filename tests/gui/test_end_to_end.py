"""A complete round in the real window: real TTS, real transcription, real analysis, a real database.

An audio file stands in for the microphone (FileStream), exactly as "Import audio" does.
"""

from __future__ import annotations

import re
import time

import pytest
from PySide6.QtCore import QTimer

from tests.gui.practice_steps import start
from voiceprep.gui import controller as c
from voiceprep.gui.main_window import MainWindow

ANSWERS = {
    "why-airwallex": "Airwallex builds multi-currency business accounts, global transfers and embedded finance. "
                     "Underneath are distributed systems, multi-region consistency and low latency payment routing. "
                     "In my last role I built cross-region observability and monitoring.",
    "product-range": "You offer global business accounts in many currencies, and international transfers with "
                     "good exchange rates to many countries.",
    "most-impactful": "I built a global monitoring and observability platform. I designed it and led the team. "
                      "It reduced incident detection time by eighty percent for our engineers and customers.",
    "hardest-problem": "Our order matching engine had lock contention. I proposed the LMAX Disruptor, a ring "
                       "buffer with a single writer that is lock free, with pre-allocated events and batching. "
                       "Latency dropped by forty percent and throughput tripled.",
}


def _waited_for_a_cpu() -> float:
    """Seconds the calling thread has spent ready to run but waiting for a CPU (Linux's schedstat; 0 elsewhere)."""
    try:
        with open("/proc/thread-self/schedstat") as f:
            return int(f.read().split()[1]) / 1e9
    except (OSError, ValueError, IndexError):
        return 0.0


class LoopWatch:
    """Records how late a 20 ms timer fires: the longest time the app blocked the event loop.

    Time the GUI thread was ready to run but the machine gave it no CPU (its run-queue wait) is the machine's, not
    the app's, and is left out: on the shared 2-core machine at load 14-16 a round's worst tick was 610 ms late, of
    which 588 ms waiting for a CPU and 42 ms running (the test failed there once). The app's own work on the GUI
    thread, and its waits for a lock, Python's lock or the disk, still count (`worst_wall` keeps the raw figure)."""

    def __init__(self):
        self.worst = self.worst_wall = 0.0
        self.last, self.queued = time.perf_counter(), _waited_for_a_cpu()
        self.timer = QTimer(interval=20, timeout=self._tick)
        self.timer.start()

    def _tick(self):
        now, queued = time.perf_counter(), _waited_for_a_cpu()
        late = now - self.last - 0.020
        self.worst_wall = max(self.worst_wall, late)
        self.worst = max(self.worst, late - (queued - self.queued))
        self.last, self.queued = now, queued


@pytest.mark.parametrize("block", ["working", "waiting"])
def test_the_loop_watch_catches_the_gui_thread_blocked(qtbot, block):
    """The guard of the round below: 300 ms of work on the GUI thread (CPU time, so a loaded machine cannot make it
    less) or 300 ms waiting there (as for a lock or the disk) is a stall, whatever the machine's load."""
    watch = LoopWatch()
    qtbot.wait(100)
    if block == "working":
        end = time.thread_time() + 0.3
        while time.thread_time() < end:
            pass
    else:
        time.sleep(0.3)
    qtbot.wait(100)
    watch.timer.stop()
    assert watch.worst >= 0.25, (watch.worst, watch.worst_wall)


@pytest.mark.slow
def test_complete_airwallex_round(qtbot, services, speaker, tmp_path):
    window = MainWindow(services, recover=False)
    qtbot.addWidget(window)
    window.show()
    page = window.practice
    page.fill_banks(select="airwallex")
    assert page.bank().id == "airwallex"
    ctl = window.controller
    answers = {pid: speaker.render(text, out=tmp_path / f"{pid}.wav") for pid, text in ANSWERS.items()}

    watch = LoopWatch()
    page.start_btn.click()
    analyses = []
    for expected_prompt in ANSWERS:
        qtbot.waitUntil(lambda: ctl.state == c.IDLE, timeout=30000)      # spoken (or shown as text)
        assert ctl.rehearsal.current.id == expected_prompt
        assert page.prompt_text.text() == ctl.rehearsal.current.text
        with qtbot.waitSignal(ctl.analysisReady, timeout=90000) as sig:
            ctl.start_answer(answers[expected_prompt], realtime=False)
        analysis, attempt_id = sig.args
        analyses.append(analysis)
        # what the candidate sees: the checklist matches the analysis, with evidence quoted
        shown = [hit for hit, _ in page.feedback.checklist()]
        assert shown == [r.hit for r in analysis.key_points]
        assert page.stack.currentWidget() is page.feedback
        page.next_btn.click()
    watch.timer.stop()

    # ASR accuracy has its own floors (test_evaluation); here: the strong answers are recognised as strong
    hits = {a.prompt.id: {r.key_point.id for r in a.key_points if r.hit} for a in analyses}
    said = {a.prompt.id: a.transcript.text for a in analyses}
    assert "platform-scope" in hits["why-airwallex"] and len(hits["why-airwallex"]) >= 2, said["why-airwallex"]
    assert {"contention-problem", "disruptor"} <= hits["hardest-problem"], said["hardest-problem"]
    assert len(hits["hardest-problem"]) >= 3, said["hardest-problem"]
    assert "accounts" in hits["product-range"], said["product-range"]
    qtbot.waitUntil(lambda: ctl.state == c.FINISHED, timeout=10000)
    assert page.stack.currentWidget() is page.summary
    summary = ctl.rehearsal.summary()
    assert summary.answered == 4 and summary.completion == 1.0
    assert set(summary.competencies) == {"communication", "domain_depth", "product_understanding", "motivation"}

    # history shows the four attempts, newest first, with their scores
    window.nav.setCurrentRow(1)
    model = window.history.table.model()
    qtbot.waitUntil(lambda: model.rowCount() == 4, timeout=10000)
    prompts = {model.index(r, 1).data() for r in range(4)}
    assert "What is the most challenging technical problem you have solved?" in prompts
    others = " ".join(t.lower() for p, t in said.items() if p != "hardest-problem")
    word = next(w for w in re.findall(r"[A-Za-z]{7,}", said["hardest-problem"]) if w.lower()[:6] not in others)
    window.history.search.setText(word)            # a word only the hardest-problem answer contains
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=10000)
    window.history.table.selectRow(0)
    qtbot.waitUntil(lambda: window.history.detail.document is not None, timeout=10000)
    assert window.history.detail.document["prompt"]["id"] == "hardest-problem"
    window.nav.setCurrentRow(2)
    # each prompt heads its points (walk14)
    qtbot.waitUntil(lambda: window.progress.rates.rowCount() == sum(len(a.key_points) for a in analyses)
                    + len({a.prompt.id for a in analyses}), timeout=10000)
    print(f"\nworst event-loop stall during the round: {watch.worst * 1000:.0f} ms "
          f"({watch.worst_wall * 1000:.0f} ms with the time waiting for a CPU)")
    assert watch.worst < 0.25, f"event loop blocked for {watch.worst * 1000:.0f} ms"


def test_typed_answer_and_no_microphone_notice(qtbot, services, monkeypatch):
    import sounddevice as sd

    monkeypatch.setattr(sd, "query_devices", lambda *a, **k: (_ for _ in ()).throw(sd.PortAudioError("none")))
    window = MainWindow(services, recover=False)
    qtbot.addWidget(window)
    services.settings.speech.rate = 400
    page, ctl = start(window, qtbot)
    page.answer_btn.click()                              # no microphone here
    qtbot.waitUntil(lambda: "Import audio / Type answer" in page.notice.text(), timeout=10000)
    assert not page.notice.isHidden() and ctl.state == c.IDLE
    with qtbot.waitSignal(ctl.analysisReady, timeout=20000):
        ctl.answer_text("We used Kafka topics with partitions and consumer groups, idempotency keys to deduplicate, "
                        "and a dead letter queue with exponential backoff.")
    assert any(hit for hit, _ in page.feedback.checklist())
    qtbot.waitUntil(lambda: window.history.table.model().rowCount() == 1, timeout=10000)


def test_bank_errors_are_shown_not_raised(qtbot, services, data_home):
    (data_home / "banks").mkdir(exist_ok=True)
    (data_home / "banks" / "broken.toml").write_text('schema = 1\n[job]\nid = "x"\ntitel = "typo"\n')
    services.reload_banks()
    window = MainWindow(services, recover=False)
    qtbot.addWidget(window)
    text = window.banks.errors.toPlainText()
    assert "broken.toml:4: job.titel: unknown field; did you mean 'title'?" in text
    assert window.banks.list.count() == 3

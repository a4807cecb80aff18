"""Peak memory of the app's voice path for one long spoken answer, in a fresh process (issue 11: <= 600 MB).

What the desktop app does for an answer, without the window: the allocator capped as at start-up, the bundled
model and the judge's model loaded, the answer recorded by `Recorder` from a `FileStream` (the tests' stand-in
for the microphone) while `LiveTranscriber` captions it, then `PracticeSession.finish` (final pass, speech
check, judge, FLAC, store). The answer is real speech (../shared/speech and ../shared/speech-spontaneous, cycled
to the length, as bench/long_audio.py). Prints the process's peak RSS (`ru_maxrss`) after each phase, where the
peak was reached (RSS sampled every 10 ms), the final pass's time and the transcript's WER.

    .venv/bin/python bench/voice_peak.py [--seconds 180] [--speed 6] [--json]

`--speed 6` plays the answer six times faster than spoken, as tests/gui/soak_session.py does (where the app's
peak was seen: the live passes fall behind and the final pass has more to do); `--speed 1` is a person.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from voiceprep.app import memory  # noqa: E402

memory.limit_arenas()             # as voiceprep.gui.app.run does: before any thread


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024    # Linux: kilobytes


class Sampler:
    """This process's RSS every 10 ms, with the phase it was in."""

    def __init__(self) -> None:
        import psutil

        self.proc = psutil.Process()
        self.phase = "start"
        self.top: dict[str, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            mb = self.proc.memory_info().rss / 2**20
            self.top[self.phase] = max(self.top.get(self.phase, 0.0), mb)
            time.sleep(0.01)

    def stop(self) -> dict[str, float]:
        self._stop.set()
        self._thread.join()
        return {k: round(v) for k, v in self.top.items()}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=180.0, help="length of the spoken answer")
    ap.add_argument("--speed", type=float, default=6.0, help="how much faster than spoken the answer is played")
    ap.add_argument("--voice", choices=("human", "espeak"), default="human",
                    help="the shared human clips cycled, or espeak-ng speech of bank material (as the soak test)")
    ap.add_argument("--window", action="store_true",
                    help="through the desktop app's window (Qt, offscreen) as tests/gui/soak_session.py does")
    ap.add_argument("--json", action="store_true", help="one JSON line only")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["VOICEPREP_HOME"] = tmp
        wav, reference = answer_audio(args, Path(tmp))
        row = (run_window if args.window else run)(args, Path(tmp), wav, reference)
    if args.json:
        print(json.dumps(row))
        return
    for key, value in row.items():
        print(f"{key}: {value}")
    print(f"peak RSS of the app's voice path{' (window)' if args.window else ''}: {peak_mb():.0f} MB (goal <= 600 MB)")


def answer_audio(args: argparse.Namespace, tmp: Path) -> tuple[Path, str]:
    import soundfile as sf

    from bench.live_latency import human_answer
    from voiceprep.speech.audio import TARGET_RATE

    wav = tmp / "answer.wav"
    if args.voice == "espeak":
        from bench.answers import answer_text, render

        reference = answer_text(args.seconds, wpm=165)
        render(reference, wav)
    else:
        audio, reference = human_answer(args.seconds)
        sf.write(wav, audio, TARGET_RATE)
    return wav, reference


def run(args: argparse.Namespace, tmp: Path, wav: Path, reference: str) -> dict:
    from voiceprep.app import HistoryAccess, PracticeSession
    from voiceprep.core.analysis import embedder
    from voiceprep.core.analysis.text import wer
    from voiceprep.core.banks import BankRegistry
    from voiceprep.settings import Settings
    from voiceprep.speech.live import LiveTranscriber
    from voiceprep.speech.recorder import FileStream, Recorder
    from voiceprep.speech.scoring import normalise_verbatim
    from voiceprep.speech.transcriber import Transcriber

    rss = Sampler()
    marks = {"start": peak_mb()}

    settings = Settings()
    settings.audio.silence_stop_s = 0                 # the whole answer, as the soak (tests/gui/conftest.py)
    settings.audio.hard_cap_factor = 10.0
    rss.phase = "load"
    transcriber = Transcriber(settings.transcription)
    transcriber.load()
    embedder.warm_up()
    bank = BankRegistry.discover().get("airwallex")
    prompt = bank.prompt("hardest-problem")
    session = PracticeSession(HistoryAccess(tmp / "history.sqlite3", settings.history), settings)
    marks["loaded"] = peak_mb()

    rss.phase = "recording"
    pending = session.begin(bank, prompt)
    live = LiveTranscriber(transcriber, settings.transcription, hotwords=bank.terms(prompt, settings.transcription),
                           silence_rms=settings.audio.silence_rms, after_pass=memory.release_if_grown)   # as the app
    recorder = Recorder(pending.audio_path, settings.audio, prompt.target_seconds,
                        stream_factory=FileStream(wav, realtime=True, speed=args.speed), on_audio=live.feed)
    recorder.start()
    live.start()
    result = recorder.wait()
    assert result is not None
    marks["recorded"] = peak_mb()

    rss.phase = "final pass"
    began = time.perf_counter()
    times: dict[str, float] = {}

    def transcribe():
        transcript = live.finish()
        times["final_pass_s"] = time.perf_counter() - began
        rss.phase = "speech check, judge, store"
        return transcript

    saved = session.finish(pending, transcribe, {"reason": result.reason, "device": result.device})
    marks["finished"] = peak_mb()
    rss.phase = "after"
    top = rss.stop()
    text = saved.analysis.transcript.text
    row = {"answer_s": round(result.seconds, 1), "voice": args.voice, "speed": args.speed, "reason": result.reason,
           "live_passes": live.passes, "pass_s_mean": round(sum(s for _, s in live.pass_log) / max(1, live.passes), 3),
           "pass_cpu_s_mean": round(sum(live.pass_cpu) / max(1, live.passes), 3), "load": os.getloadavg()[0],
           "final_reused": live.final_reused,
           "final_pass_s": round(times["final_pass_s"], 2), "finish_s": round(time.perf_counter() - began, 2),
           "wer": round(wer(reference, normalise_verbatim(text)), 3),
           "peak_after_mb": {k: round(v) for k, v in marks.items()}, "rss_top_by_phase_mb": top,
           "peak_rss_mb": round(peak_mb())}
    return row


def run_window(args: argparse.Namespace, tmp: Path, wav: Path, reference: str) -> dict:
    """The same answer through the real window: `MainWindow` drives recording, live captions and the session's
    finish on its lanes, and shows the feedback (as tests/gui/soak_session.py, one answer)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from bench.app_window import open_window, qt_app, wait
    from voiceprep.core.analysis.text import wer
    from voiceprep.gui import controller as c
    from voiceprep.speech.recorder import FileStream
    from voiceprep.speech.scoring import normalise_verbatim

    app = qt_app()
    rss = Sampler()
    marks = {"start": peak_mb()}

    rss.phase = "load"
    opened = open_window(tmp)
    services, window, results, errors = opened.services, opened.window, opened.results, opened.errors
    page, ctl = window.practice, window.controller
    services.transcriber().load()
    page.fill_banks(select="airwallex")
    page.start_btn.click()
    wait(app, lambda: ctl.state in (c.IDLE, c.FEEDBACK), 120, "the question")
    marks["loaded"] = peak_mb()

    rss.phase = "recording"
    services.input_override = lambda: FileStream(wav, realtime=True, speed=args.speed)
    page.answer_btn.click()
    wait(app, lambda: ctl.state is c.PROCESSING or bool(errors), 600, "the recording")
    marks["recorded"] = peak_mb()
    rss.phase = "finish (final pass, judge, store, feedback)"
    began = time.perf_counter()
    wait(app, lambda: bool(results) or bool(errors), 600, "the feedback")
    took = time.perf_counter() - began
    if errors:
        raise SystemExit(f"the app reported: {errors}")
    marks["finished"] = peak_mb()
    rss.phase = "after"
    top = rss.stop()
    text = results[-1].transcript.text
    window.close()
    return {"answer_s": round(results[-1].transcript.duration, 1), "voice": args.voice, "speed": args.speed,
            "finish_s": round(took, 2), "wer": round(wer(reference, normalise_verbatim(text)), 3),
            "peak_after_mb": {k: round(v) for k, v in marks.items()}, "rss_top_by_phase_mb": top,
            "peak_rss_mb": round(peak_mb())}


if __name__ == "__main__":
    main()

"""Import an answer recorded elsewhere: the same Recorder + LiveTranscriber path as a live answer, fed as fast
as the model transcribes, with progress and cancel. Blocking: call it from a worker thread.

    answer = import_answer(path, out_wav, transcriber, hotwords=bank.terms(prompt),
                           on_progress=lambda f: ..., cancel=event)    # f: 0..1 of the file transcribed
    answer.transcript, answer.recording     # RecordingResult: the WAV copy, seconds, reason "end_of_file"

Errors are raised in the candidate's words: AudioError (the file cannot be read or has no audio),
TranscriptionCancelled (`cancel` was set; the WAV copy is removed), TranscriptionError (the model failed).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from voiceprep.core.transcript import Transcript
from voiceprep.settings import AudioSettings
from voiceprep.speech.live import LiveTranscriber
from voiceprep.speech.recorder import FileStream, Recorder, RecordingResult
from voiceprep.speech.stream import TranscriptionCancelled
from voiceprep.speech.transcriber import Transcriber

POLL_S = 0.1


@dataclass
class ImportedAnswer:
    recording: RecordingResult
    transcript: Transcript


def import_answer(source: str | Path, out_wav: Path, transcriber: Transcriber, *, hotwords: list[str] | None = None,
                  audio: AudioSettings | None = None, on_progress: Callable[[float], None] | None = None,
                  cancel: threading.Event | None = None) -> ImportedAnswer:
    """Copy `source` to `out_wav` (16 kHz WAV) while transcribing it; return both."""
    stream = FileStream.for_import(source)
    total = max(stream.duration_s, 1e-6)
    live = LiveTranscriber(transcriber, hotwords=hotwords, silence_rms=(audio or AudioSettings()).silence_rms)
    recorder = Recorder(out_wav, audio, target_seconds=0, stream_factory=stream, on_audio=live.feed)
    cancel = cancel or threading.Event()

    def report(fraction: float) -> None:
        if on_progress:
            on_progress(round(min(1.0, max(0.0, fraction)), 3))
    recorder.start()
    live.start()
    try:
        while recorder.wait(POLL_S) is None:
            if cancel.is_set():
                recorder.stop("cancelled")
                live.cancel()
                recorder.wait()
                raise TranscriptionCancelled()
            report(live.done_seconds / total)
        result = recorder.result
        assert result is not None
        watcher = threading.Thread(target=_forward_cancel, args=(cancel, live), daemon=True)
        watcher.start()
        transcript = live.finish(progress=report)
        if cancel.is_set():
            raise TranscriptionCancelled()
        report(1.0)
        return ImportedAnswer(result, transcript)
    except TranscriptionCancelled:
        live.cancel()
        Path(out_wav).unlink(missing_ok=True)
        raise
    finally:
        live.cancel()


def _forward_cancel(cancel: threading.Event, live: LiveTranscriber) -> None:
    while not live.stream.cancelled.is_set():
        if cancel.wait(POLL_S):
            live.cancel()
            return

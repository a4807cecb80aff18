"""`voiceprep doctor`: check what a rehearsal needs, one line each, with a concrete fix."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from voiceprep import __version__, paths
from voiceprep.core.wording import counted
from voiceprep.settings import Settings

OK, WARN, FAIL = "OK", "WARN", "FAIL"


@dataclass
class Check:
    status: str
    name: str
    detail: str


def register(sub) -> None:
    p = sub.add_parser("doctor", help="check microphone, speech, model and data directory")
    p.add_argument("--model", help="check this CTranslate2 Whisper model directory instead of the configured one")
    p.set_defaults(func=cmd_doctor)


def check_banks() -> Check:
    from voiceprep.core.banks import BankRegistry

    reg = BankRegistry.discover()
    if not reg.banks:
        return Check(FAIL, "banks", f"no usable bank; bundled banks expected in {paths.bundled_banks_dir()}")
    detail = f"{counted(len(reg.banks), 'bank')}: {', '.join(b.id for b in reg.banks)}"
    if reg.errors:
        return Check(WARN, "banks", f"{detail}; {counted(len(reg.errors), 'problem')}: run `voiceprep banks list`")
    return Check(OK, "banks", detail)


def check_data_dir() -> Check:
    from voiceprep.app import open_history
    from voiceprep.core.history import HistoryCorruptError, HistoryError, HistoryUnavailable

    try:
        d = paths.data_dir()
        with tempfile.NamedTemporaryFile(dir=d, prefix=".doctor-"):
            pass
    except OSError as exc:
        return Check(FAIL, "data directory", f"not writable ({exc.strerror or exc}); set VOICEPREP_HOME to a "
                                             "writable folder")
    db = paths.database_path()
    if not db.exists():
        return Check(OK, "data directory", f"{d} (history database will be created on first use)")
    access = open_history()
    try:
        access.verify(force=True)           # every page, like the app before the first save
    except HistoryCorruptError as exc:
        return Check(FAIL, "database", str(exc))
    except HistoryUnavailable as exc:
        return Check(WARN, "database", str(exc))
    except HistoryError as exc:
        return Check(FAIL, "database", str(exc))
    finally:
        access.close_all()
    return Check(OK, "data directory", f"{d} (history database {db.stat().st_size // 1024} KiB, checked)")


def check_model(model_path: str | None) -> Check:
    from voiceprep.speech.transcriber import ModelError, Transcriber, model_size_bytes

    settings = Settings.load().transcription
    if model_path:
        settings.model_path = model_path
    try:
        t = Transcriber(settings)
        start = time.perf_counter()
        t.load()
        took = time.perf_counter() - start
    except ModelError as exc:
        return Check(FAIL, "transcription model", str(exc))
    size = model_size_bytes(t.model_path) / 1e6
    return Check(OK, "transcription model", f"{t.model_path} ({size:.0f} MB, loaded in {took:.2f} s)")


def check_model_costs(configured: str | None) -> list[Check]:
    """What each installed model costs on this machine (load, real-time factor) and its measured accuracy."""
    from voiceprep.speech import models
    from voiceprep.speech.transcriber import ModelError

    speech = models.sample_speech()
    checks = []
    for inst in models.installed():
        m = inst.model
        using = (configured or models.TINY_EN.id) == m.id
        try:
            cost = models.measure_cost(m.id, speech)
        except ModelError as exc:
            checks.append(Check(WARN, f"model {m.id}", str(exc)))
            continue
        facts = (f"; WER {m.spontaneous_wer:.2f} on whole recordings of real spontaneous speech "
                 f"({models.WER_WHILE_SPEAKING})" if m.spontaneous_wer is not None else "")
        checks.append(Check(OK, f"model {m.id}", models.describe(cost) + facts + (" (in use)" if using else "")))
    return checks


def check_tts() -> Check:
    """The voice the app speaks with: the one chosen in Settings, named as Settings names it, rendered once."""
    from voiceprep.speech.tts import Speaker, TTSError, voice_label

    chosen = Settings.load().speech
    try:
        with tempfile.TemporaryDirectory() as tmp:
            speaker = Speaker(voice=chosen.voice, rate=chosen.rate, cache_dir=Path(tmp))
            voices = speaker.voices()
            size = speaker.render("Testing.", out=Path(tmp) / "t.wav").stat().st_size
    except TTSError as exc:
        return Check(WARN, "speech (TTS)", f"{exc}")
    said = voice_label(chosen.voice, voices)
    if speaker.fallback_reason:
        return Check(WARN, "speech (TTS)", f"{said} (Settings) cannot speak here ({speaker.fallback_reason}): the "
                                           f"standard voice speaks instead; test render {size} bytes")
    return Check(OK, "speech (TTS)", f"{said}, as in Settings; test render {size} bytes")


def _devices():
    from voiceprep.speech.devices import portaudio

    sd = portaudio()
    return sd, sd.query_devices()


def check_audio() -> list[Check]:
    alternatives = ("you can still rehearse: import a recorded answer (GUI: Import audio; "
                    "CLI: voiceprep score --audio FILE) or type the answer")
    try:
        sd, devices = _devices()
    except OSError as exc:
        return [Check(WARN, "microphone", f"PortAudio missing ({exc}); install libportaudio2; {alternatives}")]
    inputs = [d for d in devices if d["max_input_channels"] > 0]
    outputs = [d for d in devices if d["max_output_channels"] > 0]
    checks = []
    if inputs:
        try:
            default = sd.query_devices(kind="input")["name"]
        except (ValueError, sd.PortAudioError):
            default = inputs[0]["name"]
        checks.append(Check(OK, "microphone", f"{counted(len(inputs), 'input device')}; default: {default}"))
    else:
        checks.append(Check(WARN, "microphone", f"no input device (no sound card?); {alternatives}"))
    if outputs:
        checks.append(Check(OK, "speaker", counted(len(outputs), "output device")))
    else:
        checks.append(Check(WARN, "speaker", "no output device: prompts are shown as text, not spoken"))
    return checks


def check_gui() -> Check:
    try:
        import PySide6
    except ImportError as exc:
        return Check(WARN, "desktop app", f"PySide6 missing ({exc}); run scripts/setup.sh; the CLI still works")
    display = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or sys.platform in ("darwin", "win32")
    if not display and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        return Check(WARN, "desktop app", f"PySide6 {PySide6.__version__}, but no display; run under a desktop "
                                          "session or `xvfb-run voiceprep`")
    return Check(OK, "desktop app", f"PySide6 {PySide6.__version__}")


def run_checks(model_path: str | None = None) -> list[Check]:
    return [Check(OK, "voiceprep", f"{__version__} on Python {sys.version.split()[0]}"),
            check_banks(), check_data_dir(), check_model(model_path),
            *check_model_costs(model_path or Settings.load().transcription.model_path), check_tts(), *check_audio(),
            check_gui()]


def cmd_doctor(args) -> int:
    checks = run_checks(args.model)
    for c in checks:
        print(f"[{c.status:4}] {c.name:20} {c.detail}")
    failed = [c for c in checks if c.status == FAIL]
    print()
    if failed:
        print(f"A rehearsal cannot run: fix the {counted(len(failed), 'FAIL line')} above.")
        return 1
    print("Ready to rehearse." + (" (See WARN lines for what works differently here.)"
                                   if any(c.status == WARN for c in checks) else ""))
    return 0

"""Voice benchmark (issue 15): is the natural voice intelligible, and do cached prompts start at once?

1. Every prompt of every bundled bank is rendered with a voice (default: the natural voice) and transcribed
   back by the app's own transcriber (bundled tiny.en, or `--model base` for the [accurate] extra; no bank
   hotwords); WER per prompt and overall.
2. Time from "speak this prompt" (Speaker.say) to the first audio samples handed to a real PortAudio
   output device, with the cache warm, plus the device's reported output latency. A PulseAudio null sink
   is started for this when no output device exists (as in the tests).

    .venv/bin/python bench/voice_bench.py [--voice piper:en_US-joe-medium | --voice default] [--model base] [--repeats 30]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import soundfile as sf

from voiceprep import paths
from voiceprep.core.analysis.text import wer
from voiceprep.core.banks import BankRegistry
from voiceprep.settings import TranscriptionSettings
from voiceprep.speech import piper_voice
from voiceprep.speech.transcriber import Transcriber
from voiceprep.speech.tts import Speaker

WER_GOAL = 0.05
FIRST_AUDIO_GOAL_S = 0.200


def bundled_prompts() -> list[tuple[str, str]]:
    registry = BankRegistry.discover([paths.bundled_banks_dir()])
    return [(f"{bank.id}/{prompt.id}", prompt.text)
            for bank in registry.banks for rnd in bank.rounds for prompt in rnd.prompts]


def intelligibility(speaker: Speaker, prompts: list[tuple[str, str]], model: str | None = None) -> dict:
    transcriber = Transcriber(TranscriptionSettings(model_path=model))
    transcriber.load()
    rows, render_s, audio_s = [], 0.0, 0.0
    for name, text in prompts:
        start = time.perf_counter()
        wav = speaker.render(text)
        took = time.perf_counter() - start
        if speaker.fallback_reason:
            raise SystemExit(f"the voice fell back to pyttsx3: {speaker.fallback_reason}")
        seconds = sf.info(str(wav)).duration
        heard = transcriber.transcribe(wav).text
        rows.append((name, wer(text, heard), len(text.split()), seconds, took, heard))
        render_s, audio_s = render_s + took, audio_s + seconds
    words = sum(r[2] for r in rows)
    return {"rows": rows, "overall": sum(r[1] * r[2] for r in rows) / words, "words": words,
            "render_s": render_s, "audio_s": audio_s, "wpm": words / audio_s * 60}


def start_null_sink(root: Path) -> subprocess.Popen | None:
    """A PulseAudio server with a null sink as the default output, if this machine has no output device."""
    import sounddevice as sd

    if any(d["max_output_channels"] > 0 for d in sd.query_devices()):
        return None
    if not shutil.which("pulseaudio"):
        raise SystemExit("no audio output device and no PulseAudio to make one: bash scripts/setup.sh test")
    runtime = root / "run"
    runtime.mkdir(mode=0o700)
    (root / "sink.pa").write_text("load-module module-native-protocol-unix\nload-module module-null-sink "
                                  "sink_name=bench rate=22050 channels=1\nset-default-sink bench\n")
    env = dict(os.environ, HOME=str(root), XDG_RUNTIME_DIR=str(runtime))
    proc = subprocess.Popen(["pulseaudio", "-n", "-F", str(root / "sink.pa"), "--daemonize=no",
                             "--exit-idle-time=-1"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    socket = runtime / "pulse" / "native"
    for _ in range(100):
        if socket.exists():
            break
        time.sleep(0.1)
    os.environ.update(HOME=str(root), XDG_RUNTIME_DIR=str(runtime), PULSE_SERVER=f"unix:{socket}")
    sd._terminate()
    sd._initialize()
    return proc


def first_audio(speaker: Speaker, texts: list[str], repeats: int) -> dict:
    speaker.prerender(texts)                      # the warm cache a chosen round gets in the background
    delays, latencies = [], []
    for i in range(repeats):
        text = texts[i % len(texts)]
        start = time.perf_counter()

        def started(latency: float, start: float = start) -> None:
            delays.append(time.perf_counter() - start)
            latencies.append(latency)
            speaker.stop()                        # heard: no need to play the whole prompt
        speaker.say(text, on_start=started)
    delays.sort()
    return {"median": statistics.median(delays), "p95": delays[int(0.95 * (len(delays) - 1))],
            "max": delays[-1], "latency": statistics.median(latencies), "n": len(delays)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--voice", default=piper_voice.VOICE_ID, help="a voice id, or 'default' for pyttsx3's")
    parser.add_argument("--rate", type=int, default=175)
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--model", default=None,
                        help="the transcriber's model: empty for the bundled tiny.en, 'base' for voiceprep[accurate]")
    parser.add_argument("--verbose", action="store_true", help="print every transcript")
    args = parser.parse_args()
    voice = None if args.voice == "default" else args.voice
    with tempfile.TemporaryDirectory() as tmp:
        speaker = Speaker(voice=voice, rate=args.rate, cache_dir=Path(tmp) / "cache")
        prompts = bundled_prompts()
        result = intelligibility(speaker, prompts, args.model)
        heard_by = args.model or "tiny.en"
        print(f"voice {args.voice} at {args.rate} wpm, heard by {heard_by}; {len(prompts)} bundled prompts, "
              f"{result['words']} words")
        print(f"{'prompt':48} {'WER':>6} {'words':>5} {'audio s':>7} {'render s':>8}")
        for name, err, words, seconds, took, heard in result["rows"]:
            print(f"{name:48} {err:6.3f} {words:5d} {seconds:7.1f} {took:8.2f}")
            if args.verbose or err > WER_GOAL:
                print(f"    heard: {heard}")
        worst = max(r[1] for r in result["rows"])
        print(f"overall WER {result['overall']:.3f} (worst prompt {worst:.3f}; goal <= {WER_GOAL} each); "
              f"render {result['render_s']:.1f} s for {result['audio_s']:.1f} s of speech "
              f"(RTF {result['render_s'] / result['audio_s']:.2f}, first render includes loading the voice); "
              f"speaking rate {result['wpm']:.0f} words/min")
        sink = start_null_sink(Path(tmp))
        try:
            fa = first_audio(speaker, [t for _, t in prompts], args.repeats)
        finally:
            if sink:
                sink.terminate()
                sink.wait(timeout=10)
        print(f"speak -> first samples to the device, cache warm, {fa['n']} runs: median {fa['median'] * 1000:.0f} ms, "
              f"p95 {fa['p95'] * 1000:.0f} ms, max {fa['max'] * 1000:.0f} ms (goal <= {FIRST_AUDIO_GOAL_S * 1000:.0f} ms); "
              f"device output latency {fa['latency'] * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())

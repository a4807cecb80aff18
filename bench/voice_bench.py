"""Voice benchmark (issue 15): is the natural voice intelligible, and do cached prompts start at once?

1. Every prompt of every bundled bank is rendered with a voice (default: the natural voice) and transcribed
   back by the app's own transcriber (bundled tiny.en, or `--model base` for the [accurate] extra; several
   models with `--model tiny.en,base`), twice: as a file with no bank hotwords, and through the app's answer
   path (`speech.importer.import_answer`, the LiveTranscriber an answer goes through) with the prompt's bank
   terms as hotwords, as the app listens in a round. WER per prompt and overall, with the app's normaliser and
   with hyphenated words joined (`joined_wer`); transcription CPU time per second of speech.
2. Time from "speak this prompt" (Speaker.say) to the first audio samples handed to a real PortAudio
   output device, with the cache warm, plus the device's reported output latency. A PulseAudio null sink
   is started for this when no output device exists (as in the tests).

    .venv/bin/python bench/voice_bench.py [--voice piper:en_US-joe-medium | --voice default] [--model tiny.en,base]
                                          [--repeats 30 | --no-first-audio]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import numpy as np
import soundfile as sf

from voiceprep import paths
from voiceprep.core.analysis.text import tokenize_text, wer
from voiceprep.core.banks import BankRegistry
from voiceprep.settings import TranscriptionSettings
from voiceprep.speech import piper_voice
from voiceprep.speech.audio import TARGET_RATE, load_audio
from voiceprep.speech.importer import import_answer
from voiceprep.speech.transcriber import Transcriber
from voiceprep.speech.tts import Speaker

WER_GOAL = 0.05
FIRST_AUDIO_GOAL_S = 0.200


def bundled_prompts() -> list[tuple[str, str, list[str]]]:
    """(bank/prompt, prompt text, the bank's hotword terms) for every bundled prompt."""
    registry = BankRegistry.discover([paths.bundled_banks_dir()])
    return [(f"{bank.id}/{prompt.id}", prompt.text, bank.terms())
            for bank in registry.banks for rnd in bank.rounds for prompt in rnd.prompts]


def joined_wer(reference: str, hypothesis: str) -> float:
    """WER where a word written with a hyphen in either text counts as one word, however the other text writes it:
    "post-gres" = "Postgres", "real-time" = "real time" = "realtime". The app's normaliser (`wer`) splits on hyphens,
    so a name heard as "post-gres" costs two errors there. Words no one wrote with a hyphen ("G Unicorn") stay apart."""
    import jiwer

    compounds = {"".join(t.norm for t in tokenize_text(m))
                 for m in re.findall(r"(?<![\w/])\w+(?:-\w+)+(?![\w/])", f"{reference} {hypothesis}")}

    def canonical(text: str) -> str:
        norms, out, i = [t.norm for t in tokenize_text(text)], [], 0
        while i < len(norms):
            k = next((k for k in range(4, 1, -1) if "".join(norms[i:i + k]) in compounds and i + k <= len(norms)), 1)
            out.append("".join(norms[i:i + k]))
            i += k
        return " ".join(out)
    ref, hyp = canonical(reference), canonical(hypothesis)
    return float(jiwer.wer(ref, hyp)) if ref else float(bool(hyp))


def render_all(speaker: Speaker, prompts: list[tuple[str, str, list[str]]], tail_silence_s: float,
               tmp: Path) -> list[tuple[Path, float, float]]:
    """Each prompt's WAV to listen to, its seconds of audio and the seconds its render took. With `tail_silence_s`,
    the WAV is followed by that much silence, as a prompt is in a room: the voice's WAV ends ~0.2 s after the last
    word, and Whisper drops a last word that close to the end of the audio (measured in docs/benchmarks.md)."""
    out = []
    for i, (_, text, _) in enumerate(prompts):
        start = time.perf_counter()
        wav = speaker.render(text)
        took = time.perf_counter() - start
        if speaker.fallback_reason:
            raise SystemExit(f"the voice fell back to pyttsx3: {speaker.fallback_reason}")
        seconds = sf.info(str(wav)).duration
        if tail_silence_s > 0:
            samples = load_audio(wav)
            wav = tmp / f"prompt-{i}.wav"
            sf.write(str(wav), np.concatenate([samples, np.zeros(int(tail_silence_s * TARGET_RATE), np.float32)]),
                     TARGET_RATE)
        out.append((wav, seconds, took))
    return out


def listen(transcriber: Transcriber, wav: Path, hotwords: list[str] | None, tmp: Path) -> tuple[str, float]:
    """What the app hears in `wav`, and the process CPU seconds it took (the voice renders in another process).
    Without hotwords: `Transcriber.transcribe` of the file; with them: the answer path an imported answer takes."""
    cpu = time.process_time()
    if hotwords is None:
        heard = transcriber.transcribe(wav).text
    else:
        heard = import_answer(wav, tmp / "answer.wav", transcriber, hotwords=hotwords).transcript.text
    return heard, time.process_time() - cpu


def intelligibility(transcriber: Transcriber, prompts: list[tuple[str, str, list[str]]],
                    audio: list[tuple[Path, float, float]], hotwords: bool, tmp: Path) -> dict:
    rows, cpu_s = [], 0.0
    for (name, text, terms), (wav, _, _) in zip(prompts, audio, strict=True):
        heard, cpu = listen(transcriber, wav, terms if hotwords else None, tmp)
        rows.append((name, wer(text, heard), joined_wer(text, heard), len(text.split()), heard))
        cpu_s += cpu
    words = sum(r[3] for r in rows)
    audio_s = sum(a[1] for a in audio)
    return {"rows": rows, "words": words, "cpu_s": cpu_s, "rtf": cpu_s / audio_s,
            "overall": sum(r[1] * r[3] for r in rows) / words, "joined": sum(r[2] * r[3] for r in rows) / words}


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


def report(heard_by: str, path: str, result: dict, verbose: bool) -> None:
    print(f"\nheard by {heard_by}, {path}")
    print(f"{'prompt':48} {'WER':>6} {'joined':>6} {'words':>5}")
    for name, err, joined, words, heard in result["rows"]:
        print(f"{name:48} {err:6.3f} {joined:6.3f} {words:5d}")
        if verbose or err > WER_GOAL:
            print(f"    heard: {heard}")
    over = [r for r in result["rows"] if r[1] > WER_GOAL]
    over_joined = [r for r in result["rows"] if r[2] > WER_GOAL]
    print(f"overall WER {result['overall']:.3f}, {len(over)} prompts > {WER_GOAL} (worst "
          f"{max(r[1] for r in result['rows']):.3f}); hyphens joined {result['joined']:.3f}, {len(over_joined)} > "
          f"{WER_GOAL} (worst {max(r[2] for r in result['rows']):.3f}); transcription CPU {result['cpu_s']:.1f} s "
          f"(CPU RTF {result['rtf']:.2f})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--voice", default=piper_voice.VOICE_ID, help="a voice id, or 'default' for pyttsx3's")
    parser.add_argument("--rate", type=int, default=175)
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--no-first-audio", action="store_true", help="skip the time-to-first-audio measurement")
    parser.add_argument("--model", default="tiny.en",
                        help="the transcriber's models, comma-separated: known ids (tiny.en, the bundled default; "
                             "base, voiceprep[accurate]) or model directories")
    parser.add_argument("--tail-silence", type=float, default=0.0, metavar="S",
                        help="seconds of silence after each prompt before it is transcribed (default 0)")
    parser.add_argument("--verbose", action="store_true", help="print every transcript")
    args = parser.parse_args()
    voice = None if args.voice == "default" else args.voice
    with tempfile.TemporaryDirectory() as tmp:
        speaker = Speaker(voice=voice, rate=args.rate, cache_dir=Path(tmp) / "cache")
        prompts = bundled_prompts()
        audio = render_all(speaker, prompts, args.tail_silence, Path(tmp))
        words = sum(len(t.split()) for _, t, _ in prompts)
        render_s, audio_s = sum(a[2] for a in audio), sum(a[1] for a in audio)
        print(f"voice {args.voice} at {args.rate} wpm, {args.tail_silence:.1f} s of silence after each prompt; "
              f"{len(prompts)} bundled prompts, {words} words; render "
              f"{render_s:.1f} s for {audio_s:.1f} s of speech (RTF {render_s / audio_s:.2f}, first render includes "
              f"loading the voice); speaking rate {words / audio_s * 60:.0f} words/min")
        for model in args.model.split(","):
            transcriber = Transcriber(TranscriptionSettings(model_path=None if model == "tiny.en" else model))
            transcriber.load()
            for hot, path in ((False, "file, no hotwords"), (True, "answer path, bank terms as hotwords")):
                report(model, path, intelligibility(transcriber, prompts, audio, hot, Path(tmp)), args.verbose)
        if args.no_first_audio:
            return 0
        sink = start_null_sink(Path(tmp))
        try:
            fa = first_audio(speaker, [t for _, t, _ in prompts], args.repeats)
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

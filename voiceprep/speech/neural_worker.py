"""The neural voice's own process: `python -m voiceprep.speech.neural_worker`.

It keeps libespeak-ng's global state (its phonemizer) away from pyttsx3's copy of the same library, which
runs in a worker of its own (voiceprep.speech.pyttsx3_worker), and a crash of the model away from the app.
One JSON request per line on stdin ({"text", "out", "length_scale"}), one JSON reply per line on stdout;
it exits when stdin closes.
"""

from __future__ import annotations

import sys

from voiceprep.speech.worker import serve_lines, take_stdout


def main() -> int:
    replies = take_stdout()
    import soundfile as sf

    from voiceprep.speech.espeak_phonemes import PhonemizerError
    from voiceprep.speech.piper_voice import PiperVoice, VoiceUnavailable

    try:
        voice = PiperVoice()
    except (VoiceUnavailable, PhonemizerError) as exc:
        serve_lines(None, {"error": str(exc)}, replies)
        return 0
    except Exception as exc:  # a damaged model file: onnxruntime raises its own exception types
        serve_lines(None, {"error": f"the natural voice could not load ({type(exc).__name__}: {exc})"}, replies)
        return 0

    def render(request: dict) -> dict:
        audio = voice.synthesize(request["text"], float(request.get("length_scale", 1.0)))
        if not audio.size:
            return {"error": "the natural voice produced no audio for this text"}
        sf.write(request["out"], audio, voice.sample_rate, subtype="PCM_16", format="WAV")
        return {"ok": True, "seconds": round(audio.size / voice.sample_rate, 3)}

    serve_lines(render, {"ready": True, "sample_rate": voice.sample_rate}, replies)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The neural voice's own process: `python -m voiceprep.speech.neural_worker`.

It keeps libespeak-ng's global state away from pyttsx3 (which uses the same library in the app's process)
and a crash of the model away from the app. One JSON request per line on stdin
({"text", "out", "length_scale"}), one JSON reply per line on stdout; it exits when stdin closes.
"""

from __future__ import annotations

import json
import sys


def serve(requests, replies) -> None:
    import soundfile as sf

    from voiceprep.speech.espeak_phonemes import PhonemizerError
    from voiceprep.speech.piper_voice import PiperVoice, VoiceUnavailable

    def reply(**message) -> None:
        replies.write(json.dumps(message) + "\n")
        replies.flush()

    try:
        voice = PiperVoice()
    except (VoiceUnavailable, PhonemizerError) as exc:
        reply(error=str(exc))
        return
    except Exception as exc:  # a damaged model file: onnxruntime raises its own exception types
        reply(error=f"the natural voice could not load ({type(exc).__name__}: {exc})")
        return
    reply(ready=True, sample_rate=voice.sample_rate)
    for line in requests:
        try:
            request = json.loads(line)
            audio = voice.synthesize(request["text"], float(request.get("length_scale", 1.0)))
            if not audio.size:
                reply(error="the natural voice produced no audio for this text")
                continue
            sf.write(request["out"], audio, voice.sample_rate, subtype="PCM_16", format="WAV")
            reply(ok=True, seconds=round(audio.size / voice.sample_rate, 3))
        except Exception as exc:  # report and keep serving: one bad text must not end the voice
            reply(error=f"{type(exc).__name__}: {exc}")


def main() -> int:
    replies = sys.stdout
    sys.stdout = sys.stderr          # stray prints from libraries must not corrupt the reply stream
    serve(sys.stdin, replies)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Recorder behaviour through fake input streams (the seam), with real audio files behind them."""

from __future__ import annotations

import errno
import shutil
import threading
import time

import numpy as np
import pytest
import soundfile as sf

from voiceprep.settings import AudioSettings
from voiceprep.speech.audio import load_audio
from voiceprep.speech.recorder import FileStream, Recorder, RecorderError


def speech_then_silence(tmp_path, speech_dir, silence_s=5.0):
    audio = load_audio(speech_dir / "jfk.wav")
    path = tmp_path / "speech-silence.wav"
    sf.write(path, np.concatenate([audio, np.zeros(int(silence_s * 16000), dtype=np.float32)]), 16000)
    return path


def test_records_a_file_stream_completely(tmp_path, speech_dir):
    rec = Recorder(tmp_path / "a.wav", AudioSettings(silence_stop_s=0), 120,
                   stream_factory=FileStream(speech_dir / "jfk.wav", realtime=False))
    rec.start()
    result = rec.wait(20)
    assert result.reason == "end_of_file" and abs(result.seconds - 11.0) < 0.2
    assert abs(sf.info(str(result.path)).duration - 11.0) < 0.2


def test_trailing_silence_stops_the_answer(tmp_path, speech_dir):
    src = speech_then_silence(tmp_path, speech_dir, silence_s=6)
    rec = Recorder(tmp_path / "b.wav", AudioSettings(silence_stop_s=3.0), 120,
                   stream_factory=FileStream(src, realtime=False))
    rec.start()
    result = rec.wait(20)
    assert result.reason == "silence"
    assert 11.0 + 2.5 <= result.seconds <= 11.0 + 4.0   # the speech plus about 3 s of silence


def test_hard_cap_stops_at_twice_the_target(tmp_path, speech_dir):
    rec = Recorder(tmp_path / "c.wav", AudioSettings(silence_stop_s=0, hard_cap_factor=2.0), 3,
                   stream_factory=FileStream(speech_dir / "jfk.wav", realtime=False))
    rec.start()
    result = rec.wait(20)
    assert result.reason == "time_cap" and 6.0 <= result.seconds <= 6.3


def test_manual_stop_and_level_meter(tmp_path, speech_dir):
    levels = []
    rec = Recorder(tmp_path / "d.wav", AudioSettings(silence_stop_s=0), 120, on_level=levels.append,
                   stream_factory=FileStream(speech_dir / "jfk.wav", realtime=True, speed=4))
    rec.start()
    time.sleep(1.0)
    rec.stop()
    result = rec.wait(5)
    assert result.reason == "manual" and 2.0 < result.seconds < 8.0
    assert levels and max(levels) > 0.02


def test_file_on_disk_is_readable_while_recording(tmp_path, speech_dir):
    """A crash mid-answer leaves a valid WAV with at most ~1 s missing."""
    rec = Recorder(tmp_path / "e.wav", AudioSettings(silence_stop_s=0, flush_every_s=0.5), 120,
                   stream_factory=FileStream(speech_dir / "jfk.wav", realtime=True, speed=2))
    rec.start()
    time.sleep(2.5)
    snapshot = tmp_path / "snapshot.wav"
    shutil.copy(rec.path, snapshot)        # what a kill -9 would leave behind right now
    recorded = rec.seconds
    rec.stop()
    rec.wait(5)
    data, rate = sf.read(str(snapshot))
    assert rate == 16000 and len(data) / rate >= recorded - 1.0


class DyingStream:
    """Delivers audio for a while, then the device disappears (no more callbacks, inactive)."""

    def __init__(self, seconds_alive: float):
        self.alive = seconds_alive

    def __call__(self, *, samplerate, channels, device, blocksize, dtype, callback):
        self.cb, self.block, self.active = callback, blocksize, False
        return self

    def start(self):
        self.active = True

        def run():
            for _ in range(int(self.alive * 16000 / self.block)):
                self.cb(np.full((self.block, 1), 0.1, dtype=np.float32), self.block, None, None)
            self.active = False
        threading.Thread(target=run, daemon=True).start()

    def stop(self):
        raise RuntimeError("device unplugged")

    def close(self):
        pass


def test_device_lost_mid_answer_keeps_what_was_recorded(tmp_path):
    rec = Recorder(tmp_path / "f.wav", AudioSettings(silence_stop_s=0), 120, stream_factory=DyingStream(2.0))
    rec.start()
    result = rec.wait(10)
    assert result.reason == "device_lost" and "unplugged" in result.error and "is kept" in result.error
    assert abs(sf.info(str(result.path)).duration - 2.0) < 0.15


def test_no_input_device_is_a_clear_error(tmp_path, monkeypatch):
    import sounddevice as sd

    def none(*a, **k):
        raise sd.PortAudioError("Error querying device -1")
    monkeypatch.setattr(sd, "query_devices", none)
    with pytest.raises(RecorderError) as err:
        Recorder(tmp_path / "g.wav").start()
    assert str(err.value) == ("No microphone found. Plug one in or choose one in Settings, or use "
                              "Import audio / Type answer.")
    with pytest.raises(RecorderError) as err:
        Recorder(tmp_path / "g2.wav", AudioSettings(input_device="USB Headset")).start()
    assert "\u201cUSB Headset\u201d chosen in Settings is not available" in str(err.value)
    assert "Error querying" not in str(err.value) and "-1" not in str(err.value)


def test_a_microphone_that_cannot_be_opened_is_named_plainly(tmp_path, monkeypatch):
    import sounddevice as sd

    def busy(**kwargs):
        raise sd.PortAudioError("Device unavailable [PaErrorCode -9985]")
    monkeypatch.setattr(sd, "query_devices", lambda *a, **k: {"name": "Built-in Mic", "default_samplerate": 44100.0})
    monkeypatch.setattr(sd, "InputStream", busy)
    with pytest.raises(RecorderError) as err:
        Recorder(tmp_path / "g3.wav").start()
    assert str(err.value).startswith("The microphone \u201cBuilt-in Mic\u201d could not be opened")
    assert "PaErrorCode" not in str(err.value)


@pytest.mark.parametrize("error, reason", [
    (("Error opening InputStream: Illegal combination of I/O devices [PaErrorCode -9993]", -9993), "sound server"),
    (("Unanticipated host error [PaErrorCode -9999]: 'Connection refused' [ALSA error -111]", -9999), "sound server"),
    (("Device unavailable [PaErrorCode -9985]",), "another program is using it"),
    (("Error opening InputStream: Device or resource busy",), "another program is using it"),
])
def test_a_microphone_that_cannot_be_opened_says_the_reason_that_matches_the_error(tmp_path, monkeypatch, error, reason):
    """walk43 finding 8: with no sound server (PortAudio -9993) the banner guessed "another program may be using it";
    each error gives its own reason and what to do."""
    import sounddevice as sd

    def fails(**kwargs):
        raise sd.PortAudioError(*error)
    monkeypatch.setattr(sd, "query_devices", lambda *a, **k: {"name": "default", "default_samplerate": 44100.0})
    monkeypatch.setattr(sd, "InputStream", fails)
    with pytest.raises(RecorderError) as err:
        Recorder(tmp_path / "g4.wav").start()
    message = str(err.value)
    assert reason in message and "may be" not in message, message
    if reason == "sound server":
        assert "Start the sound server or plug in a microphone" in message and "another program" not in message
    assert "PaErrorCode" not in message and "Import audio / Type answer" in message, message


def test_invalid_sample_rate_falls_back_to_the_device_rate_and_resamples(tmp_path, monkeypatch, speech_dir):
    import sounddevice as sd

    source = load_audio(speech_dir / "jfk.wav", target=48000)
    opened = []

    class Stream48k(FileStream):
        pass

    def fake_input_stream(*, samplerate, channels, device, dtype, blocksize, callback):
        if samplerate != 48000:
            raise sd.PortAudioError("Invalid sample rate")
        opened.append(samplerate)
        fs = FileStream.from_samples(source, realtime=False)
        stream = fs(samplerate=48000, channels=1, device=None, blocksize=blocksize, dtype=dtype, callback=callback)
        orig_stop = stream.stop
        stream.stop = lambda: orig_stop()
        return stream
    monkeypatch.setattr(sd, "query_devices", lambda *a, **k: {"name": "Fake 48k mic", "default_samplerate": 48000.0})
    monkeypatch.setattr(sd, "InputStream", fake_input_stream)
    rec = Recorder(tmp_path / "h.wav", AudioSettings(silence_stop_s=0), 120)
    rec.start()
    deadline = time.time() + 10
    while rec.seconds < 10.8 and time.time() < deadline:
        time.sleep(0.05)
    rec.stop()
    result = rec.wait(5)
    assert opened == [48000] and result.device == "Fake 48k mic"
    assert sf.info(str(result.path)).samplerate == 16000 and abs(result.seconds - 11.0) < 0.3


def test_finished_answers_are_kept_as_private_flac(tmp_path, speech_dir):
    from voiceprep.speech.audio import compress

    rec = Recorder(tmp_path / "k.wav", AudioSettings(silence_stop_s=0), 120,
                   stream_factory=FileStream(speech_dir / "jfk.wav", realtime=False))
    rec.start()
    wav = rec.wait(10).path
    flac = compress(wav)
    assert flac.suffix == ".flac" and not wav.exists()
    assert flac.stat().st_mode & 0o777 == 0o600
    assert abs(sf.info(str(flac)).duration - 11.0) < 0.2
    assert flac.stat().st_size < 0.8 * 11 * 16000 * 2


def test_an_imported_file_is_taken_whole_despite_pauses_and_the_cap(tmp_path, speech_dir):
    jfk = load_audio(speech_dir / "jfk.wav")
    src = tmp_path / "long-pause.flac"
    sf.write(src, np.concatenate([jfk, np.zeros(16000 * 6, dtype=np.float32), jfk]), 16000)
    rec = Recorder(tmp_path / "i.wav", AudioSettings(silence_stop_s=3.0, hard_cap_factor=2.0), 5,
                   stream_factory=FileStream.for_import(src))
    rec.start()
    result = rec.wait(30)
    assert result.reason == "end_of_file" and result.error is None
    assert abs(result.seconds - 28.0) < 0.05          # not cut at the 6 s pause, nor at 2 x 5 s


def test_an_imported_file_sends_no_level_per_block(tmp_path, speech_dir):
    """fixAX: a file read in at hundreds of times real time posted a level per 0.1 s block to the GUI thread
    (2,450 for a 4-minute file within a second or two): the GUI loop ran ~2 s late. An import reports none; all its
    audio still reaches on_audio. A microphone-paced file still reports its levels (test_manual_stop_and_level_meter)."""
    levels: list[float] = []
    heard: list[int] = []
    rec = Recorder(tmp_path / "l.wav", AudioSettings(silence_stop_s=0), 120, on_level=levels.append,
                   on_audio=lambda block: heard.append(len(block)), stream_factory=FileStream.for_import(speech_dir / "jfk.wav"))
    rec.start()
    result = rec.wait(30)
    assert result.reason == "end_of_file" and abs(result.seconds - 11.0) < 0.2
    assert levels == []
    assert abs(sum(heard) / 16000 - result.seconds) < 0.01


def test_importing_a_file_that_is_not_audio_says_so(tmp_path):
    from voiceprep.speech.audio import AudioError

    bad = tmp_path / "answer.mp3"
    bad.write_bytes(b"ID3 this is not really an mp3" * 10)
    with pytest.raises(AudioError, match="answer.mp3: not a readable audio file.*use WAV, FLAC, OGG, MP3 or M4A"):
        FileStream.for_import(bad)


def test_importing_a_file_cut_short_says_how_little_sound_it_holds(tmp_path, speech_dir):
    """Walk47: a WAV cut to its first 60 bytes (its header still says 11 s) imported "OK" as a 0.0004 s answer with
    no words. Less sound than IMPORT_MIN_SOUND_S is refused, by what decodes, not by the header; just over it goes in."""
    from voiceprep.settings import IMPORT_MIN_SOUND_S
    from voiceprep.speech.audio import AudioError

    whole = tmp_path / "whole.wav"
    sf.write(whole, load_audio(speech_dir / "jfk.wav"), 16000, subtype="PCM_16")      # as `voiceprep say` writes
    cut = tmp_path / "a.wav"
    cut.write_bytes(whole.read_bytes()[:60])
    with pytest.raises(AudioError, match=r"^The file a\.wav holds under 0\.1 s of sound — it may be empty or cut "
                                         r"short; nothing was saved$"):
        FileStream.for_import(cut)
    speech = load_audio(speech_dir / "jfk.wav")
    short = tmp_path / "short.ogg"
    sf.write(short, speech[:int(0.8 * IMPORT_MIN_SOUND_S * 16000)], 16000)
    with pytest.raises(AudioError, match=r"^The file short\.ogg holds only 0\.4 s of sound"):
        FileStream.for_import(short)
    enough = tmp_path / "enough.ogg"
    sf.write(enough, speech[:int(1.2 * IMPORT_MIN_SOUND_S * 16000)], 16000)
    assert FileStream.for_import(enough).imported


def test_nothing_heard_from_the_start_ends_the_recording_long_before_the_cap(tmp_path, speech_dir):
    """Walkthrough 5: with nothing said (a muted microphone), the silence stop never fired, since it waits for speech
    first: the recording ran to the time cap, twice the prompt's target (6 minutes for a 3-minute prompt)."""
    silent = tmp_path / "silent.wav"
    sf.write(silent, np.zeros(40 * 16000, dtype=np.float32), 16000)
    rec = Recorder(tmp_path / "n.wav", AudioSettings(silence_stop_s=3.0, no_speech_stop_s=20.0), 180,
                   stream_factory=FileStream(silent, realtime=False))
    rec.start()
    result = rec.wait(20)
    assert result.reason == "no_speech" and 20.0 <= result.seconds <= 20.5
    late = tmp_path / "late.wav"                     # thinking in silence first, then answering: not cut
    sf.write(late, np.concatenate([np.zeros(15 * 16000, dtype=np.float32), load_audio(speech_dir / "jfk.wav"),
                                   np.zeros(5 * 16000, dtype=np.float32)]), 16000)
    rec = Recorder(tmp_path / "l.wav", AudioSettings(silence_stop_s=3.0, no_speech_stop_s=20.0), 180,
                   stream_factory=FileStream(late, realtime=False))
    rec.start()
    assert rec.wait(20).reason == "silence"


class PausingStream(DyingStream):
    """Delivers audio, pauses for `pause` seconds while still running (a loaded machine), then goes on."""

    def __init__(self, pause: float):
        super().__init__(seconds_alive=0)
        self.pause = pause

    def start(self):
        self.active = True

        def run():
            for i in range(int(4.0 * 16000 / self.block)):
                if i == int(0.3 * 16000 / self.block):
                    time.sleep(self.pause)
                self.cb(np.full((self.block, 1), 0.1, dtype=np.float32), self.block, None, None)
            self.active = False
        threading.Thread(target=run, daemon=True).start()

    def stop(self):
        pass


def test_a_pause_of_the_input_under_load_does_not_end_the_answer(tmp_path):
    """Walkthroughs 9 and 10: an answer ended at 0:00 as "I didn't hear an answer" while the meter moved; a
    PulseAudio input was measured pausing 1.2 s on the loaded 2-core machine, and 2 s without audio meant "device
    lost". A stream that keeps running through a 3 s pause is not lost."""
    rec = Recorder(tmp_path / "p.wav", AudioSettings(silence_stop_s=0), 120, stream_factory=PausingStream(3.0))
    rec.start()
    result = rec.wait(20)
    assert result.reason == "device_lost" and result.error      # when it really stops (no longer active)
    assert result.seconds >= 3.9                                 # ... after all of its audio, not at the pause


def test_a_full_disk_mid_answer_ends_the_recording_says_so_and_keeps_what_was_written(tmp_path, speech_dir,
                                                                                        monkeypatch):
    """walk39 1: the first ENOSPC was caught, the drain of the queue raised it again and the recorder never
    finished (the app "Listening…" forever, the History row "recording")."""
    from voiceprep.speech import recorder as recorder_module
    from voiceprep.speech.wavwriter import StreamingWav

    class FillingDisk(StreamingWav):
        """Takes 1 s of audio, then every write fails as on a full disk (and so does the flush of the tail)."""

        def write(self, samples):
            if self.frames >= 16000:
                raise OSError(errno.ENOSPC, "No space left on device")
            super().write(samples)

    monkeypatch.setattr(recorder_module, "StreamingWav", FillingDisk)
    stopped = []
    rec = Recorder(tmp_path / "answers" / "a.wav", AudioSettings(silence_stop_s=0, flush_every_s=0.0), 120,
                   stream_factory=FileStream(speech_dir / "jfk.wav", realtime=False),
                   on_stopped=stopped.append)
    rec.start()
    result = rec.wait(15)
    assert result is not None and stopped == [result], "the recorder never finished"
    assert result.reason == "error"
    assert "disk is full" in result.error and str(tmp_path / "answers") in result.error
    assert "Free some space" in result.error and "is kept" in result.error and "sound device" not in result.error
    assert abs(sf.info(str(result.path)).duration - 1.0) < 0.15          # what reached the disk stays readable


class HandFedStream:
    """A microphone whose 100 ms blocks the test hands over one at a time (`say`), as loud "speech" or quiet."""

    def __call__(self, *, samplerate, channels, device, blocksize, dtype, callback):
        self.cb, self.block, self.active = callback, blocksize, False
        return self

    def start(self):
        self.active = True

    def say(self, level: float) -> None:
        self.cb(np.full((self.block, 1), level, dtype=np.float32), self.block, None, None)

    def stop(self):
        self.active = False

    def close(self):
        pass


def _fed(rec: Recorder, mic: HandFedStream, level: float, timeout: float = 5.0) -> None:
    """Hand over one block and wait until the recorder took it (or ended)."""
    before = rec.seconds
    mic.say(level)
    end = time.monotonic() + timeout
    while rec.seconds <= before and rec.result is None and time.monotonic() < end:
        time.sleep(0.005)


def _speaking(tmp_path, name: str, tail_s: float = 0.4) -> tuple[Recorder, HandFedStream]:
    mic = HandFedStream()
    rec = Recorder(tmp_path / name, AudioSettings(silence_stop_s=0, release_tail_s=tail_s), 120, stream_factory=mic)
    rec.start()
    for _ in range(5):                                  # 0.5 s of the last word before Space
        _fed(rec, mic, 0.1)
    return rec, mic


def test_space_pressed_on_the_last_word_records_the_word_to_its_end(tmp_path):
    """fixW/fixY: Space pressed while still saying the last word cut it mid-word, and the final pass heard
    "idempotency" as "I'm potenti". The recording goes on until the voice has been quiet for release_tail_quiet_s
    (0.3 s), then ends."""
    rec, mic = _speaking(tmp_path, "tail.wav", tail_s=1.0)
    rec.stop()
    assert rec.stopping and rec.result is None
    for level in (0.1, 0.1, 0.0, 0.0):                  # the word's last 0.2 s, then the candidate is quiet...
        _fed(rec, mic, level)
    assert rec.result is None and rec.stopping          # ...0.2 s is not yet the end of the voice
    _fed(rec, mic, 0.0)
    result = rec.wait(5)
    assert result is not None and result.reason == "manual" and not rec.stopping
    assert abs(result.seconds - 1.0) < 0.01             # the word to its end and the 0.3 s of quiet that ended it
    assert abs(sf.info(str(result.path)).duration - 1.0) < 0.01


def test_space_pressed_on_a_quiet_last_sound_still_records_the_word_to_its_end(tmp_path):
    """fixAD: the tail started only when the block before Space was loud, so Space pressed in a quiet sound (the
    soft "f" of "from", a trailing "-ly" under silence_rms) stopped at once and cut the rest of the word."""
    rec, mic = _speaking(tmp_path, "soft.wav", tail_s=1.0)
    _fed(rec, mic, 0.005)                               # a quiet sound, under silence_rms (0.01)
    rec.stop()
    assert rec.stopping and rec.result is None
    for level in (0.005, 0.1, 0.1, 0.004, 0.0):         # the word goes on, ends softly, then the candidate is quiet
        _fed(rec, mic, level)
    assert rec.result is None
    _fed(rec, mic, 0.0)
    result = rec.wait(5)
    assert result is not None and result.reason == "manual" and abs(result.seconds - 1.2) < 0.01


def test_the_quiet_before_space_counts_toward_the_end_of_the_voice(tmp_path):
    rec, mic = _speaking(tmp_path, "pause.wav", tail_s=1.0)
    for _ in range(2):
        _fed(rec, mic, 0.0)                             # 0.2 s quiet: maybe a pause inside a word, maybe the end
    rec.stop()
    assert rec.stopping
    _fed(rec, mic, 0.0)                                 # 0.1 s more: 0.3 s quiet, the voice has stopped
    result = rec.wait(5)
    assert result is not None and abs(result.seconds - 0.8) < 0.01


def test_the_release_tail_is_at_most_the_setting_however_long_the_voice_goes_on(tmp_path):
    rec, mic = _speaking(tmp_path, "cap.wav", tail_s=0.3)
    rec.stop()
    for _ in range(6):
        _fed(rec, mic, 0.1)
    result = rec.wait(5)
    assert result is not None and result.reason == "manual" and abs(result.seconds - 0.8) < 0.01


def test_a_second_stop_or_a_cancel_during_the_release_tail_ends_the_recording_at_once(tmp_path):
    rec, _mic = _speaking(tmp_path, "twice.wav", tail_s=5.0)
    rec.stop()
    assert rec.stopping
    rec.stop()                                          # Space again: the candidate means now
    result = rec.wait(2)
    assert result is not None and result.reason == "manual" and abs(result.seconds - 0.5) < 0.01
    rec, _mic = _speaking(tmp_path, "esc.wav", tail_s=5.0)
    rec.stop()
    rec.stop("cancelled")                               # the controller's cancel()
    result = rec.wait(2)
    assert result is not None and result.reason == "cancelled"


def test_a_stop_in_silence_or_with_no_tail_set_ends_at_once(tmp_path):
    rec, mic = _speaking(tmp_path, "quiet.wav")
    for _ in range(3):
        _fed(rec, mic, 0.0)                             # the candidate finished speaking (0.3 s), then pressed Space
    rec.stop()
    assert not rec.stopping
    result = rec.wait(2)
    assert result is not None and abs(result.seconds - 0.8) < 0.01
    mic = HandFedStream()                               # silent from the start: no tail either
    rec = Recorder(tmp_path / "mute.wav", AudioSettings(silence_stop_s=0), 120, stream_factory=mic)
    rec.start()
    _fed(rec, mic, 0.0)
    rec.stop()
    assert not rec.stopping
    result = rec.wait(2)
    assert result is not None and abs(result.seconds - 0.1) < 0.01
    rec, _mic = _speaking(tmp_path, "off.wav", tail_s=0)
    rec.stop()
    result = rec.wait(2)
    assert result is not None and abs(result.seconds - 0.5) < 0.01


def test_a_tail_whose_microphone_stops_sending_still_ends(tmp_path):
    rec, _mic = _speaking(tmp_path, "stalled.wav", tail_s=0.3)
    rec.stop()
    result = rec.wait(3)                                # no block after Space: it ends after the tail's time
    assert result is not None and result.reason == "manual" and abs(result.seconds - 0.5) < 0.01


def test_release_tail_end_follows_the_recorders_rule():
    """quiet_s 0 is fixY's rule: the first quiet block ends the tail, and a quiet block before the stop starts none."""
    from voiceprep.speech.recorder import release_tail_end

    audio = np.concatenate([np.full(8000, 0.1), np.zeros(8000)]).astype(np.float32)   # 0.5 s voice, 0.5 s quiet
    assert release_tail_end(audio, 4800, 0.4, 0.01, 0.0) == 9600        # 0.3 s: on to the first quiet block's end
    assert release_tail_end(audio, 1600, 0.2, 0.01, 0.0) == 4800        # capped at 0.2 s
    assert release_tail_end(audio, 9600, 0.4, 0.01, 0.0) == 9600        # a stop in silence ends at once
    assert release_tail_end(audio, 4800, 0.0, 0.01, 0.0) == 4800
    # fixAD: the voice ends after quiet_s of quiet, the quiet just before the stop included
    assert release_tail_end(audio, 4800, 1.0, 0.01, quiet_s=0.3) == 12800      # on through 0.3 s of quiet
    assert release_tail_end(audio, 9600, 1.0, 0.01, quiet_s=0.3) == 12800      # 0.1 s quiet before: 0.2 s more
    assert release_tail_end(audio, 12800, 1.0, 0.01, quiet_s=0.3) == 12800     # 0.3 s quiet before: at once
    assert release_tail_end(np.zeros(8000, np.float32), 3200, 1.0, 0.01, quiet_s=0.3) == 3200   # never a voice


def test_the_release_tail_is_never_seen_without_its_deadline(tmp_path):
    """review32 11: `stop()` (the GUI thread) set the tail, then its deadline; the recorder thread reading the tail
    in between saw a deadline of 0.0, long past, and ended the recording at once, cutting the word."""
    seen: list[float] = []

    class Watched(Recorder):
        @property
        def _tail(self):
            return self.__dict__.get("tail")

        @_tail.setter
        def _tail(self, value):
            if value is not None:
                seen.append(self._tail_deadline - time.monotonic())     # what the recorder thread would read now
            self.__dict__["tail"] = value

    mic = HandFedStream()
    rec = Watched(tmp_path / "order.wav", AudioSettings(silence_stop_s=0, release_tail_s=0.4), 120, stream_factory=mic)
    rec.start()
    for _ in range(5):
        _fed(rec, mic, 0.1)
    rec.stop()
    assert len(seen) == 1 and seen[0] > 0.4, seen
    rec.stop()
    assert rec.wait(2) is not None


def test_a_chosen_microphone_that_is_unplugged_records_with_the_system_default(tmp_path, monkeypatch):
    """walk45 5: the microphone chosen in Settings, unplugged, stopped every answer; the system default records
    until it is back, and it is used again once plugged in (the choice is a name, asked for at each answer)."""
    import sounddevice as sd

    plugged = {"Built-in Mic"}
    opened = []

    def query(device=None, kind=None):
        name = device or "Built-in Mic"
        if name not in plugged:
            raise ValueError(f"No input device matching {device!r}")
        return {"name": name, "default_samplerate": 16000.0}

    class Stream:
        def __init__(self, device=None, **kwargs):
            opened.append(device)

    monkeypatch.setattr(sd, "query_devices", query)
    monkeypatch.setattr(sd, "InputStream", Stream)
    settings = AudioSettings(input_device="Jabra Evolve2 65 USB")
    fell_back = Recorder(tmp_path / "a.wav", settings)
    assert fell_back._open()[2] == "Built-in Mic" and opened == [None]
    # review36b: which microphone stood in is known, so the answer can say it (it was recorded silently on another)
    assert fell_back.stood_in_for == "Jabra Evolve2 65 USB"
    plugged.add("Jabra Evolve2 65 USB")                              # plugged in again: used again
    again = Recorder(tmp_path / "b.wav", settings)
    assert again._open()[2] == "Jabra Evolve2 65 USB" and again.stood_in_for is None
    assert opened == [None, "Jabra Evolve2 65 USB"]


def test_a_saved_name_two_microphones_match_records_with_the_one_the_rule_picks(tmp_path, monkeypatch):
    """review36b 5: a name matching two devices ("Multiple input devices found") fell back to the system default as
    if it were not connected, and the answer then said "not connected". The rule (exact name, then the default host
    API, else the first) picks one, and which one is kept for the candidate to read."""
    import sounddevice as sd

    from voiceprep.speech import devices

    opened = []
    listed = [{"index": 2, "name": "Jabra", "rate": 16000.0, "api": "JACK", "default_api": False},
              {"index": 5, "name": "Jabra", "rate": 16000.0, "api": "ALSA", "default_api": True}]

    def query(device=None, kind=None):
        if device == "Jabra":
            raise ValueError("Multiple input devices found for 'Jabra':\n[2] Jabra, JACK\n[5] Jabra, ALSA")
        return {"name": f"Jabra #{device}", "default_samplerate": 16000.0}

    class Stream:
        def __init__(self, device=None, **kwargs):
            opened.append(device)

    monkeypatch.setattr(sd, "query_devices", query)
    monkeypatch.setattr(sd, "InputStream", Stream)
    monkeypatch.setattr(devices, "list_input_devices", lambda rescan=False: list(listed))
    monkeypatch.setattr("voiceprep.speech.recorder.list_input_devices", lambda rescan=False: list(listed))
    rec = Recorder(tmp_path / "a.wav", AudioSettings(input_device="Jabra"))
    assert rec._open()[2] == "Jabra #5" and opened == [5] and rec.stood_in_for is None
    assert rec.picked_note == "2 microphones match “Jabra”: “Jabra” (on ALSA) is used. Choose one in the list to use another."

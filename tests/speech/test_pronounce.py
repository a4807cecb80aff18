"""The interviewer's respellings: whole words only, each one really changes what espeak-ng says."""

import json
import subprocess
import sys

from voiceprep.speech import pronounce
from voiceprep.speech.tts import Speaker


def test_names_are_respelled_as_whole_words_only():
    assert pronounce.for_speech("A Postgres schema on Gunicorn.") == "A Postgress schema on G-unicorn."
    assert pronounce.for_speech("PostgreSQL and Postgresish") == "Postgress Q L and Postgresish"
    assert pronounce.for_speech("Tell me about Kafka.") == "Tell me about Kafka."


def test_every_respelling_changes_the_sounds():
    """An entry whose respelling sounds the same as the word is dead weight (checked in its own process,
    as libespeak-ng must not meet pyttsx3's copy)."""
    probe = ("import json, sys; from voiceprep.speech.espeak_phonemes import Phonemizer; p = Phonemizer('en-us'); "
             "print(json.dumps({w: p.sentences(w) for w in json.loads(sys.argv[1])}))")
    words = list(pronounce.RESPELLINGS) + list(pronounce.RESPELLINGS.values())
    out = subprocess.run([sys.executable, "-c", probe, json.dumps(words)], capture_output=True, text=True,
                         timeout=60, check=True)
    sounds = json.loads(out.stdout)
    for word, said in pronounce.RESPELLINGS.items():
        assert sounds[word] != sounds[said], word
    assert "ɡɹ" in sounds["Postgress"][0] and "dʒ" in sounds["G-unicorn"][0]


def test_the_prompt_cache_is_keyed_by_the_respellings(tmp_path, monkeypatch):
    speaker = Speaker(cache_dir=tmp_path)
    before = speaker.cache_key("A Postgres schema", None)
    monkeypatch.setattr(pronounce, "VERSION", pronounce.VERSION + "-changed")
    assert speaker.cache_key("A Postgres schema", None) != before

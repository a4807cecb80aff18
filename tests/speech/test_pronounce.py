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


def test_an_emoji_or_an_invisible_character_pasted_into_a_label_is_not_spoken():
    """walk63 3: a follow-up built from a pasted label ("... “CP vs AP”\u200b 🙂") was spoken with espeak-ng reading the
    emoji's name ("slightly smiling face") mid-question; the question shown keeps it, the voice says none of it, and
    an invisible character splits no word ("trade\u200boff")."""
    assert pronounce.for_speech("Can you tell me about a trade-off — “CP vs AP”\u200b 🙂?") == \
        "Can you tell me about a trade-off — “CP vs AP”?"
    assert pronounce.for_speech("A trade\u200boff, a co\u00adordinator\ufeff, 👍🏽 done 👨\u200d👩\u200d👧 ✅.") == \
        "A tradeoff, a coordinator, done."
    assert pronounce.for_speech("Tell me about Kafka — 3 × 4 → 12 ° “quoted”.") == \
        "Tell me about Kafka — 3 × 4 → 12 ° “quoted”."


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

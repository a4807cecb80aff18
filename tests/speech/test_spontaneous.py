"""Real spontaneous speech (meetings, with "um" and restarts): word error rate and filled pauses, tiny.en."""

from __future__ import annotations

import csv

import pytest

from voiceprep.speech.scoring import filled_pauses, normalise_verbatim, score_clip


@pytest.fixture(scope="module")
def clips(speech_dir):
    folder = speech_dir.parent / "speech-spontaneous"
    if not (folder / "references.tsv").exists():
        pytest.fail(f"{folder} is missing: tests need ../shared/speech-spontaneous beside the repository")
    with open(folder / "references.tsv", newline="") as f:
        return {r["file"]: (folder / r["file"], r["reference"]) for r in csv.DictReader(f, delimiter="\t")}


def test_reference_conventions_are_normalised():
    ref = "Oh yeah. Mm-hmm. Mm. so you've got a little L_C_D_ display, b when 'Cause wh- umm you know"
    assert normalise_verbatim(ref) == "Oh yeah. so you've got a little LCD display, when because um you know"
    assert filled_pauses("Mm-hmm. Um, uh, er... Hmm? Umm mm") == 5
    assert score_clip("so, um, we shipped it", "So we shipped it.").fillers_found == 0


@pytest.mark.slow
def test_spontaneous_speech_wer_and_filled_pauses(clips, transcriber):
    scores = {name: score_clip(ref, transcriber.transcribe(path).text) for name, (path, ref) in clips.items()}
    assert sum(s.wer for s in scores.values()) / len(scores) <= 0.20, scores
    said = sum(s.fillers_said for s in scores.values())
    assert said == 5 and sum(s.fillers_found for s in scores.values()) / said >= 0.8, scores
    assert scores["ami_es2004c_FEE016_b.wav"].fillers_invented == 0      # backchannels are not "um"

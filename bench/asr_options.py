"""Which transcription options help: bank hotwords (domain terms) and the filler prompt (um/uh).

Domain terms: every labeled answer (tests/core/analysis/data) is spoken with espeak-ng and transcribed
with and without the bank's terms as hotwords; term accuracy = share of the bank's terms said in the
reference that appear in the transcript. Fillers: answers full of fillers, with and without the prompt
"Um, uh, hmm."; filler recall = fillers found / fillers said (per the same filler rules as the coaching).

    .venv/bin/python bench/asr_options.py
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from voiceprep.core.analysis.delivery import _clean, _phrase_hits  # noqa: E402
from voiceprep.core.analysis.evaluation import load_labeled  # noqa: E402
from voiceprep.core.analysis.text import tokenize_text, wer  # noqa: E402
from voiceprep.core.banks import BankRegistry  # noqa: E402
from voiceprep.settings import AnalysisSettings, TranscriptionSettings  # noqa: E402
from voiceprep.speech.transcriber import Transcriber  # noqa: E402
from voiceprep.speech.tts import Speaker  # noqa: E402

FILLER_ANSWERS = [
    "Um, so, the hardest problem was, uh, lock contention in our matching engine. Uh, we tried, um, a few things.",
    "So, I mean, we basically, uh, rewrote the queue, and, um, you know, it was, like, way faster.",
    "Uh, at my last job, um, I built, uh, the monitoring platform. Um, it was, uh, used by every team.",
    "Hmm, I think, um, the main thing is, uh, reliability. Like, you know, money can't just disappear.",
    "Um, we had, uh, a Kafka pipeline, and, um, so, basically, uh, idempotency keys fixed it.",
    "So, uh, the result was, um, forty percent lower latency, uh, and, um, three times the throughput.",
]


def norm(text: str) -> str:
    return " " + " ".join(t.norm for t in tokenize_text(text)) + " "


def term_hits(bank_terms: list[str], reference: str, hypothesis: str) -> tuple[int, int]:
    ref, hyp = norm(reference), norm(hypothesis)
    said = [t for t in bank_terms if norm(t) in ref]
    return sum(norm(t) in hyp for t in said), len(said)


def filler_count(text: str, settings: AnalysisSettings) -> int:
    raw = text.split()
    return len(_phrase_hits([_clean(w) for w in raw], raw, tuple(settings.fillers)))


def main() -> None:
    speaker = Speaker(cache_dir=REPO / "bench/out/asr-tts")
    banks = {b.id: b for b in BankRegistry.discover([REPO / "question_banks"]).banks}
    items = load_labeled(REPO / "tests/core/analysis/data/labeled_answers.toml")
    wavs = [(it, speaker.render(it.text)) for it in items]
    print("Domain terms (63 labeled answers, espeak-ng, tiny.en):")
    for name, prompt, use_hot in (("no hotwords, no prompt", "", False), ("hotwords", "", True),
                                  ("filler prompt only", "Um, uh, hmm.", False),
                                  ("filler prompt + hotwords (default)", "Um, uh, hmm.", True)):
        t = Transcriber(TranscriptionSettings(filler_prompt=prompt, use_bank_vocabulary=use_hot))
        found = said = 0
        wers = []
        for it, wav in wavs:
            terms = banks[it.bank].terms()
            hyp = t.transcribe(wav, hotwords=terms).text
            f, s = term_hits(terms, it.text, hyp)
            found, said = found + f, said + s
            wers.append(wer(it.text, hyp))
        print(f"  {name:36} term accuracy {found}/{said} = {found / max(said, 1):.3f}   "
              f"mean WER {sum(wers) / len(wers):.3f}")
    print("Fillers (6 filler-heavy answers):")
    settings = AnalysisSettings()
    fwavs = [(text, speaker.render(text)) for text in FILLER_ANSWERS]
    expected = sum(filler_count(text, settings) for text, _ in fwavs)
    for name, prompt in (("no prompt", ""), ("prompt 'Um, uh, hmm.'", "Um, uh, hmm.")):
        t = Transcriber(TranscriptionSettings(filler_prompt=prompt))
        got = 0
        for text, wav in fwavs:
            hyp = t.transcribe(wav).text
            got += min(filler_count(hyp, settings), filler_count(text, settings))
        print(f"  {name:36} filler recall {got}/{expected} = {got / expected:.3f}")


if __name__ == "__main__":
    main()

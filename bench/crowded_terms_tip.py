"""How long the bank editor's crowded-terms tip takes on a big bank (read51b 2, mend60 1).

The tip (`BankEditor._crowded_terms`) runs on the GUI thread at each committed change: it loads the bank from the
editor's TOML and asks `Bank.terms_left_out` for every question, which asks `Bank.terms`. The bank here is airwallex's
round six times over, with its ids made unique: 24 questions, 138 key points, as read51b measured, and eight names
more in its vocabulary, so that some questions get the tip. Prints the median CPU time (the process's: a shared
machine disturbs it less than wall time) of the whole tip (loading included) and of the terms alone, and a digest of
the tip's texts, so a change to how the terms are worked out can show it says the same.

    nice -n 10 .venv/bin/python bench/crowded_terms_tip.py [--copies 6] [--names 8] [--repeat 7]
"""

from __future__ import annotations

import argparse
import hashlib
import re
import statistics
import sys
import time
from pathlib import Path
from types import SimpleNamespace

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from voiceprep.core.banks.document import BankDocument  # noqa: E402
from voiceprep.gui.widgets.bank_editor import BankEditor  # noqa: E402
from voiceprep.settings import TranscriptionSettings  # noqa: E402

BANK = REPO / "question_banks/airwallex.toml"


def big_bank_text(copies: int, names: int) -> str:
    """airwallex.toml with its rounds repeated `copies` times, each copy's ids ending "-<k>", and `names` more names
    in the bank's vocabulary ("Supplier0", ...), so the vocabulary crowds some questions' own terms out."""
    text = BANK.read_text(encoding="utf-8")
    text = text.replace('vocabulary = ["Airwallex", ', "vocabulary = [" + "".join(f'"Supplier{i}", ' for i in range(names))
                        + '"Airwallex", ', 1)
    start = text.index("[[rounds]]")
    head, rounds = text[:start], text[start:]
    return head + "\n".join(re.sub(r'(?m)^id = "([^"]+)"', rf'id = "\1-{k}"', rounds) for k in range(copies))


def timed(fn, repeat: int) -> tuple[list[float], object]:
    times, out = [], None
    for _ in range(repeat):
        t0 = time.process_time()
        out = fn()
        times.append(time.process_time() - t0)
    return times, out


def ms(times: list[float]) -> str:
    """The median, and the first run (word caches cold, as at the app's first change)."""
    return f"{statistics.median(times) * 1000:8.1f} ms (first {times[0] * 1000:.1f})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", type=int, default=6)
    ap.add_argument("--names", type=int, default=8, help="names added to the bank's vocabulary")
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    doc = BankDocument(big_bank_text(args.copies, args.names))
    bank = doc.bank()
    points = sum(len(p.key_points) for p in bank.all_prompts())
    editor = SimpleNamespace(doc=doc, _place=lambda path: "/".join(map(str, path)))   # the tip's own code, no window
    settings = TranscriptionSettings()

    def terms_only() -> list[list[str]]:
        fresh = doc.bank()           # a new Bank, as the tip gets at each change: nothing worked out before
        return [fresh.terms_left_out(p, settings) for p in fresh.all_prompts()]

    tip_s, tips = timed(lambda: BankEditor._crowded_terms(editor), args.repeat)
    terms_s, left = timed(terms_only, args.repeat)
    load_s, _ = timed(doc.bank, args.repeat)
    digest = hashlib.sha256(repr(tips).encode()).hexdigest()[:12]
    print(f"{len(bank.all_prompts())} questions, {points} key points; median of {args.repeat} runs:")
    print(f"  tip (load + terms + text)  {ms(tip_s)}   ({len(tips)} tips, texts sha256 {digest})")
    print(f"  load alone (doc.bank)      {ms(load_s)}")
    print(f"  load + terms_left_out      {ms(terms_s)}   ({sum(map(len, left))} terms left out in all)")


if __name__ == "__main__":
    main()

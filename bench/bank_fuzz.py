"""Fuzz the bank loader: generated bank files, each must load or fail with BankLoadError, quickly.

    python -m bench.bank_fuzz [--files 20000] [--seed 1] [--out DIR]

Files are mutations of the bundled banks (byte flips, truncation, shuffled lines, swapped values)
plus inserted fragments the reliability probe found harmful: nesting bombs, padded headers,
triple quotes inside strings, NaN/inf, 5,000-digit numbers, long dotted keys, invalid UTF-8, NUL
bytes, CRLF, a BOM. Each is written to disk and read with `load_bank`, as the app reads the banks
folder. Reports the outcome counts, total and slowest per-file time, and any failure (an exception
other than BankLoadError, the loader's last-resort "voiceprep bug" message, or a file over 2 s).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from voiceprep.core.banks import BankLoadError, load_bank
from voiceprep.core.banks.load import UNEXPECTED

REPO = Path(__file__).resolve().parents[1]
PER_FILE_LIMIT_S = 2.0

FRAGMENTS: list[str] = [
    "vocabulary = {open}{close}",
    "[{pad}\"job\"]",
    "[[{pad}rounds{pad}.{pad}prompts{pad}]]",
    "text = \"it's '''quoted''' and \\\"\\\"\\\" too\"",
    "label = '''multi\nline ''' ",
    "weight = nan", "weight = inf", "weight = -inf", "min_cues = -1", "target_seconds = 0",
    "weight = {digits}", "target_seconds = {digits}",
    "[{dotted}]", "{dotted} = 1",
    "[[rouds.prompts.key_points]]", "[[rounds.promts]]", "[jobb]", "lable = \"x\"",
    "id = \"Not A Slug!\"", "id = \"\"", "cues = []", "cues = [1, 2]", "key_points = []",
    "competency = \"nope\"", "schema = 2", "schema = \"1\"", "rounds = 3", "job = []",
    "x = 1979-05-27T07:32:00Z", "x = 1979-02-30", "x = {{ a = {{ b = {{ c = 1 }} }} }}",
    "x = \"\\u0000\"", "x = \"\\uD800\"", "x = \"{long}\"", "\"{long}\" = 1",
    "[[rounds]]", "[[rounds.prompts]]", "[[rounds.prompts.key_points]]", "[[competencies]]",
    "id = \"dup\"", "\"\"\"", "'''", "[", "]]", "= =", "a.b.c = 1", "a . \"b\" . 'c' = 2",
]
BYTE_FRAGMENTS: list[bytes] = [b"\xff\xfe", b"\xed\xa0\x80", b"\x00", b"\r\n", b"\xef\xbb\xbf", b"\xc3", b"\x80" * 3]


def seeds() -> list[bytes]:
    from tests.core.banks.test_load import GOOD

    return [p.read_bytes() for p in sorted((REPO / "question_banks").glob("*.toml"))] + [GOOD.encode()]


def _fragment(rng: random.Random) -> bytes:
    frag = rng.choice(FRAGMENTS)
    depth = rng.choice([1, 2, 3, 9, 50, 300, 600])
    frag = frag.format(open="[" * depth, close="]" * depth, pad=" " * rng.choice([0, 1, 40, 3000]),
                       digits="9" * rng.choice([3, 20, 4400, 5000]),
                       dotted=".".join(["a"] * rng.choice([2, 9, 200, 20000])),
                       long="x" * rng.choice([10, 1000, 100_000]))
    return frag.encode()


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One random mutation of a bank file's bytes."""
    op = rng.randrange(8)
    if op == 0 and data:                                  # flip, insert or delete a few bytes
        buf = bytearray(data)
        for _ in range(rng.randint(1, 20)):
            pos = rng.randrange(len(buf)) if buf else 0
            choice = rng.randrange(3)
            if choice == 0 and buf:
                buf[pos] = rng.randrange(256)
            elif choice == 1:
                buf[pos:pos] = bytes([rng.randrange(256)])
            elif buf:
                del buf[pos]
        return bytes(buf)
    if op == 1:                                           # truncate
        return data[:rng.randrange(len(data) + 1)]
    lines = data.split(b"\n")
    if op == 2:                                           # shuffle, duplicate or drop lines
        for _ in range(rng.randint(1, 10)):
            i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
            action = rng.randrange(3)
            if action == 0:
                lines[i], lines[j] = lines[j], lines[i]
            elif action == 1:
                lines.insert(i, lines[j])
            elif len(lines) > 1:
                del lines[i]
        return b"\n".join(lines)
    if op == 3:                                           # swap the values of two key lines
        keyed = [i for i, line in enumerate(lines) if b" = " in line]
        if len(keyed) >= 2:
            i, j = rng.sample(keyed, 2)
            ki, _, vi = lines[i].partition(b" = ")
            kj, _, vj = lines[j].partition(b" = ")
            lines[i], lines[j] = ki + b" = " + vj, kj + b" = " + vi
        return b"\n".join(lines)
    if op == 4:                                           # raw bytes: invalid UTF-8, NUL, CRLF, BOM
        pos = rng.randrange(len(data) + 1)
        return data[:pos] + rng.choice(BYTE_FRAGMENTS) + data[pos:]
    for _ in range(rng.randint(1, 3)):                    # insert harmful TOML fragments at line starts
        lines.insert(rng.randrange(len(lines) + 1), _fragment(rng))
    return b"\n".join(lines)


def generate(count: int, seed: int = 1) -> list[bytes]:
    rng = random.Random(seed)
    base = seeds()
    out = []
    for _ in range(count):
        data = rng.choice(base)
        for _ in range(rng.choice([1, 1, 1, 2, 3])):
            data = mutate(data, rng)
        out.append(data)
    return out


@dataclass
class Result:
    files: int = 0
    loaded: int = 0
    refused: int = 0
    total_s: float = 0.0
    slowest_s: float = 0.0
    slowest_file: str = ""
    failures: list[str] = field(default_factory=list)


def run(datas: list[bytes], folder: Path) -> Result:
    result = Result()
    for i, data in enumerate(datas):
        path = folder / f"fuzz-{i:05d}.toml"
        path.write_bytes(data)
        start = time.perf_counter()
        try:
            load_bank(path)
            result.loaded += 1
        except BankLoadError as exc:
            result.refused += 1
            text = str(exc)
            if UNEXPECTED in text or not exc.errors:
                result.failures.append(f"{path.name}: {text[:300]}")
        except BaseException as exc:
            result.failures.append(f"{path.name}: uncaught {type(exc).__name__}: "
                                   f"{traceback.format_exception_only(exc)[-1][:300]}")
        elapsed = time.perf_counter() - start
        result.files += 1
        result.total_s += elapsed
        if elapsed > result.slowest_s:
            result.slowest_s, result.slowest_file = elapsed, path.name
        if elapsed > PER_FILE_LIMIT_S:
            result.failures.append(f"{path.name}: took {elapsed:.2f} s")
        path.unlink()
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, help="keep failing files here")
    args = ap.parse_args(argv)
    datas = generate(args.files, args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        r = run(datas, Path(tmp))
    print(f"files {r.files}  loaded {r.loaded}  refused with BankLoadError {r.refused}  failures {len(r.failures)}")
    print(f"total {r.total_s:.1f} s  mean {1000 * r.total_s / max(1, r.files):.2f} ms  "
          f"slowest {1000 * r.slowest_s:.0f} ms ({r.slowest_file})")
    for line in r.failures[:20]:
        print("  FAIL", line)
    if args.out and r.failures:
        args.out.mkdir(parents=True, exist_ok=True)
        for line in r.failures:
            i = int(line.split("-", 1)[1][:5])
            (args.out / f"fuzz-{i:05d}.toml").write_bytes(datas[i])
    return 1 if r.failures else 0


if __name__ == "__main__":
    sys.exit(main())

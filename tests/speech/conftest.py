"""A real PortAudio input: a PulseAudio null-sink whose monitor is the default microphone."""

from __future__ import annotations

import os
import shutil
import subprocess
import time

import pytest

# norewinds: what the sink plays reaches its monitor whole (a stream starting with half a second buffered made the
# sink rewind, and the monitor then lost the stream's first 0.5-1 s though a real sink would play it)
VMIC_PA = """load-module module-native-protocol-unix
load-module module-null-sink sink_name=vsink rate=16000 channels=1 norewinds=1
set-default-sink vsink
set-default-source vsink.monitor
"""


@pytest.fixture(scope="session")
def virtual_mic(tmp_path_factory):
    """Start PulseAudio with a virtual microphone; yields a function that plays a file into it."""
    if not shutil.which("pulseaudio") or not shutil.which("paplay"):
        pytest.fail("PulseAudio is not installed: run `bash scripts/setup.sh test`, which installs it")
    root = tmp_path_factory.mktemp("pulse")
    home, runtime = root / "home", root / "run"
    home.mkdir()
    runtime.mkdir(mode=0o700)
    (root / "vmic.pa").write_text(VMIC_PA)
    env = dict(os.environ, HOME=str(home), XDG_RUNTIME_DIR=str(runtime))
    log = open(root / "pulseaudio.log", "w")  # noqa: SIM115 (the daemon writes to it for the whole session)
    proc = subprocess.Popen(["pulseaudio", "-n", "-F", str(root / "vmic.pa"), "--daemonize=no",
                             "--exit-idle-time=-1"], env=env, stdout=log, stderr=subprocess.STDOUT)
    socket = runtime / "pulse" / "native"
    for _ in range(100):
        if socket.exists() or proc.poll() is not None:
            break
        time.sleep(0.1)
    if not socket.exists():
        proc.kill()
        pytest.fail(f"PulseAudio could not start here: {(root / 'pulseaudio.log').read_text()[-500:]}")
    saved = {k: os.environ.get(k) for k in ("HOME", "XDG_RUNTIME_DIR", "PULSE_SERVER")}
    os.environ.update(HOME=str(home), XDG_RUNTIME_DIR=str(runtime), PULSE_SERVER=f"unix:{socket}")
    import sounddevice as sd

    sd._terminate()          # re-scan devices now that the server is up
    sd._initialize()

    def play(path) -> subprocess.Popen:
        return subprocess.Popen(["paplay", "-d", "vsink", str(path)], env=dict(os.environ),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    yield play
    proc.terminate()
    proc.wait(timeout=10)
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v
    sd._terminate()
    sd._initialize()

"""Which microphone a saved name means, and a microphone plugged in while the app runs (real PortAudio)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap

import pytest

from voiceprep.speech.devices import pick_microphone


def _mic(index: int, name: str, api: str = "ALSA", default_api: bool = True) -> dict:
    return {"index": index, "name": name, "rate": 48000.0, "api": api, "default_api": default_api}


def test_a_saved_name_means_the_exact_name_first_then_the_default_host_api_then_the_first():
    """review36b 5: a name two devices match was called "not connected" (sounddevice's "Multiple input devices
    found"); one rule now, and it is said which one records."""
    usb = _mic(3, "Jabra Evolve2 65 USB")
    assert pick_microphone("Jabra Evolve2 65 USB", [_mic(0, "Built-in Mic"), usb]) == (usb, "")
    # the exact name wins over a longer one holding it
    exact, longer = _mic(1, "USB Mic"), _mic(2, "USB Mic (2)")
    assert pick_microphone("USB Mic", [longer, exact]) == (exact, "")
    # the same name on two host APIs: the default host API's, and said
    jack, alsa = _mic(4, "Jabra", "JACK", False), _mic(5, "Jabra", "ALSA", True)
    chosen, note = pick_microphone("Jabra", [jack, alsa])
    assert chosen is alsa and note == ("2 microphones match “Jabra”: “Jabra” (on ALSA) is used. Choose one in the "
                                       "list to use another.")
    # a part of a name (as sounddevice takes it): the one that holds it, said
    assert pick_microphone("jabra", [_mic(0, "Built-in Mic"), usb]) == (usb, "“jabra” is “Jabra Evolve2 65 USB”.")
    # several, none on the default host API: the first
    a, b = _mic(6, "Jabra A", "JACK", False), _mic(7, "Jabra B", "OSS", False)
    chosen, note = pick_microphone("Jabra", [a, b])
    assert chosen is a and "“Jabra A” (the first listed) is used" in note
    assert pick_microphone("Jabra", [_mic(0, "Built-in Mic")]) == (None, "")


_SERVER_START = """
import os, subprocess, sys, time
root = sys.argv[1]
"""
_SERVER_UP = """
env = dict(os.environ, HOME=root + "/home", XDG_RUNTIME_DIR=root + "/run")
server = subprocess.Popen(["pulseaudio", "-n", "-F", root + "/vmic.pa", "--daemonize=no", "--exit-idle-time=-1"],
                          env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    for _ in range(100):
        if os.path.exists(root + "/run/pulse/native"):
            break
        time.sleep(0.1)
    os.environ.update(HOME=root + "/home", XDG_RUNTIME_DIR=root + "/run", PULSE_SERVER=f"unix:{root}/run/pulse/native")
"""
_SERVER_DOWN = """
finally:
    server.terminate()
    server.wait(10)
"""


def _with_sound_server(tmp_path, body: str, before: str = "") -> tuple[subprocess.CompletedProcess, dict[str, str]]:
    """Run `body` (Python) in a process of its own (PortAudio is global) once a PulseAudio server with a virtual
    microphone (conftest's VMIC_PA) has started under `tmp_path`, `before` before it starts; the server is stopped
    after. The process, and its output's lines as {first word: the rest}."""
    from tests.speech.conftest import VMIC_PA

    (tmp_path / "home").mkdir()
    (tmp_path / "run").mkdir(mode=0o700)
    (tmp_path / "vmic.pa").write_text(VMIC_PA)
    script = (_SERVER_START + textwrap.dedent(before) + _SERVER_UP + textwrap.indent(textwrap.dedent(body), "    ")
              + _SERVER_DOWN)
    env = {k: v for k, v in os.environ.items() if k != "PULSE_SERVER"}
    out = subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, timeout=60,
                         env=env)
    return out, dict(line.split(" ", 1) for line in out.stdout.splitlines())


def test_a_microphone_that_appears_after_the_start_is_listed_once_rescanned_but_not_under_a_stream(tmp_path):
    """fixBD left: PortAudio lists devices once, so Settings said "— not connected" until a restart. A sound
    server started after PortAudio (as a headset plugged in later) is listed after a rescan, and a rescan is not
    done while a recording or the voice holds a stream (it would end it). Own process: PortAudio is global."""
    if not shutil.which("pulseaudio"):
        pytest.fail("PulseAudio is not installed: run `bash scripts/setup.sh test`, which installs it")
    out, lines = _with_sound_server(tmp_path, before="""
        from voiceprep.speech.devices import holding_stream, list_input_devices
        names = lambda: [d["name"] for d in list_input_devices()]
        print("before", names(), flush=True)
        """, body="""
        print("plugged", names(), flush=True)
        with holding_stream():
            print("held", [d["name"] for d in list_input_devices(rescan=True)], flush=True)
        print("rescanned", [d["name"] for d in list_input_devices(rescan=True)], flush=True)
        """)
    assert out.returncode == 0 and set(lines) == {"before", "plugged", "held", "rescanned"}, out.stderr[-2000:]
    assert "pulse" not in lines["before"] and lines["plugged"] == lines["before"] == lines["held"]
    assert "'pulse'" in lines["rescanned"]


def test_a_source_only_the_sound_server_sees_is_a_change_to_read_again_and_a_busy_one_is_not(tmp_path):
    """fixBO left: a headset only the sound server sees (Bluetooth; PipeWire's or PulseAudio's own sources) changes
    nothing in /proc/asound, so only Refresh found it. The sound server's source names (`pactl list short sources`)
    are part of the signature: a source that came (a second null sink, its monitor a source) is a change until
    PortAudio reads its devices again (not under a stream); a source only in use is not. Own process: PortAudio is
    global."""
    if not shutil.which("pulseaudio") or not shutil.which("pactl"):
        pytest.fail("PulseAudio is not installed: run `bash scripts/setup.sh test`, which installs it")
    out, lines = _with_sound_server(tmp_path, body="""
        from voiceprep.speech import devices
        devices.list_input_devices()
        print("started", devices.changed_since_read(), flush=True)
        played = subprocess.Popen(["paplay", "-d", "vsink", "/dev/zero", "--raw"], stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)     # its source busy: RUNNING, not a new source
        time.sleep(0.5)
        print("busy", devices.changed_since_read(), flush=True)
        played.kill()
        subprocess.run(["pactl", "load-module", "module-null-sink", "sink_name=headset"], check=True,
                       stdout=subprocess.DEVNULL)
        print("plugged", devices.changed_since_read(), flush=True)
        with devices.holding_stream():
            devices.list_input_devices(rescan=True)
        print("held", devices.changed_since_read(), flush=True)
        devices.list_input_devices(rescan=True)
        print("rescanned", devices.changed_since_read(), flush=True)
        """)
    assert out.returncode == 0, out.stderr[-2000:]
    assert lines == {"started": "False", "busy": "False", "plugged": "True", "held": "True", "rescanned": "False"}


def test_no_sound_server_or_no_pactl_leaves_the_signature_as_the_cards_say(monkeypatch, tmp_path):
    """Without pactl, with no server's socket (pactl is not run: it could start a server), or with no server
    answering (or one that hangs past settings.SOUND_SERVER_WAIT_S), the signature is /proc/asound's and /dev/snd's
    alone, as before."""
    from voiceprep.speech import devices

    monkeypatch.setattr(devices.shutil, "which", lambda name: None)
    assert devices.server_sources() is None
    ran: list = []
    monkeypatch.setattr(devices.shutil, "which", lambda name: "/usr/bin/pactl")
    monkeypatch.setattr(devices.subprocess, "run", lambda *a, **k: ran.append(a))
    monkeypatch.delenv("PULSE_SERVER", raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    assert devices.server_sources() is None and ran == []
    monkeypatch.undo()
    monkeypatch.setenv("PULSE_SERVER", f"unix:{tmp_path}/none")
    monkeypatch.setattr(devices.shutil, "which", lambda name: "/bin/false")
    assert devices.server_sources() is None
    monkeypatch.setattr(devices.shutil, "which", lambda name: "/bin/sleep")
    monkeypatch.setattr(devices, "SOUND_SERVER_WAIT_S", 0.2)
    monkeypatch.setattr(devices, "_SOURCES_ARGS", ("5",))
    assert devices.server_sources() is None


BASELINE_PROBE = textwrap.dedent("""
    import sys
    import numpy as np
    from voiceprep.speech import devices
    from voiceprep.speech.player import Player
    devices.device_signature = lambda: ("cards", 1)          # what the system shows, unchanged throughout
    try:
        Player().play_samples(np.zeros(160, np.float32), 16000)  # the voice plays first: it imports sounddevice
    except Exception as exc:
        print("played", type(exc).__name__, flush=True)
    print("imported", "sounddevice" in sys.modules, flush=True)
    print("changed", devices.changed_since_read(), flush=True)
    print("known", devices.read_at() is not None, flush=True)
""")


def test_the_device_baseline_is_taken_whoever_imports_sounddevice_first(tmp_path):
    """devices.py took its baseline (the signature when PortAudio read its devices) only when it imported
    sounddevice itself: after the interviewer's voice (the player) imported it first, the baseline was unknown and
    the first Settings opening restarted PortAudio for nothing. Every import goes through devices.portaudio()."""
    env = {k: v for k, v in os.environ.items() if k != "PULSE_SERVER"}
    out = subprocess.run([sys.executable, "-c", BASELINE_PROBE], capture_output=True, text=True, timeout=60, env=env)
    lines = dict(line.split(" ", 1) for line in out.stdout.splitlines() if not line.startswith("played"))
    assert out.returncode == 0, out.stderr[-2000:]
    assert lines == {"imported": "True", "changed": "False", "known": "True"}, out.stdout


def test_only_devices_imports_sounddevice():
    """The baseline above holds only while no other module of voiceprep imports sounddevice itself."""
    import ast
    from pathlib import Path

    import voiceprep

    root = Path(voiceprep.__file__).parent
    found = []
    for path in root.rglob("*.py"):
        if path.name == "devices.py" and path.parent.name == "speech":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            if any(n.split(".")[0] == "sounddevice" for n in names):
                found.append(f"{path.relative_to(root)}:{node.lineno}")
    assert not found, found

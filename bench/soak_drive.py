"""Drive a soak of the desktop app with real key presses and clicks (xdotool) and speech played into a PulseAudio
null sink (paplay), round after round until a deadline (soak41). The app runs under `bench/soak_probe.py`, whose
status file says where it is (state, page, bank, button centres), so nothing here reads pixels.

    DISPLAY=:96 PULSE_SERVER=unix:... .venv/bin/python bench/soak_drive.py --status DIR/status.json \
        --audio DIR_OF_WAVS --until 11:10 [--log drive.log]

Each round: choose the next bank (Alt+B, Up/Down), click Start round; for every question wait for the recording
(or press Space), play the next long answer (1-3 min), stop it by Space or let the silence stop end it; every third
answer also answers the follow-ups aloud (F); then N. Between rounds: History (Ctrl+2), sometimes Progress (Ctrl+3),
back (Ctrl+1). A file named `pause` next to the status file holds the driver between rounds (a manual bank edit).
"""

from __future__ import annotations

import argparse
import itertools
import json
import subprocess
import time
import wave
from pathlib import Path


class Driver:
    def __init__(self, status: Path, log: Path):
        self.status_path, self.log_path = status, log

    def log(self, msg: str) -> None:
        line = f"{time.strftime('%H:%M:%S', time.gmtime())} {msg}"
        print(line, flush=True)
        with self.log_path.open("a") as f:
            f.write(line + "\n")

    def st(self) -> dict:
        for _ in range(20):
            try:
                return json.loads(self.status_path.read_text())
            except (OSError, ValueError):
                time.sleep(0.2)
        raise RuntimeError("no status from the app")

    def key(self, *keys: str) -> None:
        subprocess.run(["xdotool", "key", "--clearmodifiers", *keys], check=False)
        time.sleep(0.4)

    def click(self, name: str) -> bool:
        b = self.st()["buttons"].get(name)
        if not b or not b[2]:
            return False
        subprocess.run(["xdotool", "mousemove", str(b[0]), str(b[1]), "click", "1"], check=False)
        time.sleep(0.5)
        return True

    def wait(self, pred, timeout: float, what: str) -> dict | None:
        end = time.time() + timeout
        while time.time() < end:
            s = self.st()
            if pred(s):
                return s
            time.sleep(0.5)
        s = self.st()
        self.log(f"TIMEOUT waiting for {what}: state={s['state']} page={s['page']} modal={s['modal']} "
                 f"popup={s['popup']} focus={s['focus']}")
        return None

    def play(self, wav: Path) -> float:
        with wave.open(str(wav)) as w:
            secs = w.getnframes() / w.getframerate()
        subprocess.run(["paplay", "-d", "vsink", str(wav)], check=False)
        return secs


def state_is(*names: str):
    return lambda s: s["state"].lower() in {n.lower() for n in names}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--status", type=Path, required=True)
    ap.add_argument("--audio", type=Path, required=True)
    ap.add_argument("--until", required=True, help="UTC HH:MM: no round starts after it; Ctrl+Q at the end")
    ap.add_argument("--log", type=Path, default=Path("drive.log"))
    ap.add_argument("--no-quit", action="store_true")
    ap.add_argument("--skip", type=int, default=0, help="answers already given (a restarted driver goes on)")
    ap.add_argument("--rounds-done", type=int, default=0, help="rounds already run (the next bank in turn)")
    args = ap.parse_args()
    d = Driver(args.status, args.log)
    h, m = map(int, args.until.split(":"))
    now = time.gmtime()
    deadline = time.time() + ((h * 60 + m) - (now.tm_hour * 60 + now.tm_min)) * 60 - now.tm_sec
    longs = itertools.cycle(sorted(args.audio.glob("L*.wav")))
    follow = itertools.cycle(sorted(args.audio.glob("F*.wav")))
    wid = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "voiceprep"], capture_output=True,
                         text=True).stdout.split()
    if wid:
        subprocess.run(["xdotool", "windowfocus", wid[-1]], check=False)
    answers, rounds = args.skip, args.rounds_done
    for _ in range(args.skip):
        next(longs)
    asked_for: str | None = None      # the question whose follow-ups were asked (answered once per question)
    last_round_end = 0.0

    def start_round() -> None:
        nonlocal rounds
        while (args.status.parent / "pause").exists():
            time.sleep(2)
        if d.st()["page"] != 0:
            d.key("ctrl+1")
        banks = d.st()["banks"]
        want = banks[rounds % len(banks)]
        d.key("alt+b")
        s = d.st()
        for _ in range(len(banks) + 1):
            s = d.st()
            if s["bank"] == want or s["bank"] not in banks:
                break
            d.key("Down" if banks.index(s["bank"]) < banks.index(want) else "Up")
        if s["popup"]:
            d.key("Escape")
        rounds += 1
        d.log(f"round {rounds}: {d.st()['bank']} / {d.st()['round']}")
        if not d.click("start_btn"):
            d.log("Start round not clickable; Return")
            d.key("Return")
        # a loaded machine can take seconds to show the round: never take the old "finished" for a round's end
        d.wait(lambda s: "question" in s["position"] and s["state"].lower() != "finished", 60, "the round to start")

    def between_rounds() -> None:
        d.log(f"round {rounds} over; {answers} answers so far")
        d.key("ctrl+2")
        time.sleep(6)
        if rounds % 2 == 0:
            d.key("ctrl+3")
            time.sleep(5)
        d.key("ctrl+1")
        time.sleep(2)

    def answer(wav: Path, silence: bool, what: str) -> None:
        t = time.time()
        secs = d.play(wav)
        if not silence:
            time.sleep(1.0)
            if d.st()["state"].lower() == "recording":
                d.key("space")
        stopped = time.time()
        s = d.wait(state_is("feedback", "finished", "idle"), 240, "the feedback")
        d.log(f"{what}: {wav.name} {secs:.0f} s ({'silence stop' if silence else 'Space'}), feedback "
              f"{time.time() - stopped:.1f} s after the stop, {time.time() - t:.0f} s in all"
              + ("" if s else " (no feedback)"))

    stuck_since, last = time.time(), None
    while True:
        s = d.st()
        state, position = s["state"].lower(), s["position"]
        if (state, position) != last:
            stuck_since, last = time.time(), (state, position)
        elif time.time() - stuck_since > 300 and state not in ("recording", "processing"):
            d.log(f"stuck in {state} for 5 min: Escape, Ctrl+1")
            d.key("Escape")
            d.key("ctrl+1")
            stuck_since = time.time()
        if state == "finished" or (state == "idle" and "question" not in position):
            if state == "finished" and time.time() - last_round_end > 60:
                last_round_end = time.time()
                between_rounds()
            if time.time() > deadline:
                break
            start_round()
        elif state in ("thinking", "idle"):
            d.key("space")
            d.wait(state_is("recording"), 30, "the recording")
        elif state == "recording":
            answers += 1
            answer(next(longs), answers % 3 == 0, f"answer {answers}")
        elif state == "feedback":
            if time.time() > deadline + 240:
                break
            if answers % 3 == 1 and asked_for != position and s["buttons"].get("ask") and d.click("ask"):
                asked_for = position
                d.wait(state_is("speaking"), 10, "the follow-ups to be asked")
                if d.wait(state_is("feedback"), 90, "the follow-ups to be spoken") is not None:
                    d.key("space")
                    if d.wait(state_is("recording"), 30, "the follow-up recording") is not None:
                        answer(next(follow), False, "follow-up")
                continue
            if time.time() > deadline:
                break
            d.key("n")
            time.sleep(1.5)
        else:
            time.sleep(0.5)
    d.log(f"deadline: {rounds} rounds, {answers} answers")
    if not args.no_quit:
        d.key("ctrl+q")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

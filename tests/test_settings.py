"""settings.json keeps what the candidate chose, and only that."""

from __future__ import annotations

import json
import logging

import pytest

from voiceprep.settings import FITTED, LIVE_WINDOW_RANGE_S, RANGES, Settings


def test_saving_writes_only_what_differs_from_the_defaults(tmp_path):
    """Walkthrough 4: saving the voice once froze every threshold and the judge's 13 weights in settings.json, so a
    later version's refitted judge would have run with this version's weights."""
    path = tmp_path / "settings.json"
    s = Settings()
    s.speech.voice = "piper:en_US-joe-medium"
    s.practice.think_seconds = 10
    s.save(path)
    assert json.loads(path.read_text()) == {"speech": {"voice": "piper:en_US-joe-medium"},
                                            "practice": {"think_seconds": 10}}
    again = Settings.load(path)
    assert again.speech.voice == "piper:en_US-joe-medium" and again.practice.think_seconds == 10
    assert again.analysis == Settings().analysis


def test_a_file_from_an_older_version_cannot_pin_the_judges_fitted_values(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"analysis": {"judge_weights": [0.0] * 13, "judge_threshold": 0.9,
                                             "measured_filler_recall": 0.1, "wpm_high": 170}}))
    s = Settings.load(path)
    fresh = Settings().analysis
    assert s.analysis.judge_weights == fresh.judge_weights and s.analysis.judge_threshold == fresh.judge_threshold
    assert s.analysis.measured_filler_recall == fresh.measured_filler_recall
    assert s.analysis.wpm_high == 170                        # a threshold the candidate can set is kept
    s.save(path)
    assert all(name not in json.loads(path.read_text()).get(group, {}) for group, name in FITTED)


@pytest.mark.parametrize(("value", "kept"), [(4.0, False), (0, False), (-20.0, False), (31.0, False), (10, True),
                                             (16.0, True), (30.0, True)])
def test_a_live_window_outside_its_range_is_reported_and_the_default_used(tmp_path, caplog, value, kept):
    """review34 finding 3: `live_window_s` at or under the catch-up's 4 s margin made finish() never return (the
    answer never saved). A settings file is held to LIVE_WINDOW_RANGE_S: outside it, the file's value is named in
    the log and the default used; inside it, the candidate's choice is kept."""
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"transcription": {"live_window_s": value, "live_step_s": 2.0}}))
    with caplog.at_level(logging.WARNING, logger="voiceprep.settings"):
        s = Settings.load(path)
    assert s.transcription.live_step_s == 2.0                   # the rest of the file is read
    if kept:
        assert s.transcription.live_window_s == value and not caplog.records
    else:
        default = Settings().transcription.live_window_s
        assert s.transcription.live_window_s == default
        message, = [r.getMessage() for r in caplog.records]
        assert f"live_window_s is {value!r}" in message and "between 10 and 30" in message, message


def test_every_bounded_settings_default_is_within_its_range():
    assert RANGES[("transcription", "live_window_s")] == LIVE_WINDOW_RANGE_S
    for (group, name), (low, high) in RANGES.items():
        assert low <= getattr(getattr(Settings(), group), name) <= high, (group, name)


def test_a_new_user_hears_the_natural_voice_and_a_chosen_voice_is_kept(tmp_path):
    """Walkthrough 9: the interviewer spoke with espeak ("Default voice") though Joe was installed. The default is
    now "auto" (the natural voice when it works here); choosing the standard voice (None) is saved and kept."""
    from voiceprep.speech.tts import AUTO_VOICE

    assert Settings().speech.voice == AUTO_VOICE
    path = tmp_path / "settings.json"
    Settings().save(path)
    assert json.loads(path.read_text()) == {}                   # a user who never chose follows the default
    s = Settings()
    s.speech.voice = None
    s.save(path)
    assert json.loads(path.read_text()) == {"speech": {"voice": None}}
    assert Settings.load(path).speech.voice is None
    path.write_text(json.dumps({"speech": {"voice": "gmw/en-us"}, "audio": {"silence_rms": None}}))
    loaded = Settings.load(path)
    assert loaded.speech.voice == "gmw/en-us" and loaded.audio.silence_rms == 0.01   # null only where None is allowed


def test_a_scores_colour_and_a_rounds_well_done_follow_the_score_bands_in_settings():
    """One place for each threshold: a score's green/amber/red (gui.widgets.common.score_color) and the round's "Well
    done" (app.scored.headline) read GOOD_SCORE / FAIR_SCORE from voiceprep/settings.py; each kept a 70 of its own."""
    from voiceprep.app.scored import headline
    from voiceprep.gui.widgets.common import BAD, GOOD, WARN, score_color
    from voiceprep.settings import FAIR_SCORE, GOOD_SCORE

    assert [score_color(s) for s in (GOOD_SCORE, GOOD_SCORE - 0.5, FAIR_SCORE, FAIR_SCORE - 0.5)] == \
        [GOOD, WARN, WARN, BAD]
    assert headline(1, 1, GOOD_SCORE, scores=[GOOD_SCORE]).startswith("Well done")
    assert not headline(1, 1, GOOD_SCORE - 0.5, scores=[GOOD_SCORE - 0.5]).startswith("Well done")


def test_no_module_gives_a_threshold_of_settings_a_value_of_its_own():
    """A module-level number under a name settings.py defines (GOOD_SCORE, COVERED_WELL, ...) or named as a score
    band (`GOOD = 70` in app/scored.py was one) outside settings.py is a twin that can drift."""
    import ast
    from pathlib import Path

    import voiceprep
    from voiceprep import settings

    package = Path(voiceprep.__file__).parent
    ours = {name for name in vars(settings) if name.isupper()}
    twins = []
    for path in sorted(package.rglob("*.py")):
        if path == Path(settings.__file__):
            continue
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.Assign) and isinstance(node.value, (ast.Constant, ast.Tuple)):
                values = node.value.elts if isinstance(node.value, ast.Tuple) else [node.value]
                names = [n.id for t in node.targets for n in ast.walk(t) if isinstance(n, ast.Name)]
                numbers = all(isinstance(v, ast.Constant) and type(v.value) in (int, float) for v in values)
                if numbers and any(n in ours or n.endswith("_SCORE") or n == "GOOD" for n in names):
                    twins.append(f"{path.relative_to(package)}:{node.lineno}: {', '.join(names)}")
    assert not twins, twins


def test_delivery_coachings_counts_are_read_from_settings():
    """fixG: how many times its warning rate a habit scores 0 (and fillers read "taking over"), the rate that reads
    "Noticeable", the least count that makes a filler the one said "most often", and the playback's silent tail in
    blocks were literals in their modules. They are named in settings.py, and the coaching follows them."""
    from voiceprep import settings
    from voiceprep.core.analysis import delivery
    from voiceprep.settings import AnalysisSettings

    HABIT_ZERO_TIMES, FILLER_LEADER_MIN = settings.HABIT_ZERO_TIMES, settings.FILLER_LEADER_MIN

    s = AnalysisSettings()
    warn = s.hedges_per_100_words_warn
    assert delivery._rated(9, HABIT_ZERO_TIMES * warn, s.hedges_min_warn, warn) == 0.0
    assert delivery._rated(9, HABIT_ZERO_TIMES * warn - 0.1, s.hedges_min_warn, warn) > 0.0
    assert delivery._leader({"like": FILLER_LEADER_MIN, "um": 1}) == ("like", FILLER_LEADER_MIN)
    assert delivery._leader({"like": FILLER_LEADER_MIN - 1}) is None
    assert settings.FILLERS_NOTICEABLE_TIMES < HABIT_ZERO_TIMES and settings.PLAYBACK_TAIL_BLOCKS >= 1
    for name in ("HABIT_ZERO_TIMES", "FILLERS_NOTICEABLE_TIMES", "FILLER_LEADER_MIN", "PLAYBACK_TAIL_BLOCKS"):
        assert isinstance(getattr(settings, name), int)


def test_no_coaching_module_multiplies_a_threshold_by_a_number_of_its_own():
    """A number times a setting's warning rate (`4 * s.fillers_per_min_warn`) or the playback's block (`2 *
    block_s`) is a threshold kept outside settings.py (fixG): the multiple is named there."""
    import ast
    from pathlib import Path

    import voiceprep

    package = Path(voiceprep.__file__).parent
    found = []
    for path in (package / "core" / "analysis" / "delivery.py", package / "speech" / "player.py"):
        tree = ast.parse(path.read_text())
        # a number times anything compared is a threshold too: "more than 2 * len(steps)" (fixH)
        compared = {id(x) for c in ast.walk(tree) if isinstance(c, ast.Compare) for x in (c.left, *c.comparators)}
        for node in ast.walk(tree):
            if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult):
                sides = (node.left, node.right)
                number = any(isinstance(x, ast.Constant) and type(x.value) in (int, float) for x in sides)
                named = [x.attr if isinstance(x, ast.Attribute) else x.id if isinstance(x, ast.Name) else ""
                         for x in sides]
                if number and (id(node) in compared or any(n.endswith("_warn") or n in ("warn", "block_s")
                                                           for n in named)):
                    found.append(f"{path.name}:{node.lineno}: {ast.unparse(node)}")
    assert not found, found


def test_the_numbers_cards_list_and_the_teams_steps_multiple_are_read_from_settings():
    """fixH: how many numbers the Numbers card quotes before "and N more" (NUMBERS_LISTED, a constant of
    delivery.py) and how many times the candidate's own steps the team's must be to read "Mostly the team's steps"
    (`2 * len(steps)`) are named in settings.py, and the cards follow them."""
    from voiceprep import settings
    from voiceprep.core.analysis import delivery
    from voiceprep.core.transcript import Transcript
    from voiceprep.settings import AnalysisSettings

    listed, times = settings.NUMBERS_LISTED, settings.TEAM_STEPS_TIMES
    s = AnalysisSettings()
    # counts of ten and more: a small count said alone is no quantified detail (review33 7)
    said = ["30 servers", "40 regions", "50 teams", "60 queues", "70 shards", "80 caches", "90 jobs"]
    assert len(said) > listed + 1

    def card(n: int) -> tuple[str, list[str]]:
        d = delivery.analyze_delivery(Transcript.from_text(f"We ran {', '.join(said[:n])}."), 120, s, timed=False)
        assert len(d.numbers) == n, d.numbers
        return next(f.summary for f in d.findings if f.name == "numbers"), d.numbers

    every, numbers = card(listed + 1)
    assert every.endswith(", ".join(numbers)) and "more" not in every, every
    some, numbers = card(len(said))
    assert some.endswith(f"{', '.join(numbers[:listed])} and {len(said) - listed} more"), some

    def ownership(steps: int, others: int) -> str:
        d = delivery.analyze_delivery(Transcript.from_text("I added it."), 120, s, timed=False)
        d.ownership = {**d.ownership, "steps": [f"I did {i}" for i in range(steps)],
                       "others": [f"we did {i}" for i in range(others)], "disowned": None}
        return delivery._ownership(d, s)[0].status

    mine = max(1, -(-s.team_steps_warn // times))        # the team's steps reach team_steps_warn at the multiple
    assert ownership(mine, times * mine + 1) == "warn"
    assert ownership(mine, times * mine) == "good"
    assert all(isinstance(getattr(settings, n), int) for n in ("NUMBERS_LISTED", "TEAM_STEPS_TIMES"))


def test_the_ending_cards_sentence_rule_and_its_quotes_are_read_from_settings():
    """review32 4: judge52's tail constants were module constants of delivery.py. How many content words a sentence
    after the last credited point shares with the answer to go on with it (`off_topic_shared_words`: it moves where
    the Ending card says the drift starts) and how many words the card quotes (TAIL_QUOTE_WORDS) are in settings."""
    from dataclasses import replace

    from voiceprep import settings
    from voiceprep.core.analysis import delivery
    from voiceprep.core.transcript import Transcript
    from voiceprep.settings import AnalysisSettings

    answer = "We moved the merchant payouts from nightly batch files onto instant rails."
    close = "Merchant payouts now arrive on instant rails within seconds."      # 4 content words shared
    talk = ("Can everyone see my screen now, I think the projector is still warming up, so bear with me while I "
            "find the right cable and the remote for it. ") * 3
    words = Transcript.from_text(f"{answer} {close} {talk}").words()
    sentences, start = [], 0
    for i, w in enumerate(words):
        if w.word.strip().endswith(".") or i == len(words) - 1:
            sentences.append((start, i))
            start = i + 1
    on_topic = [True] + [False] * (len(sentences) - 1)
    after = sentences[0][1]

    def tail(shared: int) -> dict:
        s = replace(AnalysisSettings(), off_topic_shared_words=shared)
        found = delivery.off_topic_tail(words, sentences, on_topic, after, False, s)
        assert found is not None
        return found

    shared = AnalysisSettings().off_topic_shared_words
    assert 0 < shared <= 3
    assert tail(shared)["first_word"] == sentences[2][0]            # the close goes on with the answer
    assert tail(5)["first_word"] == sentences[1][0]                 # asked to share more, it starts the drift
    quoted = tail(shared)["opens"]
    assert quoted == " ".join(w.word.strip() for w in words[sentences[2][0]:][:settings.TAIL_QUOTE_WORDS]) + "…"
    assert isinstance(settings.TAIL_QUOTE_WORDS, int) and not hasattr(delivery, "TAIL_SHARED_WORDS")


def _timings_given_as_defaults(*parts: str) -> list[str]:
    """Each number of seconds (a parameter named `..._s`) or timeout given as a parameter's default in the package's
    `parts`: a threshold kept outside settings.py."""
    import ast
    from pathlib import Path

    import voiceprep

    package = Path(voiceprep.__file__).parent
    found = []
    for path in sorted(p for part in parts for p in (package / part).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                a = node.args
                pos = [*a.posonlyargs, *a.args]
                pairs = [*zip(pos[len(pos) - len(a.defaults):], a.defaults, strict=True),
                         *((k, d) for k, d in zip(a.kwonlyargs, a.kw_defaults, strict=True) if d is not None)]
                found += [f"{path.relative_to(package)}:{node.lineno}: {node.name}({arg.arg}={d.value})"
                          for arg, d in pairs if isinstance(d, ast.Constant) and type(d.value) in (int, float)
                          and (arg.arg.endswith("_s") or "timeout" in arg.arg)]
    return found


def test_no_gui_application_or_core_wait_has_a_timeout_of_its_own():
    """fixE2 left quitting's waits as default arguments (`wait_until_started(timeout_s=5.0)`, `stop_for_quit(
    timeout_s=3.0)`): a number of seconds given as a parameter's default in gui/, app/ or core/ is a threshold kept
    outside settings.py. They are named there and the controller reads them; `History.open`'s busy timeout (10.0,
    a twin of `HistorySettings.busy_timeout_s`, fixJ) is read from there too."""
    from voiceprep import settings

    found = _timings_given_as_defaults("gui", "app", "core")
    assert not found, found
    assert settings.QUIT_WAITS_FOR_START_S > 0 and settings.QUIT_WAITS_FOR_RECORDER_S > 0


def test_the_speech_modules_timings_are_read_from_settings():
    """fixO: the player's block (`play(block_s=0.05)`) and the standard voice's wait for its WAV (`complete_wav(
    settle_s=2.0)`) were numbers of their own in speech/; they are named in settings.py and read from there."""
    import inspect

    from voiceprep import settings
    from voiceprep.speech.player import Player
    from voiceprep.speech.pyttsx3_worker import complete_wav

    assert not _timings_given_as_defaults("speech")
    assert inspect.signature(Player.play).parameters["block_s"].default == settings.PLAYBACK_BLOCK_S
    assert inspect.signature(Player.play_samples).parameters["block_s"].default == settings.PLAYBACK_BLOCK_S
    assert inspect.signature(complete_wav).parameters["settle_s"].default == settings.TTS_FILE_SETTLE_S


def test_a_history_opened_without_a_busy_timeout_waits_as_long_as_settings_say(tmp_path):
    from voiceprep.core.history import History
    from voiceprep.settings import HistorySettings

    with History.open(tmp_path / "h.sqlite3") as h:
        assert h.busy_timeout_s == HistorySettings().busy_timeout_s
        assert h.db.execute("PRAGMA busy_timeout").fetchone()[0] == int(h.busy_timeout_s * 1000)


def test_quitting_waits_for_an_answers_start_as_long_as_settings_say(qapp, monkeypatch):
    import time
    from types import SimpleNamespace

    from voiceprep.gui import controller

    monkeypatch.setattr(controller, "QUIT_WAITS_FOR_START_S", 0.2)
    starting = SimpleNamespace(_starting=True)            # a start that never ends
    began = time.monotonic()
    controller.RehearsalController.wait_until_started(starting)     # type: ignore[arg-type]
    assert 0.2 <= time.monotonic() - began < 2


def test_a_search_hits_snippet_shows_as_many_words_as_settings_say():
    """fixBQ: the snippet's length was `queries.SNIPPET_WORDS`, a number of its own outside settings.py."""
    import inspect

    from voiceprep import settings
    from voiceprep.core.history import queries

    assert "SNIPPET_WORDS =" not in inspect.getsource(queries)
    words = [f"w{i}" for i in range(40)]
    shown = queries.snippet(" ".join(words[:20] + ["kafka"] + words[20:]), "kafka")
    assert len(shown.strip("…").split()) == settings.SNIPPET_WORDS and "[kafka]" in shown, shown


def test_how_many_words_may_stand_between_a_searched_figure_and_its_unit_is_read_from_settings(monkeypatch):
    """fixBU (walk48/fixBR leftovers): `units.WORDS_BETWEEN` was a threshold outside settings.py."""
    import inspect

    from voiceprep import settings
    from voiceprep.core.history import units

    assert "WORDS_BETWEEN =" not in inspect.getsource(units)
    text = "we had 48 Kafka topic partitions"
    assert not units.spans(text, ["48"], "partitions")         # two words between: not at 1
    monkeypatch.setattr(settings, "FIGURE_WORDS_BETWEEN", 2)
    assert units.spans(text, ["48"], "partitions")


LAYOUT_SETTINGS = {   # module under voiceprep: the layout sizes it reads from voiceprep/settings.py
    "gui.widgets.practice": ("FEEDBACK_MIN_LINES", "FEEDBACK_FIT_LINES", "RECAP_LARGE", "DRILL_LABEL_CHARS",
                             "BANK_PROBLEM_CHARS"),
    "app.question_names": ("DRILL_QUESTION_CHARS", "DRILL_OPENING_WORDS"),     # Drill next's question names (fixCI)
    "gui.widgets.history": ("HISTORY_NARROW_PX", "HISTORY_SEARCH_FRAME_PX"),
    "gui.widgets.progress": ("PROGRESS_QUESTION_CHARS",),
}


@pytest.mark.parametrize("module, names", LAYOUT_SETTINGS.items())
def test_the_layouts_sizes_are_in_settings_not_in_their_widgets(module, names):
    """fixBP noticed: the feedback's lines, the welcome back's large-window size and History's narrow width were
    numbers of their own in the widgets; fixCB: History's search frame, the progress line's and the drill's question
    lengths too. Each is in settings.py, one place: the widget imports it from there, uses it, and assigns no number of
    its own to it (fixCB: an `is` between two small ints, always true, was the test before)."""
    import ast
    import importlib
    import inspect

    from voiceprep import settings

    widget = importlib.import_module(f"voiceprep.{module}")
    tree = ast.parse(inspect.getsource(widget))
    imported = {a.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module == "voiceprep.settings"
                for a in node.names}
    assigned = {t.id for node in ast.walk(tree) if isinstance(node, (ast.Assign, ast.AnnAssign))
                for t in (node.targets if isinstance(node, ast.Assign) else [node.target]) if isinstance(t, ast.Name)}
    used = [node.id for node in ast.walk(tree) if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)]
    for name in names:
        assert hasattr(settings, name), name
        assert name in imported, f"{module} does not import {name} from voiceprep.settings"
        assert name not in assigned, f"{module} sets {name} itself"
        assert name in used, f"{module} imports {name} but does not use it"
    numbers = {t.id for node in ast.walk(tree) if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
               and isinstance(node.value.value, (int, float)) for t in node.targets if isinstance(t, ast.Name)}
    assert not {n for n in numbers if n.endswith(("_CHARS", "_PX", "_LINES"))}, f"{module} keeps a layout size of its own"


def test_the_layout_settings_values():
    from voiceprep import settings

    assert settings.FEEDBACK_MIN_LINES > settings.FEEDBACK_FIT_LINES > 0 and len(settings.RECAP_LARGE) == 3
    # relations a tuned value must keep, not the values again (read39b 11)
    assert 0 < settings.HISTORY_SEARCH_FRAME_PX < settings.HISTORY_NARROW_PX
    assert 0 < settings.DRILL_QUESTION_CHARS < settings.PROGRESS_QUESTION_CHARS
    assert settings.DRILL_OPENING_WORDS >= 2          # a shared opening is two words or more (app.question_names.short_questions)

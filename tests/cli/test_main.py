"""The `voiceprep` entry point: whatever goes wrong, the user reads one line, the log keeps the details."""

from __future__ import annotations

from voiceprep.cli import main as cli_main


def test_an_unexpected_error_is_one_line_and_the_log_has_the_traceback(capsys, monkeypatch, data_home):
    def boom(args):
        raise ZeroDivisionError("division by zero")

    build = cli_main.build_parser

    def parser_with_boom():
        parser = build()
        parse = parser.parse_args

        def parse_args(argv=None):
            args = parse(argv)
            args.func = boom
            return args
        parser.parse_args = parse_args
        return parser

    monkeypatch.setattr(cli_main, "build_parser", parser_with_boom)
    assert cli_main.main(["doctor"]) == 70
    err = capsys.readouterr().err
    assert "Traceback" not in err and "unexpected error (ZeroDivisionError" in err
    assert "Traceback" in (data_home / "voiceprep.log").read_text()



def test_an_unexpected_error_with_an_unwritable_data_folder_names_a_log_that_exists(capsys, monkeypatch, tmp_path):
    """walk39 5: "Details are in the log" named the file that could not be written (a read-only data folder)."""
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("VOICEPREP_HOME", str(blocker / "home"))
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    try:
        raise ZeroDivisionError("division by zero")
    except ZeroDivisionError as exc:
        assert cli_main.report_unexpected(exc) == 70
    err = capsys.readouterr().err
    logs = list(tmp_path.glob("voiceprep-error-*.log"))
    assert len(logs) == 1 and str(logs[0]) in err and "Traceback" in logs[0].read_text()

def test_every_option_of_every_command_says_what_it_does():
    """Walk24: `voiceprep score --help` listed --bank, --prompt, --audio, --text-file and --json with no word of what
    they take or do. Every option and argument of every command has a help text."""
    import argparse

    def bare(parser: argparse.ArgumentParser, name: str) -> list[str]:
        out = []
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for sub, p in action.choices.items():
                    out += bare(p, f"{name} {sub}")
            elif not action.help and not isinstance(action, argparse._HelpAction):
                out.append(f"{name} {'/'.join(action.option_strings) or action.dest}")
        return out
    assert bare(cli_main.build_parser(), "voiceprep") == []


def test_ctrl_c_while_the_model_works_ends_the_process_at_once(capsys, monkeypatch):
    """walk48 3: "interrupted", then the prompt back 16 s later: the interpreter's exit waited for the model's pass
    in flight. While a pass runs the process ends at once, status 130; otherwise main returns 130 as before."""
    from voiceprep.cli import speech_cmd

    def interrupted(args):
        raise KeyboardInterrupt

    exits: list[int] = []

    class Exited(Exception):
        pass

    def fake_exit(code):
        exits.append(code)
        raise Exited

    build = cli_main.build_parser

    def parser_interrupted():
        parser = build()
        parse = parser.parse_args
        parser.parse_args = lambda argv=None: setattr(args := parse(argv), "func", interrupted) or args
        return parser

    monkeypatch.setattr(cli_main, "build_parser", parser_interrupted)
    monkeypatch.setattr(cli_main.os, "_exit", fake_exit)
    monkeypatch.setattr(speech_cmd, "decoding", lambda: False)
    assert cli_main.main(["doctor"]) == 130 and exits == []
    monkeypatch.setattr(speech_cmd, "decoding", lambda: True)
    try:
        cli_main.main(["doctor"])
    except Exited:
        pass
    assert exits == [130] and capsys.readouterr().err.count("voiceprep: interrupted") == 2

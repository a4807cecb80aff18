"""Entry point for `voiceprep` and `python -m voiceprep`. No arguments opens the GUI."""

from __future__ import annotations

import argparse
import logging
import os
import sys

from voiceprep import __version__
from voiceprep.cli.common import CliError, emit_error


def _commands() -> list:
    """The command modules, imported only when a command line is parsed: `history_cmd` pulls in the judge, numpy and
    the history database, which the GUI's starting window must not wait for (read46c 1, walk62 4)."""
    from voiceprep.cli import banks_cmd, desktop_cmd, doctor_cmd, history_cmd, score_cmd, speech_cmd

    return [banks_cmd, doctor_cmd, speech_cmd, score_cmd, history_cmd, desktop_cmd]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="voiceprep", description="Rehearse interview answers out loud, offline. "
        "Run with no command to open the app.")
    parser.add_argument("--version", action="version", version=f"voiceprep {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in _commands():
        module.register(sub)
    sub.add_parser("gui", help="open the desktop app (the default)").set_defaults(func=_gui)
    return parser


def _gui(args) -> int:
    from voiceprep.gui.app import run

    return run()


def main(argv: list[str] | None = None) -> int:
    given = sys.argv[1:] if argv is None else argv
    if [a for a in given if a not in ("-v", "--verbose")] in ([], ["gui"]):
        # the app: straight to its starting window, no command module imported first (read46c 1)
        args = argparse.Namespace(verbose=any(a in ("-v", "--verbose") for a in given), func=_gui)
    else:
        args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    func = getattr(args, "func", None) or _gui
    from voiceprep.app import memory

    memory.limit_arenas()       # long files and sessions stay flat (voiceprep/app/memory.py)
    try:
        return int(func(args) or 0)
    except CliError as exc:
        emit_error(f"voiceprep: error: {exc}")
        return 1
    except BrokenPipeError:  # output piped into `head` and closed
        return 0
    except KeyboardInterrupt:
        print("voiceprep: interrupted", file=sys.stderr)
        from voiceprep.cli import speech_cmd

        if speech_cmd.decoding():
            # the model's pass, given up, runs on to its stage's end (seconds under load) and the interpreter's exit
            # would wait for it (walk48 3: 16 s); nothing is being saved then: end the process now (fixBR)
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(130)
        return 130
    except Exception as exc:  # the last resort: a message and the log, never a traceback
        return report_unexpected(exc)


def report_unexpected(exc: BaseException) -> int:
    """Write the traceback to the log file and tell the user in one line where it is."""
    import traceback

    where = "the log"
    try:
        from voiceprep import paths

        log_file = paths.log_path()
        with open(log_file, "a", encoding="utf-8") as f:
            f.write("".join(traceback.format_exception(exc)))
        where = str(log_file)
    except OSError:    # the data folder cannot be written (read-only, full: walk39 5): a temporary file instead
        import tempfile

        try:
            with tempfile.NamedTemporaryFile("w", prefix="voiceprep-error-", suffix=".log", delete=False,
                                             encoding="utf-8") as tmp:
                tmp.write("".join(traceback.format_exception(exc)))
            where = tmp.name
        except OSError:
            traceback.print_exception(exc, file=sys.stderr)
            where = "the lines above"
    emit_error(f"voiceprep: unexpected error ({type(exc).__name__}: {exc}). Nothing you saved is affected. "
               f"Details are in {where}; please include them if you report this.")
    return 70


if __name__ == "__main__":
    sys.exit(main())

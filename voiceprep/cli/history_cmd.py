"""`voiceprep history ...`: list, show, search, stats, compare, export, import, delete."""

from __future__ import annotations

from pathlib import Path

from voiceprep.cli.common import CliError, print_json
from voiceprep.core.history import History, HistoryError, export, queries


def register(sub) -> None:
    h = sub.add_parser("history", help="review, search and compare past attempts")
    hs = h.add_subparsers(dest="history_command", metavar="ACTION", required=True)
    p = hs.add_parser("list", help="recent attempts")
    p.add_argument("--bank")
    p.add_argument("--prompt")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)
    p = hs.add_parser("show", help="one attempt in full")
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show)
    p = hs.add_parser("search", help="full-text search over transcripts")
    p.add_argument("text", nargs="+")
    p.set_defaults(func=cmd_search)
    p = hs.add_parser("stats", help="progress, hit rates and weak points")
    p.add_argument("--bank")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_stats)
    p = hs.add_parser("compare", help="two attempts of one prompt")
    p.add_argument("id1", type=int)
    p.add_argument("id2", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_compare)
    p = hs.add_parser("export", help="export as Markdown, JSON or CSV")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--round", type=int, dest="round_pk")
    which.add_argument("--attempt", type=int)
    which.add_argument("--all", action="store_true")
    p.add_argument("--format", choices=("md", "json", "csv"), required=True)
    p.add_argument("--out", type=Path)
    p.set_defaults(func=cmd_export)
    p = hs.add_parser("import", help="import a JSON export (attempts already present are skipped)")
    p.add_argument("file", type=Path)
    p.set_defaults(func=cmd_import)
    p = hs.add_parser("delete", help="delete an attempt and its audio")
    p.add_argument("id", type=int)
    p.set_defaults(func=cmd_delete)


def _open() -> History:
    try:
        return History.open()
    except HistoryError as exc:
        raise CliError(str(exc)) from None


def _run(fn):
    with _open() as h:
        try:
            return fn(h)
        except HistoryError as exc:
            raise CliError(str(exc)) from None


def _score(v) -> str:
    return "  -" if v is None else f"{v:3.0f}"


def cmd_list(args) -> int:
    def go(h):
        rows = queries.list_attempts(h, bank=args.bank, prompt=args.prompt, limit=args.limit)
        if args.json:
            return print_json(rows)
        if not rows:
            print("No attempts yet. Rehearse in the app, or: voiceprep score ... --save")
        for r in rows:
            state = r["state"] if r["state"] != "done" else ""
            print(f"{r['id']:5}  {r['started_at'][:16].replace('T', ' ')}  {_score(r['overall'])}  "
                  f"{(r['duration_s'] or 0):4.0f}s  {r['bank_id']}/{r['prompt_id']}  {state}")
    _run(go)
    return 0


def cmd_show(args) -> int:
    def go(h):
        if args.json:
            return print_json(queries.get_attempt(h, args.id))
        print(export.to_markdown(h, [args.id]))
    _run(go)
    return 0


def cmd_search(args) -> int:
    def go(h):
        rows = queries.search(h, " ".join(args.text))
        if not rows:
            print("No transcript matches.")
        for r in rows:
            print(f"{r['id']:5}  {r['started_at'][:10]}  {r['bank_id']}/{r['prompt_id']}: {r['snippet']}")
    _run(go)
    return 0


def cmd_stats(args) -> int:
    def go(h):
        s = queries.stats(h, args.bank)
        if args.json:
            return print_json(s)
        print(f"{s['attempts']} attempts, {s['minutes_spoken'] or 0} minutes spoken; average overall "
              f"{s['avg_overall'] or 0}, best {s['best_overall'] or 0}")
        print(f"Recent 5 vs the 5 before: overall {s['recent']['overall']} vs {s['earlier']['overall']}, "
              f"pace {s['recent']['wpm']} vs {s['earlier']['wpm']} wpm, fillers/min "
              f"{s['recent']['fillers_per_min']} vs {s['earlier']['fillers_per_min']}")
        for cid, c in s["competencies"].items():
            print(f"  {cid:32} latest {c['latest']:5.0f}  average {c['average']:5.1f}  ({c['attempts']} attempts)")
        for bank, weak in s["weak_points"].items():
            if weak:
                print(f"Most missed in {bank}:")
                for w in weak:
                    print(f"  hit {w['hits']} of {w['attempts']}  {w['prompt_id']}: {w['label']}")
    _run(go)
    return 0


def cmd_compare(args) -> int:
    def go(h):
        c = queries.compare(h, args.id1, args.id2)
        if args.json:
            return print_json(c)
        print(f"Attempt {c['first']} -> {c['second']} ({c['prompt_id']})")
        for name, m in c["metrics"].items():
            delta = "" if m["delta"] is None else f"  ({m['delta']:+g})"
            print(f"  {name:10} {m['first']} -> {m['second']}{delta}")
        for label in c["gained"]:
            print(f"  + {label}")
        for label in c["lost"]:
            print(f"  - {label}")
        print("Transcript changes:")
        for d in c["diff"]:
            if d["op"] != "equal":
                print(f"  {d['op']:8} [{d['first']}] -> [{d['second']}]")
    _run(go)
    return 0


def cmd_export(args) -> int:
    def go(h):
        ids = export.select_ids(h, attempt=args.attempt, round_pk=args.round_pk, all_=args.all)
        text = export.render(h, ids, args.format)
        if args.out:
            args.out.write_text(text, encoding="utf-8")
            print(f"wrote {len(ids)} attempt(s) to {args.out}")
        else:
            print(text)
    _run(go)
    return 0


def cmd_import(args) -> int:
    def go(h):
        try:
            text = args.file.read_text(encoding="utf-8")
        except OSError as exc:
            raise CliError(f"{args.file}: cannot read ({exc.strerror})") from None
        result = export.import_json(h, text, str(args.file))
        print(f"imported {result['added']} attempt(s); {result['skipped']} already present")
    _run(go)
    return 0


def cmd_delete(args) -> int:
    def go(h):
        h.delete_attempt(args.id)
        print(f"deleted attempt {args.id} and its audio")
    _run(go)
    return 0

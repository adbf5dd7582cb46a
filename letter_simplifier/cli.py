"""Command line: `letter-simplifier explain FILE`, `evaluate DIR`, `serve`,
`glossary ...` (see glossary/cli.py), `check FILE` (see readability/cli.py)."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from datetime import date
from pathlib import Path

from .errors import LetterError
from .glossary import cli as glossary_cli
from .jobs import worker as worker_cli
from .readability import cli as readability_cli


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text}") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="letter-simplifier",
                                     description="Explain Dutch government letters in plain Dutch.")
    sub = parser.add_subparsers(dest="command", required=True)

    explain = sub.add_parser("explain", help="explain one letter (PDF, photo or text)")
    explain.add_argument("file", type=Path)
    explain.add_argument("--json", action="store_true", help="print the JSON contract")
    explain.add_argument("-o", "--output", type=Path, help="write sheet + original as PDF")
    explain.add_argument("--html", type=Path, help="write the sheet as HTML")
    explain.add_argument("--today", type=parse_day, help="fix today's date (YYYY-MM-DD)")
    explain.add_argument("--received", type=parse_day, metavar="YYYY-MM-DD",
                         help="the day the letter arrived: terms counted from receipt get a date")

    evaluate = sub.add_parser("evaluate", help="measure accuracy on letters with expected JSON")
    evaluate.add_argument("folder", type=Path, help="a folder tree of letters (e.g. samples/)")
    evaluate.add_argument("--split", choices=("dev", "blind", "all"), default="all",
                          help="the dev letters, the blind ones (samples/README.md), or all")
    evaluate.add_argument("--origin", choices=("real", "team", "sample"),
                          help="only letters of this origin (the corpus manifest's column)")
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")
    evaluate.add_argument("--details", action="store_true",
                          help="per letter: what was missed, extra or wrong")
    evaluate.add_argument("--lint", action="store_true",
                          help="only check the expected files against their letters")

    serve = sub.add_parser("serve", help="run the web app (development server)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=5000)

    glossary_cli.add_parser(sub)
    worker_cli.add_parser(sub)
    readability_cli.add_parser(sub)
    return parser


def run_explain(args: argparse.Namespace) -> int:
    from .pipeline import explain_letter
    from .render import render_html, render_pdf

    try:
        data = args.file.read_bytes()
    except OSError:
        print("Het bestand bestaat niet of kan niet worden geopend.", file=sys.stderr)
        print("error: file_not_found", file=sys.stderr)
        return 2
    result = explain_letter(data, args.file.name, today=args.today, received=args.received)
    if args.output:
        args.output.write_bytes(render_pdf(result.explanation, result.document))
    if args.html:
        args.html.write_text(render_html(result.explanation), encoding="utf-8")
    if args.json or not (args.output or args.html):
        print(json.dumps(result.contract(), ensure_ascii=False, indent=2))
    return 0


def run_evaluate(args: argparse.Namespace) -> int:
    from .evaluate import evaluate_letters, find_letters, format_table, lint_tree

    if args.lint:
        found = lint_tree(args.folder)
        print("\n".join(found) if found else "no problems")
        return 1 if found else 0
    letters = [letter for letter in find_letters(args.folder, args.split)
               if args.origin in (None, letter.origin)]
    report = evaluate_letters(letters, args.split)
    if args.json:
        print(json.dumps(report.as_dict(details=args.details), ensure_ascii=False, indent=2))
    else:
        print(format_table(report, details=args.details))
    return 0 if report.letters else 1


def run_serve(args: argparse.Namespace) -> int:
    from .web import create_app

    create_app().run(host=args.host, port=args.port)
    return 0


LETTER_FILES = (".txt", ".pdf", ".docx", ".jpg", ".jpeg", ".png", ".heic", ".tif", ".tiff")


def letter_files(folder: Path, split: str) -> list[Path]:
    """The letters under `folder`, one file per letter (the .txt beside a .pdf).
    In a corpus (letters with an expected file) only those of the split."""
    from .evaluate.corpus import find_letters

    corpus = find_letters(folder, split)
    if corpus or split != "all":
        paths = [letter.path for letter in corpus]
    else:
        paths = [p for p in folder.rglob("*") if p.suffix.lower() in LETTER_FILES
                 and p.is_file()]
    by_letter: dict[Path, Path] = {}
    for path in sorted(paths, key=lambda p: (p.with_suffix(""), p.suffix != ".txt")):
        by_letter.setdefault(path.with_suffix(""), path)
    return list(by_letter.values())


def run_candidates(args: argparse.Namespace) -> int:

    from .analyse import matcher_for
    from .glossary.candidates import find_candidates
    from .glossary.store import load_glossary
    from .readability.draft import read_draft

    if not args.letters.is_dir():
        print(f"{args.letters} is geen map.", file=sys.stderr)
        return 2
    texts, unread = [], []
    for path in letter_files(args.letters, args.split):
        try:
            texts.append(read_draft(path.read_bytes(), path.name).text)
        except LetterError as error:
            unread.append(f"{path.name}: {error.code}")
    found = find_candidates(texts, matcher_for(load_glossary(args.folder)), limit=args.top)
    if args.json:
        print(json.dumps({"letters": len(texts), "unread": unread,
                          "candidates": [c.__dict__ for c in found]},
                         ensure_ascii=False, indent=2))
        return 0
    print(f"{len(texts)} brieven gelezen. Woorden die niet in de woordenlijst staan, "
          f"de nuttigste eerst:")
    for rank, c in enumerate(found, 1):
        print(f"{rank:3}. {c.text}  ({c.count}x in {c.letters} "
              f"{'brief' if c.letters == 1 else 'brieven'}, zipf {c.zipf:.1f})")
        print(f"     \"{c.example}\"")
    for line in unread:
        print(f"Niet gelezen: {line}", file=sys.stderr)
    return 0


def run_glossary(args: argparse.Namespace) -> int:
    if args.glossary_command == "candidates":
        return run_candidates(args)
    return glossary_cli.run(args)


COMMANDS = {"explain": run_explain, "evaluate": run_evaluate, "serve": run_serve,
            "glossary": run_glossary, "check": readability_cli.run,
            "worker": worker_cli.run}


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except LetterError as error:
        print(error.message, file=sys.stderr)
        print(f"error: {error.code}", file=sys.stderr)
        return error.exit_code


if __name__ == "__main__":
    sys.exit(main())

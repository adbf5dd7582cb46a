"""`letter-simplifier check FILE [--json] [--before OLD] [--no-parser]`:
the readability check of a draft from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

LEVEL_NAMES = {0: "-", 1: "1", 2: "2", 3: "3", 4: "4"}


def add_parser(sub) -> None:
    check = sub.add_parser("check", help="readability check of a draft (docx, PDF or text)")
    check.add_argument("file", type=Path)
    check.add_argument("--json", action="store_true", help="print the report as JSON")
    check.add_argument("--before", type=Path,
                       help="an earlier version: compare the two side by side")
    check.add_argument("--no-parser", action="store_true",
                       help="skip Frog (no LiNT score; faster)")


def read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        print(f"Het bestand {path.name} bestaat niet of kan niet worden geopend.", file=sys.stderr)
        print("error: file_not_found", file=sys.stderr)
        return None


def run(args: argparse.Namespace) -> int:
    from . import check_file, compare

    parser = None if args.no_parser else "auto"
    data = read(args.file)
    if data is None:
        return 2
    report = check_file(data, args.file.name, parser=parser)
    if args.before:
        old = read(args.before)
        if old is None:
            return 2
        comparison = compare(check_file(old, args.before.name, parser=parser), report)
        if args.json:
            print(json.dumps(comparison.to_dict(), ensure_ascii=False, indent=2))
        else:
            print(format_comparison(comparison))
        return 0
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(format_report(report))
    return 0


def number(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def format_report(report) -> str:
    lines = [f"Leesbaarheid van {report.filename}"]
    if report.lint:
        lines.append(f"  LiNT-score {report.lint.score:.1f} (niveau {report.lint.level} van 4; "
                     f"doel B1: {'gehaald' if report.meets_b1 else 'niet gehaald'})")
    lines.append(f"  Flesch-Douma {number(report.flesch_douma)}, "
                 f"Leesindex Brouwer {number(report.brouwer)}")
    counts = report.counts
    lines.append(f"  {counts.sentences} zinnen, {counts.words} woorden, "
                 f"{counts.words_per_sentence:.1f} woorden per zin")
    lines.extend(f"  Let op: {note}" for note in report.notes)
    for sentence in report.sentences:
        if not sentence.flags:
            continue
        lines.append(f"\nZin {sentence.index + 1} (niveau {LEVEL_NAMES[sentence.level]}): "
                     f"{' '.join(sentence.text.split())[:100]}")
        for flag in sentence.flags:
            lines.append(f"  - {flag.title}: {flag.found[:60]}")
            lines.append(f"    {flag.why}")
            lines.append(f"    {flag.todo}")
    return "\n".join(lines)


def format_comparison(comparison) -> str:
    lines = ["| score | voor | na | verschil | oordeel |", "| --- | ---: | ---: | ---: | --- |"]
    for change in comparison.changes:
        diff = "-" if change.change is None else f"{change.change:+.1f}"
        lines.append(f"| {change.name} | {number(change.before)} | {number(change.after)} "
                     f"| {diff} | {change.verdict} |")
    return "\n".join(lines)

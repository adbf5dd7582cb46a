"""Measure extraction accuracy on letters with a hand-checked expected JSON.

`evaluate_tree(root, split)` explains every letter under `root` (see
`corpus.py` for the layout and the blind split) and compares its JSON contract
with `<name>.expected.json` (see `expected.py`), field by field (`match.py`).
Precision and recall are summed over all letters (micro); one-value fields
(letter date, sender kind and name, objection) give an accuracy.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..errors import LetterError
from .corpus import Letter, find_letters
from .expected import problems
from .match import Match, compare_lists, compare_singles

LIST_FIELDS = ("deadlines", "deadline_purposes", "amounts", "amount_values", "actions",
               "references", "reference_kinds", "terms")
SINGLE_FIELDS = ("letter_date", "sender_kind", "sender_name", "objection_possible",
                 "letter_kind")
TODAY = date(2026, 1, 1)  # fixed, so a run is reproducible


def one_line(text: str) -> str:
    return " ".join(str(text).split())


@dataclass
class LetterResult:
    letter: Letter
    lists: dict[str, Match] = field(default_factory=dict)
    singles: dict[str, tuple] = field(default_factory=dict)
    error: str | None = None

    @property
    def label(self) -> str:
        return f"{self.letter.path.relative_to(self.letter.path.parents[1])}"

    def details(self) -> list[str]:
        lines = [f"{self.label} [{self.letter.split}, {self.letter.origin}]"
                 + (f": failed: {self.error}" if self.error else "")]
        for name, (want, got, right) in self.singles.items():
            if not right:
                lines.append(f"  {name}: want {want!r}, got {got!r}")
        for name, match in self.lists.items():
            if name in ("deadline_purposes", "reference_kinds", "amount_values"):
                continue
            lines += [f"  {name}: missed {one_line(item)}" for item in match.missed]
            lines += [f"  {name}: extra {one_line(item)}" for item in match.extra]
        return lines if len(lines) > 1 else []

    def as_dict(self) -> dict:
        return {"letter": str(self.letter.path), "split": self.letter.split,
                "origin": self.letter.origin, "error": self.error,
                "wrong": {name: {"want": want, "got": got}
                          for name, (want, got, right) in self.singles.items() if not right},
                "missed": {name: m.missed for name, m in self.lists.items() if m.missed},
                "extra": {name: m.extra for name, m in self.lists.items() if m.extra}}


@dataclass
class Report:
    split: str = "all"
    results: list[LetterResult] = field(default_factory=list)

    @property
    def scored(self) -> list[LetterResult]:
        """Every letter; one that failed counts with nothing found."""
        return self.results

    @property
    def failed(self) -> list[str]:
        return [f"{r.label}: {r.error}" for r in self.results if r.error]

    @property
    def letters(self) -> int:
        return len(self.scored)

    @property
    def fields(self) -> dict[str, Match]:
        """Per field, the sums over all letters (micro)."""
        scores = {name: Match() for name in LIST_FIELDS}
        for result in self.scored:
            for name, match in result.lists.items():
                scores[name].add(match)
        return scores

    @property
    def accuracy(self) -> dict[str, tuple[int, int]]:
        counts = {name: (0, 0) for name in SINGLE_FIELDS}
        for result in self.scored:
            for name, (_, _, right) in result.singles.items():
                hits, total = counts[name]
                counts[name] = (hits + right, total + 1)
        return counts

    def misses(self, field_name: str) -> list[str]:
        return [f"{r.label}: missed {item}" for r in self.scored
                for item in r.lists[field_name].missed]

    def as_dict(self, details: bool = False) -> dict:
        data = {
            "split": self.split,
            "letters": self.letters,
            "failed": self.failed,
            "fields": {name: {"precision": round(s.precision, 3), "recall": round(s.recall, 3),
                              "found": s.found, "expected": s.expected}
                       for name, s in self.fields.items()},
            "accuracy": {name: round(hits / total, 3) if total else None
                         for name, (hits, total) in self.accuracy.items()},
        }
        if details:
            data["per_letter"] = [r.as_dict() for r in self.results]
        return data


def evaluate_letter(letter: Letter, today: date = TODAY) -> LetterResult:
    from ..pipeline import explain_letter

    expected = json.loads(letter.expected_path.read_text(encoding="utf-8"))
    result = LetterResult(letter)
    try:
        actual = explain_letter(letter.path.read_bytes(), letter.path.name,
                                today=today).contract()
    except LetterError as error:
        # The reader gets no sheet: everything in the letter counts as missed.
        result.error = error.code
        actual = {}
    result.lists = compare_lists(expected, actual)
    result.singles = compare_singles(expected, actual)
    return result


def evaluate_letters(letters: list[Letter], split: str = "all", today: date = TODAY) -> Report:
    return Report(split=split, results=[evaluate_letter(letter, today) for letter in letters])


def evaluate_tree(root: Path, split: str = "all", today: date = TODAY) -> Report:
    """Explain and score every letter under `root` in `split` (dev, blind or all)."""
    return evaluate_letters(find_letters(root, split), split, today)


def lint_tree(root: Path) -> list[str]:
    """Every problem of every expected file under `root` (see `expected.problems`)."""
    found = []
    for letter in find_letters(root):
        if letter.path.suffix != ".txt":
            continue
        expected = json.loads(letter.expected_path.read_text(encoding="utf-8"))
        text = letter.path.read_text(encoding="utf-8")
        found += [f"{letter.path}: {problem}" for problem in problems(expected, text)]
    return found


def format_table(report: Report, details: bool = False) -> str:
    lines = [f"split: {report.split}, letters: {report.letters}"
             + (f", of which failed: {len(report.failed)} (counted as finding nothing)"
                if report.failed else ""),
             "",
             "| field | precision | recall | found | expected |",
             "| --- | ---: | ---: | ---: | ---: |"]
    for name, s in report.fields.items():
        lines.append(f"| {name} | {s.precision:.3f} | {s.recall:.3f} | {s.found} "
                     f"| {s.expected} |")
    lines += ["", "| field | accuracy | letters |", "| --- | ---: | ---: |"]
    for name, (hits, total) in report.accuracy.items():
        if total:
            lines.append(f"| {name} | {hits / total:.3f} | {total} |")
    if report.failed:
        lines += ["", *[f"failed: {f}" for f in report.failed]]
    if details:
        for result in report.results:
            shown = result.details()
            lines += ["", *shown] if shown else []
    return "\n".join(lines)

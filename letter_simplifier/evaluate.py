"""Measure extraction accuracy on letters with a hand-checked expected JSON.

For every `<name>.txt|pdf` beside a `<name>.expected.json`, the letter is
explained and each field is compared as a multiset of keys: deadlines by last
day, amounts by value and role, actions by verb, references by kind and text,
terms by term. Precision and recall are summed over all letters (micro).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .analyse.references import mask_bsn
from .errors import LetterError
from .pipeline import explain_letter

FIELDS = ("deadlines", "deadline_purposes", "amounts", "actions", "references", "terms")
# "deadline_purposes" compares the deadlines again, now by last day and what they are for.
SOURCE_FIELD = {"deadline_purposes": "deadlines"}
SINGLE_FIELDS = ("letter_date", "sender_kind", "letter_kind", "objection")


def ref_key(ref: dict) -> tuple:
    text = ref["text"]
    if ref["kind"] == "bsn" and not text.startswith("*"):
        text = mask_bsn(text)
    if ref["kind"] in ("iban", "betalingskenmerk"):
        text = text.replace(" ", "").replace(".", "")
    return (ref["kind"], text)


KEYS = {
    "deadlines": lambda d: d["last_day"],
    "deadline_purposes": lambda d: (d["last_day"], d["for"]),
    "amounts": lambda a: (round(float(a["value"]), 2), a["role"]),
    "actions": lambda a: a["verb"],
    "references": ref_key,
    "terms": lambda t: (t if isinstance(t, str) else t["term"]).lower(),
}


def single_values(contract: dict) -> dict:
    return {
        "letter_date": contract.get("letter_date"),
        "sender_kind": (contract.get("sender") or {}).get("kind"),
        "letter_kind": contract.get("letter_kind"),
        "objection": (bool((contract.get("objection") or {}).get("possible")),
                      (contract.get("objection") or {}).get("deadline")),
    }


@dataclass
class FieldScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Report:
    letters: int = 0
    failed: list[str] = field(default_factory=list)
    fields: dict[str, FieldScore] = field(default_factory=lambda: {f: FieldScore()
                                                                   for f in FIELDS})
    singles: dict[str, list[int]] = field(default_factory=lambda: {f: [0, 0]
                                                                   for f in SINGLE_FIELDS})

    def as_dict(self) -> dict:
        return {
            "letters": self.letters,
            "failed": self.failed,
            "fields": {name: {"precision": round(s.precision, 3), "recall": round(s.recall, 3),
                              "tp": s.tp, "fp": s.fp, "fn": s.fn}
                       for name, s in self.fields.items()},
            "accuracy": {name: round(right / total, 3) if total else None
                         for name, (right, total) in self.singles.items()},
        }


def letter_files(folder: Path) -> list[tuple[Path, Path]]:
    pairs = []
    for expected in sorted(folder.glob("*.expected.json")):
        stem = expected.name[: -len(".expected.json")]
        for suffix in (".pdf", ".txt"):
            letter = folder / f"{stem}{suffix}"
            if letter.exists():
                pairs.append((letter, expected))
    return pairs


def compare(report: Report, name: str, actual: dict, expected: dict) -> None:
    for field_name in FIELDS:
        source = SOURCE_FIELD.get(field_name, field_name)
        if source not in expected:
            continue
        key = KEYS[field_name]
        want = Counter(key(item) for item in expected[source])
        got = Counter(key(item) for item in actual.get(source, []))
        score = report.fields[field_name]
        hit = want & got
        score.tp += sum(hit.values())
        score.fp += sum((got - want).values())
        score.fn += sum((want - got).values())
        score.misses += [f"{name}: missed {k}" for k in (want - got).elements()]
        score.misses += [f"{name}: extra {k}" for k in (got - want).elements()]
    want_single, got_single = single_values(expected), single_values(actual)
    for field_name in SINGLE_FIELDS:
        if field_name == "sender_kind" and "sender" not in expected:
            continue
        if field_name != "sender_kind" and field_name not in expected:
            continue
        right, total = report.singles[field_name]
        report.singles[field_name] = [right + (want_single[field_name] == got_single[field_name]),
                                      total + 1]


def evaluate_folder(folder: Path, today: date | None = None) -> Report:
    report = Report()
    for letter, expected_path in letter_files(folder):
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        try:
            result = explain_letter(letter.read_bytes(), letter.name,
                                    today=today or date(2026, 1, 1))
        except LetterError as error:
            report.failed.append(f"{letter.name}: {error.code}")
            continue
        report.letters += 1
        compare(report, letter.name, result.contract(), expected)
    return report


def format_table(report: Report, verbose: bool = False) -> str:
    lines = [f"letters: {report.letters}" + (f", failed: {len(report.failed)}"
                                             if report.failed else ""),
             "",
             "| field | precision | recall | found | expected |",
             "| --- | ---: | ---: | ---: | ---: |"]
    for name, s in report.fields.items():
        lines.append(f"| {name} | {s.precision:.3f} | {s.recall:.3f} | {s.tp + s.fp} "
                     f"| {s.tp + s.fn} |")
    lines += ["", "| field | accuracy | letters |", "| --- | ---: | ---: |"]
    for name, (right, total) in report.singles.items():
        if total:
            lines.append(f"| {name} | {right / total:.3f} | {total} |")
    if report.failed:
        lines += ["", *[f"failed: {f}" for f in report.failed]]
    if verbose:
        lines.append("")
        for name, s in report.fields.items():
            lines += [f"{name}: {m}" for m in s.misses]
    return "\n".join(lines)

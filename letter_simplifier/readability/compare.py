"""Two versions of a letter side by side: every score before and after, and
whether the change helps the reader."""

from __future__ import annotations

from dataclasses import dataclass

from .report import Report


@dataclass(frozen=True)
class ScoreChange:
    name: str  # Dutch label for the page
    key: str
    before: float | None
    after: float | None
    higher_is_better: bool

    @property
    def change(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before

    @property
    def verdict(self) -> str:
        change = self.change
        if change is None:
            return "niet te vergelijken"
        if abs(change) < 0.05:
            return "gelijk"
        return "beter" if (change > 0) == self.higher_is_better else "slechter"

    def to_dict(self) -> dict:
        return {"key": self.key, "before": _round(self.before), "after": _round(self.after),
                "change": _round(self.change), "verdict": self.verdict}


@dataclass(frozen=True)
class Comparison:
    before: Report
    after: Report
    changes: list[ScoreChange]

    def to_dict(self) -> dict:
        return {
            "schema": "letter-simplifier/readability-comparison@1",
            "changes": [c.to_dict() for c in self.changes],
            "before": self.before.to_dict(with_text=False),
            "after": self.after.to_dict(with_text=False),
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def compare(before: Report, after: Report) -> Comparison:
    def lint(report: Report) -> float | None:
        return report.lint.score if report.lint else None

    rows = [
        ("LiNT-score (lager is makkelijker)", "lint", lint(before), lint(after), False),
        ("Flesch-Douma (hoger is makkelijker)", "flesch_douma", before.flesch_douma,
         after.flesch_douma, True),
        ("Leesindex Brouwer (hoger is makkelijker)", "brouwer", before.brouwer, after.brouwer,
         True),
        ("Woorden per zin", "words_per_sentence", before.counts.words_per_sentence,
         after.counts.words_per_sentence, False),
        ("Lettergrepen per woord", "syllables_per_word", before.counts.syllables_per_word,
         after.counts.syllables_per_word, False),
        ("Opmerkingen", "flags", float(len(before.flags)), float(len(after.flags)), False),
        ("Moeilijke woorden", "jargon", float(before.flags_by_code().get("jargon", 0)),
         float(after.flags_by_code().get("jargon", 0)), False),
        ("Lange zinnen", "long_sentence", float(before.flags_by_code().get("long_sentence", 0)),
         float(after.flags_by_code().get("long_sentence", 0)), False),
    ]
    return Comparison(before, after, [ScoreChange(*row) for row in rows])

"""The Dutch syllable counter against the hand-checked gold list, next to pyphen.

The error rates printed here are the ones in the README.
"""

from __future__ import annotations

from pathlib import Path

import pyphen
import pytest

from letter_simplifier.readability.syllables import count_syllables

DATA = Path(__file__).resolve().parent.parent / "letter_simplifier" / "readability" / "data"


def gold(name: str) -> list[tuple[str, int, str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("word\t"):
            continue
        word, syllables, kind = line.split("\t")
        rows.append((word, len(syllables.split("·")), kind))
    return rows


PYPHEN = pyphen.Pyphen(lang="nl_NL")


def pyphen_count(word: str) -> int:
    return len(PYPHEN.positions(word)) + 1


def error_rate(rows, count) -> float:
    return sum(1 for word, expected, _ in rows if count(word) != expected) / len(rows)


def test_gold_list_is_large_and_varied():
    rows = gold("syllables_gold.tsv")
    assert len(rows) >= 300
    assert len({word for word, _, _ in rows}) == len(rows)
    kinds = {kind for _, _, kind in rows}
    assert {"plain", "compound", "loan", "hiatus"} <= kinds


@pytest.mark.parametrize("name", ["syllables_gold.tsv", "syllables_heldout.tsv"])
def test_counter_beats_pyphen(name):
    rows = gold(name)
    ours, theirs = error_rate(rows, count_syllables), error_rate(rows, pyphen_count)
    print(f"{name}: {len(rows)} words, ours {ours:.1%} wrong, pyphen {theirs:.1%} wrong")
    assert ours <= 0.02
    assert ours <= theirs


@pytest.mark.parametrize("word, expected", [
    ("apen", 2), ("idee", 2), ("overeenkomstig", 5),  # pyphen: 1, 1, 4
    ("financiële", 4), ("ideeën", 3), ("geïnd", 2), ("bureau", 2), ("milieu", 2),
    ("serieus", 3), ("museum", 3), ("yoghurt", 2), ("enquête", 3),
    ("online", 2), ("teamleider", 3), ("burgerservicenummer", 6), ("discipline", 4),
    ("e-mail", 2), ("auto's", 2), ("UWV", 3), ("2026", 0), ("", 0),
])
def test_examples(word, expected):
    assert count_syllables(word) == expected

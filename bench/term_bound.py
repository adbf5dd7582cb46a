"""Measure the everyday-word bound of the sheet (explain/terms.py EVERYDAY_ZIPF).

    .venv/bin/python bench/term_bound.py [--split dev]

For every letter of the split, the glossary terms the pipeline finds are split
into those the annotators marked hard (`hard_terms`) and the others. For each
candidate bound it prints the share of single-word terms rarer than the bound
(kept on the sheet): the bound is the lowest that keeps about 99% of the hard
ones. Phrases are idioms and never everyday, so they are left out. Run on dev
only: the blind split is for measuring, not for choosing constants.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from wordfreq import zipf_frequency

from letter_simplifier.errors import LetterError
from letter_simplifier.evaluate.corpus import find_letters
from letter_simplifier.evaluate.match import term_accepts
from letter_simplifier.pipeline import explain_letter

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
BOUNDS = (4.25, 4.5, 4.75, 5.0, 5.25, 5.5)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="dev", choices=("dev", "all"))
    args = parser.parse_args()
    hard: list[tuple[float, str]] = []
    other: list[tuple[float, str]] = []
    for letter in find_letters(SAMPLES, args.split):
        want = json.loads(letter.expected_path.read_text(encoding="utf-8"))["hard_terms"]
        try:
            contract = explain_letter(letter.path.read_bytes(), letter.path.name,
                                      today=date(2026, 1, 1)).contract()
        except LetterError:
            continue
        for term in contract["terms"]:
            if " " in term["term"]:
                continue
            zipf = zipf_frequency(term["term"].lower(), "nl")
            (hard if any(term_accepts(w, term) for w in want) else other).append(
                (zipf, term["term"]))
    print(f"{len(hard)} hard single-word terms, {len(other)} others ({args.split} split)")
    print("| bound | hard kept | others kept |")
    print("| ---: | ---: | ---: |")
    for bound in BOUNDS:
        kept_hard = sum(z < bound for z, _ in hard) / max(len(hard), 1)
        kept_other = sum(z < bound for z, _ in other) / max(len(other), 1)
        print(f"| {bound} | {kept_hard:.3f} | {kept_other:.3f} |")
    common = sorted({(round(z, 2), t) for z, t in hard + other if z >= 5.0}, reverse=True)
    print("above 5.0:", ", ".join(t for _, t in common))


if __name__ == "__main__":
    main()

"""How the glossary's similarity thresholds were chosen (numbers in README.md,
section "Glossary"). Not a test.

Terms: fuzz.ratio on normalised forms, with compounds and derivations scored 0
(similarity.term_similarity). Look-alikes that a check should catch are made
from the glossary itself: one random typo in every term (seeded), and each
variant that is an inflection of its term (same first three letters, length
within 0.7-1.4x). Pairs that should not be caught: every pair of forms of two
different entries. Explanations: fuzz.ratio between the `plain` texts of all
pairs of entries.

    .venv/bin/python bench/glossary_thresholds.py
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from letter_simplifier import GLOSSARY_DIR  # noqa: E402
from letter_simplifier.glossary.similarity import (  # noqa: E402
    SAME_PLAIN,
    SIMILAR_TERM,
    SUGGEST_TERM,
    normalise,
    term_similarity,
)
from letter_simplifier.glossary.store import Glossary, load_files  # noqa: E402
from letter_simplifier.nlp import lemma  # noqa: E402

THRESHOLDS = (70, 75, 80, 85, 88, 90, 95)
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(len(word))
    kind = rng.choice("dst")
    if kind == "d" and len(word) > 3:
        return word[:i] + word[i + 1:]
    if kind == "t" and i < len(word) - 1:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return word[:i] + rng.choice(LETTERS.replace(word[i], "")) + word[i + 1:]


def same_lemma(a: str, b: str) -> bool:
    """What the duplicate check (lint.duplicate_groups) catches without any score."""
    return tuple(map(lemma, a.lower().split())) == tuple(map(lemma, b.lower().split()))


def positives(glossary: Glossary) -> dict[str, list[float]]:
    rng = random.Random(4)
    scores: dict[str, list[float]] = {"typo": [], "inflection": [], "inflection+lemma": []}
    for entry in glossary.entries:
        term = normalise(entry.term)
        scores["typo"].append(term_similarity(term, normalise(typo(entry.term, rng))))
        for variant in entry.variants:
            form = normalise(variant)
            if form[:3] == term[:3] and 0.7 <= len(form) / len(term) <= 1.4:
                score = term_similarity(term, form)
                scores["inflection"].append(score)
                scores["inflection+lemma"].append(100.0 if same_lemma(entry.term, variant)
                                                  else score)
    return scores


def negatives(glossary: Glossary) -> tuple[np.ndarray, int]:
    forms = [(normalise(f), i) for i, e in enumerate(glossary.entries) for f in e.forms]
    names = [f[0] for f in forms]
    owner = np.array([f[1] for f in forms])
    scores = process.cdist(names, names, scorer=fuzz.ratio, workers=-1)
    rows, cols = np.nonzero((owner[:, None] < owner[None, :]) & (scores >= min(THRESHOLDS)))
    above = [term_similarity(names[a], names[b]) for a, b in zip(rows, cols, strict=True)]
    total = int((owner[:, None] < owner[None, :]).sum())
    return np.array(above), total


def main() -> None:
    glossary = Glossary(load_files(GLOSSARY_DIR))
    pos = positives(glossary)
    neg, total = negatives(glossary)
    print(f"{len(glossary)} terms; {len(pos['typo'])} typos, {len(pos['inflection'])} "
          f"inflections; {total} pairs of different entries\n")
    print("| threshold | typos caught | inflections caught | inflections caught with the "
          "lemma check | pairs of different entries at or above |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    for threshold in THRESHOLDS:
        def share(values, t=threshold):
            return np.mean(np.array(values) >= t)
        marks = {SIMILAR_TERM: " (check)", SUGGEST_TERM: " (suggest)"}.get(threshold, "")
        print(f"| {threshold}{marks} | {share(pos['typo']):.2f} | {share(pos['inflection']):.2f}"
              f" | {share(pos['inflection+lemma']):.2f} | {int((neg >= threshold).sum())} |")

    plains = [e.plain.casefold() for e in glossary.entries]
    scores = process.cdist(plains, plains, scorer=fuzz.ratio, workers=-1)
    np.fill_diagonal(scores, 0)
    best = scores.max(axis=1)
    print(f"\nExplanations: highest fuzz.ratio of each entry to any other (check: >= "
          f"{SAME_PLAIN})\n")
    print("| best score | entries |")
    print("| --- | ---: |")
    for low in range(50, 100, 10):
        print(f"| {low}-{low + 9} | {int(((best >= low) & (best < low + 10)).sum())} |")
    print(f"| 100 | {int((best >= 100).sum())} |")
    print(f"\nhighest pair below 100: {best[best < 100].max():.0f}")


if __name__ == "__main__":
    main()

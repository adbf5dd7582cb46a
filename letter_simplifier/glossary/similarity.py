"""Terms that look alike, and explanations that are (nearly) the same.

How the thresholds were chosen is in README.md, section "Glossary": the
scores of real look-alikes (typos and inflections of every term) against
the scores of all pairs of different entries, measured on the 575 terms.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from .store import Glossary, GlossaryEntry

# fuzz.ratio on normalised forms (bench/glossary_thresholds.py). When chosen
# (575 terms): at 85, 89% of one-letter typos and 67% of inflections of a term
# score at or above it (the lemma check in lint catches more inflections), and
# 34 of the 849,637 pairs of different entries do: few enough to review by
# hand, all now linked through `related`. At 80 it would be 126 pairs; at 90
# only 74% of typos are caught.
SIMILAR_TERM = 85
# Suggestions while typing may be wrong now and then; missing one costs more
# (95% of typos, 83% of inflections; at most 5 suggestions are shown).
SUGGEST_TERM = 75
# fuzz.ratio on case-folded explanations. Before the clean-up pairs of
# different entries scored at most 88 (a shared template, "Een moeilijk woord
# voor ...") or exactly 100 (11 copies, now rewritten); nothing in between.
SAME_PLAIN = 90
# Endings that make another form of the same word ("aanmaning-en").
INFLECTIONS = ("", "e", "en", "n", "s", "'s", "t", "d", "de", "te", "er", "r", "es")
SEPARATORS = re.compile(r"[\s\-./'’]+")


def normalise(form: str) -> str:
    """Lower case, no accents, no spaces, hyphens or dots: "Wahv-beschikking" ==
    "wahv beschikking" == "wahvbeschikking"."""
    text = unicodedata.normalize("NFKD", form.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return SEPARATORS.sub("", text)


def is_derived(a: str, b: str) -> bool:
    """One normalised form inside the other, but not as an inflection: a compound
    or a derivation ("beschikking" / "strafbeschikking", "gegrond" /
    "ongegrond"). Those are different words, however alike they look."""
    short, long = sorted((a, b), key=len)
    # One letter more is a typo ("aanslagg"); a morpheme has two or more.
    if short == long or short not in long or len(long) - len(short) < 2:
        return False
    return not (long.startswith(short) and long[len(short):] in INFLECTIONS)


def term_similarity(a: str, b: str, **_kwargs) -> float:
    """0..100 on normalised forms; 100 means the same word written differently."""
    if a == b:
        return 100.0
    if is_derived(a, b):
        return 0.0
    return fuzz.ratio(a, b)


@dataclass(frozen=True)
class Lookalike:
    entry: GlossaryEntry
    form: str
    other: GlossaryEntry
    other_form: str
    score: float


def linked(a: GlossaryEntry, b: GlossaryEntry) -> bool:
    """Maintainers have seen two look-alikes: one lists the other in `related`."""
    return b.term in a.related or a.term in b.related


def similar_pairs(glossary: Glossary, threshold: float = SIMILAR_TERM) -> list[Lookalike]:
    """Each pair of different entries with forms scoring >= threshold, once,
    with the highest-scoring pair of forms."""
    forms = [(normalise(form), form, index)
             for index, entry in enumerate(glossary.entries) for form in entry.forms]
    names = [f[0] for f in forms]
    # fuzz.ratio in C over all pairs, then the compound rule on the few left.
    scores = process.cdist(names, names, scorer=fuzz.ratio, score_cutoff=threshold, workers=-1)
    best: dict[tuple[int, int], Lookalike] = {}
    for i, j in zip(*scores.nonzero(), strict=True):
        (name_a, form_a, a), (name_b, form_b, b) = forms[i], forms[j]
        if a >= b:
            continue
        score = term_similarity(name_a, name_b)
        if score < threshold:
            continue
        if (a, b) not in best or score > best[(a, b)].score:
            best[(a, b)] = Lookalike(glossary.entries[a], form_a, glossary.entries[b], form_b,
                                     score)
    return sorted(best.values(), key=lambda p: (-p.score, p.entry.term.casefold()))


def similar_terms(text: str, glossary: Glossary, *, threshold: float = SUGGEST_TERM,
                  limit: int = 5, exclude: str = "") -> list[tuple[GlossaryEntry, str, float]]:
    """Entries with a form like `text` (a term being typed), best first."""
    wanted = normalise(text)
    if len(wanted) < 2:
        return []
    found: dict[str, tuple[GlossaryEntry, str, float]] = {}
    for entry in glossary.entries:
        if exclude and entry.term.casefold() == exclude.casefold():
            continue
        for form in entry.forms:
            score = term_similarity(wanted, normalise(form))
            if score >= threshold and score > found.get(entry.term, (None, "", -1))[2]:
                found[entry.term] = (entry, form, score)
    return sorted(found.values(), key=lambda f: -f[2])[:limit]


def same_explanations(glossary: Glossary, threshold: float = SAME_PLAIN
                      ) -> list[tuple[GlossaryEntry, GlossaryEntry, float]]:
    plains = [entry.plain.casefold() for entry in glossary.entries]
    scores = process.cdist(plains, plains, scorer=fuzz.ratio, score_cutoff=threshold,
                           workers=-1)
    return [(glossary.entries[i], glossary.entries[j], float(scores[i, j]))
            for i, j in zip(*scores.nonzero(), strict=True) if i < j]


def explanation_like(text: str, glossary: Glossary, *, threshold: float = SAME_PLAIN,
                     exclude: str = "") -> list[tuple[GlossaryEntry, float]]:
    wanted = text.casefold()
    return [(entry, score) for entry in glossary.entries
            if entry.term.casefold() != exclude.casefold()
            and (score := fuzz.ratio(wanted, entry.plain.casefold())) >= threshold]

"""The readability formulas, each with its source.

Classic (words and syllables only):
- Flesch-Douma (Douma 1960, Flesch's Reading Ease refitted for Dutch):
  206.835 - 0.93 x words per sentence - 77 x syllables per word. Higher is easier.
- Leesindex Brouwer (Brouwer 1963):
  195 - 2 x words per sentence - 66.67 x syllables per word. Higher is easier.

LiNT (Leesbaarheidsinstrument voor Nederlandse Teksten; Pander Maat, Kleijn
& Frissen, Tijdschrift voor Taalbeheersing 45(1), 2023), fitted on cloze
tests of 120 texts read by about 2,700 pupils:
  score = 100 - (3.204 + 15.845 x word frequency - 1.331 x dependency length
                 - 3.829 x content words per clause + 13.096 x concrete nouns)
clamped to 0-100; higher is harder. Levels: 1 (0-34), 2 (35-46), 3 (47-60),
4 (61-100); at level 1 about 15% of adult readers struggle, at level 4 about
82% (LiNT-II documentation). The coefficients are those of the T-Scan
implementation, as documented by Gemeente Amsterdam's alletaal-lint.
Our features come from Frog and wordfreq instead of T-Scan (Alpino, SUBTLEX-NL):
see README, "Readability check for agencies", for what that means.
"""

from __future__ import annotations

from dataclasses import dataclass

LINT_CONSTANT = 3.204
LINT_FREQUENCY = 15.845
LINT_DEPENDENCY = -1.331
LINT_CONTENT_WORDS = -3.829
LINT_CONCRETE = 13.096
# Upper bounds of levels 1-3; everything above is level 4.
LINT_LEVELS = (34.0, 46.0, 60.0)
LINT_STRUGGLE = {1: 15, 2: 31, 3: 55, 4: 82}  # % of adults who find the level hard
# Our choice, not LiNT's: B1 ("most adults can read it") is taken as level 1.
B1_TARGET = 34.0

SOURCES = {
    "flesch_douma": "Douma (1960): Flesch Reading Ease aangepast aan het Nederlands.",
    "brouwer": "Brouwer (1963): Leesindex voor Nederlandse teksten.",
    "lint": ("LiNT, Universiteit Utrecht (Pander Maat, Kleijn & Frissen 2023), getest met "
             "120 teksten en ongeveer 2.700 leerlingen. Wij meten de kenmerken met Frog en "
             "wordfreq, niet met T-Scan: onze score is een benadering en zelf niet getest."),
}


def flesch_douma(words: int, sentences: int, syllables: int) -> float | None:
    if not words or not sentences:
        return None
    return 206.835 - 0.93 * (words / sentences) - 77 * (syllables / words)


def brouwer(words: int, sentences: int, syllables: int) -> float | None:
    if not words or not sentences:
        return None
    return 195 - 2 * (words / sentences) - 66.67 * (syllables / words)


def classic_band(score: float) -> str:
    """Douma's reading of a Flesch-Douma score (also used for Brouwer's index)."""
    for floor, label in ((90, "zeer makkelijk"), (80, "makkelijk"), (70, "vrij makkelijk"),
                         (60, "normaal"), (50, "vrij moeilijk"), (30, "moeilijk")):
        if score >= floor:
            return label
    return "zeer moeilijk"


@dataclass(frozen=True)
class LintFeatures:
    word_frequency: float  # mean Zipf frequency of content words
    dependency_length: float  # mean of each sentence's longest dependency
    content_words_per_clause: float
    concrete_nouns: float  # share of concrete nouns among classified nouns


def lint_score(features: LintFeatures) -> float:
    raw = (LINT_CONSTANT
           + LINT_FREQUENCY * features.word_frequency
           + LINT_DEPENDENCY * features.dependency_length
           + LINT_CONTENT_WORDS * features.content_words_per_clause
           + LINT_CONCRETE * features.concrete_nouns)
    return min(100.0, max(0.0, 100.0 - raw))


def lint_level(score: float) -> int:
    for level, upper in enumerate(LINT_LEVELS, start=1):
        if score <= upper:
            return level
    return 4

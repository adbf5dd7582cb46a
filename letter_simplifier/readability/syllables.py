"""Count Dutch syllables as they are spoken.

pyphen counts hyphenation points, and Dutch hyphenation never leaves one
letter alone, so "a-pen", "i-dee" and "o-ver-een-kom-stig" lose a syllable.
We count vowel nuclei instead:

- one nucleus per vowel group that Dutch spells as one sound ("aa", "ij",
  "ieu", "eau", ...), longest group first;
- a diaeresis always starts a new syllable ("ideeën", "geïnd");
- in "sociaal", "patiënt", "ambitieus" the i after c/t is a glide, not a vowel;
- English loan parts with a silent e or "ea" come from data/loan_syllables.toml.

`tests/test_readability_syllables.py` measures this against the hand-checked
gold list in data/syllables_gold.tsv.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import lru_cache
from pathlib import Path

from wordfreq import zipf_frequency

DATA = Path(__file__).resolve().parent / "data"
VOWELS = frozenset("aeiouy")
# Letter groups spelled as one vowel sound, longest first.
NUCLEI = ("aai", "ooi", "oei", "eeu", "ieu", "eau",
          "aa", "ee", "oo", "uu", "ie", "oe", "eu", "ei", "ij", "ui", "ou", "au", "ai", "oi",
          "ay", "ey", "oy")
# Endings after a loan part: how many syllables they add ("coach-en", "team-s").
LOAN_ENDINGS = {"": 0, "s": 0, "n": 1, "en": 1, "er": 1, "ers": 1}
MIN_KNOWN_ZIPF_NL = 2.5
MIN_KNOWN_ZIPF_EN = 4.0
WORD_PIECE = re.compile(r"[^\W\d_]+")


def count_syllables(word: str) -> int:
    """Spoken syllables of one word; 0 for a token without letters."""
    pieces = WORD_PIECE.findall(word)  # "e-mail" -> e, mail; "auto's" -> auto, s
    if len(pieces) == 1 and is_acronym(word):
        return len(pieces[0])  # "UWV" is read letter by letter: u-wee-vee
    return sum(_count_piece(piece.lower()) for piece in pieces)


def is_acronym(word: str) -> bool:
    letters = [ch for ch in word if ch.isalpha()]
    return 2 <= len(letters) <= 6 and all(ch.isupper() for ch in letters)


@lru_cache(maxsize=65536)
def _count_piece(word: str) -> int:
    loan = _loan_split(word)
    if loan is not None:
        return loan
    return count_nuclei(word)


def _loan_split(word: str) -> int | None:
    """Syllables when `word` is or holds a loan part from the data file, else None."""
    words, parts = loan_lexicon()
    for stem in sorted({*words, *parts}, key=len, reverse=True):
        at = word.find(stem)
        if at < 0:
            continue
        before, after = word[:at], word[at + len(stem):]
        count = words.get(stem) or parts[stem]
        if stem in parts and stem not in words and not (before or after):
            continue  # "ware" alone is the Dutch word wa-re
        if before and not is_known(before):
            continue
        if after in LOAN_ENDINGS:
            return _count_before(before) + count + LOAN_ENDINGS[after]
        # The next part must be a word of its own, starting with a consonant
        # ("line-air" in "lineair" is no loan part).
        if after[0] in VOWELS or not (is_known(after) or _loan_split(after) is not None):
            continue
        return _count_before(before) + count + _count_piece(after)
    return None


def _count_before(part: str) -> int:
    return _count_piece(part) if part else 0


@lru_cache(maxsize=65536)
def is_known(part: str) -> bool:
    return len(part) >= 2 and (zipf_frequency(part, "nl") >= MIN_KNOWN_ZIPF_NL
                               or zipf_frequency(part, "en") >= MIN_KNOWN_ZIPF_EN)


@lru_cache(maxsize=1)
def loan_lexicon() -> tuple[dict[str, int], dict[str, int]]:
    with (DATA / "loan_syllables.toml").open("rb") as handle:
        data = tomllib.load(handle)
    return data["words"], data["parts"]


def letters_of(word: str) -> tuple[str, list[bool]]:
    """Lower-case letters without accents, and which of them had a diaeresis."""
    plain, diaeresis = [], []
    for ch in word.lower():
        decomposed = unicodedata.normalize("NFD", ch)
        plain.append(decomposed[0])
        diaeresis.append("\u0308" in decomposed)
    return "".join(plain), diaeresis


def count_nuclei(word: str) -> int:
    text, diaeresis = letters_of(word)
    count, i = 0, 0
    while i < len(text):
        if not is_vowel(text, i):
            i += 1
            continue
        if not diaeresis[i] and is_glide(text, i):
            i += 1
            continue
        i += nucleus_length(text, diaeresis, i)
        count += 1
    return count


def is_vowel(text: str, i: int) -> bool:
    ch = text[i]
    if ch == "y":
        # "yoghurt": a y before a vowel at the start is a consonant.
        return not (i == 0 and i + 1 < len(text) and text[i + 1] in VOWELS)
    if ch == "u" and i > 0 and text[i - 1] == "q":
        return False  # "enquête": qu is k
    return ch in VOWELS


def is_glide(text: str, i: int) -> bool:
    """The i in "so-ciaal", "pa-tiënt", "pen-sioen", "re-li-gieus": spoken as a
    glide after c/t (g before eu, s before oe), when a vowel and then a
    consonant follow ("Kro-a-ti-ë" keeps its i)."""
    if text[i] != "i" or i < 2 or i + 2 >= len(text):
        return False
    before, after = text[i - 1], text[i + 1:]
    if not (text[i - 2] in VOWELS or text[i - 2] == "n"):
        return False
    palatal = (before in "ct" or (before == "g" and after.startswith("eu"))
               or (before == "s" and after.startswith("oe")))
    if not palatal or after[0] not in "aeo":
        return False
    rest = after.lstrip("aeiou")
    return bool(rest) and len(rest) < len(after)


def nucleus_length(text: str, diaeresis: list[bool], i: int) -> int:
    for group in NUCLEI:
        end = i + len(group)
        if text[i:end] != group or any(diaeresis[i + 1:end]):
            continue
        if group == "ieu" and text[end:end + 1] in ("s", "z"):
            continue  # "se-ri-eus": the adjective ending -ieus
        if group == "eau" and i == 1 and text[0] in "bg":
            continue  # "ge-au-to-ma-ti-seerd"
        if group == "eu" and text[end:] == "m":
            continue  # "mu-se-um"
        return len(group)
    return 1

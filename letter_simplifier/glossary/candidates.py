"""What the glossary lacks: the rare words and fixed phrases of a set of letters
that no glossary entry explains, ranked, so a maintainer sees what to add next.

A word is a candidate when the matcher finds no entry for it (not as a form,
a lemma, a phrase or a compound part) and wordfreq's Dutch list rates it rare
(`rare_zipf` in data/candidates.toml). Names, addresses and numbers are never
listed: a word with a digit never counts, and a capitalised word counts only
when the same word also stands in lower case in the letters, when it is an
acronym that stands apart from numbers (not the "AB" of a postcode), or when it
names a law or a body ("Werkloosheidswet", "Omgevingsdienst"). A rare word
whose neighbour is nearly always the same word grows into a phrase with it
("gebreke" -> "in gebreke"). The example sentence is the shortest one the word
stands in, with numbers and names left out.

Each letter is read on its own (`read_letter`: parse, glossary matches, the
rare words), in worker processes for a large folder; the decisions that need
all letters (is this capitalised word a name?) come after (`rank`).
Nothing is stored: the letters are read, counted and dropped.
"""

from __future__ import annotations

import multiprocessing
import re
import tomllib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token
from text_to_num import text2num
from wordfreq import zipf_frequency

from .. import DATA_DIR
from ..nlp import lemma, parse
from .matcher import GlossaryMatcher

NUMBER = re.compile(r"\d(?:[\d.,/-]*\d)?")
MASK = "…"
# A word at least this common in wordfreq is a word even with a capital.
COMMON_ZIPF = 3.0
# Below this many letters the work is not worth starting processes for.
PARALLEL_FROM = 12


@dataclass(frozen=True)
class Settings:
    rare_zipf: float
    rank_zipf: float
    institution_endings: tuple[str, ...]
    phrase_words: frozenset[str]
    phrase_share: float
    acronym_letters: tuple[int, int]
    example_chars: int


@lru_cache(maxsize=1)
def settings() -> Settings:
    with (DATA_DIR / "candidates.toml").open("rb") as handle:
        data = tomllib.load(handle)
    low, high = data["acronym_letters"]
    return Settings(float(data["rare_zipf"]), float(data["rank_zipf"]),
                    tuple(data["institution_endings"]), frozenset(data["phrase_words"]),
                    float(data["phrase_share"]), (int(low), int(high)),
                    int(data["example_chars"]))


@dataclass(frozen=True)
class Candidate:
    text: str  # the word or phrase as it most often stands
    count: int  # how often, in all letters
    letters: int  # in how many letters
    zipf: float  # wordfreq's Dutch Zipf frequency of the word (0: unknown)
    example: str  # a sentence it stands in, numbers and names left out


# -- one letter ----------------------------------------------------------------------

# A token of an example sentence: its text, the space after it, and whether it
# is an e-mail address or a web address (never shown).
ExampleToken = tuple[str, str, bool]


@dataclass(frozen=True)
class Hit:
    text: str  # the rare word as it stands
    sentence: int  # index into LetterWords.sentences
    left: str | None  # the word before it, when it may be part of a phrase
    right: str | None
    near_number: bool  # next to a number ("3011 AB")
    first: bool  # the first word of its sentence


@dataclass
class LetterWords:
    lower: set[str]  # every word that stands in lower case
    sentences: list[list[ExampleToken]]
    hits: list[Hit]


@lru_cache(maxsize=65536)
def word_zipf(word: str) -> float:
    low = word.lower()
    return max(zipf_frequency(low, "nl"), zipf_frequency(lemma(low), "nl"))


def covered(doc: Doc, matcher: GlossaryMatcher) -> bytearray:
    """1 for every character that a glossary match explains."""
    marks = bytearray(len(doc.text))
    for match in matcher.find(doc):
        marks[match.start:match.end] = b"\x01" * (match.end - match.start)
    return marks


def is_covered(token: Token, marks: bytearray) -> bool:
    """A glossary match lies on the word (a compound's part is enough)."""
    return 1 in marks[token.idx:token.idx + len(token.text)]


def neighbour(doc: Doc, index: int, sentence: Span, marks: bytearray) -> str | None:
    if not sentence.start <= index < sentence.end:
        return None
    token = doc[index]
    words = settings().phrase_words
    if not token.is_alpha or is_covered(token, marks) or token.lower_ not in words:
        return None
    return token.lower_


_explained: dict[str, bool] = {}
_explained_by: list[int] = []


def explained_alone(word: str, matcher: GlossaryMatcher) -> bool:
    """Whether the matcher explains the word written on its own in lower case:
    a capitalised compound ("Werkconsulent" at the start of a line) is not
    split in a letter, but its lower-case form is a form of "consulent"."""
    if _explained_by != [id(matcher)]:
        _explained.clear()
        _explained_by[:] = [id(matcher)]
    low = word.lower()
    if low not in _explained:
        _explained[low] = bool(matcher.find(parse(low)))
    return _explained[low]


def is_rare_word(token: Token, marks: bytearray, matcher: GlossaryMatcher) -> bool:
    text = token.text
    if not token.is_alpha or is_covered(token, marks) or (len(text) < 4 and not text.isupper()):
        return False
    return (word_zipf(text) < settings().rare_zipf and matcher.lookup(text) is None
            and not is_number_word(text)
            and (text.islower() or not explained_alone(text, matcher)))


def is_number(token: Token) -> bool:
    return token.like_num or bool(NUMBER.search(token.text))


@lru_cache(maxsize=65536)
def is_number_word(word: str) -> bool:
    """"tweeduizendzesentwintig" (a letter date in words) is a number, not a word."""
    try:
        text2num(word.lower(), "nl")
    except ValueError:
        return False
    return True


def read_letter(text: str, matcher: GlossaryMatcher) -> LetterWords:
    doc = parse(text)
    marks = covered(doc, matcher)
    words = LetterWords({t.text for t in doc if t.is_alpha and t.text.islower()}, [], [])
    for sentence in doc.sents:
        rare = [t for t in sentence if is_rare_word(t, marks, matcher)]
        if not rare:
            continue
        number = len(words.sentences)
        words.sentences.append([(t.text, t.whitespace_, bool(t.like_email or t.like_url))
                                for t in sentence])
        for token in rare:
            near = [doc[j] for j in (token.i - 1, token.i + 1) if 0 <= j < len(doc)]
            words.hits.append(Hit(token.text, number,
                                  neighbour(doc, token.i - 1, sentence, marks),
                                  neighbour(doc, token.i + 1, sentence, marks),
                                  any(is_number(t) for t in near), token.i == sentence.start))
    return words


# -- all letters ---------------------------------------------------------------------


class Names:
    """Tells a name from a word, knowing every word the letters write in lower case."""

    def __init__(self, lower: set[str]):
        self.lower = lower
        self.settings = settings()

    def is_acronym(self, text: str) -> bool:
        low, high = self.settings.acronym_letters
        return (text.isupper() and low <= len(text) <= high
                and zipf_frequency(text.lower(), "nl") < COMMON_ZIPF)

    def is_institution(self, text: str) -> bool:
        low = text.lower()
        return text[0].isupper() and not text.isupper() and any(
            low.endswith(end) and len(low) > len(end) + 2
            for end in self.settings.institution_endings)

    def key(self, hit: Hit) -> str | None:
        """The form a word counts under, or None when it may be a name."""
        text = hit.text
        if self.is_acronym(text):
            return None if hit.near_number else text
        if text.islower():
            return text
        if text.lower() in self.lower:
            return text.lower()
        return text if self.is_institution(text) else None

    def masked(self, tokens: list[ExampleToken]) -> str:
        """The sentence with its numbers, names and addresses left out."""
        parts = []
        for i, (text, space, address) in enumerate(tokens):
            name = (text.isalpha() and not text.islower() and text.lower() not in self.lower
                    and not self.is_acronym(text) and not self.is_institution(text)
                    # a sentence starts with a capital: there only a rare word is a name
                    and (i > 0 or zipf_frequency(text.lower(), "nl") < COMMON_ZIPF))
            parts.append((MASK if address or name else NUMBER.sub(MASK, text)) + space)
        return " ".join(re.sub(r"…(?:\W*…)+", "…", "".join(parts)).split())


@dataclass
class Tally:
    forms: Counter = field(default_factory=Counter)
    letters: set[int] = field(default_factory=set)
    examples: list[str] = field(default_factory=list)
    left: Counter = field(default_factory=Counter)
    right: Counter = field(default_factory=Counter)

    @property
    def count(self) -> int:
        return sum(self.forms.values())


def phrase(tally: Tally, share: float) -> str:
    """The word, with the preposition or particle it nearly always has."""
    text = tally.forms.most_common(1)[0][0]
    for side, before in ((tally.left, True), (tally.right, False)):
        if not side or (not before and not lemma(text.lower()).endswith("en")):
            continue
        word, seen = side.most_common(1)[0]
        if seen >= 2 and seen >= share * tally.count:
            text = f"{word} {text}" if before else f"{text} {word}"
    return text


def example(tally: Tally, text: str, limit: int) -> str:
    """The shortest sentence of five words or more, cut around the candidate."""
    sentences = sorted(set(tally.examples), key=lambda s: (len(s.split()) < 5, len(s), s))
    chosen = sentences[0]
    if len(chosen) <= limit:
        return chosen
    at = max(chosen.lower().find(text.split()[0].lower()), 0)
    start = max(0, min(at - limit // 3, len(chosen) - limit))
    cut = chosen[start:start + limit].strip()
    return ("…" if start else "") + cut + ("…" if start + limit < len(chosen) else "")


def rank(letters: Sequence[LetterWords], limit: int | None = None) -> list[Candidate]:
    """The candidates, most useful first: letters x rarity, then count."""
    names = Names(set().union(*(words.lower for words in letters)))
    tallies: dict[str, Tally] = {}
    for number, words in enumerate(letters):
        for hit in words.hits:
            key = names.key(hit)
            if key is None:
                continue
            tally = tallies.setdefault(key if not key.islower() else lemma(key), Tally())
            tally.forms[key] += 1
            tally.letters.add(number)
            tally.examples.append(names.masked(words.sentences[hit.sentence]))
            if hit.left:
                tally.left[hit.left] += 1
            if hit.right:
                tally.right[hit.right] += 1
    found = []
    conf = settings()
    for tally in tallies.values():
        text = phrase(tally, conf.phrase_share)
        word = tally.forms.most_common(1)[0][0]
        found.append(Candidate(text, tally.count, len(tally.letters), round(word_zipf(word), 2),
                               example(tally, text, conf.example_chars)))
    found.sort(key=lambda c: (-c.letters * (conf.rank_zipf - c.zipf), -c.count, c.text))
    return found[:limit] if limit else found


# A worker process's matcher: set before the processes fork, so each inherits it.
_MATCHER: GlossaryMatcher | None = None


def _read(text: str) -> LetterWords:
    assert _MATCHER is not None
    return read_letter(text, _MATCHER)


def find_candidates(texts: Sequence[str], matcher: GlossaryMatcher,
                    limit: int | None = None, processes: int | None = None) -> list[Candidate]:
    """The candidates of these letters (texts). A large folder is read by a
    process per core (fork: they share the glossary already built)."""
    global _MATCHER
    texts = [text for text in texts if text.strip()]
    workers = processes if processes is not None else multiprocessing.cpu_count()
    if workers < 2 or len(texts) < PARALLEL_FROM or "fork" not in \
            multiprocessing.get_all_start_methods():
        return rank([read_letter(text, matcher) for text in texts], limit)
    parse("")  # build the language pipeline once, before the fork
    _MATCHER = matcher
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            letters = pool.map(_read, texts, chunksize=4)
    finally:
        _MATCHER = None
    return rank(letters, limit)

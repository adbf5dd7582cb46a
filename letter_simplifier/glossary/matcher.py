"""Find glossary terms in a parsed letter: by word form, by lemma, and inside
Dutch compounds ("huurtoeslagbeschikking" holds huurtoeslag and beschikking).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token
from wordfreq import zipf_frequency

from ..nlp import lemma
from .store import Glossary, GlossaryEntry

MAX_WORDS = 6
# Compound parts shorter than this are not looked for inside other words
# ("ww" inside "wwoning" would be noise).
MIN_PART = 4
MIN_COMPOUND = 8
# Dutch linking sounds between compound parts: "invordering-s-rente", "pann-en-koek".
LINKERS = ("", "s", "e", "en")
# A non-glossary piece of a compound must be a real Dutch word this common.
MIN_PIECE_ZIPF = 2.0


@dataclass(frozen=True)
class Match:
    entry: GlossaryEntry
    start: int  # character offsets in the Doc's text
    end: int
    found: str


def is_acronym(form: str) -> bool:
    letters = [ch for ch in form if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


class GlossaryMatcher:
    def __init__(self, glossary: Glossary):
        self.glossary = glossary
        # key: tuple of lower-case words (or exact words for acronyms) -> entry
        self.phrases: dict[tuple[str, ...], GlossaryEntry] = {}
        self.single: dict[str, GlossaryEntry] = {}
        for entry in glossary.entries:
            for form in entry.forms:
                words = tuple(form.split())
                if not words:
                    continue
                if not is_acronym(form):
                    words = tuple(w.lower() for w in words)
                self.phrases.setdefault(words, entry)
                lemmas = tuple(lemma(w) if not is_acronym(w) else w for w in words)
                self.phrases.setdefault(lemmas, entry)
                if len(words) == 1 and not is_acronym(form) and len(words[0]) >= MIN_PART:
                    self.single.setdefault(words[0], entry)
                    self.single.setdefault(lemmas[0], entry)
        self.known = frozenset(self.single)

    def find(self, doc: Doc) -> list[Match]:
        tokens = [t for t in doc if not t.is_space and not t.is_punct]
        matches: list[Match] = []
        i = 0
        while i < len(tokens):
            found = self._phrase_at(tokens, i)
            if found:
                entry, n = found
                first, last = tokens[i], tokens[i + n - 1]
                matches.append(Match(entry, first.idx, last.idx + len(last.text),
                                     doc.text[first.idx:last.idx + len(last.text)]))
                i += n
                continue
            matches.extend(self._compound_parts(tokens[i]))
            i += 1
        return matches

    def _phrase_at(self, tokens: list[Token], i: int) -> tuple[GlossaryEntry, int] | None:
        for n in range(min(MAX_WORDS, len(tokens) - i), 0, -1):
            window = tokens[i:i + n]
            for key in (
                tuple(t.text for t in window),
                tuple(t.lower_ for t in window),
                tuple(t.lemma_ for t in window),
            ):
                entry = self.phrases.get(key)
                if entry:
                    return entry, n
        return None

    def _compound_parts(self, token: Token) -> list[Match]:
        word = token.lower_
        if len(word) < MIN_COMPOUND or not token.is_alpha:
            return []
        found: list[Match] = []
        offset = 0
        for piece in split_compound(word, self):
            entry = self.single.get(piece) or self.single.get(lemma(piece))
            start = word.find(piece, offset)
            if entry and start >= 0:
                found.append(Match(entry, token.idx + start, token.idx + start + len(piece),
                                   token.text))
                offset = start + len(piece)
        return found


def split_compound(word: str, matcher: GlossaryMatcher) -> tuple[str, ...]:
    """Split `word` into pieces that are glossary words or common Dutch words
    (with linking s/e/en): most letters covered by glossary words first, then
    the fewest pieces. A word that holds no glossary word gives ()."""
    return _split(word, matcher.known)


@lru_cache(maxsize=16384)
def _split(word: str, known: frozenset[str]) -> tuple[str, ...]:
    n = len(word)
    # best[i] = (-glossary_chars, pieces, split) for word[:i]
    best: list[tuple[int, int, tuple[str, ...]] | None] = [None] * (n + 1)
    best[0] = (0, 0, ())
    for end in range(1, n + 1):
        for start in range(0, end):
            if best[start] is None:
                continue
            piece = word[start:end]
            for linker in LINKERS:
                if linker and not piece.endswith(linker):
                    continue
                stem = piece[: len(piece) - len(linker)] if linker else piece
                if len(stem) < 3:
                    continue
                in_glossary = stem in known or lemma(stem) in known
                if not in_glossary and zipf_frequency(stem, "nl") < MIN_PIECE_ZIPF:
                    continue
                neg_chars, count, pieces = best[start]
                candidate = (neg_chars - (len(stem) if in_glossary else 0), count + 1,
                             (*pieces, stem))
                if best[end] is None or candidate[:2] < best[end][:2]:
                    best[end] = candidate
    result = best[n]
    return result[2] if result and result[0] < 0 and len(result[2]) > 1 else ()

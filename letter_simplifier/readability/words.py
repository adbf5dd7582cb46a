"""The draft as sentences of tokens, with what the readability check needs
to know about each word: syllables, frequency, whether it is a name, an
amount, a date or a reference number (those are left out of word-frequency
counts), and, when Frog ran, its tag and its head in the dependency tree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.lang.nl.stop_words import STOP_WORDS
from spacy.tokens import Doc
from wordfreq import zipf_frequency

from ..analyse.amounts import MONEY
from ..analyse.dates import find_dates
from ..analyse.references import find_references
from ..model import Document
from .frog import FrogToken
from .syllables import count_syllables, is_acronym

# Spans that are not words a reader has to know (besides amounts, dates and
# the references that analyse/ finds).
POSTCODE = re.compile(r"\b\d{4}\s?[A-Z]{2}\b")
PHONE = re.compile(r"(?<!\d)(?:\+31|0)\d{1,3}[- ]?\d{3}[- ]?\d{2,4}(?:[- ]?\d{2,3})?(?!\d)"
                   r"|\b14\s?0\d{2,3}\b")
WEB = re.compile(r"\S+@\S+\.\w+|\bwww\.\S+|\bhttps?://\S+|\b[\w-]+\.(?:nl|com|org|eu)\b(?:/\S*)?")
HAS_LETTER = re.compile(r"[^\W\d_]")
# Verbs that carry tense or mood, not content (LiNT counts lexical verbs only).
AUXILIARIES = frozenset({"zijn", "hebben", "worden", "zullen", "kunnen", "moeten", "mogen",
                         "willen", "gaan", "blijven", "laten", "doen"})
LINKERS = ("", "s", "e", "en")
MIN_PART_ZIPF = 3.0
# wordfreq knows no word below this; an unknown word gets the floor.
ZIPF_FLOOR = 1.0


@dataclass
class DraftToken:
    text: str
    start: int
    end: int
    lemma: str
    is_word: bool  # has a letter and is not part of a number, address or reference
    skip_reason: str | None  # why it is left out of frequency counts: name, amount, ...
    sentence_start: bool
    syllables: int
    tag: str | None = None  # Frog's CGN tag; None without the parser
    head: int | None = None  # index of the head token in the sentence; None for the root
    relation: str | None = None

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def pos(self) -> str | None:
        return self.tag.split("(", 1)[0] if self.tag else None

    @property
    def features(self) -> tuple[str, ...]:
        if not self.tag:
            return ()
        inner = self.tag.partition("(")[2].rstrip(")")
        return tuple(inner.split(","))

    @property
    def is_punct(self) -> bool:
        return not any(ch.isalnum() for ch in self.text)


@dataclass
class DraftSentence:
    index: int
    start: int
    end: int
    text: str
    tokens: list[DraftToken]
    parsed: bool = False
    # Frog's own tokens (multi-word units joined) with their heads, for dependency lengths.
    frog: list[FrogToken] = field(default_factory=list)

    @property
    def words(self) -> list[DraftToken]:
        return [t for t in self.tokens if t.is_word]


def skip_spans(document: Document) -> list[tuple[int, int, str]]:
    """(start, end, reason) of amounts, dates, references, postcodes, phone
    numbers and web addresses."""
    text = document.text
    spans = [(m.start(), m.end(), "amount") for m in MONEY.finditer(text)]
    spans += [(d.start, d.end, "date") for d in find_dates(text)]
    spans += [(r.span.start, r.span.end, "reference") for r in find_references(document)]
    spans += [(m.start(), m.end(), "postcode") for m in POSTCODE.finditer(text)]
    spans += [(m.start(), m.end(), "phone") for m in PHONE.finditer(text)]
    spans += [(m.start(), m.end(), "web") for m in WEB.finditer(text)]
    return sorted(spans)


def reason_at(spans: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    for span_start, span_end, reason in spans:
        if span_start > start:
            break
        if start < span_end and end <= span_end:
            return reason
    return None


# A word that is not a word to read: part of a number, an address or a reference.
NOT_READ = {"reference", "postcode", "phone", "web"}


def build_sentences(document: Document, doc: Doc) -> list[DraftSentence]:
    spans = skip_spans(document)
    sentences: list[DraftSentence] = []
    for sent in doc.sents:
        tokens: list[DraftToken] = []
        first = True
        for token in sent:
            if token.is_space:
                continue
            reason = reason_at(spans, token.idx, token.idx + len(token.text))
            has_letter = bool(HAS_LETTER.search(token.text))
            if reason is None and token.like_num:
                reason = "number"
            if reason is None and has_letter and not first and looks_like_name(token.text):
                reason = "name"
            tokens.append(DraftToken(
                text=token.text, start=token.idx, end=token.idx + len(token.text),
                lemma=token.lemma_ or token.lower_,
                is_word=has_letter and reason not in NOT_READ,
                skip_reason=reason, sentence_start=first,
                syllables=count_syllables(token.text) if has_letter else 0))
            first = False
        if any(t.is_word for t in tokens):
            start, end = tokens[0].start, tokens[-1].end
            sentences.append(DraftSentence(len(sentences), start, end,
                                           document.text[start:end], tokens))
    return sentences


SENTENCE_END = (".", "!", "?", "…", ":", ";")


def is_prose(sentence: DraftSentence) -> bool:
    """A sentence of running text, not an address line, a date, a "Kenmerk:"
    line, a salutation or a signature: it ends like a sentence, or the parser
    found a finite verb in it."""
    words = len(sentence.words)
    # A full stop is its own token; "mw." at the end of a line is an abbreviation.
    if sentence.tokens[-1].text in SENTENCE_END and words >= 3:
        return True
    finite = any(t.pos == "WW" and "pv" in t.features for t in sentence.tokens)
    return finite and words >= 4


def looks_like_name(text: str) -> bool:
    """A capital inside a sentence: a name, a place or an organisation."""
    return text[:1].isupper() and not is_acronym(text)


def apply_parse(sentence: DraftSentence, frog_tokens: list[FrogToken] | None) -> None:
    """Copy Frog's tags and heads onto our tokens (an MWU's parts share its row)."""
    if not frog_tokens:
        return
    first_of = {ft.index: ft.source[0] for ft in frog_tokens}
    for ft in frog_tokens:
        for position in ft.source:
            token = sentence.tokens[position]
            token.tag = ft.tag
            token.relation = ft.relation
            if position != ft.source[0]:
                token.head, token.relation = ft.source[0], "mwp"
            else:
                token.head = first_of.get(ft.head) if ft.head else None
            if token.skip_reason is None and ft.pos == "SPEC" and "deeleigen" in ft.features:
                token.skip_reason = "name"
            if token.skip_reason is None and ft.pos == "N" and "eigen" in ft.features:
                token.skip_reason = "name"
    sentence.parsed = True
    sentence.frog = frog_tokens


def is_content_word(token: DraftToken) -> bool:
    """Nouns, adjectives and lexical verbs (LiNT's content words, without its
    list of manner adverbs). Without the parser: any word that is not a
    function word."""
    if not token.is_word:
        return False
    if token.tag is None:
        return token.lower not in STOP_WORDS and len(token.text) > 1
    if token.pos in ("N", "ADJ"):
        return True
    return token.pos == "WW" and token.lemma.lower() not in AUXILIARIES


def counts_for_frequency(token: DraftToken) -> bool:
    """Content words minus names, amounts, dates and reference numbers."""
    return is_content_word(token) and token.skip_reason is None and not is_acronym(token.text)


@lru_cache(maxsize=65536)
def word_zipf(word: str) -> float:
    """Zipf frequency (log10 per billion words) from wordfreq. A compound of
    two common words counts as its last part, as LiNT does ("huur-toeslag")."""
    word = word.lower()
    zipf = zipf_frequency(word, "nl")
    if zipf < MIN_PART_ZIPF:
        head = common_head(word)
        if head:
            zipf = max(zipf, zipf_frequency(head, "nl"))
    return max(zipf, ZIPF_FLOOR)


@lru_cache(maxsize=65536)
def common_head(word: str) -> str | None:
    """The last part of a compound when both parts are common words."""
    for start in range(3, len(word) - 2):
        head = word[start:]
        if zipf_frequency(head, "nl") < MIN_PART_ZIPF:
            continue
        modifier = word[:start]
        for linker in LINKERS:
            if linker and not modifier.endswith(linker):
                continue
            stem = modifier[: len(modifier) - len(linker)] if linker else modifier
            if len(stem) >= 3 and zipf_frequency(stem, "nl") >= MIN_PART_ZIPF:
                return head
    return None

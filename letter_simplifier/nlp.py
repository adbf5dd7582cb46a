"""The Dutch language pipeline: spaCy's blank Dutch tokenizer, simplemma lemmas
and a sentence splitter that knows letter layout.

No trained Dutch spaCy pipeline can be installed here, and spaCy's Dutch lookup
lemmatizer misses most verb forms, so lemmas come from simplemma. spaCy's Dutch
tokenizer already keeps abbreviations such as "d.d.", "t.a.v." and "art." as one
token, so a lone "." token is a real full stop.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import numpy
import simplemma
import spacy
from spacy.language import Language
from spacy.tokens import Doc

SENTENCE_END = {".", "!", "?", "…"}
LINE = re.compile(r"[^\n\f]*")
# A line that ends like this never runs on into the next line.
CLOSED_LINE = re.compile(r"([.!?:;]|\b\d{4})\s*$")


@Language.component("simplemma_lemmas")
def simplemma_lemmas(doc: Doc) -> Doc:
    for token in doc:
        if token.is_alpha:
            token.lemma_ = lemma(token.lower_)
        else:
            token.lemma_ = token.lower_
    return doc


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    return simplemma.lemmatize(word, lang="nl")


def layout_breaks(text: str) -> set[int]:
    """Offsets of line starts that begin a new sentence because of layout.

    A paragraph break always does. A single line break does when the line
    before it is clearly shorter than the text's wrapped lines (address
    blocks, table rows, "Kenmerk:" lines) or ends in closing punctuation.
    """
    lines = [(m.start(), m.group()) for m in LINE.finditer(text) if m.group().strip()]
    lengths = sorted(len(line.rstrip()) for _, line in lines)
    wrap_width = lengths[int(len(lengths) * 0.9)] if lengths else 0
    breaks: set[int] = set()
    previous_end: int | None = None
    previous_line = ""
    for start, line in lines:
        if previous_end is not None:
            gap = text[previous_end:start]
            short = len(previous_line.rstrip()) < wrap_width * 0.7
            # A table row (cells apart by tabs) never runs on into the next line.
            table_row = "\t" in previous_line.strip()
            closed = CLOSED_LINE.search(previous_line) and not ends_in_abbreviation(previous_line)
            # A page break inside a paragraph is judged like a line break.
            if gap.count("\n") >= 2 or short or table_row or closed:
                breaks.add(start + len(line) - len(line.lstrip()))
        previous_end = start + len(line)
        previous_line = line
    return breaks


def ends_in_abbreviation(line: str) -> bool:
    words = line.split()
    return bool(words) and words[-1].lower() in abbreviations()


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """Dutch abbreviations with a full stop, from spaCy's tokenizer exceptions."""
    # The class's defaults: no tokenizer is built for this (that takes a second).
    from spacy.lang.nl import Dutch

    exceptions = Dutch.Defaults.tokenizer_exceptions
    return frozenset(key.lower() for key in exceptions if key.endswith(".") and len(key) > 1)


@Language.component("letter_sentences")
def letter_sentences(doc: Doc) -> Doc:
    breaks = layout_breaks(doc.text)
    after_stop = True
    starts = []  # 1: a sentence starts here, -1: it does not
    for token in doc:
        if token.is_space:
            starts.append(-1)
            continue
        starts.append(1 if after_stop or token.idx in breaks else -1)
        after_stop = token.text in SENTENCE_END
    # All at once: setting token.is_sent_start checks the whole doc every time,
    # which made long texts quadratic.
    if starts:
        values: Any = numpy.array(starts, dtype="int64").astype("uint64").reshape(-1, 1)
        doc.from_array(["SENT_START"], values)
    return doc


@lru_cache(maxsize=1)
def pipeline() -> Language:
    nlp = spacy.blank("nl")
    nlp.add_pipe("simplemma_lemmas")
    nlp.add_pipe("letter_sentences")
    nlp.max_length = 2_000_000
    return nlp


def parse(text: str) -> Doc:
    return pipeline()(text)


def is_dutch(text: str) -> bool:
    """True when most words are Dutch (simplemma's word-list check)."""
    sample = " ".join(text.split()[:400])
    return simplemma.in_target_language(sample, lang="nl") >= 0.5

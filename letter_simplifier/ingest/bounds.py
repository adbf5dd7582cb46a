"""How much text a letter may hold, so that no later stage works for minutes on
a small hostile file (issue 17).

Every reader passes its text through `tidy` (text, Word) or its words through
`clip_word` (PDF and OCR, in layout.py), and `ingest` checks the Document with
`check_bounds`. Measured on the 117 text letters in samples/: the longest has
13,879 characters and 9 pages; the longest run without a space is 85 characters
(a line of dashes), the longest word of letters 26 ("rechtsbijstandsverzekeraar");
at most 3 empty lines and 59 spaces in a row (a table).
"""

from __future__ import annotations

import re

from ..errors import LetterTooLong, TooManyPages
from ..model import Document

MAX_PAGES = 20  # for every kind of file: PDF pages, photos, form feeds in a text
MAX_CHARACTERS = 150_000  # more than 20 dense pages
# A word longer than this is no word (a pasted hash, a run of one letter): it is
# cut to this length. Dutch compounds in letters stay far below it.
MAX_WORD = 100
# Runs of empty lines, spaces and empty pages carry no text: kept short.
MAX_NEWLINES = 4  # three empty lines
MAX_SPACES = 80

LONG_WORD = re.compile(rf"\S{{{MAX_WORD + 1},}}")
BLANK_LINES = re.compile(rf"(?:[ \t]*\n){{{MAX_NEWLINES + 1},}}")
SPACES = re.compile(rf"[ \t]{{{MAX_SPACES + 1},}}")
EMPTY_PAGES = re.compile(r"(?:\f\s*){2,}")


def clip_word(word: str) -> str:
    return word if len(word) <= MAX_WORD else word[:MAX_WORD]


def tidy(text: str) -> str:
    """The text with runs of blank lines, spaces and empty pages shortened and
    over-long words cut; every pattern here is linear in the text."""
    text = EMPTY_PAGES.sub("\f", text)
    text = BLANK_LINES.sub("\n" * MAX_NEWLINES, text)
    text = SPACES.sub(" " * MAX_SPACES, text)
    return LONG_WORD.sub(lambda m: m.group()[:MAX_WORD], text)


def check_bounds(document: Document) -> Document:
    if len(document.pages) > MAX_PAGES:
        raise TooManyPages()
    if len(document.text) > MAX_CHARACTERS:
        raise LetterTooLong(detail=f"{len(document.text)} characters")
    return document

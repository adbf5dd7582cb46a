"""Plain text letters (.txt) in UTF-8 or Windows-1252."""

from __future__ import annotations

import bisect
import re

from ..errors import NoText
from ..model import Document, Page, Word
from .bounds import tidy

WORD = re.compile(r"\S+")


def decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def read_text(data: bytes, filename: str) -> Document:
    text = decode(data).replace("\r\n", "\n").replace("\r", "\n")
    text = tidy(text.replace("\u00a0", " "))
    if not any(ch.isalpha() for ch in text):
        raise NoText()
    pages: list[Page] = []
    offset = 0
    # A form feed separates pages, as in text exported from a printer driver.
    for number, chunk in enumerate(text.split("\f"), start=1):
        pages.append(Page(number, offset, offset + len(chunk)))
        offset += len(chunk) + 1
    starts = [page.start for page in pages]
    words = [Word(m.group(), bisect.bisect_right(starts, m.start()), m.start(), m.end())
             for m in WORD.finditer(text)]
    return Document(filename=filename, media_type="text/plain", method="plain-text",
                    text=text, pages=pages, original=data, words=words)

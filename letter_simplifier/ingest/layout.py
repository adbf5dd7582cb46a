"""Turn positioned words into reading-order text with offsets.

Shared by every backend that has word boxes (PDF text layer now, OCR later):
words are grouped into lines by their vertical position, lines into
paragraphs by the gaps between them. A wide horizontal gap inside a line
(a table column) becomes a tab, so later stages see table cells apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Page, Word
from .bounds import clip_word


@dataclass(frozen=True)
class RawWord:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    confidence: float | None = None


def group_lines(words: list[RawWord]) -> list[list[RawWord]]:
    """Cluster words whose vertical centres lie within half a line height."""
    lines: list[list[RawWord]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        centre = (word.top + word.bottom) / 2
        height = max(word.bottom - word.top, 1.0)
        for line in reversed(lines[-3:]):
            ref = line[0]
            if abs((ref.top + ref.bottom) / 2 - centre) < height * 0.5:
                line.append(word)
                break
        else:
            lines.append([word])
    for line in lines:
        line.sort(key=lambda w: w.x0)
    lines.sort(key=lambda line: min(w.top for w in line))
    return lines


def page_text(words: list[RawWord], page: int, offset: int) -> tuple[str, list[Word]]:
    """Lay out one page; return its text and the words with document offsets."""
    parts: list[str] = []
    placed: list[Word] = []
    cursor = offset
    previous_bottom: float | None = None
    for line in group_lines(words):
        height = max(w.bottom - w.top for w in line)
        top = min(w.top for w in line)
        if previous_bottom is not None:
            # A gap of more than about one empty line marks a new paragraph.
            separator = "\n\n" if top - previous_bottom > height * 0.9 else "\n"
            parts.append(separator)
            cursor += len(separator)
        previous_x1: float | None = None
        for word in line:
            text = clip_word(word.text)
            if previous_x1 is not None:
                gap = word.x0 - previous_x1
                separator = "\t" if gap > height * 1.5 else " "
                parts.append(separator)
                cursor += 1
            parts.append(text)
            placed.append(
                Word(text, page, cursor, cursor + len(text), word.x0, word.top,
                     word.x1, word.bottom, word.confidence)
            )
            cursor += len(text)
            previous_x1 = word.x1
        previous_bottom = max(w.bottom for w in line)
    return "".join(parts), placed


@dataclass(frozen=True)
class PageWords:
    """One page before layout: its words with boxes, and its size."""

    words: list[RawWord]
    width: float
    height: float


def assemble(pages: list[PageWords]) -> tuple[str, list[Word], list[Page]]:
    """Lay out every page and join them with form feeds: the document's text,
    its words with offsets, and where each page starts and ends."""
    texts: list[str] = []
    words: list[Word] = []
    placed_pages: list[Page] = []
    offset = 0
    for number, page in enumerate(pages, start=1):
        if texts:
            texts.append("\f")
            offset += 1
        text, placed = page_text(page.words, number, offset)
        placed_pages.append(Page(number, offset, offset + len(text), page.width, page.height))
        texts.append(text)
        words.extend(placed)
        offset += len(text)
    return "".join(texts), words, placed_pages

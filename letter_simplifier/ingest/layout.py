"""Turn positioned words into reading-order text with offsets.

Shared by every backend that has word boxes (PDF text layer now, OCR later):
words are grouped into lines by their vertical position, lines into
paragraphs by the gaps between them. A wide horizontal gap inside a line
(a table column) becomes a tab, so later stages see table cells apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Word


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
            if previous_x1 is not None:
                gap = word.x0 - previous_x1
                separator = "\t" if gap > height * 1.5 else " "
                parts.append(separator)
                cursor += 1
            parts.append(word.text)
            placed.append(
                Word(word.text, page, cursor, cursor + len(word.text), word.x0, word.top,
                     word.x1, word.bottom, word.confidence)
            )
            cursor += len(word.text)
            previous_x1 = word.x1
        previous_bottom = max(w.bottom for w in line)
    return "".join(parts), placed

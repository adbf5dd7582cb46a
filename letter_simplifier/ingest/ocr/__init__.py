"""OCR: photos and scanned pages in, a Document out, laid out like a text PDF.

    pages (SourceImage) -> prepare (prepare.py) -> Tesseract (tesseract.py)
        -> words with boxes and confidence (reread.py, wordfix.py)
        -> ..layout.assemble -> proven repairs (repair.py) -> Document

The pages of one letter are read in parallel, one Tesseract process per core.
A page whose first read does not look like text is checked for being upside
down or sideways (Tesseract's orientation detection costs about a second, so
only then). A page that still gives no text raises an error that says how to
take a better photo (quality.py).
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace

import numpy as np

from ...errors import NoLetterInPhoto
from ...model import Document, PageImage
from ..layout import PageWords, RawWord, assemble
from . import quality, tesseract
from .dashes import find_dash_rows
from .images import SourceImage
from .prepare import (
    DEFAULT_STEPS,
    WorkPage,
    components,
    letter_height,
    prepare_page,
    start,
    turn_quarter,
)
from .repair import repair_text
from .reread import reread
from .wordfix import fix_words

# A page with fewer words than this is short (or empty), not upside down.
SHORT_PAGE = 10
# Tesseract's orientation confidence below this is a guess.
MIN_TURN_CONFIDENCE = 1.5


@dataclass(frozen=True)
class OcrOptions:
    """How pages are read: which preparation steps run, in which order."""

    steps: tuple[str, ...] = DEFAULT_STEPS
    turn: bool = True  # check upside-down and sideways pages with Tesseract's OSD
    workers: int | None = None  # pages read at once; default: one per core
    psm: int = tesseract.DEFAULT_PSM  # Tesseract's page segmentation mode
    reread: bool = True  # read unsure numbers again, enlarged (reread.py)


@dataclass(frozen=True)
class PageRead:
    words: list[tesseract.OcrWord]
    page: WorkPage
    blank: bool = False


def read_page(source: SourceImage, label: int | None, options: OcrOptions) -> PageRead:
    """Prepare one page and read it; raise an UnreadablePhoto when that fails."""
    first = start(source.grey)
    quality.check_before_ocr(first.grey, label)
    page = prepare_page(first, options.steps)
    words = tesseract.read_words(page.grey, options.psm)
    if options.turn and len(words) >= SHORT_PAGE and not quality.looks_right(words):
        page, words = turn_and_read(page, words, options)
    words = quality.without_noise(words)
    if quality.looks_right(words):
        if options.reread:
            words = reread(page.grey, words)
        return PageRead(words + dash_rows(page, words), page)
    if len(words) < SHORT_PAGE and label is not None:
        # The last page of a letter in several photos: a greeting, a name.
        return PageRead(words, page)
    if letter_height(page.grey) is None:
        # A back side or an empty page has (almost) no letters at all.
        return PageRead([], page, blank=True)
    raise quality.unreadable(first.grey, label)


def turn_and_read(page: WorkPage, words: list[tesseract.OcrWord], options: OcrOptions
                  ) -> tuple[WorkPage, list[tesseract.OcrWord]]:
    """A first read that is no text: the page may be upside down or sideways.
    Tesseract's orientation check says which way; a page that deskew took for
    sideways (a short page can look so) is also tried the other way back."""
    turns = []
    quarters, confidence = tesseract.orientation(page.grey)
    if quarters and confidence >= MIN_TURN_CONFIDENCE:
        turns.append(quarters // 90)
    if "turn_sideways" in page.done and 3 not in turns:
        turns.append(3)
    for quarters in turns:
        turned = turn_quarter(page, quarters, "turn")
        turned_words = tesseract.read_words(turned.grey, options.psm)
        if quality.readable_words(turned_words) > quality.readable_words(words):
            page, words = turned, turned_words
        if quality.looks_right(words):
            break
    return page, words


def dash_rows(page: WorkPage, words: list[tesseract.OcrWord]) -> list[tesseract.OcrWord]:
    """Rows of hyphens that Tesseract dropped as drawn lines (see dashes.py)."""
    stats, centres = page.pieces or components(page.grey)
    letter = letter_height(page.grey, stats)
    if letter is None:
        return []
    return [row for row in find_dash_rows(stats, centres, letter)
            if not any(overlaps(row, word) for word in words)]


def overlaps(a: tesseract.OcrWord, b: tesseract.OcrWord) -> bool:
    return (a.left < b.left + b.width and b.left < a.left + a.width
            and a.top < b.top + b.height and b.top < a.top + a.height)


def read_all(sources: list[SourceImage], options: OcrOptions) -> list[PageRead]:
    labels = [i + 1 if len(sources) > 1 else None for i in range(len(sources))]
    workers = options.workers or os.cpu_count() or 1
    if workers == 1 or len(sources) == 1:
        return [read_page(s, label, options) for s, label in zip(sources, labels, strict=True)]
    with ThreadPoolExecutor(max_workers=min(workers, len(sources))) as pool:
        futures = [pool.submit(read_page, s, label, options)
                   for s, label in zip(sources, labels, strict=True)]
        return [future.result() for future in futures]


def raw_words(words: list[tesseract.OcrWord]) -> list[RawWord]:
    """Words for the layout, each given the height band of its Tesseract line.

    On a photo the lines are never quite straight; the layout groups words by
    height, so without this a word at the end of a sloping line can end up on
    the next one. Tesseract follows the line itself."""
    bands: dict[tuple[int, int, int], list[tesseract.OcrWord]] = {}
    for word in words:
        bands.setdefault(word.line, []).append(word)
    raw: list[RawWord] = []
    for line in bands.values():
        top = float(np.median([w.top for w in line]))
        bottom = float(np.median([w.top + w.height for w in line]))
        raw.extend(RawWord(w.text, w.left, top, w.left + w.width, bottom, w.confidence)
                   for w in line)
    return raw


def page_image(source: SourceImage, page: WorkPage) -> PageImage:
    # Word boxes -> decoded pixels (page.to_source) -> full-size original.
    full = np.diag([1 / source.scale, 1 / source.scale, 1.0]) @ page.to_source
    return PageImage(source.data, source.media_type, source.frame,
                     tuple(float(v) for v in full.ravel()))


def read_pages(sources: list[SourceImage], filename: str, media_type: str,
               original: bytes = b"", options: OcrOptions | None = None) -> Document:
    """OCR every page and lay the words out as text, like a text-layer PDF."""
    options = options or OcrOptions()
    reads = read_all(sources, options)
    if all(r.blank for r in reads):
        raise NoLetterInPhoto()
    fixed = fix_words([r.words for r in reads])
    reads = [replace(r, words=words) for r, words in zip(reads, fixed, strict=True)]
    text, words, pages = assemble([
        PageWords(raw_words(r.words), float(r.page.grey.shape[1]), float(r.page.grey.shape[0]))
        for r in reads])
    # Misreads that a checksum or a real date proves (same length: offsets stay).
    text, repairs = repair_text(text)
    if repairs:
        words = [replace(w, text=text[w.start:w.end]) for w in words]
    confidences = [w.confidence for w in words if w.confidence is not None]
    return Document(
        filename=filename, media_type=media_type, method="ocr", text=text,
        pages=pages, words=words, original=original, repairs=tuple(repairs),
        ocr_confidence=round(float(np.mean(confidences)), 3) if confidences else None,
        page_images=[page_image(s, r.page) for s, r in zip(sources, reads, strict=True)],
    )


__all__ = ["OcrOptions", "read_pages", "SourceImage"]

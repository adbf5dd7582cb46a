"""Scanned PDFs: pages without a usable text layer are rendered and OCR'd.

Pages are rendered at 300 dpi: the resolution Tesseract is trained for and
the one most scanners use. Below it, small print (8 pt footers, amounts in
tables) loses strokes; above it, Tesseract only takes longer (on the samples
400 dpi took about 30% longer per page for no fewer errors).
"""

from __future__ import annotations

import re

import numpy as np
import pypdfium2 as pdfium

from ..errors import CorruptFile, NoLetterInPhoto, NoText
from ..model import Document
from .ocr import read_pages
from .ocr.images import SourceImage
from .ocr.quality import is_real_word

RENDER_DPI = 300
# In a real letter most words are real Dutch or English words (names and
# codes are the rest); a mis-encoded font gives almost none.
MIN_REAL_WORDS = 0.5
WORD = re.compile(r"[^\W\d_]{2,}")


def usable_text_layer(text: str) -> bool:
    """False for gibberish: pdfminer's "(cid:12)" glyph codes, or letters that
    form no words (a font whose characters map to the wrong letters)."""
    words = WORD.findall(text)
    if text.count("(cid:") > 10 or len(words) < 10:
        return False
    return sum(is_real_word(w) for w in words) / len(words) >= MIN_REAL_WORDS


def render(data: bytes) -> list[SourceImage]:
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        raise CorruptFile(detail=type(error).__name__) from None
    scale = RENDER_DPI / 72
    try:
        return [SourceImage(np.asarray(page.render(scale=scale, grayscale=True).to_pil()
                                       .convert("L")),
                            data, "application/pdf", index, scale)
                for index, page in enumerate(document)]
    finally:
        document.close()


def read_scanned(data: bytes, filename: str, page_count: int) -> Document:
    sources = render(data)
    if not sources:
        raise NoText()
    try:
        return read_pages(sources, filename, "application/pdf", original=data)
    except NoLetterInPhoto:
        # Empty pages: there is nothing to read in this PDF.
        raise NoText() from None

"""PDF letters with a text layer, read through pdfplumber."""

from __future__ import annotations

import io
import logging

import pdfplumber
import pypdf
from pypdf.errors import FileNotDecryptedError, LimitReachedError, PdfReadError

from ..errors import CorruptFile, EncryptedPdf, TooLarge, TooManyPages
from ..model import Document, Page, Word
from .layout import RawWord, page_text
from .scan import read_scanned, usable_text_layer

log = logging.getLogger(__name__)
# pypdf and pdfminer warn about every damaged object; the caller gets one clear error.
for _noisy in ("pypdf", "pdfminer"):
    logging.getLogger(_noisy).setLevel(logging.ERROR)

MAX_PAGES = 20
# Fewer letters than this on all pages together means there is no usable text layer.
MIN_TEXT_CHARS = 40


# A letter's pages hold a few hundred KB of drawing commands at most. More than
# this, decompressed, is a "PDF bomb" that would keep the text parser busy for minutes.
MAX_CONTENT_BYTES = 16 * 1024 * 1024


def check_readable(data: bytes) -> int:
    """Fail clearly on encrypted, broken or bomb PDFs; return the page count."""
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise EncryptedPdf()
        if len(reader.pages) > MAX_PAGES:
            raise TooManyPages()
        content_bytes = 0
        for page in reader.pages:
            contents = page.get_contents()
            content_bytes += len(contents.get_data()) if contents is not None else 0
            if content_bytes > MAX_CONTENT_BYTES:
                raise TooLarge(detail="content streams")
        return len(reader.pages)
    except (EncryptedPdf, TooManyPages, TooLarge):
        raise
    except LimitReachedError:
        raise TooLarge(detail="decompression limit") from None
    except (FileNotDecryptedError, NotImplementedError) as error:
        raise EncryptedPdf(detail=type(error).__name__) from None
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError,
            RecursionError, IndexError) as error:
        raise CorruptFile(detail=type(error).__name__) from None


def read_pdf(data: bytes, filename: str) -> Document:
    page_count = check_readable(data)
    if page_count == 0:
        raise CorruptFile(detail="no pages")
    if page_count > MAX_PAGES:
        raise TooManyPages()
    texts: list[str] = []
    words: list[Word] = []
    pages: list[Page] = []
    offset = 0
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for number, plumber_page in enumerate(pdf.pages, start=1):
                raw = [
                    RawWord(w["text"], w["x0"], w["top"], w["x1"], w["bottom"])
                    for w in plumber_page.extract_words(keep_blank_chars=False, x_tolerance=1.5)
                ]
                if texts:
                    texts.append("\f")
                    offset += 1
                text, placed = page_text(raw, number, offset)
                pages.append(Page(number, offset, offset + len(text),
                                  float(plumber_page.width), float(plumber_page.height)))
                texts.append(text)
                words.extend(placed)
                offset += len(text)
    except Exception as error:  # pdfminer raises many unrelated types on broken files
        log.info("pdf text layer unreadable: %s", type(error).__name__)
        raise CorruptFile(detail=type(error).__name__) from None
    full_text = "".join(texts)
    # A scan has no text layer; a PDF with broken font encodings has one of
    # gibberish. Both are read from their pictures instead (OCR).
    if sum(ch.isalpha() for ch in full_text) < MIN_TEXT_CHARS or not usable_text_layer(full_text):
        return read_scanned(data, filename, page_count)
    return Document(
        filename=filename, media_type="application/pdf", method="text-layer",
        text=full_text, pages=pages, words=words, original=data,
    )

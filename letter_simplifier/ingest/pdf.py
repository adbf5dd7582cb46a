"""PDF letters with a text layer, read through pdfplumber."""

from __future__ import annotations

import io
import logging

import pdfplumber
import pypdf
from pypdf.errors import FileNotDecryptedError, LimitReachedError, PdfReadError

from ..errors import CorruptFile, EncryptedPdf, TooLarge, TooManyPages
from ..model import Document
from .bounds import MAX_PAGES
from .layout import PageWords, RawWord, assemble
from .scan import read_scanned, usable_text_layer

log = logging.getLogger(__name__)
# pypdf and pdfminer warn about every damaged object; the caller gets one clear error.
for _noisy in ("pypdf", "pdfminer"):
    logging.getLogger(_noisy).setLevel(logging.ERROR)

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
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [
                PageWords([RawWord(w["text"], w["x0"], w["top"], w["x1"], w["bottom"])
                           for w in page.extract_words(keep_blank_chars=False, x_tolerance=1.5)],
                          float(page.width), float(page.height))
                for page in pdf.pages
            ]
    except Exception as error:  # pdfminer raises many unrelated types on broken files
        log.info("pdf text layer unreadable: %s", type(error).__name__)
        raise CorruptFile(detail=type(error).__name__) from None
    full_text, words, layout_pages = assemble(pages)
    # A scan has no text layer; a PDF with broken font encodings has one of
    # gibberish. Both are read from their pictures instead (OCR).
    if sum(ch.isalpha() for ch in full_text) < MIN_TEXT_CHARS or not usable_text_layer(full_text):
        return read_scanned(data, filename, page_count)
    return Document(
        filename=filename, media_type="application/pdf", method="text-layer",
        text=full_text, pages=layout_pages, words=words, original=data,
    )

"""Stage 1: bytes in, Document out. The backend is chosen by content, not name."""

from __future__ import annotations

from collections.abc import Callable

from ..errors import EmptyFile, TooLarge, UnsupportedFileType
from ..model import Document
from .pdf import read_pdf
from .sniff import sniff
from .text import read_text

MAX_BYTES = 25 * 1024 * 1024

# One reader per media type; photos and scans (OCR) slot in here as well.
READERS: dict[str, Callable[[bytes, str], Document]] = {
    "application/pdf": read_pdf,
    "text/plain": read_text,
}

IMAGE_MESSAGE = (
    "Foto's van brieven kunnen we nog niet lezen. "
    "Stuur de brief als PDF of als tekstbestand."
)


def ingest(data: bytes, filename: str = "brief") -> Document:
    """Read a letter from its bytes."""
    if not data or not data.strip():
        raise EmptyFile()
    if len(data) > MAX_BYTES:
        raise TooLarge()
    media_type = sniff(data)
    reader = READERS.get(media_type)
    if reader is None:
        if media_type.startswith("image/"):
            raise UnsupportedFileType(IMAGE_MESSAGE, detail=media_type)
        raise UnsupportedFileType(detail=media_type)
    return reader(data, filename)


__all__ = ["ingest", "sniff", "READERS", "MAX_BYTES"]

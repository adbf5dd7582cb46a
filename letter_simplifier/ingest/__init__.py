"""Stage 1: bytes in, Document out. The backend is chosen by content, not name."""

from __future__ import annotations

from collections.abc import Callable

from ..errors import EmptyFile, TooLarge, UnsupportedFileType
from ..model import Document
from .bounds import check_bounds
from .image import IMAGE_TYPES, read_image, read_photos
from .pdf import read_pdf
from .sniff import sniff
from .text import read_text

MAX_BYTES = 25 * 1024 * 1024

# One reader per media type. Photos and scans go through OCR (image.py, and
# pdf.py for a PDF without a usable text layer).
READERS: dict[str, Callable[[bytes, str], Document]] = {
    "application/pdf": read_pdf,
    "text/plain": read_text,
    **{media_type: read_image for media_type in IMAGE_TYPES},
}


def ingest(data: bytes, filename: str = "brief") -> Document:
    """Read a letter from its bytes."""
    if not data or not data.strip():
        raise EmptyFile()
    if len(data) > MAX_BYTES:
        raise TooLarge()
    media_type = sniff(data)
    reader = READERS.get(media_type)
    if reader is None:
        raise UnsupportedFileType(detail=media_type)
    return check_bounds(reader(data, filename))


def ingest_pages(files: list[tuple[bytes, str]]) -> Document:
    """Read one letter from several photos, one page each, in the order given."""
    if sum(len(data) for data, _ in files) > MAX_BYTES:
        raise TooLarge()
    if len(files) == 1:
        return ingest(*files[0])
    return check_bounds(read_photos(files))


__all__ = ["ingest", "ingest_pages", "sniff", "READERS", "MAX_BYTES"]

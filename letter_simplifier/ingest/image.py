"""Photos and scans of letters: one image file, or several photos as the pages
of one letter (in the order given). The words come from OCR (../ocr/)."""

from __future__ import annotations

from ..errors import EmptyFile, TooManyPages, UnsupportedFileType
from ..model import Document
from .ocr import read_pages
from .ocr.images import MAX_FRAMES, SourceImage, decode
from .sniff import sniff

IMAGE_TYPES = ("image/jpeg", "image/png", "image/webp", "image/tiff", "image/heif",
               "image/gif", "image/bmp")
MAX_PHOTOS = 20

PDF_AMONG_PHOTOS = (
    "Je stuurde een PDF samen met foto's. Stuur de PDF apart, "
    "of stuur alleen foto's van de bladzijden van de brief."
)


def read_image(data: bytes, filename: str) -> Document:
    media_type = sniff(data)
    return read_pages(decode(data, media_type), filename, media_type, original=data)


def read_photos(files: list[tuple[bytes, str]]) -> Document:
    """Several photos, one letter: page order is the order of `files`."""
    if not files:
        raise EmptyFile()
    if len(files) > MAX_PHOTOS:
        raise TooManyPages()
    sources: list[SourceImage] = []
    media_types = []
    for data, _name in files:
        if not data or not data.strip():
            raise EmptyFile()
        media_type = sniff(data)
        if media_type == "application/pdf":
            raise UnsupportedFileType(PDF_AMONG_PHOTOS, detail="pdf among photos")
        if media_type not in IMAGE_TYPES:
            raise UnsupportedFileType(detail=media_type)
        sources.extend(decode(data, media_type))
        media_types.append(media_type)
        if len(sources) > MAX_FRAMES:
            raise TooManyPages()
    media_type = media_types[0] if len(set(media_types)) == 1 else "image/mixed"
    filename = files[0][1] if len(files) == 1 else f"{files[0][1]} (+{len(files) - 1})"
    return read_pages(sources, filename, media_type,
                      original=files[0][0] if len(files) == 1 else b"")

"""A draft letter from what a writer has: pasted text, Word (.docx), PDF or
text, each read by ingest."""

from __future__ import annotations

from ..errors import EmptyFile
from ..ingest import ingest
from ..ingest.docx import is_docx, read_docx
from ..ingest.text import read_text
from ..model import Document

__all__ = ["draft_from_text", "is_docx", "read_draft"]


def read_draft(data: bytes, filename: str = "concept") -> Document:
    """Read an uploaded draft: Word, PDF or text."""
    if is_docx(data):
        return read_docx(data, filename)
    return ingest(data, filename)


def draft_from_text(text: str, filename: str = "tekst") -> Document:
    """A pasted draft."""
    if not text or not text.strip():
        raise EmptyFile("Er staat geen tekst in het vak. Plak eerst de tekst van uw brief.")
    return read_text(text.encode("utf-8"), filename)

"""A draft letter from what a writer has: pasted text, Word (.docx), PDF or
text. PDF and text go through ingest; Word is read here with python-docx.
The type comes from the content: a .docx is a zip with word/document.xml."""

from __future__ import annotations

import io
import zipfile

from ..errors import CorruptFile, EmptyFile, NoText
from ..ingest import ingest
from ..ingest.text import WORD, read_text
from ..model import Document, Page, Word

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def is_docx(data: bytes) -> bool:
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


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


def read_docx(data: bytes, filename: str) -> Document:
    """Paragraphs and table rows in document order. Each paragraph ends a
    sentence, as it does in Word, so paragraphs are joined by a blank line;
    table cells are joined by tabs, like a row in a text letter."""
    from docx import Document as WordDocument
    from docx.table import Table

    try:
        word = WordDocument(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds for a broken file
        raise CorruptFile(detail=type(error).__name__) from None
    blocks: list[str] = []
    for block in word.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                cells = [" ".join(cell.text.split()) for cell in row.cells]
                if any(cells):
                    blocks.append("\t".join(cells))
        elif block.text.strip():
            blocks.append(block.text.strip())
    text = "\n\n".join(blocks)
    if not any(ch.isalpha() for ch in text):
        raise NoText("Er staat geen tekst in dit Word-bestand.")
    document = Document(filename=filename, media_type=DOCX_TYPE, method="docx", text=text,
                        pages=[Page(1, 0, len(text))], original=data)
    document.words = [Word(m.group(), 1, m.start(), m.end()) for m in WORD.finditer(text)]
    return document

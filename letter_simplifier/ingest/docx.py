"""Word (.docx) files: paragraphs and table rows in document order, read with
python-docx. Only the readability check takes Word files (agencies' drafts);
a letter upload never does. The type comes from the content: a .docx is a zip
with word/document.xml."""

from __future__ import annotations

import io
import zipfile

from ..errors import CorruptFile, NoText
from ..model import Document, Page, Word
from .bounds import tidy
from .text import WORD

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def is_docx(data: bytes) -> bool:
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


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
    text = tidy("\n\n".join(blocks))
    if not any(ch.isalpha() for ch in text):
        raise NoText("Er staat geen tekst in dit Word-bestand.")
    return Document(filename=filename, media_type=DOCX_TYPE, method="docx", text=text,
                    pages=[Page(1, 0, len(text))], original=data,
                    words=[Word(m.group(), 1, m.start(), m.end()) for m in WORD.finditer(text)])

"""Readability check for agency writers: how hard is a draft, where exactly,
and what to write instead. Entry points: `check_text`, `check_file`,
`check_document` and `compare`. See README, "Readability check for agencies".
"""

from __future__ import annotations

from ..glossary import Glossary
from .check import AUTO, check_document
from .compare import Comparison, compare
from .draft import draft_from_text, read_draft
from .report import Flag, Report


def check_text(text: str, *, parser=AUTO, glossary: Glossary | None = None) -> Report:
    return check_document(draft_from_text(text), parser=parser, glossary=glossary)


def check_file(data: bytes, filename: str = "concept", *, parser=AUTO,
               glossary: Glossary | None = None) -> Report:
    return check_document(read_draft(data, filename), parser=parser, glossary=glossary)


__all__ = ["AUTO", "Comparison", "Flag", "Report", "check_document", "check_file",
           "check_text", "compare"]

"""The whole way through in one call, for the surfaces (CLI, web, API)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from .analyse import analyse
from .explain import explain
from .explain.contract import to_contract
from .glossary import Glossary
from .ingest import ingest, ingest_pages
from .model import Analysis, Document, Explanation
from .render.crop import with_crops


@dataclass
class Result:
    document: Document
    analysis: Analysis
    explanation: Explanation

    def contract(self) -> dict:
        return to_contract(self.analysis, self.explanation)


# progress(step, fraction): step is "lezen", "begrijpen" or "uitleggen".
Progress = Callable[[str, float], None]


def no_progress(step: str, fraction: float) -> None:
    pass


def explain_letter(data: bytes, filename: str = "brief", *, today: date | None = None,
                   glossary: Glossary | None = None, progress: Progress = no_progress,
                   received: date | None = None) -> Result:
    return explain_files([(data, filename)], today=today, glossary=glossary, progress=progress,
                         received=received)


def explain_files(files: list[tuple[bytes, str]], *, today: date | None = None,
                  glossary: Glossary | None = None, progress: Progress = no_progress,
                  received: date | None = None) -> Result:
    """One letter from one file, or from several photos that are its pages.
    `received`: the day the letter arrived, when the reader says it."""
    progress("lezen", 0.1)
    if len(files) == 1:
        document = ingest(*files[0])
    else:
        document = ingest_pages(files)
    progress("begrijpen", 0.7)
    analysis = analyse(document, glossary, received=received)
    progress("uitleggen", 0.9)
    explanation = with_crops(explain(analysis, today), document)
    return Result(document, analysis, explanation)


def with_received(result: Result, received: date, *,
                  glossary: Glossary | None = None) -> Result:
    """The same letter with the day it arrived, which the reader gives after
    seeing the sheet: terms counted from receipt get their date. The letter is
    not read again; only the analysis and the sheet are made again."""
    analysis = analyse(result.document, glossary, received=received)
    explanation = with_crops(explain(analysis, result.explanation.today), result.document)
    return Result(result.document, analysis, explanation)


def asks_for_received(result: Result) -> bool:
    """A term of the letter counts from the day it arrived."""
    return any(d.depends_on == "ontvangst" or d.received for d in result.analysis.deadlines)

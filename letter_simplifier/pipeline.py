"""The whole way through in one call, for the surfaces (CLI, web, API)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .analyse import analyse
from .explain import explain
from .explain.contract import to_contract
from .glossary import Glossary
from .ingest import ingest
from .model import Analysis, Document, Explanation


@dataclass
class Result:
    document: Document
    analysis: Analysis
    explanation: Explanation

    def contract(self) -> dict:
        return to_contract(self.analysis, self.explanation)


def explain_letter(data: bytes, filename: str = "brief", *, today: date | None = None,
                   glossary: Glossary | None = None) -> Result:
    document = ingest(data, filename)
    analysis = analyse(document, glossary)
    explanation = explain(analysis, today)
    return Result(document, analysis, explanation)

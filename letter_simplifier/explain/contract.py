"""The JSON contract of DESIGN.md: `letter-simplifier explain FILE --json`."""

from __future__ import annotations

from ..model import Analysis, Explanation
from . import how_to_object, plain_action

SCHEMA = "letter-simplifier/explanation@1"


def iso(d) -> str | None:
    return d.isoformat() if d else None


def to_contract(analysis: Analysis, explanation: Explanation) -> dict:
    document = analysis.document
    return {
        "schema": SCHEMA,
        "source": {
            "filename": document.filename,
            "pages": len(document.pages),
            "method": document.method,
            "ocr_confidence": document.ocr_confidence,
        },
        "sender": {"name": analysis.sender.name, "kind": analysis.sender.kind},
        "letter_kind": analysis.letter_kind,
        "letter_date": iso(analysis.letter_date),
        "summary": explanation.summary,
        "deadlines": [
            {"date": iso(d.date), "last_day": iso(d.last_day), "text": d.text,
             "for": d.verb, "rule": d.rule, "page": d.span.page,
             "span": [d.span.start, d.span.end],
             "depends_on_receipt": d.depends_on_receipt, "depends_on": d.depends_on}
            for d in analysis.deadlines
        ],
        "amounts": [
            {"value": a.value, "currency": a.currency, "role": a.role, "text": a.text,
             "page": a.span.page, "span": [a.span.start, a.span.end]}
            for a in analysis.amounts
        ],
        "actions": [
            {"verb": a.verb, "text": a.text, "plain": plain_action(a, analysis),
             "deadline": iso(a.deadline), "page": a.span.page}
            for a in analysis.actions
        ],
        "references": [
            {"kind": r.kind, "text": r.text, "valid": r.valid, "page": r.span.page,
             "span": [r.span.start, r.span.end]}
            for r in analysis.references
        ],
        "objection": {
            "possible": analysis.objection.possible,
            "deadline": iso(analysis.objection.deadline),
            "how": how_to_object(analysis.objection),
        },
        "terms": [
            {"term": t.term, "found": t.found, "plain": t.plain, "page": t.span.page,
             "span": [t.span.start, t.span.end]}
            for t in analysis.terms
        ],
        "warnings": [{"code": w.code, "message": w.message} for w in explanation.warnings],
    }

"""Findings of an OCR'd letter that we must not trust silently.

An amount, a date or a number (IBAN, betalingskenmerk, BSN) is unsure when a
word of it was read with low confidence, or when ingest repaired it
(ingest/ocr/repair.py, recorded in Document.repairs).
Each becomes a notice (code low_ocr_confidence, with what was read and where)
that explain turns into a warning naming it, and the sheet shows "Controleer
dit in de brief" beside it with the spot from the photo.
"""

from __future__ import annotations

from ..model import Analysis, Notice, Span, Unsure, UnsureKind
from .dates import DateMention

# Tesseract's word confidence (0..1) below which a finding is unsure. Measured
# on the degraded samples (bench/ocr_bench.py): right words are read at
# 0.90-0.96; most misread digits stay below this.
UNSURE_CONFIDENCE = 0.80
CHECKED_REFERENCES = ("iban", "betalingskenmerk", "bsn")


def span_confidence(analysis: Analysis, span: Span) -> float | None:
    scores = [w.confidence for w in analysis.document.words
              if w.start < span.end and span.start < w.end and w.confidence is not None]
    return min(scores) if scores else None


def is_unsure(analysis: Analysis, span: Span, repaired: list[tuple[int, int]]
              ) -> tuple[bool, float | None, bool]:
    confidence = span_confidence(analysis, span)
    changed = any(start < span.end and span.start < end for start, end in repaired)
    return (changed or (confidence is not None and confidence < UNSURE_CONFIDENCE),
            confidence, changed)


def find_unsure(analysis: Analysis, dates: list[DateMention],
                repaired: list[tuple[int, int]]) -> list[Unsure]:
    found: list[Unsure] = []

    def check(kind: UnsureKind, text: str, span: Span, value: object) -> None:
        unsure, confidence, changed = is_unsure(analysis, span, repaired)
        if unsure:
            found.append(Unsure(kind, text, span, confidence, changed, value))

    for amount in analysis.amounts:
        check("amount", amount.text, amount.span, amount.value)
    letter_date = next((d for d in dates if d.value == analysis.letter_date), None)
    for deadline in analysis.deadlines:
        own_date = next((d for d in dates if deadline.span.start <= d.start < deadline.span.end),
                        None)
        if own_date:
            check("date", own_date.text, Span(own_date.start, own_date.end, deadline.span.page),
                  deadline.last_day)
        elif letter_date:
            # A term counted from the letter date is as sure as that date.
            check("date", letter_date.text,
                  Span(letter_date.start, letter_date.end,
                       analysis.document.page_at(letter_date.start)), deadline.last_day)
    for reference in analysis.references:
        if reference.kind in CHECKED_REFERENCES:
            check("reference", reference.text, reference.span, reference.text)
    return found


def unsure_notices(unsure: list[Unsure]) -> list[Notice]:
    """One notice per thing read (kind and text), at its first place."""
    notices, seen = [], set()
    for item in unsure:
        if (item.kind, item.text) in seen:
            continue
        seen.add((item.kind, item.text))
        notices.append(Notice("low_ocr_confidence", {
            "kind": item.kind, "text": item.text, "page": item.span.page,
            "repaired": item.repaired}))
    return notices

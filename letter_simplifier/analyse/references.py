"""References the reader needs to act: kenmerk, betalingskenmerk, dossier
numbers, IBAN (checked with python-stdnum) and BSN (checked, then masked).
Which label gives which kind is in data/references.toml."""

from __future__ import annotations

import re
from functools import lru_cache

from stdnum import iban as stdnum_iban
from stdnum.nl import bsn as stdnum_bsn

from ..model import Document, Reference, ReferenceKind, Span
from . import rules

# A value may wrap onto the next line between digit groups ("3000 4417 2095\n8813").
# The value holds a digit within its first groups; a word after the label is skipped.
VALUE = (r"[:.]?\s*(?:[-–]\s*)?(?=[A-Z0-9./ -]{0,24}\d)"
         r"(?P<value>[A-Z0-9][A-Z0-9./-]*(?:[ \n][0-9]{2,}[A-Z0-9./-]*)*)")

IBAN = re.compile(r"\b[A-Z]{2}\d{2}[ \n]?[A-Z]{4}(?:[ \n]?\d){10}\b")
NINE_DIGITS = re.compile(
    r"(?<![\d.,])(\d{4}[. ]?\d{2}[. ]?\d{3}|\d{3}[. ]?\d{3}[. ]?\d{3}|\d{9})(?![\d,])")


@lru_cache(maxsize=1)
def label_patterns() -> tuple[tuple[ReferenceKind, re.Pattern], ...]:
    """(kind, pattern) from data/references.toml; the value follows the label
    on the same line, up to two words after it."""
    return tuple(
        (kind, re.compile(rf"(?P<label>{label})(?:\s+\w+){{0,2}}?{VALUE}", re.IGNORECASE))
        for kind, label in rules.reference_labels())


def mask_bsn(number: str) -> str:
    digits = re.sub(r"\D", "", number)
    return "*****" + digits[-4:]


def clean(kind: str, value: str) -> str:
    value = value.strip().rstrip(".,;")
    if kind in ("betalingskenmerk", "iban", "bsn"):
        return re.sub(r"[\s.]", "", value)
    value = " ".join(value.split())
    return value


def find_references(document: Document) -> list[Reference]:
    text = document.text
    found: list[Reference] = []
    seen: set[tuple[str, str]] = set()
    taken: list[tuple[int, int]] = []

    def add(kind: ReferenceKind, value: str, start: int, end: int, valid: bool | None, label: str):
        key = (kind, value)
        if key in seen:
            return
        seen.add(key)
        taken.append((start, end))
        found.append(Reference(kind, value, valid, Span(start, end, document.page_at(start)),
                               label))

    for m in IBAN.finditer(text):
        value = clean("iban", m.group())
        if value.startswith("NL") or stdnum_iban.is_valid(value):
            add("iban", value, m.start(), m.end(), stdnum_iban.is_valid(value), "IBAN")
    for kind, pattern in label_patterns():
        for m in pattern.finditer(text):
            start, end = m.start("value"), m.end("value")
            if any(s <= start < e for s, e in taken):
                continue
            value = clean(kind, m["value"])
            if not any(ch.isdigit() for ch in value):
                continue
            if kind == "bsn":
                valid = stdnum_bsn.is_valid(value)
                add("bsn", mask_bsn(value), start, end, valid, m["label"])
            else:
                add(kind, value, start, end, None, m["label"])
    # A BSN also appears without its label, e.g. in a reference line "BSN/123456782".
    for m in NINE_DIGITS.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        window = text[max(0, m.start() - 40):m.start()].lower()
        if stdnum_bsn.is_valid(digits) and any(word in window for word in rules.bsn_nearby()):
            if not any(s <= m.start() < e for s, e in taken):
                add("bsn", mask_bsn(digits), m.start(), m.end(), True, "BSN")
    found.sort(key=lambda r: r.span.start)
    return found


def mask_bsns(text: str) -> str:
    """Mask every valid BSN in `text` (for anything a surface shows or stores)."""
    def replace(m: re.Match) -> str:
        digits = re.sub(r"\D", "", m.group())
        return mask_bsn(digits) if stdnum_bsn.is_valid(digits) else m.group()
    return NINE_DIGITS.sub(replace, text)

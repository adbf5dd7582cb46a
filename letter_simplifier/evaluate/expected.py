"""A letter's ground truth (`<name>.expected.json`), as `../shared/ANNOTATION.md` writes it.

```json
{"letter_date": "2026-03-16", "sender": "Gemeente Rotterdam", "sender_aliases": [],
 "sender_kind": "gemeente", "letter_kind": "terugvordering",          (letter_kind optional)
 "deadlines": [{"text": "...", "date": "2026-04-28" | null, "for": "bezwaar_maken", "rule": "..."}],
 "amounts": [{"text": "€ 1.234,56", "value": 1234.56,
              "role": "debt_total" | ["to_pay", "debt_total"]}],
 "actions": [{"verb": "betalen", "text": "..."}],                     (text optional)
 "references": [{"kind": "kenmerk", "label": "Ons kenmerk", "text": "..."}],
 "objection_possible": true | false | null,
 "hard_terms": ["dagtekening", "namens deze"]}
```

`problems()` lists what is wrong with one file against its letter; the corpus
test and `letter-simplifier evaluate --lint` run it on every letter.
"""

from __future__ import annotations

import re
from datetime import date

from stdnum import iban as stdnum_iban
from stdnum.nl import bsn as stdnum_bsn

from ..model import ROLES, SENDER_KINDS, VERBS
from ..nl import MONTHS

# Reference kinds of the annotation; the contract has fewer, CONTRACT_KIND maps them.
REFERENCE_KINDS = ("kenmerk", "betalingskenmerk", "iban", "bsn", "dossiernummer", "zaaknummer",
                   "factuurnummer", "klantnummer", "relatienummer", "other")
CONTRACT_KIND = {"zaaknummer": "dossiernummer", "factuurnummer": "dossiernummer",
                 "klantnummer": "dossiernummer", "relatienummer": "dossiernummer"}
KEYS = ("letter_date", "sender", "sender_aliases", "sender_kind", "deadlines", "amounts",
        "actions", "references", "objection_possible", "hard_terms")

# Left-overs of a template: [naam], [datum invullen], {{bedrag}}, <adres>, xxx, "€ …".
# Other brackets are text: a checkbox "[ ]", a button "[ Log in ]", "[QR-code]"; a row of
# dots after "€" is a blank on a form for the reader.
PLACEHOLDER_WORDS = ("naam", "datum", "adres", "bedrag", "plaats", "postcode", "nummer",
                     "kenmerk", "invullen", "invoegen", "dagtekening", "handtekening", "...")
PLACEHOLDER = re.compile(r"\[[^\]\n]*(?:" + "|".join(re.escape(w) for w in PLACEHOLDER_WORDS)
                         + r")[^\]\n]*\]|\{\{|\}\}|<(?:" + "|".join(PLACEHOLDER_WORDS[:-1])
                         + r")[^>\n@]{0,30}>|\b[Xx]{3,}\b|€\s*…|\bNNN+\b", re.IGNORECASE)
IBAN_LIKE = re.compile(r"\bNL ?\d{2} ?[A-Z]{4}(?: ?\d){10}\b")
BSN_LABELLED = re.compile(r"(?i)\b(?:bsn|burgerservicenummer|sofinummer)\b\W{0,12}"
                          r"((?:\d[ .]?){8}\d)\b")
NUMERIC_DATE = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b")
WRITTEN_DATE = re.compile(r"(?i)\b(\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4})\b")


def roles(amount: dict) -> tuple[str, ...]:
    role = amount["role"]
    return tuple(role) if isinstance(role, list) else (role,)


def parse_iso(value) -> date | None:
    return date.fromisoformat(value) if value else None


def _schema_problems(expected: dict) -> list[str]:
    problems = [f"missing key {key}" for key in KEYS if key not in expected]
    if problems:
        return problems
    if expected["sender_kind"] not in SENDER_KINDS:
        problems.append(f"sender_kind {expected['sender_kind']!r}")
    if expected["objection_possible"] not in (True, False, None):
        problems.append("objection_possible must be true, false or null")
    for item in expected["deadlines"]:
        if item.get("for") not in VERBS:
            problems.append(f"deadline 'for' {item.get('for')!r}")
        if not item.get("rule"):
            problems.append(f"deadline without a rule: {item.get('text')!r}")
    for item in expected["amounts"]:
        if not all(role in ROLES for role in roles(item)):
            problems.append(f"amount role {item['role']!r}")
        if not isinstance(item.get("value"), int | float):
            problems.append(f"amount value {item.get('value')!r}")
    problems += [f"verb {item.get('verb')!r}" for item in expected["actions"]
                 if item.get("verb") not in VERBS]
    problems += [f"reference kind {item.get('kind')!r}" for item in expected["references"]
                 if item.get("kind") not in REFERENCE_KINDS]
    return problems


def _date_problems(expected: dict) -> list[str]:
    problems = []
    values = [expected["letter_date"]] + [d.get("date") for d in expected["deadlines"]]
    for value in values:
        try:
            parse_iso(value)
        except (TypeError, ValueError):
            problems.append(f"not an ISO date: {value!r}")
    return problems


def _quoted(expected: dict) -> list[tuple[str, str]]:
    quoted = [("hard_terms", term) for term in expected["hard_terms"]]
    for field_name in ("deadlines", "amounts", "actions", "references"):
        quoted += [(field_name, item["text"]) for item in expected[field_name]
                   if item.get("text") is not None]
    return quoted


def _letter_problems(text: str) -> list[str]:
    problems = [f"placeholder left: {m.group(0)!r}" for m in PLACEHOLDER.finditer(text)]
    problems += [f"IBAN fails its checksum: {m.group(0)!r}" for m in IBAN_LIKE.finditer(text)
                 if not stdnum_iban.is_valid(m.group(0))]
    problems += [f"BSN fails the eleven-test: {m.group(1)!r}"
                 for m in BSN_LABELLED.finditer(text) if not stdnum_bsn.is_valid(m.group(1))]
    for m in NUMERIC_DATE.finditer(text):
        day, month, year = (int(g) for g in m.groups())
        if not _valid_day(year, month, day):
            problems.append(f"impossible date in the letter: {m.group(0)!r}")
    for m in WRITTEN_DATE.finditer(text):
        day, month, year = int(m.group(1)), MONTHS.index(m.group(2).lower()) + 1, int(m.group(3))
        if not _valid_day(year, month, day):
            problems.append(f"impossible date in the letter: {m.group(0)!r}")
    return problems


def _valid_day(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def problems(expected: dict, text: str) -> list[str]:
    """Everything that is wrong with `expected` for the letter `text`."""
    found = _schema_problems(expected)
    if found:
        return found
    found += _date_problems(expected)
    found += [f"{field_name} text is not in the letter: {quote!r}"
              for field_name, quote in _quoted(expected) if quote not in text]
    for ref in expected["references"]:
        if ref["kind"] == "iban" and not stdnum_iban.is_valid(ref["text"]):
            found.append(f"IBAN fails its checksum: {ref['text']!r}")
        if ref["kind"] == "bsn" and not stdnum_bsn.is_valid(re.sub(r"\D", "", ref["text"])):
            found.append(f"BSN fails the eleven-test: {ref['text']!r}")
    return found + _letter_problems(text)

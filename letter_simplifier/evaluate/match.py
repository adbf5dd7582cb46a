"""Compare one letter's output (the JSON contract) with its ground truth, field by field.

Each list field gives a `Match`: how many expected items were found, how many
found items were right, and which were missed or extra. Matching is one to one
and greedy, in the letter's order, except where an item may absorb repeats
(an amount with two roles that the sheet lists twice counts once).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TypeVar

from rapidfuzz import fuzz

from ..analyse.references import mask_bsn
from .expected import CONTRACT_KIND, parse_iso, roles

# "vóór 12 mei", and "tot 12 mei" (not "tot en met"): 12 May or the day before.
BEFORE = re.compile(r"(?i)(?<!op of )\bv[oó]{1,2}r\b|\btot\s+(?!en\s+met\b|uiterlijk\b)(?=\d)")

Want = TypeVar("Want")  # an expected item
Got = TypeVar("Got")  # a found item


@dataclass
class Match:
    expected: int = 0
    found: int = 0
    hit_expected: int = 0
    hit_found: int = 0
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)

    def add(self, other: Match) -> None:
        self.expected += other.expected
        self.found += other.found
        self.hit_expected += other.hit_expected
        self.hit_found += other.hit_found

    @property
    def precision(self) -> float:
        return self.hit_found / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.hit_expected / self.expected if self.expected else 1.0


def pair(expected: list[Want], found: list[Got], accepts: Callable[[Want, Got], bool],
         show: Callable[[Want | Got], str], show_found: Callable[[Got], str] | None = None,
         absorb: bool = False) -> Match:
    """`show` shows found items too, unless `show_found` is given."""
    show_found = show_found or show
    used = [False] * len(found)
    match = Match(expected=len(expected), found=len(found))
    matched = []
    for want in expected:
        index = next((i for i, got in enumerate(found) if not used[i] and accepts(want, got)),
                     None)
        if index is None:
            match.missed.append(show(want))
            continue
        used[index] = True
        matched.append(want)
        match.hit_expected += 1
    if absorb:
        for i, got in enumerate(found):
            if not used[i] and any(accepts(want, got) for want in matched):
                used[i] = True
    match.hit_found = sum(used)
    match.extra = [show_found(got) for i, got in enumerate(found) if not used[i]]
    return match


# -- deadlines -------------------------------------------------------------------------


def undated(deadline: dict) -> bool:
    """A found deadline without a date of its own: no date, or one that hangs on receipt."""
    return deadline.get("last_day") is None or bool(deadline.get("depends_on_receipt"))


def accepted_days(want: dict) -> set[date]:
    day = parse_iso(want["date"])
    assert day is not None, "only asked for dated deadlines (deadline_accepts)"
    days = {day}
    if last_day := parse_iso(want.get("last_day")):
        days.add(last_day)
    if BEFORE.search(want["text"]):  # "vóór 12 mei": 12 May or 11 May
        days.add(day - timedelta(days=1))
    return days


def norm_phrase(text: str) -> str:
    return " ".join(re.sub(r"[^\w€]+", " ", text.casefold()).split())


def same_phrase(a: str, b: str) -> bool:
    a, b = norm_phrase(a), norm_phrase(b)
    return bool(a and b) and fuzz.partial_ratio(a, b) >= 85


def deadline_accepts(with_purpose: bool) -> Callable[[dict, dict], bool]:
    def accepts(want: dict, got: dict) -> bool:
        if with_purpose and want["for"] != got.get("for"):
            return False
        if want["date"] is None:
            return undated(got) and same_phrase(want["text"], got.get("text", ""))
        return not undated(got) and parse_iso(got["last_day"]) in accepted_days(want)
    return accepts


def show_deadline(item: dict) -> str:
    day = item.get("date")
    if "last_day" in item and not undated(item):
        day = item["last_day"]
    elif "last_day" in item:
        day = None
    return f"{day or 'no date'} {item.get('for')} «{item.get('text', '')}»"


# -- the other lists --------------------------------------------------------------------


def amount_accepts(want: dict, got: dict) -> bool:
    return abs(float(want["value"]) - float(got["value"])) < 0.005 and got["role"] in roles(want)


def show_amount(item: dict) -> str:
    return f"{item['value']:.2f} {'/'.join(roles(item))}"


def ref_text(kind: str, text: str) -> str:
    if kind == "bsn" and not text.startswith("*"):
        text = mask_bsn(re.sub(r"\D", "", text))
    return re.sub(r"[\s.]", "", text).upper()


def ref_kind(kind: str) -> str:
    return CONTRACT_KIND.get(kind, kind)


def term_accepts(want: str, got: dict) -> bool:
    """A found glossary hit explains a hard term when one's words lie in the other's."""
    want = want.casefold()
    forms = {got.get("found", "").casefold(), got.get("term", "").casefold()} - {""}
    return any(form in want or want in form for form in forms)


def compare_lists(expected: dict, actual: dict) -> dict[str, Match]:
    deadlines, found_deadlines = expected["deadlines"], actual.get("deadlines", [])
    amounts, found_amounts = expected["amounts"], actual.get("amounts", [])
    refs, found_refs = expected["references"], actual.get("references", [])
    want_verbs = sorted({a["verb"] for a in expected["actions"]})
    got_verbs = sorted({a["verb"] for a in actual.get("actions", [])})
    want_values = sorted({round(float(a["value"]), 2) for a in amounts})
    got_values = sorted({round(float(a["value"]), 2) for a in found_amounts})
    eq = lambda a, b: a == b  # noqa: E731
    return {
        "deadlines": pair(deadlines, found_deadlines, deadline_accepts(False), show_deadline),
        "deadline_purposes": pair(deadlines, found_deadlines, deadline_accepts(True),
                                  show_deadline),
        "amounts": pair(amounts, found_amounts, amount_accepts, show_amount, absorb=True),
        "amount_values": pair(want_values, got_values, eq, lambda v: f"{v:.2f}"),
        "actions": pair(want_verbs, got_verbs, eq, str),
        "references": pair([ref_text(r["kind"], r["text"]) for r in refs],
                           [ref_text(r["kind"], r["text"]) for r in found_refs], eq, str),
        "reference_kinds": pair(
            [(ref_kind(r["kind"]), ref_text(r["kind"], r["text"])) for r in refs],
            [(r["kind"], ref_text(r["kind"], r["text"])) for r in found_refs], eq,
            lambda r: f"{r[0]} {r[1]}"),
        "terms": pair(expected["hard_terms"], actual.get("terms", []), term_accepts, str,
                      lambda t: t.get("found") or t.get("term", ""), absorb=True),
    }


# -- one value per letter ---------------------------------------------------------------


def norm_name(name: str | None) -> str:
    words = re.sub(r"[^\w]+", " ", (name or "").casefold()).split()
    while words and words[0] in ("de", "het"):
        words = words[1:]
    return " ".join(words)


def compare_singles(expected: dict, actual: dict) -> dict[str, tuple[object, object, bool]]:
    """Field -> (wanted, got, right)."""
    sender = actual.get("sender") or {}
    names = {norm_name(expected["sender"])} | {norm_name(n) for n in expected["sender_aliases"]}
    got_possible = (actual.get("objection") or {}).get("possible")
    singles = {
        "letter_date": (expected["letter_date"], actual.get("letter_date")),
        "sender_kind": (expected["sender_kind"], sender.get("kind")),
        "sender_name": (expected["sender"], sender.get("name")),
        "objection_possible": (expected["objection_possible"], got_possible),
    }
    if "letter_kind" in expected:
        singles["letter_kind"] = (expected["letter_kind"], actual.get("letter_kind"))
    result = {}
    for name, (want, got) in singles.items():
        right = norm_name(got) in names if name == "sender_name" else want == got
        result[name] = (want, got, right)
    return result

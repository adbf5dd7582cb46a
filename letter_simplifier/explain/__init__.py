"""Stage 3: Analysis in, Explanation out: the sheet in plain Dutch (B1 or
simpler, "je"): to-dos with dates and days left first, then money,
objection, hard words, who can help, and that the letter itself counts.
Every sentence comes from data/wording.toml (wording.py), every date and
amount from nl.py; only the line per kind of letter and who can help are
kept beside their rules (letter_kinds.toml, help.toml)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import lru_cache

from ..analyse import rules
from ..law import days_left
from ..model import (
    Action,
    Amount,
    Analysis,
    Explanation,
    MoneyLine,
    Notice,
    Objection,
    SheetWarning,
    Todo,
)
from ..nl import euro, long_date
from .checks import attach_checks
from .terms import pick_terms
from .wording import say, table

# The order of the money lines on the sheet.
ROLE_ORDER = ("to_pay", "debt_total", "fine", "surcharge", "to_receive", "benefit", "other")


def when(action: Action, analysis: Analysis) -> str:
    if action.deadline:
        return say("todo.when.deadline", date=long_date(action.deadline))
    if action.immediate:
        return say("todo.when.immediate")
    # A term whose start has no date in the letter: say what it counts from.
    term = next((d for d in analysis.deadlines if d.verb == action.verb and d.depends_on
                 and d.term), None)
    if term and term.depends_on:
        start = table("todo.counts_from")
        return say("todo.when.counts_from", term=term.term,
                   start=start.get(term.depends_on, start["other"]))
    return ""


def basis(action: Action, analysis: Analysis) -> str:
    """"Je kreeg de brief op ...": the date counts from the arrival day the reader gave."""
    term = next((d for d in analysis.deadlines if d.received and d.term
                 and d.last_day == action.deadline and d.verb == action.verb), None)
    if term is None or term.received is None:
        return ""
    return say("todo.from_receipt", received=long_date(term.received), term=term.term)


def sender_name(analysis: Analysis) -> str:
    return analysis.sender.name or say("sender.unknown")


def plain_action(action: Action, analysis: Analysis) -> str:
    """One instruction in plain Dutch for an action of the letter."""
    sender = sender_name(analysis)
    to_pay = payment_amount(action, analysis)
    has_kenmerk = any(r.kind == "betalingskenmerk" for r in analysis.references)
    deadline = action.deadline
    appointment = next((d for d in analysis.deadlines
                        if d.verb == "afspraak" and d.last_day == deadline), None)
    verb = action.verb if action.verb in table("todo.verb") else "other"
    if verb == "afspraak" and appointment and deadline:
        return say("todo.appointment_on", day=appointment.text.split(" ", 1)[-1])
    if verb == "wijziging_doorgeven" and not deadline:
        return say("todo.change_now", sender=sender)
    amount = euro(to_pay.value) if to_pay else say("todo.the_amount")
    line = say(f"todo.verb.{verb}", amount=amount, when=when(action, analysis), sender=sender)
    if verb == "betalen" and has_kenmerk:
        line += " " + say("todo.payment_reference")
    return line


PAYABLE = ("to_pay", "debt_total", "fine")


def payment_amount(action: Action, analysis: Analysis) -> Amount | None:
    """The amount a payment action is about: one in its own sentence, else the
    last payable amount shortly before it, else the first amount to pay."""
    payable = [a for a in analysis.amounts if a.role in PAYABLE]
    inside = [a for a in payable if action.span.start <= a.span.start < action.span.end]
    if inside:
        return inside[0]
    before = [a for a in payable if 0 <= action.span.start - a.span.end < 400]
    if before:
        return before[-1]
    return next((a for role in PAYABLE for a in payable if a.role == role), None)


def explain(analysis: Analysis, today: date | None = None) -> Explanation:
    today = today or date.today()
    todos = [
        Todo(plain=plain_action(a, analysis), verb=a.verb, deadline=a.deadline,
             days_left=days_left(a.deadline, today) if a.deadline else None,
             immediate=a.immediate, basis=basis(a, analysis))
        for a in analysis.actions
    ]
    todos.sort(key=lambda t: (t.deadline is None, t.deadline or date.max, not t.immediate))
    todos, money = attach_checks(analysis, todos, money_lines(analysis))
    shown, more = pick_terms(analysis)
    return Explanation(
        title=say("sheet.title", sender=sender_name(analysis)),
        sender=replace(analysis.sender, name=sender_name(analysis)),
        letter_date=analysis.letter_date,
        today=today,
        summary=summary(analysis),
        todos=todos,
        money=money,
        objection_lines=objection_lines(analysis),
        terms=shown,
        references=[r for r in analysis.references if r.kind != "bsn"],
        help_lines=help_lines(analysis.letter_kind),
        warnings=[sheet_warning(n) for n in analysis.warnings] + late_warnings(todos),
        disclaimer=say("sheet.disclaimer"),
        more_terms=more,
    )


def summary(analysis: Analysis) -> list[str]:
    # The line for each kind of letter is kept beside its rule (letter_kinds.toml).
    kinds = {rule.kind: rule.summary for rule in rules.letter_kinds()}
    template, sender = kinds.get(analysis.letter_kind), sender_name(analysis)
    first = template.format(sender=sender) if template else say("summary.other", sender=sender)
    if analysis.letter_date:
        return [first, say("summary.letter_date", date=long_date(analysis.letter_date))]
    return [first]


def money_lines(analysis: Analysis) -> list[MoneyLine]:
    """Amounts with a known role; amounts of no known role (table rows, limits)
    only when the letter has nothing else, so the sheet stays short."""
    labels = table("money")
    seen: set[tuple[float, str]] = set()
    money = []
    known = [a for a in analysis.amounts if a.role != "other"]
    for amount in sorted(known or analysis.amounts, key=lambda a: ROLE_ORDER.index(a.role)):
        key = (amount.value, amount.role)
        if key in seen:
            continue
        seen.add(key)
        money.append(MoneyLine(labels[amount.role], euro(amount.value), amount.value,
                               amount.role))
    return money


def how_to_object(objection: Objection) -> str:
    """How to object, as a sentence ("" when the letter says nothing of it)."""
    return say(f"objection.how.{objection.how}") if objection.how else ""


def objection_lines(analysis: Analysis) -> list[str]:
    objection = analysis.objection
    if not objection.possible:
        return [say("objection.not_possible")]
    parts = [say("objection.possible")]
    if objection.deadline:
        parts.append(say("objection.until", date=long_date(objection.deadline)))
    parts.append(how_to_object(objection))
    return [" ".join(part for part in parts if part)]


@lru_cache(maxsize=1)
def _help() -> dict:
    return rules.load("help")


def help_lines(kind: str) -> list[str]:
    """Who can help (data/help.toml: the helpers and their numbers, by kind of letter)."""
    data = _help()
    return list(data["by_kind"].get(kind, [])) + list(data["always"])


def sheet_warning(notice: Notice) -> SheetWarning:
    """The "Let op:" sentence for a notice of the analysis."""
    if notice.code == "low_ocr_confidence":
        values = notice.values
        message = say("unsure.warning", what=say(f"unsure.what.{values['kind']}"),
                      text=values["text"], page=values["page"],
                      why=say("unsure.repaired" if values["repaired"] else "unsure.unread"))
    else:
        message = say(f"warning.{notice.code}")
    return SheetWarning(notice.code, message)


def late_warnings(todos: list[Todo]) -> list[SheetWarning]:
    if any(t.days_left is not None and t.days_left < 0 for t in todos):
        return [SheetWarning("deadline_passed", say("warning.deadline_passed"))]
    return []


def days_left_text(days: int) -> str:
    """Beside a to-do's date on the sheet: "Nog 12 dagen."."""
    if days < 0:
        return say("days_left.passed")
    if days == 0:
        return say("days_left.today")
    if days == 1:
        return say("days_left.tomorrow")
    return say("days_left.more", days=days)

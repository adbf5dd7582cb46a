"""Stage 3: Analysis in, Explanation out: the sheet in plain Dutch (B1 or
simpler, "je"): to-dos with dates and days left first, then money,
objection, hard words, who can help, and that the letter itself counts."""

from __future__ import annotations

import dataclasses
from datetime import date
from functools import lru_cache

from wordfreq import zipf_frequency

from ..analyse import rules
from ..law import days_left
from ..model import Action, Amount, Analysis, Explanation, MoneyLine, TermHit, Todo, Warning
from .checks import attach_checks
from .format import euro, long_date

DISCLAIMER = (
    "Deze uitleg is gemaakt door een computer. Er kunnen fouten in zitten. "
    "De brief zelf telt. Twijfel je? Vraag het aan je coach of bel de afzender."
)

MONEY_LABELS = {
    "to_pay": "Dit moet je betalen",
    "debt_total": "Dit moet je in totaal nog betalen",
    "fine": "De boete",
    "surcharge": "Extra kosten",
    "to_receive": "Dit krijg je",
    "benefit": "Je uitkering of toeslag",
    "other": "Ander bedrag in de brief",
}
ROLE_ORDER = list(MONEY_LABELS)


def when(action: Action) -> str:
    if action.deadline:
        return f", uiterlijk op {long_date(action.deadline)}"
    if action.immediate:
        return ", meteen"
    return ""


def plain_action(action: Action, analysis: Analysis) -> str:
    """One instruction in plain Dutch for an action of the letter."""
    sender = analysis.sender.name
    to_pay = payment_amount(action, analysis)
    has_kenmerk = any(r.kind == "betalingskenmerk" for r in analysis.references)
    deadline = action.deadline
    appointment = next((d for d in analysis.deadlines
                        if d.purpose == "afspraak" and d.last_day == deadline), None)
    texts = {
        "betalen": f"Betaal {euro(to_pay.value) if to_pay else 'het bedrag'}{when(action)}."
                   + (" Zet het betalingskenmerk erbij." if has_kenmerk else ""),
        "bezwaar_maken": f"Ben je het er niet mee eens? Maak dan bezwaar{when(action)}.",
        "gegevens_sturen": f"Stuur de papieren op waar de brief om vraagt{when(action)}.",
        "formulier_invullen": f"Vul het formulier in en stuur het terug{when(action)}.",
        "wijziging_doorgeven": ("Verandert er iets in je leven? "
                                + (f"Geef dat door aan {sender}{when(action)}." if deadline
                                   else f"Geef dat meteen door aan {sender}.")),
        "contact_opnemen": f"Neem contact op met {sender}{when(action)}.",
        "afspraak": (f"Ga naar de afspraak op {appointment.text.split(' ', 1)[-1]}."
                     if appointment and deadline else f"Ga naar de afspraak{when(action)}."),
        "other": f"Doe wat de brief vraagt{when(action)}.",
    }
    return texts.get(action.verb, texts["other"])


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
    actions = [dataclasses.replace(a, plain=plain_action(a, analysis)) for a in analysis.actions]
    analysis.actions = actions
    todos = [
        Todo(plain=a.plain, verb=a.verb, deadline=a.deadline,
             days_left=days_left(a.deadline, today) if a.deadline else None,
             immediate=a.immediate)
        for a in actions
    ]
    todos.sort(key=lambda t: (t.deadline is None, t.deadline or date.max, not t.immediate))
    todos, money = attach_checks(analysis, todos, money_lines(analysis))
    return Explanation(
        title=f"Uitleg bij je brief van {analysis.sender.name}",
        sender=analysis.sender,
        letter_date=analysis.letter_date,
        today=today,
        summary=summary(analysis),
        todos=todos,
        money=money,
        objection_lines=objection_lines(analysis),
        terms=hardest_first(analysis.terms),
        references=[r for r in analysis.references if r.kind != "bsn"],
        help_lines=help_lines(analysis.letter_kind),
        warnings=analysis.warnings + late_warnings(todos),
        disclaimer=DISCLAIMER,
    )


def hardest_first(terms: list[TermHit]) -> list[TermHit]:
    """Rare words first: when the sheet has room for only some, it keeps the
    ones a reader is least likely to know ("dwangbevel" before "inkomen")."""
    return sorted(terms, key=lambda t: zipf_frequency(t.term.lower(), "nl"))


def summary(analysis: Analysis) -> list[str]:
    kinds = {rule.kind: rule.summary for rule in rules.letter_kinds()}
    lines = []
    template = kinds.get(analysis.letter_kind)
    if template:
        lines.append(template.format(sender=analysis.sender.name))
    else:
        lines.append(f"Deze brief is van {analysis.sender.name}.")
    if analysis.letter_date:
        lines.append(f"De brief is van {long_date(analysis.letter_date)}.")
    return lines


def money_lines(analysis: Analysis) -> list[MoneyLine]:
    """Amounts with a known role; amounts of no known role (table rows, limits)
    only when the letter has nothing else, so the sheet stays short."""
    seen: set[tuple[float, str]] = set()
    lines = []
    known = [a for a in analysis.amounts if a.role != "other"]
    for amount in sorted(known or analysis.amounts, key=lambda a: ROLE_ORDER.index(a.role)):
        key = (amount.value, amount.role)
        if key in seen:
            continue
        seen.add(key)
        lines.append(MoneyLine(MONEY_LABELS[amount.role], euro(amount.value), amount.value,
                               amount.role))
    return lines


def objection_lines(analysis: Analysis) -> list[str]:
    objection = analysis.objection
    if not objection.possible:
        return ["In deze brief staat niet dat je bezwaar kunt maken."]
    first = "Ben je het niet eens met de brief? Dan kun je bezwaar maken."
    if objection.deadline:
        first += f" Dat kan tot en met {long_date(objection.deadline)}."
    return [first + (f" {objection.how}" if objection.how else "")]


@lru_cache(maxsize=1)
def _help() -> dict:
    return rules.load("help")


def help_lines(kind: str) -> list[str]:
    data = _help()
    return list(data["by_kind"].get(kind, [])) + list(data["always"])


def late_warnings(todos: list[Todo]) -> list[Warning]:
    if any(t.days_left is not None and t.days_left < 0 for t in todos):
        return [Warning("deadline_passed",
                        "Een datum in de brief is al voorbij. Neem zo snel mogelijk contact "
                        "op met de afzender.")]
    return []

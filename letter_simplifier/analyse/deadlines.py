"""Deadlines as the letter words them, turned into calendar dates by `law`.

Absolute: "vóór 1 mei 2026", "uiterlijk 12-03-2026", "tot en met 15 juni".
Relative: "binnen 14 dagen", "binnen zes weken na de dagtekening van deze
brief", "binnen twee weken na ontvangst". Appointments: a coming date in a
sentence that invites the reader.
"""

from __future__ import annotations

import re
from datetime import date

from text_to_num import text2num

from .. import law
from ..model import Deadline, Document, Sentence, Span
from . import rules
from .actions import sentence_verbs
from .amounts import sentence_at
from .dates import DateMention

# Words right before a date that say how it bounds the term -> law boundary.
BOUNDARIES: list[tuple[re.Pattern, str]] = [
    (re.compile(r"\b(?:vóór|voor)\s+of\s+(?:uiterlijk\s+)?op\s+$", re.I), "uiterlijk"),
    (re.compile(r"\buiterlijk(?:\s+op)?\s+$", re.I), "uiterlijk"),
    (re.compile(r"\b(?:tot\s+en\s+met|t/m|t\.m\.)\s+$", re.I), "tot_en_met"),
    (re.compile(r"\bniet\s+later\s+dan\s+(?:op\s+)?$", re.I), "niet_later_dan"),
    (re.compile(r"\b(?:vóór|voor)\s+$", re.I), "voor"),
    # "tot 1 mei" is read as "vóór": the safe, earlier last day.
    (re.compile(r"\btot\s+$", re.I), "voor"),
]
# "van 1 januari tot en met 31 maart", "4 mei 2026 t/m 3 juli 2026", "recht op een
# uitkering tot en met 3 augustus": a period, not a deadline.
PERIOD = re.compile(r"(?:\b(?:van(?:af)?|periode|over|tussen|recht\s+op|geldig|loopt)\b"
                    r"[^.\n]{0,60}|\d{4}\s*)$", re.I)
PERIOD_LEADS = re.compile(r"^(?:tot|t/m|t\.m\.)", re.I)
APPOINTMENT_TIME = re.compile(r"^\s*(?:,\s*)?(?:om|van(?:af)?)\s+(\d{1,2}[.:]\d{2})\s*(?:uur)?",
                              re.I)

UNIT = r"(?P<werk>werk|kalender)?(?P<unit>dagen|dag|weken|week|maanden|maand|jaren|jaar)"
COUNT = r"(?P<count>\d{1,3}|[a-zé]+)"
ANCHOR = (
    r"(?P<anchor>\s+(?:na|vanaf|gerekend\s+(?:vanaf|na)|te\s+rekenen\s+(?:vanaf|na))\s+"
    r"(?:de\s+)?(?:dag\s+(?:na\s+)?(?:de\s+)?)?"
    r"(?P<what>dagtekening|datum|verzenddatum|ontvangst|verzending|bekendmaking|"
    r"uitreiking|betekening|dag\s+van\s+verzending)\b"
    r"(?:\s+(?:van|op)\s+(?:deze|dit|de|het|onze)\s+(?:brief|besluit|beschikking|aanmaning|"
    r"aanslag|exploot|nota|factuur))?)?"
)
RELATIVE = [
    # "binnen zes weken", "uiterlijk 14 dagen na", "een termijn van vier weken",
    # "De termijn (voor bezwaar) bedraagt zes weken". "Een periode van twaalf
    # maanden" describes a time span, not a time limit.
    re.compile(rf"\b(?:binnen|uiterlijk|(?:een\s+)?termijn\s+van|termijn\b[^.]{{0,80}}?"
               rf"\b(?:bedraagt|is))\s+(?:een\s+(?:termijn|periode)\s+van\s+)?"
               rf"{COUNT}\s+{UNIT}\b,?{ANCHOR}", re.I),
    re.compile(rf"\b{COUNT}\s+{UNIT}\s+(?:de\s+)?tijd\b{ANCHOR}", re.I),
]
STATUTORY_PURPOSES = {"bezwaar_maken"}
INVORDERING_SENDERS = {"belastingdienst", "toeslagen", "cjib"}


def number_word(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    try:
        return int(text2num(word.lower(), "nl"))
    except (ValueError, TypeError):
        return None


def purpose_of(sentences: list[Sentence], offset: int) -> str:
    """The action a date or term belongs to: the verb nearest to it in its
    sentence, else in the sentence before ("Niet eens? Dan ... binnen 6 weken")."""
    sentence = sentence_at(sentences, offset)
    if sentence is None:
        return "other"
    # What the sentence asks for decides ("Stuur je gegevens (bijv. je formulier) vóór
    # 1 april op" is about sending); only without a request does the nearest verb.
    asked = sentence_verbs(sentence.text)
    rules_asked = tuple(r for r in rules.action_verbs() if r.label in asked)
    found = rules.nearest_label(rules_asked or rules.action_verbs(), sentence.text,
                                offset - sentence.span.start, after_weight=1.0)
    if found:
        return found[0]
    index = sentences.index(sentence)
    if index > 0:
        before = sentences[index - 1]
        found = rules.nearest_label(rules.action_verbs(), before.text, len(before.text))
        if found:
            return found[0]
    return "other"


def find_deadlines(document: Document, sentences: list[Sentence], dates: list[DateMention],
                   letter_date: date | None, sender_kind: str) -> list[Deadline]:
    found = absolute_deadlines(document, sentences, dates, letter_date)
    if letter_date is not None:
        found += relative_deadlines(document, sentences, letter_date, sender_kind)
    unique: dict[tuple, Deadline] = {}
    for deadline in sorted(found, key=lambda d: d.span.start):
        unique.setdefault((deadline.last_day, deadline.purpose), deadline)
    return list(unique.values())


def absolute_deadlines(document: Document, sentences: list[Sentence],
                       dates: list[DateMention], letter_date: date | None) -> list[Deadline]:
    text = document.text
    deadlines: list[Deadline] = []
    for mention in dates:
        if letter_date and mention.value <= letter_date:
            continue
        before = text[max(0, mention.start - 40):mention.start]
        found = next(((m, b) for pattern, b in BOUNDARIES if (m := pattern.search(before))),
                     None)
        boundary = found[1] if found else None
        lead = found[0].group() if found else ""
        purpose = purpose_of(sentences, mention.start)
        lead_start = mention.start - len(lead)
        if PERIOD_LEADS.match(lead) and PERIOD.search(text[max(0, lead_start - 80):lead_start]):
            continue
        if boundary is None:
            if purpose != "afspraak":
                continue
            boundary = "op"
        legal = law.absolute_deadline(mention.value, boundary)
        words = mention.text
        time = APPOINTMENT_TIME.match(text[mention.end:mention.end + 30])
        if boundary == "op" and time:
            words = f"{mention.text} om {time.group(1).replace(':', '.')} uur"
        phrase = " ".join((lead + words).split())
        deadlines.append(Deadline(
            date=legal.date, last_day=legal.last_day, text=phrase, purpose=purpose,
            rule=legal.rule, span=Span(mention.start, mention.end, document.page_at(mention.start)),
            on_non_working_day=legal.on_non_working_day,
        ))
    return deadlines


def relative_deadlines(document: Document, sentences: list[Sentence], letter_date: date,
                       sender_kind: str) -> list[Deadline]:
    deadlines: list[Deadline] = []
    for pattern in RELATIVE:
        for m in pattern.finditer(document.text):
            count = number_word(m["count"])
            if not count:
                continue
            unit = ("werkdag" if (m["werk"] or "").lower() == "werk" else m["unit"])
            purpose = purpose_of(sentences, m.start())
            after_receipt = (m["what"] or "").lower() == "ontvangst"
            legal = law.relative_deadline(
                letter_date, count, unit,
                statutory=purpose in STATUTORY_PURPOSES,
                invordering=purpose == "betalen" and sender_kind in INVORDERING_SENDERS,
                after_receipt=after_receipt,
            )
            deadlines.append(Deadline(
                date=legal.date, last_day=legal.last_day, text=" ".join(m.group().split()),
                purpose=purpose, rule=legal.rule,
                span=Span(m.start(), m.end(), document.page_at(m.start())),
                depends_on_receipt=legal.depends_on_receipt,
                on_non_working_day=legal.on_non_working_day,
                extended_from=legal.extended_from,
            ))
    return deadlines

"""Deadlines as the letter words them, turned into calendar dates by `law`.

One matcher over the grammar of data/time_expressions.toml (grammar.py):
- dates: every coming date in the letter, bounded by the words before it
  ("vóór 1 mei", "uiterlijk 12-03-2026", "met ingang van 1 januari",
  "omstreeks 25 januari"; an appointment when a time follows), months without a
  day ("eind april 2026") and the end of the year;
- terms: a count and a unit ("binnen zes weken", "14 dagen") with what they
  count from (anchors.py: the letter date, the arrival, an event with its own
  date, or something with none);
- "meteen": "zo snel mogelijk", "direct" in a sentence that asks for action.
The law of each term (law/data/laws.toml) decides whether the Atw moves its end.
"""

from __future__ import annotations

import calendar
from datetime import date

from .. import law
from ..model import Deadline, Document, SenderKind, Sentence, Span, Verb
from ..nl import MONTH_NUMBERS
from . import rules
from .actions import sentence_verbs
from .amounts import sentence_at
from .anchors import resolve
from .dates import DateMention, number_words
from .grammar import grammar

STATUTORY_VERBS = {"bezwaar_maken"}
# A term longer than this many years is a time span, not a time limit ("35 jaar").
MAX_YEARS = 2
# How far before a date its boundary words may start.
BOUNDARY_REACH = 60


def number_word(word: str) -> int | None:
    """A count as digits or as a number word ("veertien")."""
    return int(word) if word.isdigit() else number_words(word)


def verb_of(sentences: list[Sentence], offset: int) -> Verb:
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
                   letter_date: date | None, sender_kind: SenderKind,
                   received: date | None = None) -> list[Deadline]:
    found = absolute_deadlines(document, sentences, dates, letter_date)
    found += month_deadlines(document, sentences, letter_date)
    found += schedule_deadlines(document, dates, letter_date)
    if letter_date is not None:
        found += relative_deadlines(document, sentences, dates, letter_date, sender_kind,
                                    received)
    found += immediate_deadlines(document, sentences)
    unique: dict[tuple, Deadline] = {}
    for deadline in sorted(found, key=lambda d: d.span.start):
        key = ((deadline.last_day, deadline.verb) if deadline.last_day
               else (None, deadline.verb, deadline.depends_on, deadline.immediate))
        unique.setdefault(key, deadline)
    return list(unique.values())


def span(document: Document, start: int, end: int) -> Span:
    return Span(start, end, document.page_at(start))


# -- dates ---------------------------------------------------------------------------


def boundary_before(text: str, start: int) -> tuple[str, str] | None:
    """(boundary, its words) for the phrase that ends where a date starts."""
    before = text[max(0, start - BOUNDARY_REACH):start]
    for rule in grammar().boundaries:
        m = rule.pattern.search(before)
        if m:
            return rule.boundary, m.group()
    return None


def not_a_deadline(text: str, mention: DateMention, letter_date: date | None) -> bool:
    g = grammar()
    before = text[max(0, mention.start - BOUNDARY_REACH):mention.start]
    if letter_date and mention.value <= letter_date:
        return True
    if g.not_deadline.search(before):
        return True
    return g.in_parentheses and before.endswith("(") and text[mention.end:mention.end + 1] == ")"


def absolute_deadlines(document: Document, sentences: list[Sentence],
                       dates: list[DateMention], letter_date: date | None) -> list[Deadline]:
    text, g = document.text, grammar()
    deadlines: list[Deadline] = []
    for mention in dates:
        if not_a_deadline(text, mention, letter_date):
            continue
        found = boundary_before(text, mention.start)
        boundary, lead = found if found else ("datum", "")
        before = text[max(0, mention.start - BOUNDARY_REACH):mention.start]
        if not found and g.period_start.search(before):
            continue  # "van 1 januari tot en met 31 maart": the end is the deadline
        verb = verb_of(sentences, mention.start)
        words = mention.text
        time = g.appointment_time.match(text, mention.end)
        if boundary == "datum" and (time or verb == "afspraak"):
            boundary = "op"
            if time:
                words = f"{mention.text} om {time.group(1).replace(':', '.')} uur"
        legal = law.absolute_deadline(mention.value, boundary)
        deadlines.append(Deadline(
            date=legal.date, last_day=legal.last_day, text=" ".join((lead + words).split()),
            verb=verb, rule=legal.rule, span=span(document, mention.start, mention.end),
            on_non_working_day=legal.on_non_working_day, limit=legal.limit,
        ))
    return deadlines


def month_day(year: int, month: int, which: str) -> date:
    if which == "first":
        return date(year, month, 1)
    if which == "middle":
        return date(year, month, 15)
    return date(year, month, calendar.monthrange(year, month)[1])


def month_deadlines(document: Document, sentences: list[Sentence],
                    letter_date: date | None) -> list[Deadline]:
    """"eind april 2026", "Vanaf oktober 2026", "vóór het einde van dit kalenderjaar"."""
    text, g = document.text, grammar()
    found: list[tuple[int, int, date, str]] = []
    for rule in g.months:
        for m in rule.pattern.finditer(text):
            month = MONTH_NUMBERS[m["m"].lower()]
            year = int(m["y"]) if m["y"] else (letter_date.year if letter_date else None)
            if year is None:
                continue
            day = month_day(year, month, rule.day)
            if not m["y"] and letter_date and day < letter_date:
                day = month_day(year + 1, month, rule.day)
            found.append((m.start(), m.end(), day, rule.boundary))
    if letter_date:
        for m in g.year_end.pattern.finditer(text):
            found.append((m.start(), m.end(), date(letter_date.year, 12, 31),
                          g.year_end.boundary))
    deadlines = []
    for start, end, day, boundary in found:
        if letter_date and day <= letter_date:
            continue
        legal = law.absolute_deadline(day, boundary)
        deadlines.append(Deadline(
            date=legal.date, last_day=legal.last_day, text=" ".join(text[start:end].split()),
            verb=verb_of(sentences, start), rule=legal.rule, span=span(document, start, end),
            on_non_working_day=legal.on_non_working_day, limit=legal.limit))
    return deadlines


def schedule_deadlines(document: Document, dates: list[DateMention],
                       letter_date: date | None) -> list[Deadline]:
    """The due dates of "in 11 termijnen ... telkens ... de daaropvolgende maand"
    after the first one, which the letter dates itself (absolute_deadlines)."""
    text, rule = document.text, grammar().schedule
    deadlines: list[Deadline] = []
    for m in rule.count.finditer(text):
        count = number_word(m["n"])
        window_end = m.end() + rule.reach
        first = next((d for d in dates if m.end() <= d.start < window_end
                      and not (letter_date and d.value <= letter_date)), None)
        step = rule.monthly.search(text, m.end(), window_end)
        if not count or count < 2 or count > rule.most or first is None or step is None:
            continue
        at_month_end = bool(rule.last_day.search(step.group()))
        for number in range(2, count + 1):
            due = law.add_months(first.value, number - 1)
            if at_month_end:
                due = month_day(due.year, due.month, "last")
            legal = law.absolute_deadline(due, "uiterlijk")
            deadlines.append(Deadline(
                date=legal.date, last_day=legal.last_day, text=" ".join(step.group().split()),
                verb="betalen", span=span(document, step.start(), step.end()),
                rule=f"termijn {number} van {count}; {legal.rule}",
                on_non_working_day=legal.on_non_working_day))
    return deadlines


# -- terms ---------------------------------------------------------------------------


def relative_deadlines(document: Document, sentences: list[Sentence], dates: list[DateMention],
                       letter_date: date, sender_kind: SenderKind,
                       received: date | None) -> list[Deadline]:
    text, g = document.text, grammar()
    deadlines: list[Deadline] = []
    for m in g.term.finditer(text):
        if m["count"].lower() in g.vague_counts:
            continue
        count = number_word(m["count"])
        unit = g.units[m["unit"].lower()]
        if not count or (unit == "jaar" and count > MAX_YEARS):
            continue
        verb = verb_of(sentences, m.start())
        anchor = resolve(text, m.start(), m.end(), verb, sentences, dates, letter_date, received)
        if not m["lead"] and anchor.kind == "none":
            continue  # "een periode van twaalf maanden": a span, not a limit
        rule = law.law_for(verb, sender_kind, anchor.kind, text)
        words = " ".join(text[m.start():anchor.end].split()).rstrip(",")
        term = law.count_words(count, unit)
        where = span(document, m.start(), anchor.end)
        if anchor.day is None:
            deadlines.append(Deadline(
                date=None, last_day=None, text=words, verb=verb, span=where, term=term,
                rule=f"{rule.article}; telt vanaf: {anchor.depends_on} (geen datum in de brief)",
                depends_on=anchor.depends_on,
                depends_on_receipt=anchor.depends_on == "ontvangst"))
            continue
        legal = law.relative_deadline(anchor.day, count, unit, law=rule,
                                      after_receipt=anchor.kind == "receipt",
                                      backwards=anchor.direction == "before")
        note = "; geen startdatum genoemd: gerekend vanaf de datum van de brief" \
            if anchor.kind == "none" else ""
        deadlines.append(Deadline(
            date=legal.date, last_day=legal.last_day, text=words, verb=verb,
            rule=legal.rule + note, span=where, term=term,
            on_non_working_day=legal.on_non_working_day, extended_from=legal.extended_from,
            received=anchor.day if anchor.kind == "receipt" else None,
        ))
    return deadlines


# -- meteen --------------------------------------------------------------------------


def immediate_deadlines(document: Document, sentences: list[Sentence]) -> list[Deadline]:
    """"zo snel mogelijk", "direct" in a sentence that asks the reader to act."""
    deadlines = []
    for sentence in sentences:
        if not sentence_verbs(sentence.text):
            continue
        for m in grammar().immediate.finditer(sentence.text):
            start = sentence.span.start + m.start()
            deadlines.append(Deadline(
                date=None, last_day=None, text=m.group(), verb=verb_of(sentences, start),
                rule="meteen: er is geen datum", span=span(document, start, start + len(m.group())),
                immediate=True))
    return deadlines

"""Deadlines written so that a reader can act on them (DESIGN.md, "Dutch time
limits"): a date, not a count of days; "uiterlijk" rather than "vóór"; and a
14-dagenbrief that counts from receipt, not from the letter date.

We reuse the sheet's grammar of time expressions (data/time_expressions.toml)
and the law module, so the date we suggest is the date the sheet would compute.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta

from .. import law
from ..analyse.anchors import connect
from ..analyse.dates import DateMention
from ..analyse.deadlines import boundary_before, number_word
from ..analyse.grammar import grammar
from ..nl import long_date
from .flags import make_flag, sentence_at
from .report import Flag
from .words import DraftSentence

# "van 1 januari tot 1 mei": a period, not a date to act before.
PERIOD = re.compile(r"\b(?:van(?:af)?|tussen)\b[^.\n]{0,60}$", re.IGNORECASE)
# A 14-dagenbrief: a reminder that asks for collection costs (art. 6:96 lid 6 BW).
COLLECTION = re.compile(r"incassokosten|buitengerechtelijke|veertiendagenbrief|14-dagenbrief",
                        re.IGNORECASE)
OBJECTION = re.compile(r"\bbezwaar|\bberoep\b", re.IGNORECASE)


def deadline_flags(text: str, sentences: list[DraftSentence], dates: list[DateMention],
                   letter_date: date | None) -> list[Flag]:
    flags = list(relative_terms(text, sentences, dates, letter_date))
    flags += before_dates(text, sentences, dates, letter_date)
    return flags


def relative_terms(text: str, sentences: list[DraftSentence], dates: list[DateMention],
                   letter_date: date | None) -> Iterable[Flag]:
    g = grammar()
    for m in g.term.finditer(text):
        count = number_word(m["count"])
        sentence = sentence_at(sentences, m.start())
        linked = connect(text, m.end())
        if not count or sentence is None or not (m["lead"] or linked):
            continue
        end = linked[2] if linked else m.end()
        found = " ".join(text[m.start():end].split())
        anchor = linked[1].kind if linked else "none"
        unit = g.units[m["unit"].lower()]
        if is_fourteen_days(count, unit) and anchor == "letter_date" and COLLECTION.search(text):
            yield make_flag("fourteen_days", sentence.index, m.start(), end, found)
            continue
        if any(sentence.start <= d.start < sentence.end for d in dates):
            continue  # the sentence names the date as well
        yield make_flag("relative_deadline", sentence.index, m.start(), end, found,
                        suggestion=suggestion(count, unit, anchor, sentence, letter_date))


def is_fourteen_days(count: int, unit: str) -> bool:
    return (count == 14 and unit == "dag") or (count == 2 and unit == "week")


def suggestion(count: int, unit: str, anchor: str, sentence: DraftSentence,
               letter_date: date | None) -> str:
    """What to write instead: the last day, computed as the sheet would."""
    if anchor in ("receipt", "event") or letter_date is None:
        return "uiterlijk [datum]"
    legal = law.relative_deadline(letter_date, count, unit,
                                  law="awb" if OBJECTION.search(sentence.text) else "sender")
    return f"uiterlijk {long_date(legal.last_day)}" if legal.last_day else "uiterlijk [datum]"


def before_dates(text: str, sentences: list[DraftSentence], dates: list[DateMention],
                 letter_date: date | None) -> Iterable[Flag]:
    for mention in dates:
        if letter_date and mention.value <= letter_date:
            continue
        found = boundary_before(text, mention.start)
        if found is None or found[0] != "voor":
            continue
        lead_start = mention.start - len(found[1])
        if found[1].lower().startswith("tot") and PERIOD.search(text[max(0, lead_start - 80):
                                                                     lead_start]):
            continue  # "van 1 januari tot 1 mei" is a period
        sentence = sentence_at(sentences, lead_start)
        if sentence is None:
            continue
        last_day = mention.value - timedelta(days=1)
        yield make_flag("before_date", sentence.index, lead_start, mention.end,
                        " ".join(text[lead_start:mention.end].split()),
                        date=long_date(mention.value), last_day=long_date(last_day))

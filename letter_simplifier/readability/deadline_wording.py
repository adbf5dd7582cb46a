"""Deadlines written so that a reader can act on them (DESIGN.md, "Dutch time
limits"): a date, not a count of days; "uiterlijk" rather than "vóór"; and a
14-dagenbrief that counts from receipt, not from the letter date.

We reuse the explain side's deadline patterns and the law module, so the
date we suggest is the date the explanation sheet would compute.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta

from .. import law
from ..analyse.dates import DateMention
from ..analyse.deadlines import BOUNDARIES, PERIOD, PERIOD_LEADS, RELATIVE, number_word
from ..nl import long_date
from .flags import make_flag, sentence_at
from .report import Flag
from .words import DraftSentence

LETTER_DATE_ANCHORS = {"dagtekening", "datum", "verzenddatum", "verzending", "dag van verzending"}
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
    for pattern in RELATIVE:
        for m in pattern.finditer(text):
            count = number_word(m["count"])
            sentence = sentence_at(sentences, m.start())
            if not count or sentence is None:
                continue
            found = " ".join(m.group().split())
            anchor = " ".join((m["what"] or "").lower().split())
            if is_fourteen_days(count, m["unit"]) and anchor in LETTER_DATE_ANCHORS \
                    and COLLECTION.search(text):
                yield make_flag("fourteen_days", sentence.index, m.start(), m.end(), found)
                continue
            if any(sentence.start <= d.start < sentence.end for d in dates):
                continue  # the sentence names the date as well
            yield make_flag("relative_deadline", sentence.index, m.start(), m.end(), found,
                            suggestion=suggestion(m, count, sentence, letter_date))


def is_fourteen_days(count: int, unit: str) -> bool:
    unit = unit.lower()
    return (count == 14 and unit.startswith("dag")) or (count == 2 and unit.startswith("we"))


def suggestion(m: re.Match, count: int, sentence: DraftSentence, letter_date: date | None) -> str:
    """What to write instead: the last day, computed as the sheet would."""
    if (m["what"] or "").lower() == "ontvangst" or letter_date is None:
        return "uiterlijk [datum]"
    unit = "werkdag" if (m["werk"] or "").lower() == "werk" else m["unit"]
    legal = law.relative_deadline(letter_date, count, unit,
                                  statutory=bool(OBJECTION.search(sentence.text)))
    return f"uiterlijk {long_date(legal.last_day)}" if legal.last_day else "uiterlijk [datum]"


def before_dates(text: str, sentences: list[DraftSentence], dates: list[DateMention],
                 letter_date: date | None) -> Iterable[Flag]:
    for mention in dates:
        if letter_date and mention.value <= letter_date:
            continue
        before = text[max(0, mention.start - 40):mention.start]
        found = next(((m, boundary) for pattern, boundary in BOUNDARIES
                      if (m := pattern.search(before))), None)
        if found is None or found[1] != "voor":
            continue
        lead = found[0]
        lead_start = mention.start - len(lead.group())
        if PERIOD_LEADS.match(lead.group()) and PERIOD.search(text[max(0, lead_start - 80):
                                                                   lead_start]):
            continue  # "van 1 januari tot 1 mei" is a period
        sentence = sentence_at(sentences, lead_start)
        if sentence is None:
            continue
        last_day = mention.value - timedelta(days=1)
        yield make_flag("before_date", sentence.index, lead_start, mention.end,
                        " ".join(text[lead_start:mention.end].split()),
                        date=long_date(mention.value), last_day=long_date(last_day))

"""What a term counts from, and the date of that (data/time_expressions.toml,
`[[anchor]]`): the letter date and its synonyms; the day the letter arrived
(known only when the reader says it); or an event with its own date somewhere
else in the letter ("uw aanvraag van 9 maart 2026", "Dit dwangbevel is op
vrijdag 29 mei 2026 betekend"). An event with no date in the letter leaves
the term without a date: the sheet says what it counts from instead."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..law import AnchorKind
from ..model import Sentence
from .amounts import sentence_at
from .dates import DateMention
from .grammar import Anchor, Direction, grammar

# A date this close after the anchor phrase is its own ("het besluit van 3 maart").
OWN_DATE_REACH = 25


@dataclass(frozen=True)
class Resolved:
    kind: AnchorKind
    direction: Direction
    end: int  # where the term's words end in the text (after the anchor phrase)
    day: date | None  # the date the term counts from; None when unknown
    depends_on: str | None  # what it counts from, when that has no date


def connect(text: str, at: int) -> tuple[Direction, Anchor, int] | None:
    """The connector and anchor right after a term that ends at `at`."""
    g = grammar()
    for connector in g.connectors:
        link = connector.pattern.match(text, at)
        if not link:
            continue
        for anchor in g.anchors:
            phrase = anchor.pattern.match(text, link.end())
            if phrase and phrase.end() > link.end():
                return connector.direction, anchor, phrase.end()
    return None


def lead_in(text: str, term_start: int, sentences: list[Sentence]) -> Anchor | None:
    """An anchor before the term in its sentence ("Na ontvangst krijgt u binnen ...")."""
    g = grammar()
    sentence = sentence_at(sentences, term_start)
    start = max(sentence.span.start if sentence else 0, term_start - 2 * g.leading_reach)
    for link in g.leading.finditer(text, start, term_start):
        for anchor in g.anchors:
            phrase = anchor.pattern.match(text, link.end())
            if (phrase and phrase.end() > link.end()
                    and 0 <= term_start - phrase.end() <= g.leading_reach):
                return anchor
    return None


def event_date(anchor: Anchor, end: int, sentences: list[Sentence], dates: list[DateMention],
               letter_date: date | None) -> date | None:
    """The event's own date: right after the phrase, or in a sentence that
    names it elsewhere in the letter (the nearest such date)."""
    own = [d for d in dates if 0 <= d.start - end <= OWN_DATE_REACH]
    if own:
        return own[0].value
    if anchor.dated_by is None:
        return None
    named = []
    for mention in dates:
        sentence = sentence_at(sentences, mention.start)
        if sentence and anchor.dated_by.search(sentence.text) and mention.value != letter_date:
            named.append((abs(mention.start - end), mention.value))
    return min(named)[1] if named else None


def resolve(text: str, term_start: int, term_end: int, verb: str, sentences: list[Sentence],
            dates: list[DateMention], letter_date: date | None,
            received: date | None) -> Resolved:
    g = grammar()
    found = connect(text, term_end)
    if found is None and (before := lead_in(text, term_start, sentences)):
        found = ("after", before, term_end)
    if found is None:
        if verb in g.from_event_for:
            return Resolved("event", "after", term_end, None, g.no_anchor_event)
        return Resolved("none", "after", term_end, letter_date, None)
    direction, anchor, end = found
    if anchor.kind == "letter_date":
        return Resolved("letter_date", direction, end, letter_date, None)
    if anchor.kind == "receipt":
        return Resolved("receipt", direction, end, received, None if received else "ontvangst")
    day = event_date(anchor, end, sentences, dates, letter_date)
    if day is None and anchor.otherwise_letter_date:
        return Resolved("letter_date", direction, end, letter_date, None)
    return Resolved("event", direction, end, day, None if day else anchor.event)

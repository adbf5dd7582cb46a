"""Stage 2: Document in, Analysis out: sentences, glossary terms, dates,
deadlines (through `law`), amounts, actions, references, sender."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ..errors import NotALetter, NotDutch
from ..glossary import Glossary, GlossaryMatcher, load_glossary
from ..model import Analysis, Document, Notice, Objection, ObjectionHow, Sentence, Span, TermHit
from ..nlp import is_dutch, parse
from . import rules
from .actions import find_actions
from .amounts import find_amounts
from .dates import find_dates
from .deadlines import find_deadlines
from .letter import find_letter_date, find_letter_kind, find_sender
from .ocr_checks import find_unsure, unsure_notices
from .references import find_references

MIN_WORDS = 25

_matchers: dict[int, GlossaryMatcher] = {}


def matcher_for(glossary: Glossary) -> GlossaryMatcher:
    # Built once per glossary version, not per letter.
    key = id(glossary)
    if key not in _matchers:
        _matchers.clear()
        _matchers[key] = GlossaryMatcher(glossary)
    return _matchers[key]


def check_is_letter(document: Document) -> None:
    words = document.text.split()
    if len(words) < MIN_WORDS:
        raise NotALetter()
    if not is_dutch(document.text):
        raise NotDutch()
    signs = {" ".join(m.lower().split()) for m in rules.letter_signs().findall(document.text)}
    if len(signs) < 2:
        raise NotALetter()


def analyse(document: Document, glossary: Glossary | None = None, *,
            received: date | None = None) -> Analysis:
    """`received`: the day the letter arrived, when the reader says it; terms
    counted from receipt get their date from it."""
    check_is_letter(document)
    glossary = glossary if glossary is not None else load_glossary()
    doc = parse(document.text)
    sentences = [
        Sentence(s.text.strip(), Span(s.start_char, s.start_char + len(s.text.rstrip()),
                                      document.page_at(s.start_char)))
        for s in doc.sents if s.text.strip()
    ]
    dates = find_dates(document.text)
    letter_date = find_letter_date(document, dates)
    # Dates without a year ("vóór 1 mei") are read again against the letter date.
    if letter_date:
        dates = find_dates(document.text, reference=letter_date)
    sender = find_sender(document)
    deadlines = find_deadlines(document, sentences, dates, letter_date, sender.kind, received)
    actions = find_actions(sentences, deadlines)
    objection_deadlines = [d for d in deadlines if d.verb == "bezwaar_maken" and d.limit]
    objection_possible = bool(objection_deadlines) or any(
        a.verb == "bezwaar_maken" for a in actions)
    warnings = []
    if letter_date is None:
        warnings.append(Notice("no_letter_date"))
    if any(deadline.depends_on_receipt for deadline in deadlines):
        warnings.append(Notice("depends_on_receipt"))
    analysis = Analysis(
        document=document,
        sentences=sentences,
        sender=sender,
        letter_kind=find_letter_kind(document),
        letter_date=letter_date,
        deadlines=deadlines,
        amounts=find_amounts(document, sentences),
        actions=actions,
        references=find_references(document),
        objection=Objection(
            possible=objection_possible,
            deadline=min((d.last_day for d in objection_deadlines if d.last_day), default=None),
            how=objection_how(document.text) if objection_possible else "",
        ),
        terms=find_terms(document, doc, glossary),
        warnings=warnings,
    )
    if document.method == "ocr":
        unsure = find_unsure(analysis, dates, list(document.repairs))
        analysis = replace(analysis, unsure=unsure,
                           warnings=analysis.warnings + unsure_notices(unsure))
    return analysis


def objection_how(text: str) -> ObjectionHow:
    """"online" when the letter offers objecting online, else "letter"."""
    return "online" if rules.objection_online().search(text) else "letter"


def find_terms(document: Document, doc, glossary: Glossary) -> list[TermHit]:
    """Each glossary term once, with every place it stands in the letter."""
    hits: dict[str, TermHit] = {}
    places: dict[str, list[Span]] = {}
    for match in matcher_for(glossary).find(doc, fuzzy=document.method == "ocr"):
        entry = match.entry
        span = Span(match.start, match.end, document.page_at(match.start))
        places.setdefault(entry.term, []).append(span)
        if entry.term not in hits:
            hits[entry.term] = TermHit(term=entry.term, found=match.found, plain=entry.plain,
                                       alternative=entry.alternative, span=span)
    hits = {term: replace(hit, spans=tuple(places[term]))
            for term, hit in hits.items()}
    return list(hits.values())

"""Which hard words the sheet explains, and in which order.

A letter holds 30 to 70 glossary terms; a young person reads a handful. The
sheet keeps at most SHEET_TERMS of them: first the words of what the letter
asks you to do and of what it decides (the subject line and the sentences
that give the letter its kind), then the rarest. Everyday words are never
shown: a single word more common than EVERYDAY_ZIPF in wordfreq's Dutch list.
Every term found stays in the contract's `terms`; the web page folds the rest
under "Meer moeilijke woorden", the printed sheet leaves them out.
"""

from __future__ import annotations

from wordfreq import zipf_frequency

from ..analyse import rules
from ..model import Analysis, Span, TermHit

SHEET_TERMS = 8
# Measured on the dev split (bench/term_bound.py): 99% of the single words the
# annotators marked hard are rarer than this; above it are "gemeente",
# "ontvangen", "artikel", "echter".
EVERYDAY_ZIPF = 5.0


def term_zipf(hit: TermHit) -> float:
    return zipf_frequency(hit.term.lower(), "nl")


def is_everyday(hit: TermHit) -> bool:
    """A single common word; a phrase of common words ("dan wel", "op grond van")
    is an idiom whose words do not tell its meaning, so it is never everyday."""
    return " " not in hit.term.strip() and term_zipf(hit) >= EVERYDAY_ZIPF


def decision_spans(analysis: Analysis) -> list[Span]:
    """Where the letter says what it is about: the subject line and each
    sentence in which the rule of its kind matches."""
    text = analysis.document.text
    spans = []
    subject = rules.subject_line().search(text)
    if subject:
        spans.append(Span(subject.start(1), subject.end(1),
                          analysis.document.page_at(subject.start(1))))
    kind = next((rule for rule in rules.letter_kinds() if rule.kind == analysis.letter_kind),
                None)
    if kind is not None:
        spans += [s.span for s in analysis.sentences if kind.pattern.search(s.text)]
    return spans


def inside(span: Span, spans: list[Span]) -> bool:
    return any(span.start < other.end and other.start < span.end for other in spans)


def pick_terms(analysis: Analysis) -> tuple[list[TermHit], list[TermHit]]:
    """(the terms the sheet shows, the other hard terms), each ranked."""
    key = [action.span for action in analysis.actions] + decision_spans(analysis)

    def rank(hit: TermHit) -> tuple[bool, float]:
        places = hit.spans or (hit.span,)
        return (not any(inside(place, key) for place in places), term_zipf(hit))

    ranked = sorted((hit for hit in analysis.terms if not is_everyday(hit)), key=rank)
    return ranked[:SHEET_TERMS], ranked[SHEET_TERMS:]

"""The readability check of a draft: Document in, Report out.

The text goes through the project's language pipeline (nlp.parse: spaCy's
tokens, simplemma lemmas, the letter-aware sentence splitter), then through
Frog for tags and dependencies when it is there, then formulas and flags.
"""

from __future__ import annotations

import logging
from statistics import mean

from ..analyse import matcher_for
from ..analyse.dates import find_dates
from ..analyse.letter import find_letter_date
from ..errors import NotDutch
from ..glossary import Glossary, load_glossary
from ..model import Document
from ..nlp import is_dutch, parse
from . import frog as frog_module
from .concrete import noun_class
from .deadline_wording import deadline_flags
from .flags import (
    abbreviation_flags,
    glossary_matches,
    is_abbreviation,
    is_jargon,
    jargon_flags,
    rare_word_flags,
    sentence_flags,
)
from .report import Counts, Flag, Lint, Report, SentenceResult
from .scores import LintFeatures, brouwer, flesch_douma, lint_level, lint_score
from .words import (
    DraftSentence,
    apply_parse,
    build_sentences,
    counts_for_frequency,
    is_content_word,
    is_prose,
    skip_spans,
    word_zipf,
)

log = logging.getLogger(__name__)

AUTO = "auto"
# Beyond this many words the parser is skipped (about a minute of Frog).
MAX_PARSED_WORDS = 6000
NOT_DUTCH = ("Deze tekst is niet in het Nederlands. De leesbaarheidscheck werkt alleen voor "
             "Nederlandse teksten.")
NO_PARSER = ("De zinsontleder (Frog) draaide niet. Daarom ontbreken de LiNT-score en de "
             "controle op werkwoorden die ver uit elkaar staan. Lijdende vorm en bijzinnen zijn "
             "geschat met woordpatronen.")
# When no noun could be classified we take the middle, so the feature neither helps nor hurts.
NEUTRAL_CONCRETE = 0.5


def check_document(document: Document, *, parser=AUTO, glossary: Glossary | None = None
                   ) -> Report:
    """Check a draft. `parser`: AUTO (the shared Frog if installed), a Frog, or None."""
    text = document.text
    if len(text.split()) >= 20 and not is_dutch(text):
        raise NotDutch(NOT_DUTCH)
    doc = parse(text)
    sentences = build_sentences(document, doc)
    notes: list[str] = []
    parser_name = run_parser(sentences, parser, notes)

    glossary = glossary if glossary is not None else load_glossary()
    skipped = skip_spans(document)
    matches = [m for m in glossary_matches(matcher_for(glossary), doc)
               if is_jargon(m, text, skipped, sentences)]
    # A dotted abbreviation with a written-out form in the glossary ("bijv.") is the
    # abbreviation finder's: the advice is to write it out, not to explain it.
    spelled = {m.found.lower(): m.entry.alternative for m in matches
               if is_abbreviation(m.found) and m.entry.alternative}
    matches = [m for m in matches if m.found.lower() not in spelled]
    jargon = jargon_flags(matches, sentences, text)
    covered = [(m.start, m.end) for m in matches]
    dates = find_dates(text)
    letter_date = find_letter_date(document, dates)
    if letter_date:
        dates = find_dates(text, reference=letter_date)
    flags: list[Flag] = []
    for sentence in sentences:
        flags.extend(sentence_flags(sentence))
    flags += jargon
    flags += rare_word_flags(sentences, covered)
    flags += abbreviation_flags(sentences, text, covered, spelled)
    flags += deadline_flags(text, sentences, dates, letter_date)
    flags.sort(key=lambda f: (f.start, f.code))

    counts = count_words(sentences)
    lint, per_sentence = lint_for(sentences) if parser_name else (None, {})
    results = sentence_results(sentences, flags, per_sentence)
    return Report(
        filename=document.filename, method=document.method, text=text, counts=counts,
        flesch_douma=flesch_douma(counts.words, counts.sentences, counts.syllables),
        brouwer=brouwer(counts.words, counts.sentences, counts.syllables),
        lint=lint, sentences=results, flags=flags, parser=parser_name, notes=notes,
    )


def run_parser(sentences: list[DraftSentence], parser, notes: list[str]) -> str | None:
    if parser == AUTO:
        parser = frog_module.shared() if frog_module.installed() else None
    if parser is None:
        notes.append(NO_PARSER)
        return None
    words = sum(len(s.words) for s in sentences)
    if words > MAX_PARSED_WORDS:
        notes.append(f"De tekst is te lang om te ontleden (meer dan {MAX_PARSED_WORDS} woorden). "
                     + NO_PARSER)
        return None
    try:
        parsed = parser.parse([[t.text for t in s.tokens] for s in sentences])
    except frog_module.ParserUnavailable as error:
        log.warning("parser unavailable: %s", error)
        notes.append(NO_PARSER)
        return None
    for sentence, frog_tokens in zip(sentences, parsed, strict=True):
        apply_parse(sentence, frog_tokens)
    skipped = sum(1 for s in sentences if not s.parsed)
    if skipped:
        notes.append(f"{skipped} zin(nen) zijn niet ontleed (te lang of niet te lezen). "
                     "Die tellen niet mee in de LiNT-score.")
    return "frog"


def count_words(sentences: list[DraftSentence]) -> Counts:
    """Counts over the running text: address lines, the date, the salutation
    and other lines that are not sentences would make any letter look easy."""
    sentences = [s for s in sentences if is_prose(s)]
    words = [t for s in sentences for t in s.words]
    return Counts(
        sentences=len(sentences), words=len(words), syllables=sum(t.syllables for t in words),
        frequency_words=sum(1 for t in words if counts_for_frequency(t)),
        left_out=sum(1 for s in sentences for t in s.tokens
                     if t.skip_reason and (t.is_word or t.skip_reason in ("amount", "number"))),
    )


# -- LiNT -------------------------------------------------------------------------

def max_dependency_length(sentence: DraftSentence) -> int:
    """Words between a word and its head, punctuation left out; the longest."""
    ranks: dict[int, int] = {}
    for frog_token in sentence.frog:
        if frog_token.pos != "LET":
            ranks[frog_token.index] = len(ranks)
    longest = 0
    for frog_token in sentence.frog:
        if frog_token.index in ranks and frog_token.head in ranks:
            longest = max(longest, abs(ranks[frog_token.index] - ranks[frog_token.head]) - 1)
    return longest


def clauses(sentence: DraftSentence) -> int:
    return max(1, sum(1 for t in sentence.frog if t.pos == "WW" and "pv" in t.features))


def sentence_features(sentence: DraftSentence) -> tuple[list[float], int, int, list[str]]:
    """(frequencies, content words, clauses, noun classes) of one parsed sentence."""
    frequencies = [max(word_zipf(t.lower), word_zipf(t.lemma.lower()))
                   for t in sentence.tokens if counts_for_frequency(t)]
    content = sum(1 for t in sentence.tokens if is_content_word(t))
    classes = [noun_class(t.lemma or t.lower) for t in sentence.tokens
               if t.pos == "N" and "soort" in t.features and t.skip_reason is None]
    return frequencies, content, clauses(sentence), [c or "unknown" for c in classes]


def concrete_share(classes: list[str]) -> float | None:
    known = [c for c in classes if c != "unknown"]
    return sum(1 for c in known if c == "concrete") / len(known) if known else None


def lint_for(sentences: list[DraftSentence]) -> tuple[Lint | None, dict[int, float]]:
    parsed = [s for s in sentences if s.parsed and is_prose(s)]
    if not parsed:
        return None, {}
    per = {s.index: sentence_features(s) for s in parsed}
    frequencies = [f for fs, _, _, _ in per.values() for f in fs]
    classes = [c for _, _, _, cs in per.values() for c in cs]
    document = LintFeatures(
        word_frequency=mean(frequencies) if frequencies else 0.0,
        dependency_length=mean(max_dependency_length(s) for s in parsed),
        content_words_per_clause=(sum(c for _, c, _, _ in per.values())
                                  / sum(k for _, _, k, _ in per.values())),
        concrete_nouns=_or(concrete_share(classes), NEUTRAL_CONCRETE),
    )
    score = lint_score(document)
    scores: dict[int, float] = {}
    for sentence in parsed:
        frequency, content, clause_count, noun_classes = per[sentence.index]
        scores[sentence.index] = lint_score(LintFeatures(
            word_frequency=mean(frequency) if frequency else document.word_frequency,
            dependency_length=max_dependency_length(sentence),
            content_words_per_clause=content / clause_count,
            concrete_nouns=_or(concrete_share(noun_classes), document.concrete_nouns),
        ))
    lint = Lint(score=score, level=lint_level(score), features=document,
                parsed_sentences=len(parsed),
                classified_nouns=sum(1 for c in classes if c != "unknown"), nouns=len(classes))
    return lint, scores


def _or(value: float | None, default: float) -> float:
    return default if value is None else value


def sentence_results(sentences: list[DraftSentence], flags: list[Flag],
                     lint_scores: dict[int, float]) -> list[SentenceResult]:
    results = []
    for sentence in sentences:
        own = [f for f in flags if f.sentence == sentence.index]
        score = lint_scores.get(sentence.index)
        level = sentence_level(score, own) if is_prose(sentence) else 0
        results.append(SentenceResult(
            index=sentence.index, start=sentence.start, end=sentence.end, text=sentence.text,
            words=len(sentence.words), level=level, lint=score, flags=own))
    return results


def sentence_level(score: float | None, flags: list[Flag]) -> int:
    """The colour of a sentence: its LiNT level when parsed; otherwise one step
    per sentence or deadline flag and per two word flags."""
    if score is not None:
        return lint_level(score)
    heavy = sum(1 for f in flags if f.kind != "word")
    light = sum(1 for f in flags if f.kind == "word")
    return 1 + min(3, heavy + light // 2)

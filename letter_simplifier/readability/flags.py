"""What makes a sentence or a word hard, each with why and what to write
instead (the messages are in data/flags.toml, the word lists in data/flag_words.toml).

Sentence: longer than 20 words, passive voice, the two parts of a verb (or an
article and its noun) far apart, a verb hidden in a noun, three or more
clauses. Word: glossary jargon (with the glossary's plain alternative), rare
words, abbreviations and acronyms without explanation.

Passive voice, split verbs and clauses are read from Frog's parse; without
the parser, passive voice and clauses fall back on word patterns and split
verbs are not checked.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from spacy.lang.nl.stop_words import STOP_WORDS
from spacy.tokens import Doc
from wordfreq import zipf_frequency

from ..glossary import GlossaryMatcher
from ..glossary.matcher import Match
from .report import Flag
from .words import DraftSentence, DraftToken, counts_for_frequency, is_prose, word_zipf

DATA = Path(__file__).resolve().parent / "data"

LONG_SENTENCE_WORDS = 20
SPLIT_VERB_WORDS = 7  # more words than this between the two parts of a verb
SPLIT_NOUN_WORDS = 4  # ... or between an article and its noun
MANY_CLAUSES = 3
MANY_CLAUSES_WORDS = 18
# LiNT and Van Heuven et al. call a word with a Zipf value below 3 uncommon.
RARE_ZIPF = 3.0
# A glossary word without a plain alternative that is this common is known to readers.
COMMON_ZIPF = 3.5
MIN_RARE_LENGTH = 4


def load(name: str) -> dict:
    with (DATA / f"{name}.toml").open("rb") as handle:
        return tomllib.load(handle)


# The word lists and patterns of the checks, from data/flag_words.toml.
WORDS = load("flag_words")
WORDEN = frozenset(WORDS["passive"]["worden"])
PARTICIPLE = re.compile(WORDS["passive"]["participle"])
ZIJN_VERBS = frozenset(WORDS["passive"]["zijn_verbs"])
ARTICLES = frozenset(WORDS["split_noun"]["articles"])
PREPOSITIONS = frozenset(WORDS["split_noun"]["prepositions"])
PRENOMINAL_ENDINGS = tuple(WORDS["split_noun"]["prenominal_endings"])
SUBORDINATORS = frozenset(WORDS["clauses"]["subordinators"])
CLAUSE_OPENERS = frozenset(WORDS["clauses"]["openers"])
LEXICALISED = frozenset(WORDS["nominalisation"]["lexicalised"])
NOMINAL_BEFORE = frozenset(WORDS["nominalisation"]["before"])
ACTION_NOUNS: dict[str, str] = WORDS["nominalisation"]["action_nouns"]
VERB_PREFIXES = frozenset(WORDS["jargon"]["verb_prefixes"])
NAMES_IT = re.compile(WORDS["jargon"]["names_it"], re.IGNORECASE)
EXPLAINS_NEXT = re.compile(WORDS["jargon"]["explains_next"], re.IGNORECASE)
DEFINES = re.compile(WORDS["jargon"]["defines"])
KNOWN_ACRONYMS = frozenset(WORDS["acronyms"]["known"])
# An abbreviation: "o.a.", "t/m" (a form, not a word list).
DOTTED = re.compile(r"^(?:[^\W\d_]{1,5}\.)+$|^[^\W\d_]{1,2}/[^\W\d_]{1,2}$")


@lru_cache(maxsize=1)
def messages() -> dict:
    return load("flags")


@lru_cache(maxsize=1)
def abbreviation_table() -> tuple[frozenset[str], dict[str, str]]:
    data = load("abbreviations")
    return frozenset(data["allowed"]), data["plain"]


def make_flag(code: str, sentence: int, start: int, end: int, found: str, *,
              todo_key: str = "todo", alternative: str = "", term: str = "", **values) -> Flag:
    text = messages()[code]
    fill = {"found": found, "alternative": alternative, **values}
    return Flag(code=code, start=start, end=end, found=found, title=text["title"],
                why=text["why"].format(**fill), todo=text[todo_key].format(**fill),
                sentence=sentence, alternative=alternative, term=term)


# -- sentences ----------------------------------------------------------------

def sentence_flags(sentence: DraftSentence) -> list[Flag]:
    flags: list[Flag] = []
    for finder in (long_sentence, passive_voice, split_verbs, split_nouns, nominalisations,
                   many_clauses):
        flags.extend(finder(sentence))
    return flags


def long_sentence(sentence: DraftSentence) -> Iterable[Flag]:
    words = len(sentence.words)
    if words > LONG_SENTENCE_WORDS:
        yield make_flag("long_sentence", sentence.index, sentence.start, sentence.end,
                        sentence.text, words=words)


def span_flag(code: str, sentence: DraftSentence, left: DraftToken, right: DraftToken,
              **values) -> Flag:
    adjacent = sentence.tokens.index(right) == sentence.tokens.index(left) + 1
    found = f"{left.text} {right.text}" if adjacent else f"{left.text} ... {right.text}"
    return make_flag(code, sentence.index, left.start, right.end, found, **values)


def passive_voice(sentence: DraftSentence) -> Iterable[Flag]:
    tokens = sentence.tokens
    if sentence.parsed:
        for token in tokens:
            if token.pos != "WW" or "vd" not in token.features or token.relation != "vc":
                continue
            if token.head is None:
                continue
            aux = tokens[token.head]
            lemma = aux.lemma.lower()
            if lemma == "worden" or (lemma == "zijn" and token.lemma.lower() not in ZIJN_VERBS
                                     and _frog_lemma(sentence, token) not in ZIJN_VERBS):
                first, last = sorted((aux, token), key=lambda t: t.start)
                yield span_flag("passive", sentence, first, last)
                return
        return
    for i, token in enumerate(tokens):
        if token.lower in WORDEN:
            later = [t for t in tokens[i + 1:] if PARTICIPLE.match(t.lower)]
            if later:
                yield span_flag("passive", sentence, token, later[-1])
                return


def _frog_lemma(sentence: DraftSentence, token: DraftToken) -> str:
    position = sentence.tokens.index(token)
    for frog_token in sentence.frog:
        if position in frog_token.source:
            return frog_token.lemma.lower()
    return token.lemma.lower()


def words_between(sentence: DraftSentence, a: int, b: int) -> int:
    low, high = sorted((a, b))
    return sum(1 for t in sentence.tokens[low + 1:high] if not t.is_punct)


def split_verbs(sentence: DraftSentence) -> Iterable[Flag]:
    if not sentence.parsed:
        return
    widest = None
    for i, token in enumerate(sentence.tokens):
        if token.relation not in ("vc", "svp") or token.head is None:
            continue
        head = sentence.tokens[token.head]
        verb_part = token.pos == "WW" and ("inf" in token.features or "vd" in token.features)
        if head.pos != "WW" or not (verb_part or token.relation == "svp"):
            continue
        if crosses_clause(sentence.tokens[min(i, token.head) + 1:max(i, token.head)]):
            continue  # Frog linked verbs of two clauses: not one split verb
        distance = words_between(sentence, i, token.head)
        if distance > SPLIT_VERB_WORDS and (widest is None or distance > widest[0]):
            widest = (distance, head, token)
    if widest:
        distance, head, token = widest
        first, last = sorted((head, token), key=lambda t: t.start)
        yield span_flag("split_verb", sentence, first, last, first=first.text,
                        second=last.text, distance=distance)


def crosses_clause(between: list[DraftToken]) -> bool:
    return any(t.text in ",;:" or t.lower in SUBORDINATORS or t.lower in CLAUSE_OPENERS
               or (t.pos == "VG" and "onder" in t.features) for t in between)


def split_nouns(sentence: DraftSentence) -> Iterable[Flag]:
    """"de door u op 3 maart verstuurde brief": an article directly followed by
    a preposition opens a phrase before the noun; the noun is the first one
    after a participle or adjective ending in -e."""
    tokens = sentence.tokens
    for i, token in enumerate(tokens[:-2]):
        if token.lower not in ARTICLES or tokens[i + 1].lower not in PREPOSITIONS:
            continue
        for j in range(i + 2, min(len(tokens) - 1, i + 20)):
            if tokens[j].text in ",;:" or tokens[j].lower in ARTICLES:
                break
            if is_prenominal(tokens[j]) and tokens[j + 1].is_word:
                noun = tokens[j + 1]
                distance = words_between(sentence, i, j + 1)
                if distance > SPLIT_NOUN_WORDS:
                    yield span_flag("split_noun", sentence, token, noun, first=token.text,
                                    second=noun.text, distance=distance)
                    return
                break


def is_prenominal(token: DraftToken) -> bool:
    if token.tag is not None:
        return "prenom" in token.features and token.pos in ("WW", "ADJ")
    return len(token.lower) > 4 and token.lower.endswith(PRENOMINAL_ENDINGS)


def action_verb(token: DraftToken) -> str | None:
    """The verb behind a noun such as "betaling" (betalen), or None."""
    lemma = token.lemma.lower() if token.lemma else token.lower
    if lemma in ACTION_NOUNS:
        return ACTION_NOUNS[lemma]
    if lemma in LEXICALISED or token.lower in LEXICALISED:
        return None
    candidates: list[str] = []
    if lemma.endswith("ing") and len(lemma) > 6:
        stem = lemma[:-3]
        candidates = [stem + "en", stem] if stem.endswith("n") else [stem + "en"]
    elif lemma.endswith("atie") and len(lemma) > 7:
        candidates = [lemma[:-4] + "eren"]
    for verb in candidates:
        if zipf_frequency(verb, "nl") >= 2.5:
            return verb
    return None


def nominalisations(sentence: DraftSentence) -> Iterable[Flag]:
    """A verb hidden in a noun, where the sentence builds on it: "de betaling
    van", "ter beoordeling", "tot terugvordering", "het aanvragen van"."""
    words = [t for t in sentence.tokens if not t.is_punct]
    for i, token in enumerate(words):
        if sentence.parsed and token.pos not in ("N", "WW"):
            continue
        before = words[i - 1].lower if i else ""
        after = words[i + 1].lower if i + 1 < len(words) else ""
        if token.pos == "WW" or (not sentence.parsed and token.lower.endswith("en")
                                 and before == "het"):
            if before == "het" and after == "van" and ("inf" in token.features
                                                         or not sentence.parsed):
                yield _nominalisation(sentence, token, token.lemma or token.lower)
                return
            continue
        verb = action_verb(token)
        if verb and (after == "van" or before in NOMINAL_BEFORE):
            yield _nominalisation(sentence, token, verb)
            return


def _nominalisation(sentence: DraftSentence, token: DraftToken, verb: str) -> Flag:
    return make_flag("nominalisation", sentence.index, token.start, token.end, token.text,
                     verb_hint=f" ('{verb}')")


def many_clauses(sentence: DraftSentence) -> Iterable[Flag]:
    tokens = sentence.tokens
    # Frog misses finite verbs in long sentences, so the words that open a
    # clause count too; the larger number wins.
    clauses = 1 + sum(1 for i, t in enumerate(tokens)
                      if t.lower in SUBORDINATORS
                      or (t.lower in CLAUSE_OPENERS and i and tokens[i - 1].text == ","))
    if sentence.parsed:
        finite = sum(1 for t in tokens if t.pos == "WW" and "pv" in t.features)
        relative = sum(1 for t in tokens if t.pos == "VNW" and "betr" in t.features)
        clauses = max(clauses, finite, 1 + relative + sum(
            1 for t in tokens if t.pos == "VG" and "onder" in t.features))
    # Two short bijzinnen in a short sentence read fine; only a long one gets lost.
    if clauses >= MANY_CLAUSES and len(sentence.words) >= MANY_CLAUSES_WORDS:
        yield make_flag("many_clauses", sentence.index, sentence.start, sentence.end,
                        sentence.text, clauses=clauses)


# -- words ----------------------------------------------------------------------

def glossary_matches(matcher: GlossaryMatcher, doc: Doc) -> list[Match]:
    """Every glossary term, also one inside a longer term: "uitstel" inside
    "uitstel van betaling" and "incasso" inside "automatische incasso" are
    terms of their own."""
    matches = matcher.find(doc)
    nested: list[Match] = []
    for match in matches:
        inner = doc.char_span(match.start, match.end, alignment_mode="expand")
        # Only inside a noun phrase: "grond" in "op grond van" is no term of its own.
        if inner is None or len(inner) < 2 or inner[0].lower_ in STOP_WORDS:
            continue
        for token in inner:
            if token.lower_ in STOP_WORDS:
                continue
            for key in ((token.text,), (token.lower_,), (token.lemma_,)):
                entry = matcher.phrases.get(key)
                if entry and entry.term != match.entry.term:
                    nested.append(Match(entry, token.idx, token.idx + len(token.text),
                                        token.text))
                    break
    return sorted(matches + nested, key=lambda m: m.start)


@lru_cache(maxsize=1)
def jargon_exceptions() -> dict:
    data = load("jargon_exceptions")
    return {key: frozenset(v.lower() for v in data[key]) for key in ("terms", "forms",
                                                                    "contexts")}


def is_jargon(match: Match, text: str, skipped: list[tuple[int, int, str]],
              sentences: list[DraftSentence]) -> bool:
    """A glossary match that a writer should change. Not: a word in
    data/jargon_exceptions.toml; the name of an organisation or service, or a
    common word, without a plain alternative ("gemeente", "DigiD", "boete": the acronym check
    handles "CJIB"); a capitalised word in a name line ("Team Inkomen"); a
    match inside a reference number; text that already is the alternative."""
    entry, found = match.entry, match.found.lower()
    exceptions = jargon_exceptions()
    if entry.term.lower() in exceptions["terms"] or found in exceptions["forms"]:
        return False
    before = text[max(0, match.start - 30):match.start].split()
    if before and f"{before[-1].lower()} {found}" in exceptions["contexts"]:
        return False
    if not entry.alternative and (entry.category == "organisaties" or is_name(entry.term)
                                  or zipf_frequency(found, "nl") >= COMMON_ZIPF):
        return False
    if entry.alternative and found in entry.alternative.lower():
        return False  # "rekeningnummer" -> "bankrekeningnummer" is no plainer word
    word_start = match.start
    while word_start > 0 and text[word_start - 1].isalpha():
        word_start -= 1
    if text[word_start:match.start].lower() in VERB_PREFIXES:
        return False  # "ver-dient" is a verb of its own, not a compound with "dient"
    sentence = sentence_at(sentences, match.start)
    if sentence is not None and match.found[:1].isupper() and (
            is_name_line(sentence, match)
            or continues_a_name(text[sentence.start:match.start].split())):
        return False
    return not any(start <= match.start < end for start, end, _ in skipped)


def is_name_line(sentence: DraftSentence, match: Match) -> bool:
    """A line with a name or a title ("Team Inkomen", "Werkcoach"), not a label
    with a value ("Feitcode: VA 016", "Betreft: ...")."""
    if is_prose(sentence) or ":" in sentence.text:
        return False
    content = [t.text for t in sentence.words if t.lower not in STOP_WORDS]
    all_capitals = all(word[:1].isupper() for word in content)
    line_initial = sentence.tokens[0].start == match.start
    return all_capitals or not line_initial or len(sentence.words) < 2


def continues_a_name(before: list[str]) -> bool:
    """"afdeling Werk en Inkomen": a capital after a capitalised word (and "en")
    inside a sentence is part of a name."""
    words = [w for w in before if w.lower() not in ("en", "&")][-1:]
    return bool(words) and words[0][:1].isupper() and not words[0].endswith((".", ":"))


def is_name(term: str) -> bool:
    """A service or product name with a capital inside: "DigiD", "MijnOverheid"."""
    return any(ch.isupper() for ch in term[1:]) and not term.isupper()


# "bruto (voor de belasting)": three or more words, no number, no other term.
PARENTHESIS = re.compile(r"^\s*\(([a-z][^()\d]*)\)")


def explained_terms(matches: list[Match], text: str, sentences: list[DraftSentence]) -> set[str]:
    """Glossary terms the draft explains itself: the advice "leg het uit" is
    already followed, so the term is not flagged anywhere in the text."""
    explained: set[str] = set()
    for match in matches:
        sentence = sentence_at(sentences, match.start)
        if sentence is None:
            continue
        follows = text[match.end:sentence.end]
        next_one = sentences[sentence.index + 1] if sentence.index + 1 < len(sentences) else None
        if (NAMES_IT.search(text[sentence.start:match.start]) or DEFINES.match(follows)
                or explains_in_parenthesis(match, follows, matches)
                or (next_one is not None and follows.strip() in ".!"
                    and EXPLAINS_NEXT.match(next_one.text))):
            explained.add(match.entry.term)
    return explained


def explains_in_parenthesis(match: Match, follows: str, matches: list[Match]) -> bool:
    found = PARENTHESIS.match(follows)
    if not found or len(found.group(1).split()) < 3 or "zgn" in found.group(1):
        return False
    start = match.end + found.start(1)
    end = match.end + found.end(1)
    return not any(start <= other.start < end for other in matches)


def jargon_flags(matches: list[Match], sentences: list[DraftSentence], text: str = ""
                 ) -> list[Flag]:
    flags: list[Flag] = []
    seen: set[tuple[int, str]] = set()
    explained = explained_terms(matches, text, sentences) if text else set()
    for match in matches:
        sentence = sentence_at(sentences, match.start)
        if sentence is None or (sentence.index, match.entry.term) in seen:
            continue
        if match.entry.term in explained:
            continue
        seen.add((sentence.index, match.entry.term))
        entry = match.entry
        plain = entry.plain.rstrip()
        flags.append(make_flag(
            "jargon", sentence.index, match.start, match.end, match.found,
            todo_key="todo" if entry.alternative else "todo_explain",
            alternative=entry.alternative, term=entry.term, plain=plain,
        ))
    return flags


def sentence_at(sentences: list[DraftSentence], offset: int) -> DraftSentence | None:
    for sentence in sentences:
        if sentence.start <= offset < sentence.end:
            return sentence
    return None


def rare_word_flags(sentences: list[DraftSentence], covered: list[tuple[int, int]]) -> list[Flag]:
    """Content words below Zipf 3, once per word, outside glossary terms."""
    flags: list[Flag] = []
    seen: set[str] = set()
    for sentence in sentences:
        for token in sentence.tokens:
            if not counts_for_frequency(token) or len(token.text) < MIN_RARE_LENGTH:
                continue
            if token.text[:1].isupper():
                continue  # a street, a place or a name, also at the start of a line
            if "-" in token.text or token.lower in seen:
                continue
            if any(start <= token.start < end for start, end in covered):
                continue
            zipf = max(word_zipf(token.lower), word_zipf(token.lemma.lower()))
            if zipf < RARE_ZIPF:
                seen.add(token.lower)
                flags.append(make_flag("rare_word", sentence.index, token.start, token.end,
                                       token.text))
    return flags


def is_abbreviation(word: str) -> bool:
    return DOTTED.match(word) is not None


def abbreviation_flags(sentences: list[DraftSentence], text: str,
                       covered: list[tuple[int, int]],
                       spelled: dict[str, str] | None = None) -> list[Flag]:
    """Abbreviations to write out; `spelled`: written-out forms the glossary knows."""
    allowed, table = abbreviation_table()
    plain = {**(spelled or {}), **table}
    flags: list[Flag] = []
    seen: set[str] = set()
    for sentence in sentences:
        for token in sentence.tokens:
            lower = token.lower
            if lower in seen or any(s <= token.start < e for s, e in covered):
                continue
            if DOTTED.match(token.text) and lower not in allowed and (
                    lower in plain or lower.count(".") >= 2 or "/" in lower):
                seen.add(lower)
                hint = f": {plain[lower]}" if lower in plain else ""
                flags.append(make_flag("abbreviation", sentence.index, token.start, token.end,
                                       token.text, expansion_hint=hint))
            elif is_unexplained_acronym(token, text) and token.skip_reason not in (
                    "reference", "postcode", "web"):
                seen.add(lower)
                flags.append(make_flag("acronym", sentence.index, token.start, token.end,
                                       token.text))
    return flags


def is_unexplained_acronym(token: DraftToken, text: str) -> bool:
    word = token.text
    if not (2 <= len(word) <= 6 and word.isalpha() and word.isupper()):
        return False
    if word in KNOWN_ACRONYMS or zipf_frequency(word.lower(), "nl") >= 3.5:
        return False  # a heading in capitals ("LET OP"), not an abbreviation
    explained = re.search(rf"\({re.escape(word)}\)|\b{re.escape(word)}\s*\(", text)
    return explained is None

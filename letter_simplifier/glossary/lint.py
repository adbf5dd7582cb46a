"""The glossary's checks, for the tests, `letter-simplifier glossary lint` and the
maintainers' web form. Messages are in plain Dutch: maintainers read them.

The readability rules are glossary/README.md's "Regels voor een goede uitleg":
at most 2 sentences of at most 12 words, at most 160 characters, the reader
is "je", and no hard word unless it is itself explained in the glossary.
A word is hard when wordfreq gives it (and its lemma) a Zipf score below 3.0
("Onder de 3 is meestal te moeilijk"), unless it is made of two common words
("telefoonnummer").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from wordfreq import zipf_frequency

from ..nlp import abbreviations, lemma, parse
from .matcher import MAX_WORDS as MATCH_WORDS
from .matcher import GlossaryMatcher, entry_forms, form_keys
from .schema import label, schema_errors
from .similarity import (
    SIMILAR_TERM,
    explanation_like,
    linked,
    normalise,
    same_explanations,
    similar_pairs,
    similar_terms,
)
from .store import Glossary, GlossaryEntry, entry_to_dict, load_raw, parse_entry

MAX_SENTENCES = 2
MAX_WORDS = 12
COMMON_ZIPF = 3.0
# Each half of a compound of two common words must be this common and this
# long: "telefoonnummer" is plain, "zienswijze" (zien-s-wijze) should not pass
# this way (it passes on its own Zipf score of 3.1).
COMPOUND_PART_ZIPF = 4.0
COMPOUND_PART_LETTERS = 4
LINKERS = ("", "s", "e", "en", "-")  # "" first: endswith("") is always true
FORMAL = re.compile(r"\b(u|uw|uzelf)\b", re.IGNORECASE)
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")
# "o.a.", "t.n.v.", or a known abbreviation with more text after it ("bijv. je loon").
ABBREVIATION = re.compile(r"(?<![\w.])((?:[^\W\d_]+\.){2,}|[^\W\d_]+\.(?=\s+[a-z]))")
WEB_ADDRESS = re.compile(r"\.(?:nl|com|org|eu)\.?$", re.IGNORECASE)


@dataclass(frozen=True)
class Problem:
    term: str
    field: str
    code: str
    message: str

    def __str__(self) -> str:
        where = f" ({self.field})" if self.field else ""
        return f"{self.term}{where}: {self.message}"


def sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_END.split(text.strip()) if s]


def words(text: str) -> list[str]:
    return WORD.findall(text)


def word_count(sentence: str) -> int:
    return sum(1 for token in sentence.split() if any(ch.isalnum() for ch in token))


@lru_cache(maxsize=65536)
def is_common(word: str) -> bool:
    low = word.lower()
    if zipf_frequency(low, "nl") >= COMMON_ZIPF or zipf_frequency(lemma(low), "nl") >= COMMON_ZIPF:
        return True
    return is_compound_of_common(low)


def is_compound_of_common(word: str) -> bool:
    """"zorgkosten" = zorg + kosten, "telefoonnummer", "leerlingen-vervoer"."""
    for cut in range(COMPOUND_PART_LETTERS, len(word) - COMPOUND_PART_LETTERS + 1):
        head, tail = word[:cut], word[cut:].lstrip("-")
        if not common_part(tail):
            continue
        for linker in LINKERS:
            if head.endswith(linker) and common_part(head[: len(head) - len(linker)]):
                return True
    return False


def common_part(word: str) -> bool:
    return len(word) >= COMPOUND_PART_LETTERS and max(zipf_frequency(word, "nl"),
                                  zipf_frequency(lemma(word), "nl")) >= COMPOUND_PART_ZIPF


def explanation_problems(text: str, term: str = "", matcher: GlossaryMatcher | None = None,
                         related: Iterable[str] = ()) -> list[Problem]:
    """Is this explanation plain enough? `matcher` knows the glossary, so a
    hard word that is itself a term can be allowed (when it is in `related`)."""
    problems: list[Problem] = []

    def add(code: str, message: str) -> None:
        problems.append(Problem(term, "plain", code, message))

    parts = sentences(text)
    if len(parts) > MAX_SENTENCES:
        add("too_many_sentences", f"De uitleg heeft {len(parts)} zinnen. "
                                  f"Gebruik er hooguit {MAX_SENTENCES}.")
    for part in parts:
        count = word_count(part)
        if count > MAX_WORDS:
            add("long_sentence", f"Deze zin heeft {count} woorden, hooguit {MAX_WORDS}: "
                                 f"{part}")
    if FORMAL.search(text):
        add("formal", "Spreek de lezer aan met je, niet met u.")
    for abbreviation in ABBREVIATION.findall(text):
        several = abbreviation.count(".") > 1 and not WEB_ADDRESS.search(abbreviation)
        if several or abbreviation.lower() in abbreviations():
            add("abbreviation", f"Schrijf {abbreviation} helemaal uit.")
    related = {r.casefold() for r in related}
    seen: set[str] = set()
    for word in words(text):
        key = word.casefold()
        if key in seen or is_common(word) or key == term.casefold():
            continue
        seen.add(key)
        entry = matcher.lookup(word) if matcher else None
        if entry is None:
            add("hard_word", f"Het woord {word} is te moeilijk. Kies een gewoner woord.")
        elif entry.term.casefold() != term.casefold() and entry.term.casefold() not in related:
            add("unexplained_term", f"{word} is zelf een moeilijk woord. Zet {entry.term} "
                                    f"bij {label('related')}, of kies een gewoner woord.")
    return problems


def entry_problems(entry: GlossaryEntry, glossary: Glossary,
                   matcher: GlossaryMatcher | None = None) -> list[Problem]:
    """The checks on one entry, with the rest of the glossary as context."""
    matcher = matcher or GlossaryMatcher(glossary)
    problems = [Problem(entry.term, field, "schema", message)
                for field, message in schema_errors(entry_to_dict(entry))]
    problems += explanation_problems(entry.plain, entry.term, matcher, entry.related)
    problems += form_problems(entry)
    problems += related_problems(entry, glossary)
    if entry.example and entry.example.casefold() == entry.plain.casefold():
        problems.append(Problem(entry.term, "example", "example_is_plain",
                                "Het voorbeeld is hetzelfde als de uitleg. Schrijf een zin "
                                "waarin het woord gebruikt wordt."))
    if entry.example and not example_uses_term(entry, matcher):
        problems.append(Problem(entry.term, "example", "example_without_term",
                                f"Het voorbeeld moet het woord {entry.term} bevatten "
                                f"(of een vorm uit {label('variants')})."))
    return problems


def example_uses_term(entry: GlossaryEntry, matcher: GlossaryMatcher) -> bool:
    return any(match.entry.term == entry.term for match in matcher.find(parse(entry.example)))


# An alternative that is one of these (or one letter) says nothing: "u" for
# "belanghebbende" would make the sheet say "Je kunt ook zeggen: u."
PRONOUNS = frozenset("""ik je jij u uw wij we ons onze jullie zij ze hij hem haar hun hen
het die dat dit deze men zich zelf iemand iets er wat wie""".split())


def alternative_problems(entry: GlossaryEntry) -> list[Problem]:
    alternative = entry.alternative.strip()
    letters = [ch for ch in alternative if ch.isalpha()]
    if alternative and (len(letters) <= 1 or alternative.casefold() in PRONOUNS):
        return [Problem(entry.term, "alternative", "alternative_pronoun",
                        f"{label('alternative')} mag geen los voornaamwoord of losse letter zijn "
                        f"({alternative}). Schrijf een gewoon woord, of laat het leeg.")]
    return []


def form_problems(entry: GlossaryEntry) -> list[Problem]:
    problems = alternative_problems(entry)
    lowered = [v.casefold() for v in entry.variants]
    if entry.term.casefold() in lowered:
        problems.append(Problem(entry.term, "variants", "term_in_variants",
                                f"Zet het woord zelf niet nog eens bij {label('variants')}."))
    doubles = sorted({v for v in lowered if lowered.count(v) > 1})
    if doubles:
        problems.append(Problem(entry.term, "variants", "double_variant",
                                f"Deze vorm staat twee keer bij {label('variants')}: "
                                f"{', '.join(doubles)}."))
    too_long = [form for form in entry.forms if len(form.split()) > MATCH_WORDS]
    if too_long:
        problems.append(Problem(entry.term, "variants", "too_many_words",
                                f"Het programma vindt vormen van hooguit {MATCH_WORDS} woorden. "
                                f"Deze zijn langer: {', '.join(too_long)}."))
    if entry.term != entry.term.strip() or "  " in entry.term:
        problems.append(Problem(entry.term, "term", "spaces", "Er staan te veel spaties in."))
    return problems


def related_problems(entry: GlossaryEntry, glossary: Glossary) -> list[Problem]:
    problems = []
    for name in entry.related:
        if name == entry.term:
            problems.append(Problem(entry.term, "related", "related_self",
                                    f"Zet het woord zelf niet bij {label('related')}."))
        elif (known := glossary.get(name)) is None or known.term != name:
            problems.append(Problem(entry.term, "related", "related_unknown",
                                    f"{name} staat niet in de woordenlijst. Schrijf het "
                                    f"precies zoals bij {label('term')}, of voeg het woord toe."))
    return problems


def duplicate_groups(glossary: Glossary) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """(terms, key): the same form in two entries (also written differently:
    "Wahv-beschikking", "wahv beschikking"), or two forms with the same lemma
    that neither lists itself: the matcher cannot tell them apart, so one
    entry is never found."""
    written: dict[tuple[str, ...], list[GlossaryEntry]] = defaultdict(list)
    lemmas: dict[tuple[str, ...], list[GlossaryEntry]] = defaultdict(list)
    for entry in glossary.entries:
        pairs = [pair for form in entry.forms for pair in form_keys(form, entry_forms(entry))]
        for key in {words for words, _ in pairs} | {(normalised_key(f),) for f in entry.forms}:
            written[key].append(entry)
        for key in {lemma_key for _, lemma_key in pairs}:
            lemmas[key].append(entry)
    owners = dict(written)
    for key, entries in lemmas.items():
        if key not in written:
            owners[key] = entries
    groups: dict[tuple[str, ...], tuple[str, ...]] = {}
    for key, entries in owners.items():
        terms = tuple(sorted({e.term for e in entries}, key=str.casefold))
        if len(terms) > 1:
            groups.setdefault(terms, key)
    return list(groups.items())


def duplicate_problems(glossary: Glossary) -> list[Problem]:
    return [Problem(terms[0], "term", "duplicate",
                    f"{' en '.join(terms)} zijn voor het programma hetzelfde woord "
                    f"({' '.join(key).lstrip('~')}). Voeg ze samen, of haal de dubbele vorm weg.")
            for terms, key in duplicate_groups(glossary)]


def normalised_key(form: str) -> str:
    # "~" keeps these keys apart from the matcher's word keys.
    return "~" + normalise(form)


def lookalike_problems(glossary: Glossary) -> list[Problem]:
    return [Problem(pair.entry.term, "term", "lookalike",
                    f"{pair.form} lijkt veel op {pair.other_form} (bij {pair.other.term}, "
                    f"score {pair.score:.0f}). Is het hetzelfde woord? Voeg ze dan samen. Is "
                    f"het een ander woord? Zet dan {pair.other.term} bij {label('related')}.")
            for pair in similar_pairs(glossary) if not linked(pair.entry, pair.other)]


def copy_problems(glossary: Glossary) -> list[Problem]:
    return [Problem(a.term, "plain", "same_plain",
                    f"De uitleg is (bijna) dezelfde als bij {b.term}: {b.plain} "
                    f"Schrijf voor elk woord een eigen uitleg.")
            for a, b, _score in same_explanations(glossary)]


def glossary_problems(glossary: Glossary) -> list[Problem]:
    matcher = GlossaryMatcher(glossary)
    problems: list[Problem] = []
    for entry in glossary.entries:
        problems += entry_problems(entry, glossary, matcher)
    return (problems + duplicate_problems(glossary) + lookalike_problems(glossary)
            + copy_problems(glossary))


def file_problems(folder: Path) -> tuple[list[Problem], Glossary]:
    """Checks on the files as written (schema, file name), then on the glossary."""
    problems: list[Problem] = []
    entries: list[GlossaryEntry] = []
    for path, raw in load_raw(folder):
        term = str(raw.get("term", "?"))
        errors = schema_errors(raw)
        problems += [Problem(term, field, "schema", f"{path.name}: {message}")
                     for field, message in errors]
        if raw.get("category") != path.stem:
            problems.append(Problem(term, "category", "wrong_file",
                                    f"Dit woord staat in {path.name}, maar {label('category')} is "
                                    f"{raw.get('category')}."))
        if not errors:
            entries.append(parse_entry(raw, path))
    glossary = Glossary(entries)
    return problems + glossary_problems(glossary), glossary


def proposal_problems(after: dict | None, before_term: str | None,
                      glossary: Glossary) -> list[Problem]:
    """Would the glossary still pass every check with this change? `after` is
    the proposed entry (None: delete `before_term`); `before_term` the entry it
    replaces (None: a new entry). Checks only what the change touches."""

    old_key = before_term.casefold() if before_term else None
    others = [e for e in glossary.entries if e.term.casefold() != old_key]
    problems: list[Problem] = []
    gone = before_term if after is None or (
        before_term and after.get("term") != before_term) else None
    if gone:
        problems += [Problem(gone, "related", "still_related",
                             f"{e.term} noemt {gone} bij {label('related')}. "
                             f"Haal het daar eerst weg.")
                     for e in others if gone in e.related]
    if after is None:
        return problems
    term = str(after.get("term", ""))
    errors = schema_errors(after)
    problems += [Problem(term, field, "schema", message) for field, message in errors]
    if errors:
        return problems
    entry = parse_entry(after, Path("<voorstel>"))
    changed = Glossary([*others, entry])
    matcher = GlossaryMatcher(changed)
    problems += entry_problems(entry, changed, matcher)
    problems += [Problem(entry.term, "term", "duplicate",
                         f"Dit woord of een vorm ervan staat al bij "
                         f"{', '.join(t for t in terms if t != entry.term)}.")
                 for terms, _key in duplicate_groups(changed) if entry.term in terms]
    seen: set[str] = set()
    for form in entry.forms:
        for other, other_form, score in similar_terms(form, Glossary(others),
                                                      threshold=SIMILAR_TERM, limit=10):
            if other.term in seen or linked(entry, other) or score >= 100:
                continue
            seen.add(other.term)
            problems.append(Problem(entry.term, "term", "lookalike",
                                    f"{form} lijkt veel op {other_form} (bij {other.term}). "
                                    f"Is het hetzelfde woord? Pas dan {other.term} aan. Is het "
                                    f"een ander woord? Zet {other.term} bij {label('related')}."))
    problems += [Problem(entry.term, "plain", "same_plain",
                         f"De uitleg is (bijna) dezelfde als bij {other.term}: {other.plain}")
                 for other, _score in explanation_like(entry.plain, Glossary(others))]
    return problems

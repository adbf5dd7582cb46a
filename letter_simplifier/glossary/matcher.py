"""Find glossary terms in a parsed letter: by word form, by lemma, and inside
Dutch compounds ("huurtoeslagbeschikking" holds huurtoeslag and beschikking).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from spacy.tokens import Doc, Token
from wordfreq import zipf_frequency

from ..nlp import lemma
from .store import Glossary, GlossaryEntry

MAX_WORDS = 8  # the longest name of a law in the glossary has eight words
# Fuzzy matching (OCR only): words shorter than this are never matched fuzzily,
# longer ones within FUZZY_DISTANCE edits. Measured on the clean sample letters
# (tests/test_ocr.py::test_fuzzy_terms_make_no_false_hits_on_clean_letters):
# these bounds give no hit there that the exact matcher does not give.
FUZZY_MIN_LENGTH = 7
FUZZY_DISTANCE = ((12, 2), (FUZZY_MIN_LENGTH, 1))
# Compound parts shorter than this are not looked for inside other words
# ("ww" inside "wwoning" would be noise).
MIN_PART = 4
MIN_COMPOUND = 8
# Dutch linking sounds between compound parts: "invordering-s-rente", "pann-en-koek".
LINKERS = ("", "s", "e", "en")
# A non-glossary piece of a compound must be a real Dutch word this common.
MIN_PIECE_ZIPF = 2.0
MIN_OTHER_PIECE = 4
# simplemma maps some forms to a different everyday word ("diens" -> "die",
# "minima" -> "minimum", "overleggen" -> "overleg"). Such a lemma is not
# looked for unless it is a form of the entry itself: every "die" in a
# letter would be explained as "diens".
FALSE_FRIEND_ZIPF = 3.5
# Categories whose phrases are idioms: their words mean nothing on their own.
FIXED_EXPRESSIONS = {"ambtelijke_taal"}
# Particles of Dutch separable verbs: "terugvorderen" becomes "wij vorderen het
# bedrag terug" and "om het bedrag terug te vorderen".
PARTICLES = ("terug", "op", "in", "uit", "af", "aan", "toe", "vast", "mee", "na", "door",
             "over", "weg", "bij", "voor", "om", "vrij", "kwijt", "neer", "samen", "tegen")
# How far after the verb the particle may stand (words, same sentence).
PARTICLE_REACH = 15


@dataclass(frozen=True)
class Match:
    entry: GlossaryEntry
    start: int  # character offsets in the Doc's text
    end: int
    found: str


def is_acronym(form: str) -> bool:
    letters = [ch for ch in form if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


class GlossaryMatcher:
    def __init__(self, glossary: Glossary):
        self.glossary = glossary
        # key: tuple of lower-case words (or exact words for acronyms) -> entry
        self.phrases: dict[tuple[str, ...], GlossaryEntry] = {}
        self.single: dict[str, GlossaryEntry] = {}
        keys = [(entry, form, key) for entry in glossary.entries
                for form in entry.forms for key in form_keys(form, entry_forms(entry))]
        # Forms written in the glossary first, lemmas after: a lemma never takes a
        # form away from the entry that lists it ("gemachtigden" lemmatises to
        # "machtigen", which is a form of machtiging).
        for pass_ in (0, 1):
            for entry, form, key in keys:
                words = key[pass_]
                self.phrases.setdefault(words, entry)
                if len(words) == 1 and not is_acronym(form) and len(words[0]) >= MIN_PART:
                    self.single.setdefault(words[0], entry)
        self.known = frozenset(self.single)
        # verb (infinitive) -> [(particle, entry)] for separable verb terms
        self.separable: dict[str, list[tuple[str, GlossaryEntry]]] = {}
        for entry in glossary.entries:
            split = separable_verb(entry)
            if split:
                particle, verb = split
                for stem in verb_stems(verb):
                    self.separable.setdefault(stem, []).append((particle, entry))
                self.phrases.setdefault((particle, "te", verb), entry)

    def lookup(self, word: str) -> GlossaryEntry | None:
        """The entry one word is a form of (by form or lemma), if any."""
        return (self.phrases.get((word,)) or self.phrases.get((word.lower(),))
                or self.phrases.get((lemma(word.lower()),)))

    def find(self, doc: Doc, fuzzy: bool = False) -> list[Match]:
        """Every glossary term in `doc`; `fuzzy` (OCR'd letters only) also takes a
        word that is no Dutch word but a letter or two off a glossary word."""
        tokens = [t for t in doc if not t.is_space and not t.is_punct]
        text = doc.text  # spaCy joins every token for this: once, not per match
        matches: list[Match] = []
        i = 0
        while i < len(tokens):
            split = self._split_verb_at(doc, tokens[i])
            if split:
                matches.append(split)
                i += 1
                continue
            found = self._phrase_at(tokens, i)
            if found:
                entry, n = found
                first, last = tokens[i], tokens[i + n - 1]
                matches.append(Match(entry, first.idx, last.idx + len(last.text),
                                     text[first.idx:last.idx + len(last.text)]))
                if n > 1:
                    matches.extend(self._related_inside(entry, tokens[i:i + n]))
                i += n
                continue
            if "-" in tokens[i].text:
                matches.extend(self._hyphen_parts(tokens[i]))
            else:
                parts = self._compound_parts(tokens[i])
                matches.extend(parts)
                if fuzzy and not parts:
                    matches.extend(self._fuzzy(tokens[i]))
            i += 1
        return matches

    def _fuzzy(self, token: Token) -> list[Match]:
        """An OCR misread of a glossary word ("beschikklng", "terugvorderlng").
        Only words that are no Dutch word at all, and only within the edit
        distance that gave no false hit on the clean sample letters (see
        FUZZY_DISTANCE)."""
        word = token.lower_
        allowed = fuzzy_distance(len(word))
        if not allowed or not word.isalnum() or zipf_frequency(word, "nl") > 0:
            return []
        found = process.extractOne(word, self.fuzzy_forms(), scorer=Levenshtein.distance,
                                   score_cutoff=allowed)
        if found is None:
            return []
        return [Match(self.single[found[0]], token.idx, token.idx + len(token.text), token.text)]

    @lru_cache(maxsize=1)  # noqa: B019 - one matcher per glossary version
    def fuzzy_forms(self) -> list[str]:
        return sorted(form for form in self.single if len(form) >= FUZZY_MIN_LENGTH - 2)

    def _split_verb_at(self, doc: Doc, token: Token) -> Match | None:
        """"Wij vorderen het bedrag van u terug.": a separable verb whose
        particle closes the clause (a punctuation mark or the end follows)."""
        candidates = next((self.separable[form] for form in finite_stems(token)
                           if form in self.separable), None)
        if not candidates:
            return None
        end = min(len(doc), token.i + PARTICLE_REACH + 1)
        for later in doc[token.i + 1:end]:
            if later.text in SENTENCE_STOPS or "\n\n" in later.text:
                return None
            closes = later.i + 1 >= len(doc) or doc[later.i + 1].is_punct \
                or "\n" in doc[later.i + 1].text
            for particle, entry in candidates:
                if later.lower_ == particle and closes:
                    return Match(entry, token.idx, later.idx + len(later.text),
                                 f"{token.text} {later.text}")
        return None

    def _related_inside(self, entry: GlossaryEntry, window: list[Token]) -> list[Match]:
        """Words of a phrase that are terms the entry lists as related are
        explained too: "uitstel van betaling" also explains "uitstel". Not in
        fixed expressions: "grond" in "op grond van" is no reason."""
        if entry.category in FIXED_EXPRESSIONS:
            return []
        inside = []
        for token in window:
            for match in [*self._word_match(token), *self._compound_parts(token)]:
                if match.entry.term in entry.related:
                    inside.append(match)
        return inside

    def _word_match(self, token: Token) -> list[Match]:
        found = self._phrase_at([token], 0)
        if not found:
            return []
        return [Match(found[0], token.idx, token.idx + len(token.text), token.text)]

    def _hyphen_parts(self, token: Token) -> list[Match]:
        """"WIA-uitkering", "Wajong-uitkering": each part is a word of its own."""
        found: list[Match] = []
        offset = 0
        for part in token.text.split("-"):
            start = token.idx + offset
            offset += len(part) + 1
            if not part:
                continue
            entry = self.lookup(part)
            if entry and (len(part) >= MIN_PART or is_acronym(part)):
                found.append(Match(entry, start, start + len(part), token.text))
            elif len(part) >= MIN_COMPOUND and part.isalpha():
                found.extend(self._pieces(part.lower(), start, token.text))
        return found

    def _phrase_at(self, tokens: list[Token], i: int) -> tuple[GlossaryEntry, int] | None:
        for n in range(min(MAX_WORDS, len(tokens) - i), 0, -1):
            window = tokens[i:i + n]
            keys = [
                tuple(t.text for t in window),
                tuple(t.lower_ for t in window),
                tuple(t.lemma_ for t in window),
            ]
            # "bij de KvK." : the tokenizer keeps a full stop on known abbreviations.
            if len(window[-1].text) > 1 and window[-1].text.endswith("."):
                keys += [(*key[:-1], key[-1][:-1]) for key in keys[:2]]
            for key in keys:
                entry = self.phrases.get(key)
                if entry:
                    return entry, n
        return None

    def _compound_parts(self, token: Token) -> list[Match]:
        word = token.lower_
        if len(word) < MIN_COMPOUND or not token.is_alpha:
            return []
        return self._pieces(word, token.idx, token.text)

    def _pieces(self, word: str, idx: int, text: str) -> list[Match]:
        found: list[Match] = []
        offset = 0
        for piece in split_compound(word, self):
            entry = self.single.get(piece) or self.single.get(lemma(piece))
            start = word.find(piece, offset)
            if entry and start >= 0:
                found.append(Match(entry, idx + start, idx + start + len(piece), text))
                offset = start + len(piece)
        return found


SENTENCE_STOPS = {".", "!", "?", ";", ":"}


def separable_verb(entry: GlossaryEntry) -> tuple[str, str] | None:
    """("terug", "vorderen") for terugvorderen. Only for an entry that lists
    its participle with the particle split off by "ge" ("teruggevorderd"):
    that tells a separable verb from a noun such as "inkomen"."""
    term = entry.term
    if not term.isalpha() or not term.islower() or not term.endswith("en"):
        return None
    for particle in PARTICLES:
        verb = term[len(particle):]
        participle = f"{particle}ge"
        if term.startswith(particle) and len(verb) >= 5 and any(
                v.startswith(participle) for v in entry.variants):
            return particle, verb
    return None


def verb_stems(verb: str) -> set[str]:
    """"lossen" -> {lossen, loss, los}: the infinitive and the stem that the
    present and past tenses are built on (je lost, hij loste)."""
    stem = verb[:-2]
    stems = {verb, stem}
    if len(stem) > 2 and stem[-1] == stem[-2]:
        stems.add(stem[:-1])
    return stems


def finite_stems(token: Token) -> list[str]:
    """"lost" -> los, "vordert" -> vorder, "legden" -> leg, and the lemma."""
    word = token.lower_
    forms = [token.lemma_, word]
    for ending in ("den", "ten", "de", "te", "t"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            forms.append(word[: -len(ending)])
    return forms


def entry_forms(entry: GlossaryEntry) -> set[str]:
    return {form.lower() for form in entry.forms}


def form_keys(form: str, own: set[str]) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """(words, lemmas) keys a form is looked up by. "t.n.v." is also found as
    "t.n.v": at the end of a sentence the tokenizer splits off the full stop."""
    words = tuple(form.split())
    if not words:
        return []
    if not is_acronym(form):
        words = tuple(w.lower() for w in words)
    variants = [words]
    if words[-1].endswith(".") and len(words[-1]) > 1:
        variants.append((*words[:-1], words[-1][:-1]))
    keys = []
    for key in variants:
        lemmas = tuple(w if is_acronym(w) else lemma(w) for w in key)
        if len(key) == 1 and lemmas[0] != key[0] and lemmas[0] not in own \
                and zipf_frequency(lemmas[0], "nl") >= FALSE_FRIEND_ZIPF:
            lemmas = key
        keys.append((key, lemmas))
    return keys


def split_compound(word: str, matcher: GlossaryMatcher) -> tuple[str, ...]:
    """Split `word` into pieces that are glossary words or common Dutch words
    (with linking s/e/en): most letters covered by glossary words first, then
    the fewest pieces. A word that holds no glossary word gives ()."""
    return _split(word, matcher.known)


@lru_cache(maxsize=16384)
def _split(word: str, known: frozenset[str]) -> tuple[str, ...]:
    n = len(word)
    # best[i] = (-glossary_chars, pieces, split) for word[:i]
    best: list[tuple[int, int, tuple[str, ...]] | None] = [None] * (n + 1)
    best[0] = (0, 0, ())
    for end in range(1, n + 1):
        for start in range(0, end):
            prefix = best[start]
            if prefix is None:
                continue
            piece = word[start:end]
            for linker in LINKERS:
                if linker and not piece.endswith(linker):
                    continue
                stem = piece[: len(piece) - len(linker)] if linker else piece
                if len(stem) < 3:
                    continue
                in_glossary = stem in known or lemma(stem) in known
                # Three-letter words ("ver", "ont", "aan") are also prefixes:
                # "verdient" is not "ver" + "dient".
                if not in_glossary and (len(stem) < MIN_OTHER_PIECE
                                        or zipf_frequency(stem, "nl") < MIN_PIECE_ZIPF):
                    continue
                neg_chars, count, pieces = prefix
                candidate = (neg_chars - (len(stem) if in_glossary else 0), count + 1,
                             (*pieces, stem))
                current = best[end]
                if current is None or candidate[:2] < current[:2]:
                    best[end] = candidate
    result = best[n]
    # One glossary piece plus an ending ("zorgtoeslag-en") is that term's plural,
    # which simplemma does not know for compounds.
    return result[2] if result and result[0] < 0 and (
        len(result[2]) > 1 or result[2][0] != word) else ()


def fuzzy_distance(length: int) -> int:
    """How many edits a misread word of `length` letters may be off."""
    return next((edits for minimum, edits in FUZZY_DISTANCE if length >= minimum), 0)

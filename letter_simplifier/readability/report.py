"""The result of a readability check: scores, sentences and flags, as typed
values and as the JSON that the CLI and the API print
(schema "letter-simplifier/readability@1")."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from .scores import B1_TARGET, LINT_STRUGGLE, SOURCES, LintFeatures, classic_band

SCHEMA = "letter-simplifier/readability@1"
# Which kind of finding a flag code is.
SENTENCE_CODES = ("long_sentence", "passive", "split_verb", "split_noun", "nominalisation",
                  "many_clauses")
WORD_CODES = ("jargon", "rare_word", "abbreviation", "acronym")
DEADLINE_CODES = ("relative_deadline", "before_date", "fourteen_days")


@dataclass(frozen=True)
class Flag:
    code: str
    start: int  # character offsets in the text
    end: int
    found: str  # the words in the text
    title: str
    why: str
    todo: str
    sentence: int  # index of the sentence
    alternative: str = ""  # the plain word to use instead (glossary jargon)
    term: str = ""  # the glossary term behind a jargon flag

    @property
    def kind(self) -> str:
        if self.code in WORD_CODES:
            return "word"
        if self.code in DEADLINE_CODES:
            return "deadline"
        return "sentence"

    def to_dict(self) -> dict:
        data = asdict(self)
        data["kind"] = self.kind
        return data


@dataclass
class SentenceResult:
    index: int
    start: int
    end: int
    text: str
    words: int
    level: int  # 1 (easy) .. 4 (hard): the colour on the page; 0 = not running text
    lint: float | None  # this sentence's LiNT-style score, when parsed
    flags: list[Flag] = field(default_factory=list)


@dataclass(frozen=True)
class Counts:
    sentences: int
    words: int
    syllables: int
    frequency_words: int  # content words whose frequency counted
    left_out: int  # names, amounts, dates, numbers and references left out of frequency

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def syllables_per_word(self) -> float:
        return self.syllables / self.words if self.words else 0.0


@dataclass(frozen=True)
class Lint:
    score: float
    level: int
    features: LintFeatures
    parsed_sentences: int
    classified_nouns: int
    nouns: int


@dataclass
class Report:
    filename: str
    method: str
    text: str
    counts: Counts
    flesch_douma: float | None
    brouwer: float | None
    lint: Lint | None
    sentences: list[SentenceResult]
    flags: list[Flag]
    parser: str | None  # "frog" when the parser ran
    notes: list[str] = field(default_factory=list)

    @property
    def meets_b1(self) -> bool | None:
        return None if self.lint is None else self.lint.score <= B1_TARGET

    def flags_by_code(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for flag in self.flags:
            found[flag.code] = found.get(flag.code, 0) + 1
        return found

    def to_dict(self, *, with_text: bool = True) -> dict:
        counts = self.counts
        data = {
            "schema": SCHEMA,
            "source": {"filename": self.filename, "method": self.method},
            "parser": self.parser,
            "counts": {
                "sentences": counts.sentences, "words": counts.words,
                "syllables": counts.syllables,
                "words_per_sentence": round(counts.words_per_sentence, 2),
                "syllables_per_word": round(counts.syllables_per_word, 3),
                "frequency_words": counts.frequency_words, "left_out": counts.left_out,
            },
            "scores": {
                "flesch_douma": classic_dict(self.flesch_douma, "flesch_douma"),
                "brouwer": classic_dict(self.brouwer, "brouwer"),
                "lint": lint_dict(self.lint),
            },
            "b1": {"target": B1_TARGET, "meets": self.meets_b1},
            "flag_counts": self.flags_by_code(),
            "sentences": [
                {"index": s.index, "start": s.start, "end": s.end, "words": s.words,
                 "level": s.level, "lint": rounded(s.lint), "flags": [f.code for f in s.flags],
                 **({"text": s.text} if with_text else {})}
                for s in self.sentences
            ],
            "flags": [f.to_dict() for f in self.flags],
            "notes": self.notes,
        }
        return data


def rounded(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


def classic_dict(value: float | None, name: str) -> dict:
    return {"value": rounded(value), "band": classic_band(value) if value is not None else None,
            "higher_is": "easier", "source": SOURCES[name]}


def lint_dict(lint: Lint | None) -> dict | None:
    if lint is None:
        return None
    features = lint.features
    return {
        "value": rounded(lint.score), "level": lint.level, "higher_is": "harder",
        "adults_struggling_percent": LINT_STRUGGLE[lint.level],
        "features": {
            "word_frequency": round(features.word_frequency, 3),
            "dependency_length": round(features.dependency_length, 3),
            "content_words_per_clause": round(features.content_words_per_clause, 3),
            "concrete_nouns": round(features.concrete_nouns, 3),
        },
        "parsed_sentences": lint.parsed_sentences,
        "nouns": lint.nouns, "classified_nouns": lint.classified_nouns,
        "source": SOURCES["lint"],
    }

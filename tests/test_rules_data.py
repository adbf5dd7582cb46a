"""Schema tests for the data files of rules: every file loads, has its keys with
the right types, every pattern compiles and every label belongs to its closed
vocabulary. The second half breaks each check once to show it can fail."""

from __future__ import annotations

import copy
import re
import string
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from letter_simplifier.explain.wording import table
from letter_simplifier.law import ANCHOR_KINDS, LAW_NAMES
from letter_simplifier.law.terms import _BOUNDARIES, _UNIT_WORDS
from letter_simplifier.model import REFERENCE_KINDS, ROLES, SENDER_KINDS, VERBS

BOUNDARIES = tuple(_BOUNDARIES)
UNITS = tuple(_UNIT_WORDS)
# An event a term may count from: each has its words on the sheet (wording.toml).
EVENTS = tuple(table("todo.counts_from"))

PACKAGE = Path(__file__).resolve().parent.parent / "letter_simplifier"
DATA_DIRS = ("data", "law/data", "readability/data")
# Data files in those folders that hold no rules, and where they are checked.
NOT_RULES = {"data/wording.toml": "tests/test_wording.py"}

FLAG_CODES = ("long_sentence", "passive", "split_verb", "split_noun", "nominalisation",
              "many_clauses", "jargon", "rare_word", "abbreviation", "acronym",
              "relative_deadline", "before_date", "fourteen_days")


def load(name: str) -> dict:
    with (PACKAGE / name).open("rb") as handle:
        return tomllib.load(handle)


LETTER_KINDS = tuple(rule["kind"] for rule in load("data/letter_kinds.toml")["kind"])


# -- the schema language ---------------------------------------------------------

@dataclass(frozen=True)
class Pattern:
    """A Python regular expression."""


@dataclass(frozen=True)
class Template:
    """Text with {placeholders} that str.format can fill (only `fields`, if given)."""
    fields: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Label:
    """One word of a closed vocabulary."""
    vocabulary: tuple[str, ...]


@dataclass(frozen=True)
class Word:
    """A word in lower (or upper) case, as the code compares it."""
    upper: bool = False


@dataclass(frozen=True)
class ListOf:
    item: object


@dataclass(frozen=True)
class MapOf:
    value: object
    keys: object = str


@dataclass(frozen=True)
class Maybe:
    spec: object


def problems(value, spec, where: str = "") -> list[str]:
    """What is wrong with `value` against `spec` (a type, a dict of keys, or one
    of the classes above)."""
    if isinstance(spec, dict):
        return table_problems(value, spec, where)
    if isinstance(spec, ListOf):
        if not isinstance(value, list) or not value:
            return [f"{where}: not a non-empty list"]
        return [p for i, item in enumerate(value) for p in problems(item, spec.item,
                                                                    f"{where}[{i}]")]
    if isinstance(spec, MapOf):
        if not isinstance(value, dict) or not value:
            return [f"{where}: not a non-empty table"]
        return [p for key, item in value.items()
                for p in problems(key, spec.keys, f"{where} key {key!r}")
                + problems(item, spec.value, f"{where}.{key}")]
    return leaf_problems(value, spec, where)


def table_problems(value, spec: dict, where: str) -> list[str]:
    if not isinstance(value, dict):
        return [f"{where}: not a table"]
    found = [f"{where}: unknown key {key!r}" for key in value if key not in spec]
    for key, item_spec in spec.items():
        if isinstance(item_spec, Maybe):
            if key in value:
                found += problems(value[key], item_spec.spec, f"{where}.{key}")
        elif key not in value:
            found.append(f"{where}: missing key {key!r}")
        else:
            found += problems(value[key], item_spec, f"{where}.{key}")
    return found


def leaf_problems(value, spec, where: str) -> list[str]:
    if isinstance(spec, type):
        # bool is an int in Python; a date is no datetime here.
        if type(value) is not spec:
            return [f"{where}: {value!r} is not {spec.__name__}"]
        return []
    if not isinstance(value, str) or not value:
        return [f"{where}: {value!r} is not a non-empty string"]
    if isinstance(spec, Pattern):
        try:
            re.compile(value)
        except re.error as error:
            return [f"{where}: {value!r} does not compile: {error}"]
    elif isinstance(spec, Template):
        return template_problems(value, spec, where)
    elif isinstance(spec, Label) and value not in spec.vocabulary:
        return [f"{where}: {value!r} is not one of {', '.join(spec.vocabulary)}"]
    elif isinstance(spec, Word) and value != (value.upper() if spec.upper else value.lower()):
        return [f"{where}: {value!r} is not in {'upper' if spec.upper else 'lower'} case"]
    return []


def template_problems(value: str, spec: Template, where: str) -> list[str]:
    try:
        fields = {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}
    except ValueError as error:
        return [f"{where}: {value!r} is no template: {error}"]
    unknown = fields - set(spec.fields) if spec.fields is not None else set()
    return [f"{where}: unknown placeholder {{{name}}}" for name in sorted(unknown)]


# -- the schema of every file ------------------------------------------------------

WORDS = ListOf(Word())
FLAG_TEXT = {"title": str, "why": Template(), "todo": Template(), "todo_explain": Maybe(
    Template())}

SCHEMAS: dict[str, dict] = {
    "data/senders.toml": {"sender": ListOf({
        "pattern": Pattern(), "name": Template(("1",)), "kind": Label(SENDER_KINDS)})},
    "data/signals.toml": {
        "immediate": Pattern(), "negation": Pattern(),
        "objection_online": Pattern(), "directives": ListOf(Pattern()),
        "absorbs": MapOf(ListOf(Label(VERBS)), keys=Label(VERBS)),
        "verb": ListOf({"verb": Label(VERBS), "pattern": Pattern()})},
    "data/amount_roles.toml": {
        "role": ListOf({"role": Label(ROLES), "pattern": Pattern()}),
        "threshold": {"before": Pattern(), "after": Pattern()},
        "refers_back": {"start": Pattern()},
        "table": {"row_roles": ListOf(Label(ROLES)), "weak_label": Pattern(),
                  "debt_label": Pattern(), "debt_topic": Pattern(),
                  "benefit_topic": Pattern()}},
    "data/letter_kinds.toml": {"kind": ListOf({
        "kind": str, "pattern": Pattern(), "summary": Template(("sender",)),
        "generic": Maybe(bool)})},
    "data/help.toml": {"always": ListOf(str),
                       "by_kind": MapOf(ListOf(str), keys=Label(LETTER_KINDS))},
    "data/references.toml": {
        "label": ListOf({"kind": Label(REFERENCE_KINDS), "labels": ListOf(Pattern())}),
        "bsn_nearby": {"words": WORDS}},
    "data/letter_head.toml": {"date_labels": ListOf(Pattern()),
                              "not_letter_date": ListOf(Pattern()),
                              "place_line": Pattern(), "letter_signs": ListOf(Pattern()),
                              "closings": ListOf(Pattern()), "addressee": ListOf(Pattern()),
                              "salutation": ListOf(Pattern()),
                              "email_from": Pattern(),
                              "subject_labels": ListOf(Pattern())},
    "data/time_expressions.toml": {
        "boundary": ListOf({"boundary": Label(BOUNDARIES), "pattern": Pattern()}),
        "not_deadline": {"before": ListOf(Pattern()), "in_parentheses": bool},
        "month": ListOf({"pattern": Pattern(), "day": Label(("first", "middle", "last")),
                         "boundary": Label(BOUNDARIES)}),
        "year_end": {"pattern": Pattern(), "boundary": Label(BOUNDARIES)},
        "dates": {"appointment_time": Pattern(), "period_start": Pattern()},
        "schedule": {"count": Pattern(), "monthly": Pattern(), "last_day": Pattern(),
                     "reach": int, "most": int},
        "term": {"leads": ListOf(Pattern()), "filler": Pattern(), "count": Pattern(),
                 "unit": Pattern(), "after_count": Pattern(), "vague_counts": ListOf(str)},
        "units": MapOf(Label(UNITS), keys=Word()),
        "connector": ListOf({"direction": Label(("after", "before")), "pattern": Pattern()}),
        "anchor": ListOf({"kind": Label(ANCHOR_KINDS), "pattern": Pattern(),
                          "event": Maybe(Label(EVENTS)), "dated_by": Maybe(str),
                          "otherwise": Maybe(Label(("letter_date",)))}),
        "leading": {"pattern": Pattern(), "reach": int},
        "no_anchor": {"from_event_for": ListOf(Label(VERBS)), "event": Label(EVENTS)},
        "immediate": {"pattern": Pattern()}},
    "data/candidates.toml": {"rare_zipf": float, "rank_zipf": float,
                             "institution_endings": WORDS, "phrase_words": WORDS,
                             "phrase_share": float, "acronym_letters": ListOf(int),
                             "example_chars": int},
    "law/data/laws.toml": {"law": ListOf({
        "name": Label(LAW_NAMES), "article": str, "atw": bool,
        "verbs": Maybe(ListOf(Label(VERBS))), "senders": Maybe(ListOf(Label(SENDER_KINDS))),
        "anchors": Maybe(ListOf(Label(ANCHOR_KINDS))), "cites": Maybe(Pattern()),
        "picked": Maybe(bool)})},
    "law/data/atw_days.toml": {
        "fixed": ListOf({"month": int, "day": int, "name": str, "sunday_shift": Maybe(int),
                         "from_year": Maybe(int), "until_year": Maybe(int)}),
        "coverage": {"years": ListOf(int)},
        "equated": ListOf({"date": date, "reason": str})},
    "readability/data/abbreviations.toml": {"allowed": WORDS, "plain": MapOf(str, keys=Word())},
    "readability/data/flags.toml": {code: FLAG_TEXT for code in FLAG_CODES},
    "readability/data/flag_words.toml": {
        "passive": {"worden": WORDS, "participle": Pattern(), "zijn_verbs": WORDS},
        "split_noun": {"articles": WORDS, "prepositions": WORDS, "prenominal_endings": WORDS},
        "clauses": {"subordinators": WORDS, "openers": WORDS},
        "nominalisation": {"lexicalised": WORDS, "before": WORDS,
                           "action_nouns": MapOf(Word(), keys=Word())},
        "jargon": {"verb_prefixes": WORDS, "names_it": Pattern(), "explains_next": Pattern(),
                   "defines": Pattern()},
        "acronyms": {"known": ListOf(Word(upper=True))}},
    "readability/data/jargon_exceptions.toml": {"terms": ListOf(str), "forms": ListOf(str),
                                                "contexts": ListOf(str)},
    "readability/data/loan_syllables.toml": {"words": MapOf(int, keys=Word()),
                                             "parts": MapOf(int, keys=Word())},
    "readability/data/nouns.toml": {
        "suffix_abstract": WORDS, "suffix_concrete": WORDS, "concrete": ListOf(str),
        "abstract": ListOf(str), "undefined": ListOf(str)},
}


def file_problems(path: Path, name: str) -> list[str]:
    """Everything wrong with the file at `path`, read as the data file `name`."""
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        return [f"{name}: not TOML: {error}"]
    found = problems(data, SCHEMAS[name], name)
    return found or [f"{name}: {p}" for p in EXTRA_CHECKS.get(name, lambda _: [])(data)]


# -- rules across keys -----------------------------------------------------------

def sender_problems(data: dict) -> list[str]:
    """A name with {1} takes the first group of its pattern."""
    return [f"sender {rule['name']!r}: no group for {{1}}" for rule in data["sender"]
            if "{1}" in rule["name"] and re.compile(rule["pattern"]).groups < 1]


def unique_problems(items: list[str], what: str) -> list[str]:
    return sorted({f"{what} {item!r} twice" for item in items if items.count(item) > 1})


def atw_problems(data: dict) -> list[str]:
    found = []
    for rule in data["fixed"]:
        try:
            date(2024, rule["month"], rule["day"])  # a leap year: 29 February exists
        except ValueError:
            found.append(f"fixed {rule['name']!r}: no such day {rule['day']}-{rule['month']}")
    return found + unique_problems([str(d["date"]) for d in data["equated"]], "equated day")


def noun_problems(data: dict) -> list[str]:
    """A noun may stand twice in its class, but not in two classes."""
    words = [w for kind in ("concrete", "abstract", "undefined")
             for w in {w.lower() for w in data[kind]}]
    return unique_problems(words, "noun")


def head_problems(data: dict) -> list[str]:
    """The label patterns are joined into one; each must stand alone."""
    return [f"{key}: {p!r} has a group" for key, patterns in data.items()
            if isinstance(patterns, list) for p in patterns if re.compile(p).groups]


def time_problems(data: dict) -> list[str]:
    """A `dated_by` compiles; an event that has no words of its own on the sheet is
    caught by the Label above; the sender's law is the table's last row."""
    found = []
    for anchor in data["anchor"]:
        try:
            re.compile(anchor.get("dated_by") or "x")
        except re.error as error:
            found.append(f"anchor {anchor.get('event')!r}: dated_by does not compile: {error}")
    return found


def law_problems(data: dict) -> list[str]:
    rows = data["law"]
    found = [] if rows[-1]["name"] == "sender" and len(rows[-1]) == 3 else [
        "the last law must be 'sender' with no conditions (it holds always)"]
    return found + unique_problems([r["name"] for r in rows], "law")


EXTRA_CHECKS = {
    "data/time_expressions.toml": time_problems,
    "law/data/laws.toml": law_problems,
    "data/senders.toml": sender_problems,
    "data/letter_kinds.toml": lambda d: unique_problems([r["kind"] for r in d["kind"]], "kind"),
    "data/references.toml": lambda d: unique_problems([r["kind"] for r in d["label"]], "kind"),
    "data/letter_head.toml": head_problems,
    "law/data/atw_days.toml": atw_problems,
    "readability/data/nouns.toml": noun_problems,
}


# -- the files as they are -------------------------------------------------------

def test_every_data_file_has_a_schema():
    files = {str(path.relative_to(PACKAGE)) for folder in DATA_DIRS
             for path in (PACKAGE / folder).glob("*.toml")}
    assert files - set(NOT_RULES) == set(SCHEMAS)


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_data_file_follows_its_schema(name):
    assert file_problems(PACKAGE / name, name) == []


# -- every check can fail ----------------------------------------------------------

BROKEN = {str: 12, int: "12", float: "4.0", bool: "yes", date: "2026-01-02"}


def breakings(value, spec, path=()):
    """(path, replacement) pairs: each breaks `value` at `path` for one check
    of `spec` (None as replacement: the key is deleted)."""
    if isinstance(spec, dict):
        yield path + ("unknown_key",), "x"
        for key, item_spec in spec.items():
            if key in value:
                inner = item_spec.spec if isinstance(item_spec, Maybe) else item_spec
                if not isinstance(item_spec, Maybe):
                    yield path + (key,), None
                yield from breakings(value[key], inner, path + (key,))
    elif isinstance(spec, ListOf):
        yield path, []
        yield path, "not a list"
        # Every table of a list (optional keys differ), the first of other items.
        for i in range(len(value) if isinstance(spec.item, dict) else 1):
            yield from breakings(value[i], spec.item, path + (i,))
    elif isinstance(spec, MapOf):
        yield path, {}
        yield path, ["not a table"]
        key = next(iter(value))
        yield from breakings(value[key], spec.value, path + (key,))
        for bad_key in leaf_breakings(spec.keys):
            if isinstance(bad_key, str):
                yield path + (bad_key,), value[key]
    else:
        for replacement in leaf_breakings(spec):
            yield path, replacement


def leaf_breakings(spec) -> list:
    if isinstance(spec, type):
        return [BROKEN[spec]]
    found: list = [12, ""]
    if isinstance(spec, Pattern):
        found.append("(unclosed")
    elif isinstance(spec, Template):
        found += ["{unclosed"] + (["{no_such_placeholder}"] if spec.fields is not None else [])
    elif isinstance(spec, Label):
        found.append("no_such_label")
    elif isinstance(spec, Word):
        found.append("lower" if spec.upper else "Upper")
    return found


def broken(data: dict, path: tuple, replacement) -> dict:
    data = copy.deepcopy(data)
    target = data
    for step in path[:-1]:
        target = target[step]
    if replacement is None:
        del target[path[-1]]
    else:
        target[path[-1]] = replacement
    return data


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_check_of_a_file_can_fail(name):
    data = load(name)
    cases = list(breakings(data, SCHEMAS[name]))
    assert cases
    for path, replacement in cases:
        assert problems(broken(data, path, replacement), SCHEMAS[name], name), (
            f"{name}: breaking {path} with {replacement!r} went unnoticed")


def break_copy(tmp_path: Path, name: str, old: str, new: str) -> Path:
    """A copy of the data file `name` with `old` replaced once by `new`."""
    text = (PACKAGE / name).read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / Path(name).name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "old", "new", "says"), [
    ("data/references.toml", "'betaalkenmerk'", "'betaal(kenmerk'", "does not compile"),
    ("data/references.toml", 'kind = "bsn"', 'kind = "burgerservicenummer"', "is not one of"),
    ("data/references.toml", 'kind = "kenmerk"', 'kind = "bsn"', "twice"),
    ("data/references.toml", "labels = ['burger", "lables = ['burger", "unknown key"),
    ("data/amount_roles.toml", 'role = "fine"', 'role = "boete"', "is not one of"),
    ("data/amount_roles.toml", 'row_roles = ["surcharge"', 'row_roles = ["kosten"',
     "is not one of"),
    ("data/amount_roles.toml", "debt_label = 'terugvordering'", "debt_label = 'terug[vordering'",
     "does not compile"),
    ("data/senders.toml", 'kind = "cjib"', 'kind = "justitie"', "is not one of"),
    ("data/senders.toml", "'\\bGemeente\\s+([A-Z]", "'\\bGemeente\\s+(?:[A-Z]", "no group"),
    ("data/signals.toml", 'verb = "afspraak"', 'verb = "gesprek"', "is not one of"),
    ("data/signals.toml", "immediate = '", "immediate = '(", "does not compile"),
    ("data/letter_head.toml", "'briefdatum'", "'brief(datum)'", "has a group"),
    ("data/letter_head.toml", "subject_labels = ['betreft'", "subject_labels = ['betreft('",
     "does not compile"),
    ("data/letter_kinds.toml", 'summary = "{sender} wil geld', 'summary = "{afzender} wil geld',
     "unknown placeholder"),
    ("data/help.toml", "terugvordering = [", "terugvorderingen = [", "is not one of"),
    ("data/candidates.toml", "rare_zipf = 4.0", "rare_zipf = 4", "is not float"),
    ("data/candidates.toml", '"wet", ', '"Wet", ', "lower case"),
    ("law/data/atw_days.toml", "month = 12\nday = 25", "month = 12\nday = 32", "no such day"),
    ("law/data/atw_days.toml", "date = 2017-04-28", 'date = "2017-04-28"', "is not date"),
    ("readability/data/flags.toml", 'title = "Lange zin"', 'titel = "Lange zin"',
     "missing key 'title'"),
    ("readability/data/flag_words.toml", '"werden"]', '"Werden"]', "lower case"),
    ("readability/data/flag_words.toml", "defines = '^", "defines = '^(", "does not compile"),
    ("readability/data/nouns.toml", '"gemeente", ', '"gemeente", "woning", ', "twice"),
    ("readability/data/loan_syllables.toml", "team = 1", 'team = "1"', "is not int"),
    ("readability/data/abbreviations.toml", '"o.a." =', '"O.a." =', "lower case"),
    ("readability/data/jargon_exceptions.toml", "forms = [", "forms = [[", "not TOML"),
])
def test_a_broken_copy_is_caught(tmp_path, name, old, new, says):
    found = file_problems(break_copy(tmp_path, name, old, new), name)
    assert any(says in problem for problem in found), found

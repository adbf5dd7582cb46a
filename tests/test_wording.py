"""The words the reader sees come from one file, data/wording.toml: every key the
code looks up is there, every {placeholder} is filled, and no entry is dead. The
analysis gives codes and values, never sentences."""

from __future__ import annotations

import ast
import copy
import re
import string
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import pytest

import letter_simplifier.explain.wording as wording_module
from letter_simplifier import TEMPLATES_DIR
from letter_simplifier.analyse import objection_how, rules
from letter_simplifier.explain import ROLE_ORDER, days_left_text, sheet_warning
from letter_simplifier.explain.wording import wording
from letter_simplifier.model import Notice
from letter_simplifier.nl import MONTHS, WEEKDAYS, euro, long_date, short_date

from .conftest import ROOT

PACKAGE = ROOT / "letter_simplifier"
LOOKUPS = {"say": str, "table": dict}  # explain/wording.py


@dataclass(frozen=True)
class Use:
    """One call of say or table in the code."""

    where: str
    function: str
    key: str  # the whole key, or for an f-string the part before its first {}
    dynamic: bool
    keywords: frozenset[str] | None  # None: **values, which no test can read


def sources() -> list[Path]:
    return [p for p in sorted(PACKAGE.rglob("*.py")) if "migrations" not in p.parts]


def wording_names(tree: ast.Module) -> set[str]:
    """The names a module imports from explain/wording.py."""
    return {alias.asname or alias.name for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("wording")
            for alias in node.names}


def keys_of(node: ast.expr) -> list[tuple[str, bool]] | None:
    """The keys a call can look up: a string, an f-string's fixed start (a table),
    or either side of `a if condition else b`; None when the code hides it."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [(node.value, False)]
    if isinstance(node, ast.JoinedStr):
        prefix = ""
        for part in node.values:
            if not isinstance(part, ast.Constant):
                break
            prefix += part.value
        return [(prefix, True)]
    if isinstance(node, ast.IfExp):
        body, orelse = keys_of(node.body), keys_of(node.orelse)
        return body + orelse if body is not None and orelse is not None else None
    return None


# say("key", name=value) in a Jinja template: the call is also a Python expression.
TEMPLATE_SAY = re.compile(r"\bsay\((?:[^()]|\([^()]*\))*\)")


def template_uses() -> tuple[list[Use], list[str]]:
    found, unreadable = [], []
    for path in sorted(TEMPLATES_DIR.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        for m in TEMPLATE_SAY.finditer(text):
            where = f"{path.name}:{text.count(chr(10), 0, m.start()) + 1}"
            try:
                call = ast.parse(m.group().replace("|", "or"), mode="eval").body
            except SyntaxError:
                unreadable.append(f"{where}: cannot read {m.group()!r}")
                continue
            assert isinstance(call, ast.Call)
            keys = keys_of(call.args[0]) if call.args else None
            if keys is None:
                unreadable.append(f"{where}: the key is not a string")
                continue
            keywords = frozenset(k.arg for k in call.keywords if k.arg)
            found += [Use(where, "say", key, dynamic, keywords) for key, dynamic in keys]
    return found, unreadable


@lru_cache(maxsize=1)
def uses() -> tuple[list[Use], list[str]]:
    found, unreadable = template_uses()
    for path in sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = wording_names(tree) & set(LOOKUPS)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in names):
                continue
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            keys = keys_of(node.args[0]) if node.args else None
            if keys is None:
                unreadable.append(f"{where}: the key is neither a string nor an f-string")
                continue
            keywords = (None if any(k.arg is None for k in node.keywords)
                        else frozenset(k.arg for k in node.keywords if k.arg))
            found += [Use(where, node.func.id, key, dynamic, keywords) for key, dynamic in keys]
    return found, unreadable


def entry(data: dict, key: str):
    for part in key.split("."):
        if not isinstance(data, dict) or part not in data:
            return None
        data = data[part]
    return data


def placeholders(text: str) -> set[str]:
    return {re.split(r"[.\[!:]", name)[0] for _, name, _, _ in string.Formatter().parse(text)
            if name is not None}


def leaves(data: dict, prefix: str = "") -> list[str]:
    found = []
    for key, value in data.items():
        path = f"{prefix}{key}"
        found += leaves(value, path + ".") if isinstance(value, dict) else [path]
    return found


def use_problems(use: Use, data: dict) -> list[str]:
    if use.dynamic:
        table = entry(data, use.key.rstrip("."))
        if not use.key.endswith(".") or not isinstance(table, dict):
            return [f"{use.where}: {use.key!r}... is no table of the wording file"]
        if use.function != "say":
            return []
        if use.keywords is None:
            return [f"{use.where}: values passed as ** cannot be checked"]
        return [f"{use.where}: {use.key}{name} has {{{field}}}, which the code does not fill"
                for name, text in table.items() if isinstance(text, str)
                for field in sorted(placeholders(text) - use.keywords)]
    value = entry(data, use.key)
    if value is None:
        return [f"{use.where}: {use.key!r} is missing from the wording file"]
    if not isinstance(value, LOOKUPS[use.function]):
        return [f"{use.where}: {use.key!r} is no {LOOKUPS[use.function].__name__}"]
    if use.function != "say":
        return []
    if use.keywords is None:
        return [f"{use.where}: values passed as ** cannot be checked"]
    fields = placeholders(value)
    return ([f"{use.where}: {use.key} has {{{f}}}, which the code does not fill"
             for f in sorted(fields - use.keywords)]
            + [f"{use.where}: {use.key} has no {{{k}}} for the value the code gives"
               for k in sorted(use.keywords - fields)])


def dead_entries(found: list[Use], data: dict) -> list[str]:
    """Entries no code reaches: not looked up, and not in a table the code reads."""
    reached = {u.key for u in found if not u.dynamic and u.function == "say"}
    tables = ([u.key for u in found if u.dynamic]
              + [u.key + "." for u in found if not u.dynamic and u.function == "table"])
    return [key for key in leaves(data)
            if key not in reached and not any(key.startswith(t) for t in tables)]


def problems(data: dict) -> list[str]:
    found, unreadable = uses()
    return (unreadable + [p for use in found for p in use_problems(use, data)]
            + [f"{key}: no code uses it" for key in dead_entries(found, data)])


# -- the file as it is -------------------------------------------------------------

def test_every_key_the_code_uses_is_there_and_every_placeholder_is_filled():
    assert problems(wording()) == []


def test_the_checks_find_the_code():
    found, _ = uses()
    where = {u.where.split(":")[0] for u in found}
    assert {"letter_simplifier/explain/__init__.py", "letter_simplifier/explain/checks.py",
            "letter_simplifier/render/__init__.py", "letter_simplifier/render/ics.py",
            "letter_simplifier/jobs/tasks.py", "sheet.html", "check.html"} <= where
    assert any(u.dynamic for u in found) and any(not u.dynamic for u in found)


@pytest.mark.parametrize(("change", "says"), [
    (lambda d: d["warning"].pop("deadline_passed"), "'warning.deadline_passed' is missing"),
    (lambda d: d["unsure"].pop("unread"), "'unsure.unread' is missing"),
    (lambda d: d["sheet"].pop("title"), "'sheet.title' is missing"),
    (lambda d: d["sheet"]["heading"].pop("money"), "'sheet.heading.money' is missing"),
    (lambda d: d["sheet"].update(made_on="Op {day}."), "sheet.made_on has {day}"),
    (lambda d: d["sheet"].update(title="Uitleg van {afzender}"), "{afzender}, which the code"),
    (lambda d: d["sheet"].update(title="Uitleg"), "no {sender} for the value"),
    (lambda d: d["todo"]["verb"].update(betalen="Betaal {bedrag}."), "{bedrag}, which the code"),
    (lambda d: d.pop("money"), "'money' is missing"),
    (lambda d: d["job"].update(spare="Nog iets."), "job.spare: no code uses it"),
])
def test_a_broken_wording_file_is_caught(change, says):
    data = copy.deepcopy(wording())
    change(data)
    assert any(says in p for p in problems(data)), problems(data)


# -- the codes behind dynamic keys have their sentence -----------------------------

def literal_first_args(path: Path, function: str) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.args[0].value for node in ast.walk(tree)
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == function
            and node.args and isinstance(node.args[0], ast.Constant)}


def notices() -> list[Notice]:
    """A notice for every code the analysis gives, and every kind of unsure read."""
    codes = set().union(*(literal_first_args(p, "Notice")
                          for p in sorted((PACKAGE / "analyse").glob("*.py"))))
    assert {"no_letter_date", "depends_on_receipt", "low_ocr_confidence"} <= codes
    notices = [Notice(code) for code in sorted(codes - {"low_ocr_confidence"})]
    # An unsure read names what it is: every kind that ocr_checks.py checks.
    kinds = literal_first_args(PACKAGE / "analyse" / "ocr_checks.py", "check")
    assert kinds == set(wording()["unsure"]["what"])
    notices += [Notice("low_ocr_confidence", {"kind": kind, "text": "€ 12,50", "page": 2,
                                              "repaired": repaired})
                for kind in sorted(kinds) for repaired in (True, False)]
    return notices


def notice_problems() -> list[str]:
    found = []
    for notice in notices():
        try:
            warning = sheet_warning(notice)
        except KeyError as error:
            found.append(f"{notice}: {error}")
            continue
        if warning.code != notice.code or not warning.message or "{" in warning.message:
            found.append(f"{notice}: {warning}")
    return found


def test_every_notice_of_the_analysis_has_its_sentence():
    assert len(notices()) >= 8
    assert notice_problems() == []


def test_a_notice_without_its_sentence_is_caught(monkeypatch):
    data = copy.deepcopy(wording())
    del data["warning"]["no_letter_date"]
    monkeypatch.setattr(wording_module, "wording", lambda: data)
    assert any("no_letter_date" in p for p in notice_problems())


def test_every_action_verb_role_and_step_has_its_words():
    verbs = {rule.label for rule in rules.action_verbs()} | {"other"}
    assert verbs <= set(wording()["todo"]["verb"])
    roles = {rule.label for rule in rules.amount_roles()}
    assert roles <= set(ROLE_ORDER) == set(wording()["money"])
    steps = (literal_first_args(PACKAGE / "pipeline.py", "progress")
             | literal_first_args(PACKAGE / "jobs" / "tasks.py", "progress"))
    assert steps == set(wording()["job"]["steps"])
    hows = {objection_how("Maak bezwaar via DigiD."), objection_how("Stuur ons een brief.")}
    assert hows == set(wording()["objection"]["how"])


def test_days_left():
    assert [days_left_text(d) for d in (-1, 0, 1, 12)] == [
        "Deze datum is al voorbij!", "Dat is vandaag!", "Dat is morgen!", "Nog 12 dagen."]


# -- the analysis writes no sentences -----------------------------------------------

DUTCH_WORDS = {"je", "jij", "u", "de", "het", "een", "van", "in", "is", "niet", "we", "wij",
               "dat", "dit", "deze", "brief", "en", "of", "zet", "kan", "kunt", "moet"}


def docstrings(tree: ast.Module) -> set[int]:
    return {id(node.body[0].value) for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef,
                                 ast.AsyncFunctionDef))
            and node.body and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)}


def sentences_in(source: str) -> list[str]:
    """String literals that read as a Dutch sentence for the user (not a pattern)."""
    tree = ast.parse(source)
    skip = docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                and id(node) not in skip):
            text = node.value.strip()
            words = re.findall(r"[a-zà-ÿ]+", text.lower())
            if (len(words) >= 3 and re.search(r"[.!?]$", text) and not re.search(r"\\|\|", text)
                    and len(DUTCH_WORDS & set(words)) >= 2):
                found.append(text)
    return found


def test_the_analysis_writes_no_sentences():
    found = {f"{p.relative_to(ROOT)}: {s!r}" for p in sorted((PACKAGE / "analyse").glob("*.py"))
             for s in sentences_in(p.read_text(encoding="utf-8"))}
    assert not found, sorted(found)


def test_the_check_for_sentences_finds_one():
    source = ('def how():\n    """Say how."""\n    pattern = r"\\bde\\s+brief\\b"\n'
              '    return "Stuur een brief. Zet je naam erbij."\n')
    assert sentences_in(source) == ["Stuur een brief. Zet je naam erbij."]


def test_the_analysis_builds_no_message():
    for path in sorted((PACKAGE / "analyse").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assert not [node.lineno for node in ast.walk(tree)
                    if isinstance(node, ast.keyword) and node.arg == "message"], path
        assert "SheetWarning" not in path.read_text(encoding="utf-8"), path


# -- Dutch formatting (nl.py) ------------------------------------------------------

def test_dutch_dates_and_euros():
    assert long_date(date(2026, 4, 28)) == "dinsdag 28 april 2026"
    assert short_date(date(2026, 5, 5)) == "5 mei 2026"
    assert euro(1234.56) == "€ 1.234,56" and euro(95) == "€ 95,00" and euro(0.5) == "€ 0,50"
    assert len(MONTHS) == 12 and len(WEEKDAYS) == 7


def test_month_and_weekday_names_are_defined_once():
    names = re.compile(r"[\"'](?:januari|maandag)[\"']")
    defined = [str(p.relative_to(ROOT)) for p in sources()
               if names.search(p.read_text(encoding="utf-8"))]
    assert defined == ["letter_simplifier/nl.py"]

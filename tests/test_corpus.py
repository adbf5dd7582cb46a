"""The letter corpus (samples/corpus/) and the evaluation that scores the program on it.

The corpus is checked as data: every quote is verbatim, every IBAN and BSN is
valid, every date exists, nothing of a template is left, every letter has its
provenance. The scoring rules are checked on small made-up outputs, so that a
change to the evaluation that would flatter the program fails here.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from letter_simplifier.evaluate import LIST_FIELDS, evaluate_tree, lint_tree
from letter_simplifier.evaluate.corpus import (
    MANIFEST,
    find_letters,
    hash_split,
    read_manifest,
)
from letter_simplifier.evaluate.expected import problems
from letter_simplifier.evaluate.match import compare_lists, compare_singles

from .conftest import ROOT, SAMPLES

CORPUS = SAMPLES / "corpus"


# -- the corpus as data ------------------------------------------------------------------


def test_every_expected_file_fits_its_letter():
    found = lint_tree(SAMPLES)
    assert not found, "\n".join(found)


def test_the_corpus_has_its_size_provenance_and_kinds():
    manifest = read_manifest(CORPUS / MANIFEST)
    names = {path.name[: -len(".expected.json")] for path in CORPUS.glob("*.expected.json")}
    assert names == set(manifest), ("letters without a manifest line, or lines without a "
                                    f"letter: {sorted(names ^ set(manifest))}")
    assert all((CORPUS / f"{name}.txt").exists() for name in names)
    entries = list(manifest.values())
    assert len(entries) >= 60
    real = [e for e in entries if e.origin == "real"]
    assert len(real) >= 30
    assert {e.origin for e in entries} <= {"real", "team"}
    assert all(e.source and not e.source.startswith("team") for e in real)
    assert all(e.kind and e.tests and e.changes for e in entries)
    assert all(e.split == "auto" or e.split.startswith("dev: ") for e in entries)
    assert len({e.kind for e in entries}) >= 30


def test_the_blind_split_is_a_fixed_third_of_the_corpus():
    letters = find_letters(CORPUS)
    blind = {letter.name for letter in find_letters(CORPUS, "blind")}
    dev = {letter.name for letter in find_letters(CORPUS, "dev")}
    assert blind | dev == {letter.name for letter in letters} and not blind & dev
    assert 0.2 <= len(blind) / len(letters) <= 0.45
    manifest = read_manifest(CORPUS / MANIFEST)
    for name in blind:
        assert hash_split(name) == "blind" and manifest[name].split == "auto"
    # The team's own letters are never blind.
    assert all(letter.split == "dev" for letter in find_letters(SAMPLES)
               if letter.path.parent != CORPUS)


def test_a_blind_letter_moved_to_dev_stays_dev(tmp_path):
    name = next(n for n in (f"brief-{i}" for i in range(100)) if hash_split(n) == "blind")
    for stem in (name, "other"):
        (tmp_path / f"{stem}.txt").write_text("Geachte heer,\n", encoding="utf-8")
        (tmp_path / f"{stem}.expected.json").write_text("{}", encoding="utf-8")
    line = f"{name}\treal\thttps://example.org\tx/y\tz\tnone\t"
    (tmp_path / MANIFEST).write_text(line + "auto\n", encoding="utf-8")
    assert [letter.split for letter in find_letters(tmp_path) if letter.name == name] == ["blind"]
    (tmp_path / MANIFEST).write_text(line + "dev: looked at to fix the sender rule\n",
                                     encoding="utf-8")
    assert [letter.name for letter in find_letters(tmp_path, "blind")] == []


# -- the checker finds what is wrong -----------------------------------------------------

LETTER = """Gemeente Utrecht
Datum: 5 maart 2026
Ons kenmerk: WI/2026/0042
BSN: 999990019

Geachte heer Jansen,

Betaal € 120,00 vóór 1 april 2026 op NL91 ABNA 0417 1643 00.
Bent u het niet eens met dit besluit? Maak dan bezwaar binnen zes weken na de dagtekening.
"""


def expected_for_letter(**changes) -> dict:
    expected = {
        "letter_date": "2026-03-05", "sender": "Gemeente Utrecht", "sender_aliases": [],
        "sender_kind": "gemeente",
        "deadlines": [{"text": "vóór 1 april 2026", "date": "2026-04-01", "for": "betalen",
                       "rule": "vóór DATE"},
                      {"text": "binnen zes weken na de dagtekening", "date": "2026-04-16",
                       "for": "bezwaar_maken", "rule": "Awb 6:7: letter date + 42 days"}],
        "amounts": [{"text": "€ 120,00", "value": 120.0, "role": "to_pay"}],
        "actions": [{"verb": "betalen", "text": "Betaal € 120,00"}],
        "references": [{"kind": "kenmerk", "label": "Ons kenmerk", "text": "WI/2026/0042"},
                       {"kind": "iban", "label": "", "text": "NL91 ABNA 0417 1643 00"},
                       {"kind": "bsn", "label": "BSN", "text": "999990019"}],
        "objection_possible": True,
        "hard_terms": ["dagtekening", "bezwaar"],
    }
    return {**expected, **changes}


def test_a_correct_expected_file_has_no_problems():
    assert problems(expected_for_letter(), LETTER) == []


@pytest.mark.parametrize("change, letter, problem", [
    ({"hard_terms": ["dagtekeningen"]}, LETTER, "hard_terms text is not in the letter"),
    ({"sender_kind": "municipality"}, LETTER, "sender_kind"),
    ({"objection_possible": "ja"}, LETTER, "objection_possible"),
    ({"letter_date": "2026-02-30"}, LETTER, "not an ISO date"),
    ({}, LETTER.replace("0417 1643 00", "0417 1643 01"), "IBAN fails its checksum"),
    ({"references": [{"kind": "bsn", "label": "BSN", "text": "999990018"}]},
     LETTER.replace("999990019", "999990018"), "BSN fails the eleven-test"),
    ({}, LETTER.replace("Geachte heer Jansen", "Geachte [naam]"), "placeholder left"),
    ({}, LETTER.replace("Datum: 5 maart", "Datum: 31 april"), "impossible date"),
    ({"deadlines": [{"text": "vóór 1 april 2026", "date": "2026-04-01", "for": "pay",
                     "rule": "x"}]}, LETTER, "deadline 'for'"),
    ({"deadlines": [{"text": "vóór 1 april 2026", "date": "2026-04-01", "for": "betalen"}]},
     LETTER, "deadline without a rule"),
    ({"amounts": [{"text": "€ 120,00", "value": 120.0, "role": "owed"}]}, LETTER,
     "amount role"),
])
def test_the_checker_names_each_problem(change, letter, problem):
    found = problems(expected_for_letter(**change), letter)
    assert any(problem in p for p in found), found


# -- scoring -----------------------------------------------------------------------------


def contract(**changes) -> dict:
    base = {
        "letter_date": "2026-03-05",
        "sender": {"name": "Gemeente Utrecht", "kind": "gemeente"},
        "deadlines": [{"date": "2026-04-01", "last_day": "2026-03-31", "for": "betalen",
                       "text": "vóór 1 april 2026"},
                      {"date": "2026-04-16", "last_day": "2026-04-16", "for": "bezwaar_maken",
                       "text": "binnen zes weken na de dagtekening"}],
        "amounts": [{"value": 120.0, "role": "to_pay", "text": "€ 120,00"}],
        "actions": [{"verb": "betalen"}],
        "references": [{"kind": "kenmerk", "text": "WI/2026/0042"},
                       {"kind": "iban", "text": "NL91ABNA0417164300"},
                       {"kind": "bsn", "text": "*****0019"}],
        "objection": {"possible": True},
        "terms": [{"term": "dagtekening", "found": "dagtekening"},
                  {"term": "bezwaar maken", "found": "bezwaar"}],
    }
    return {**base, **changes}


def test_a_perfect_output_scores_everything_right():
    lists = compare_lists(expected_for_letter(), contract())
    assert all(not m.missed and not m.extra for m in lists.values()), lists
    assert all(right for _, _, right in compare_singles(expected_for_letter(),
                                                        contract()).values())


def test_a_sender_only_mentioned_in_the_body_scores_as_wrong():
    expected = expected_for_letter(sender_aliases=["Gemeente Utrecht, Werk en Inkomen"])
    # The letter says "UWV stuurt ons uw gegevens"; a sheet headed "brief van UWV" is wrong.
    singles = compare_singles(expected, contract(sender={"name": "UWV", "kind": "uwv"}))
    assert not singles["sender_name"][2] and not singles["sender_kind"][2]
    for name in ("incassokosten € 261,38", "Utrecht", "GGD Gelderland-Zuid <noreply@ggd.nl>"):
        assert not compare_singles(expected, contract(sender={"name": name,
                                                              "kind": "gemeente"}))[
            "sender_name"][2], name
    for name in ("de gemeente Utrecht", "GEMEENTE UTRECHT", "Gemeente Utrecht, Werk en Inkomen"):
        assert compare_singles(expected, contract(sender={"name": name, "kind": "gemeente"}))[
            "sender_name"][2], name


def test_a_before_date_may_be_its_day_or_the_day_before_but_no_other():
    for last_day, right in (("2026-04-01", True), ("2026-03-31", True), ("2026-03-30", False)):
        found = [{"date": "2026-04-01", "last_day": last_day, "for": "betalen",
                  "text": "vóór 1 april 2026"}]
        match = compare_lists(expected_for_letter(), contract(deadlines=found))["deadlines"]
        assert (match.hit_expected == 1) is right, last_day


def test_a_moved_end_is_scored_on_the_last_day_the_sheet_shows():
    # An Invorderingswet term is not moved: a sheet that moves it shows a wrong day,
    # even though its unmoved `date` is right.
    want = [{"text": "binnen zes weken na de dagtekening", "date": "2026-04-18",
             "for": "betalen", "rule": "Invorderingswet: not moved"}]
    got = [{"date": "2026-04-18", "last_day": "2026-04-20", "for": "betalen",
            "text": "binnen zes weken na de dagtekening"}]
    match = compare_lists(expected_for_letter(deadlines=want), contract(deadlines=got))
    assert match["deadlines"].missed and match["deadlines"].extra


def test_a_term_from_receipt_is_matched_by_its_phrase_not_a_date():
    want = [{"text": "binnen 14 dagen na ontvangst van deze brief", "date": None,
             "for": "betalen", "rule": "BW 6:96 lid 6: from receipt"}]
    dated = [{"date": "2026-03-19", "last_day": "2026-03-19", "for": "betalen",
              "text": "binnen 14 dagen na ontvangst van deze brief"}]
    flagged = [{**dated[0], "depends_on_receipt": True}]
    elsewhere = [{**flagged[0], "text": "binnen 6 weken"}]
    score = lambda found: compare_lists(  # noqa: E731
        expected_for_letter(deadlines=want), contract(deadlines=found))["deadlines"]
    assert score(dated).hit_expected == 0 and score(dated).extra
    assert score(flagged).hit_expected == 1 and not score(flagged).extra
    assert score(elsewhere).hit_expected == 0


def test_amounts_need_value_and_role_and_two_roles_count_once():
    want = [{"text": "€ 120,00", "value": 120.0, "role": ["to_pay", "debt_total"]}]
    both = [{"value": 120.0, "role": "to_pay"}, {"value": 120.0, "role": "debt_total"}]
    match = compare_lists(expected_for_letter(amounts=want), contract(amounts=both))["amounts"]
    assert match.hit_expected == 1 and match.hit_found == 2 and not match.extra
    wrong = [{"value": 120.0, "role": "surcharge"}]
    match = compare_lists(expected_for_letter(amounts=want), contract(amounts=wrong))
    assert match["amounts"].missed and match["amounts"].extra
    assert not match["amount_values"].missed


def test_objection_null_means_the_letter_says_nothing():
    expected = expected_for_letter(objection_possible=None)
    assert not compare_singles(expected, contract(objection={"possible": False}))[
        "objection_possible"][2]


# -- the command, on a small tree ----------------------------------------------------------


@pytest.mark.slow
def test_evaluate_command_scores_a_split_of_a_tree(tmp_path):
    letters = [letter for letter in find_letters(CORPUS) if letter.path.suffix == ".txt"]
    by_split = {split: next(letter for letter in letters if letter.split == split)
                for split in ("dev", "blind")}
    manifest = read_manifest(CORPUS / MANIFEST)
    folder = tmp_path / "corpus"
    folder.mkdir()
    lines = []
    for letter in by_split.values():
        for path in (letter.path, letter.expected_path):
            (folder / path.name).write_bytes(path.read_bytes())
        entry = manifest[letter.name]
        lines.append("\t".join([entry.name, entry.origin, entry.source, entry.kind,
                                entry.tests, entry.changes, entry.split]))
    (folder / MANIFEST).write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "letter_simplifier", "evaluate", str(tmp_path),
                          "--split", "blind", "--json", "--details"],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert report["letters"] == 1 and report["split"] == "blind"
    assert report["per_letter"][0]["letter"] == str(folder / by_split["blind"].path.name)
    assert set(report["accuracy"]) >= {"sender_kind", "sender_name", "letter_date"}
    assert set(report["fields"]) == set(LIST_FIELDS)


def test_a_letter_the_program_refuses_counts_as_finding_nothing(tmp_path):
    (tmp_path / "brief.txt").write_text("Dear Sir,\n\nPlease pay the invoice by 1 April 2026."
                                        "\n\nKind regards,\nThe landlord\n", encoding="utf-8")
    expected = expected_for_letter(hard_terms=[], deadlines=expected_for_letter()["deadlines"][:1])
    (tmp_path / "brief.expected.json").write_text(json.dumps(expected), encoding="utf-8")
    report = evaluate_tree(tmp_path)
    assert report.letters == 1 and report.failed
    assert report.fields["deadlines"].recall == 0 and report.fields["deadlines"].expected == 1
    assert report.accuracy["sender_kind"] == (0, 1)

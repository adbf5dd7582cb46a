"""The readability check: what it leaves out, each flag, the deadline
wording checks, glossary recall on the sample letters, false alarms on plain
letters, Word input, comparison and the Frog wrapper.

Frog starts once per test session (the process-wide `frog.shared()`)."""

from __future__ import annotations

import io
import json
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest

from letter_simplifier.glossary import GlossaryMatcher, load_glossary
from letter_simplifier.nlp import parse
from letter_simplifier.readability import check_file, check_text, compare, frog
from letter_simplifier.readability.concrete import noun_class
from letter_simplifier.readability.draft import draft_from_text, is_docx, read_draft
from letter_simplifier.readability.frog import Frog, ParserUnavailable
from letter_simplifier.readability.words import build_sentences, counts_for_frequency

from .conftest import SAMPLES

PLAIN = Path(__file__).resolve().parent / "data" / "readability" / "plain"
HEAD = "Gemeente Rotterdam\n\nRotterdam, 2 maart 2026\n\nBeste meneer Jansen,\n\n"


@pytest.fixture(scope="session")
def parser():
    if not frog.installed():
        pytest.fail("frog is not installed: run scripts/setup")
    shared = frog.shared()
    shared.start()
    return shared


def codes(report) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for flag in report.flags:
        found.setdefault(flag.code, []).append(flag.found)
    return found


# -- what is left out of word frequency -------------------------------------------

def test_names_amounts_dates_ibans_and_references_are_left_out_of_frequency():
    text = ("Mevrouw Jansen moet € 1.234,56 vóór 12 maart 2026 betalen op "
            "NL91 ABNA 0417 1643 00 met kenmerk SZW-2026/004512. Bel 010 - 123 45 67.")
    document = draft_from_text(text)
    sentences = build_sentences(document, parse(document.text))
    tokens = {t.text: t for s in sentences for t in s.tokens}
    for word, reason in (("Jansen", "name"), ("1.234,56", "amount"), ("maart", "date"),
                         ("ABNA", "reference"), ("NL91", "reference")):
        assert tokens[word].skip_reason == reason, word
        assert not counts_for_frequency(tokens[word])
    assert counts_for_frequency(tokens["betalen"])


# -- flags, with and without Frog ---------------------------------------------------

@pytest.mark.parametrize("use_parser", [False, True])
def test_sentence_flags(use_parser, parser):
    engine = parser if use_parser else None
    long = " ".join(["Wij"] + ["sturen"] * 20) + "."
    assert "long_sentence" in codes(check_text(HEAD + long, parser=engine))
    report = check_text(HEAD + "Uw vraag wordt door ons zorgvuldig beoordeeld.", parser=engine)
    assert codes(report)["passive"] == ["wordt ... beoordeeld"]
    report = check_text(HEAD + "Na ontvangst van uw geld sturen wij een bericht.", parser=engine)
    assert codes(report)["nominalisation"] == ["ontvangst"]
    report = check_text(HEAD + "Wij hebben de door u op 3 maart 2026 per post verstuurde brief "
                               "gekregen.", parser=engine)
    assert codes(report)["split_noun"] == ["de ... brief"]
    flag = next(f for f in report.flags if f.code == "split_noun")
    assert "9 woorden" in flag.why and flag.todo  # door u op 3 maart 2026 per post verstuurde


def test_flags_that_need_the_parser(parser):
    text = HEAD + ("De gemeente heeft uw vraag voor extra geld van 3 maart 2026 na lang en "
                   "zorgvuldig onderzoek afgewezen.")
    assert codes(check_text(text, parser=parser))["split_verb"] == ["heeft ... afgewezen"]
    assert "split_verb" not in codes(check_text(text, parser=None))
    text = HEAD + ("Wij vragen u om de papieren te sturen die wij nodig hebben omdat wij anders "
                   "niet kunnen zien of u recht heeft op hulp.")
    assert "many_clauses" in codes(check_text(text, parser=parser))
    # A short sentence with two small bijzinnen reads fine.
    text = HEAD + "We vragen wat voor werk u leuk vindt en wat u goed kunt."
    assert "many_clauses" not in codes(check_text(text, parser=parser))


def test_word_flags_say_why_and_what_instead():
    report = check_text(HEAD + "Derhalve sturen wij u bijv. een formulier van het BVKZ. "
                               "Wij hebben uw standpunt geëxpliciteerd.", parser=None)
    flags: dict = {}
    for f in report.flags:  # the first flag of each kind
        flags.setdefault(f.code, f)
    assert flags["jargon"].found == "Derhalve" and flags["jargon"].alternative == "daarom"
    assert "daarom" in flags["jargon"].todo
    # "bijv." is also a glossary term: the advice is to write it out, not to explain it.
    assert flags["abbreviation"].found == "bijv." and "bijvoorbeeld" in flags["abbreviation"].todo
    assert not any(f.code == "jargon" and f.found == "bijv." for f in report.flags)
    assert flags["acronym"].found == "BVKZ"
    assert flags["rare_word"].found == "geëxpliciteerd"
    assert all(f.why and f.todo and f.title for f in report.flags)
    # An acronym that the text spells out is fine.
    report = check_text(HEAD + "Bel het Bureau Voor Kort Zeggen (BVKZ). Het BVKZ helpt u.",
                        parser=None)
    assert "acronym" not in codes(report)
    # An acronym the glossary knows is explained from the glossary, not called unknown.
    report = check_text(HEAD + "Bel het KCC als u vragen hebt.", parser=None)
    kcc = [f for f in report.flags if f.found == "KCC"]
    assert [f.code for f in kcc] == ["jargon"] and kcc[0].term


def test_a_term_the_letter_explains_is_not_flagged():
    report = check_text(HEAD + "U krijgt kinderbijslag. Dat is geld voor de kosten van uw kind.",
                        parser=None)
    assert "kinderbijslag" not in [f.term for f in report.flags]
    report = check_text(HEAD + "U krijgt kinderbijslag voor uw kind.", parser=None)
    assert "kinderbijslag" in [f.term for f in report.flags]


# -- deadlines ---------------------------------------------------------------------

def test_relative_deadline_gets_a_calendar_date():
    # Letter date 2 March 2026 + six weeks (Awb 6:7) = Monday 13 April 2026.
    report = check_text(HEAD + "Bent u het niet eens? Dan kunt u binnen zes weken na de "
                               "dagtekening van deze brief bezwaar maken.", parser=None)
    flag = next(f for f in report.flags if f.code == "relative_deadline")
    assert flag.found == "binnen zes weken na de dagtekening van deze brief"
    assert "uiterlijk maandag 13 april 2026" in flag.todo
    # With the date in the same sentence there is nothing to add.
    report = check_text(HEAD + "Stuur de papieren binnen twee weken, dus uiterlijk 16 maart "
                               "2026.", parser=None)
    assert "relative_deadline" not in codes(report)


def test_voor_a_date_suggests_uiterlijk_the_day_before():
    report = check_text(HEAD + "Betaal het bedrag vóór 1 mei 2026.", parser=None)
    flag = next(f for f in report.flags if f.code == "before_date")
    assert "uiterlijk donderdag 30 april 2026" in flag.todo
    report = check_text(HEAD + "Betaal het bedrag uiterlijk 30 april 2026.", parser=None)
    assert "before_date" not in codes(report)


def test_fourteen_day_letter_counts_from_receipt():
    text = HEAD + ("Betaal de hoofdsom en de incassokosten binnen 14 dagen na de dagtekening "
                   "van deze brief.")
    flag = next(f for f in check_text(text, parser=None).flags if f.code == "fourteen_days")
    assert "6:96" in flag.why and "ontvangst" in flag.why
    text = text.replace("de dagtekening van deze brief", "ontvangst van deze brief")
    assert "fourteen_days" not in codes(check_text(text, parser=None))


# -- the two targets ---------------------------------------------------------------------

def test_glossary_terms_in_the_samples_are_flagged_with_their_alternative():
    glossary = load_glossary()
    matcher = GlossaryMatcher(glossary)
    expected = found = 0
    missed = []
    for path in sorted(SAMPLES.glob("*.txt")):
        hard = json.loads(path.with_suffix(".expected.json").read_text())["hard_terms"]
        # The hard words of the letter that the glossary has, by their glossary term.
        terms = {entry.term for entry in (matcher.phrases.get(tuple(h.lower().split()))
                                          or matcher.lookup(h) for h in hard) if entry}
        report = check_text(path.read_text(encoding="utf-8"), parser=None)
        flags = {f.term.lower(): f for f in report.flags if f.code == "jargon"}
        for term in sorted(terms):
            expected += 1
            flag = flags.get(term.lower())
            if flag is None:
                missed.append((path.stem, term))
                continue
            found += 1
            assert flag.alternative == glossary.get(flag.term).alternative
            if flag.alternative:
                assert flag.alternative in flag.todo
    recall = found / expected
    print(f"glossary recall {found}/{expected} = {recall:.1%}; missed {missed}")
    assert recall >= 0.95


def test_fewer_than_one_in_ten_flags_on_plain_letters_is_a_false_alarm(parser):
    reviewed = tomllib.loads((PLAIN / "reviewed.toml").read_text(encoding="utf-8"))["flag"]
    verdicts = {(r["file"], r["code"], r["found"]): r["verdict"] for r in reviewed}
    unreviewed, counts = [], {"correct": 0, "false_alarm": 0}
    for path in sorted(PLAIN.glob("*.txt")):
        report = check_text(path.read_text(encoding="utf-8"), parser=parser)
        for flag in report.flags:
            verdict = verdicts.get((path.name, flag.code, flag.found))
            if verdict is None:
                unreviewed.append((path.name, flag.code, flag.found))
            else:
                counts[verdict] += 1
    assert not unreviewed, f"review these flags in {PLAIN / 'reviewed.toml'}: {unreviewed}"
    total = sum(counts.values())
    print(f"plain letters: {total} flags, {counts['false_alarm']} false alarms")
    assert counts["false_alarm"] / total < 0.10


def test_lint_score_separates_plain_from_stiff_letters(parser):
    plain = check_text((PLAIN / "01-uitkering-hoger.txt").read_text(), parser=parser)
    stiff = check_text((SAMPLES / "gemeente-maatregel.txt").read_text(), parser=parser)
    assert plain.parser == "frog" and plain.lint and stiff.lint
    assert plain.lint.score < stiff.lint.score
    assert 0 < plain.lint.features.concrete_nouns <= 1
    assert plain.meets_b1 and not stiff.meets_b1


def test_noun_classes():
    assert noun_class("brief") == "concrete"
    assert noun_class("huurwoning") == "concrete"  # by its last part
    assert noun_class("beslissing") == "abstract"
    assert noun_class("tevredenheid") == "abstract"  # by its suffix
    assert noun_class("xyzzy") is None


# -- input and output ----------------------------------------------------------------

def docx_bytes(paragraphs: list[str]) -> bytes:
    from docx import Document

    document = Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_gives_the_same_report_as_pasted_text():
    paragraphs = (PLAIN / "02-boete-betalen.txt").read_text(encoding="utf-8").split("\n\n")
    data = docx_bytes(paragraphs)
    assert is_docx(data) and not is_docx(b"PK\x03\x04 not a zip")
    assert read_draft(data, "brief.docx").method == "docx"
    from_word = check_file(data, "brief.docx", parser=None).to_dict(with_text=False)
    pasted = check_text("\n\n".join(paragraphs), parser=None).to_dict(with_text=False)
    for key in ("counts", "scores", "flag_counts"):
        assert from_word[key] == pasted[key]
    assert [f["found"] for f in from_word["flags"]] == [f["found"] for f in pasted["flags"]]


def test_json_report_and_comparison():
    before = check_text((SAMPLES / "cjib-aanmaning.txt").read_text(), parser=None)
    after = check_text((PLAIN / "02-boete-betalen.txt").read_text(), parser=None)
    data = after.to_dict()
    assert data["schema"] == "letter-simplifier/readability@1"
    assert data["scores"]["lint"] is None and data["notes"]
    assert {"why", "todo", "kind", "start", "end"} <= set(data["flags"][0])
    comparison = compare(before, after)
    change = next(c for c in comparison.changes if c.key == "flesch_douma")
    assert change.change == pytest.approx(after.flesch_douma - before.flesch_douma)
    assert change.verdict == "beter"
    assert json.dumps(comparison.to_dict())


# -- the Frog wrapper ------------------------------------------------------------------

FAKE_FROG = textwrap.dedent('''
    import sys, time
    for line in sys.stdin:
        words = line.split()
        if "HANG" in words:
            time.sleep(60)
        if "CRASH" in words:
            sys.exit(3)
        for i, word in enumerate(words, start=1):
            print(f"{i}\\t{word}\\t{word.lower()}\\t\\tN(soort)\\t1.0\\t\\t\\t\\t\\t{i - 1}\\tmod")
        print(flush=True)
''')


@pytest.fixture()
def fake_frog(tmp_path):
    script = tmp_path / "fake_frog.py"
    script.write_text(FAKE_FROG)
    engine = Frog((sys.executable, str(script)), start_timeout=20, sentence_timeout=1)
    yield engine
    engine.close()


def test_wrapper_times_out_and_restarts(fake_frog):
    assert fake_frog.parse([["Dit", "werkt"]])[0][1].head == 1
    first = fake_frog.process.pid
    with pytest.raises(ParserUnavailable, match="longer than"):
        fake_frog.parse([["HANG"]])
    assert fake_frog.process is None
    assert fake_frog.parse([["Weer", "goed"]])[0][0].word == "Weer"
    assert fake_frog.process.pid != first
    with pytest.raises(ParserUnavailable, match="stopped"):
        fake_frog.parse([["CRASH"]])


def test_wrapper_skips_empty_and_overlong_sentences(fake_frog):
    results = fake_frog.parse([[], ["a"] * (frog.MAX_TOKENS + 1), ["kort"]])
    assert results[0] is None and results[1] is None and results[2][0].word == "kort"


def test_missing_parser_gives_a_report_without_lint():
    missing = Frog(("no-such-frog-binary",))
    report = check_text(HEAD + "Uw vraag wordt door ons beoordeeld.", parser=missing)
    assert report.lint is None and report.parser is None and report.notes
    assert "passive" in codes(report)


def test_real_frog_maps_multi_word_units_back(parser):
    tokens = "Wij willen u op tijd betalen .".split()
    rows = parser.parse([tokens])[0]
    assert sum(len(row.source) for row in rows) == len(tokens)
    assert any(len(row.source) == 2 for row in rows)  # "op_tijd"

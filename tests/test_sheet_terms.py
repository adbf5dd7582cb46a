"""The sheet explains the few hard words that matter (issue 13): at most 8, the
words of the to-do sentences and of the decision first, never an everyday word;
the web page folds the rest, the printed sheet leaves them out."""

from __future__ import annotations

import re

import pytest

from letter_simplifier.explain.terms import SHEET_TERMS, decision_spans, inside, is_everyday
from letter_simplifier.pipeline import explain_letter
from letter_simplifier.render import environment, render_html, sheet_css

from .conftest import SAMPLES, TODAY, sample_names


def explained(name: str):
    return explain_letter((SAMPLES / f"{name}.txt").read_bytes(), f"{name}.txt", today=TODAY)


def key_terms(result) -> list[str]:
    """The non-everyday terms that stand in a to-do sentence or the decision."""
    analysis = result.analysis
    key = [a.span for a in analysis.actions] + decision_spans(analysis)
    return [t.term for t in analysis.terms
            if not is_everyday(t) and any(inside(s, key) for s in t.spans)]


@pytest.mark.parametrize("name", sample_names())
def test_the_sheet_shows_at_most_8_terms_and_those_of_its_todo_sentences(name):
    result = explained(name)
    shown = [t.term for t in result.explanation.terms]
    assert len(shown) <= SHEET_TERMS
    key = key_terms(result)
    if len(key) <= SHEET_TERMS:
        assert set(key) <= set(shown), f"{name}: missing {set(key) - set(shown)}"
    else:  # more key terms than room: the sheet shows only key terms
        assert set(shown) <= set(key)
    printed = render_html(result.explanation)
    assert len(re.findall(r"<div class=\"term\"><dt>", printed)) == len(shown)


def test_a_letter_with_many_terms_keeps_the_rest_in_the_contract_and_the_fold():
    counts = {name: len(explained(name).analysis.terms) for name in sample_names()}
    name = max(counts, key=counts.get)
    result = explained(name)
    sheet = result.explanation
    assert counts[name] > SHEET_TERMS + 5
    contract_terms = [t["term"] for t in result.contract()["terms"]]
    assert len(contract_terms) == counts[name]  # the contract lists every term found
    assert {t.term for t in sheet.terms + sheet.more_terms} <= set(contract_terms)
    assert len(sheet.terms) == SHEET_TERMS and sheet.more_terms

    page = environment().get_template("sheet.html").render(
        sheet=sheet, css=sheet_css(), embedded=True, hidden_terms=0)
    fold = page[page.index('<details class="more-terms">'):]
    assert f"Meer moeilijke woorden ({len(sheet.more_terms)})" in fold
    assert all(f"<summary>{t.term}</summary>" in fold for t in sheet.more_terms)
    assert not any(f"<summary>{t.term}</summary>" in fold for t in sheet.terms)

    printed = render_html(sheet)
    assert not any(f"<dt>{t.term}</dt>" in printed for t in sheet.more_terms)
    assert f"nog {len(sheet.more_terms)} andere moeilijke woorden" in printed
    assert "website" not in printed.lower()


def test_everyday_words_are_never_on_the_sheet():
    for name in sample_names():
        sheet = explained(name).explanation
        shown = sheet.terms + sheet.more_terms
        assert not [t.term for t in shown if is_everyday(t)]
        assert "gemeente" not in {t.term for t in shown}

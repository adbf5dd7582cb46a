"""Readability formulas against hand-computed examples."""

from __future__ import annotations

import pytest

from letter_simplifier.readability import check_text
from letter_simplifier.readability.check import max_dependency_length
from letter_simplifier.readability.frog import FrogToken
from letter_simplifier.readability.scores import (
    LintFeatures,
    brouwer,
    classic_band,
    flesch_douma,
    lint_level,
    lint_score,
)
from letter_simplifier.readability.words import DraftSentence


def test_flesch_douma_by_hand():
    # 100 words, 5 sentences, 150 syllables:
    # 206.835 - 0.93 * 20 - 77 * 1.5 = 206.835 - 18.6 - 115.5 = 72.735
    assert flesch_douma(100, 5, 150) == pytest.approx(72.735)
    # 7 words, 1 sentence, 15 syllables: 206.835 - 6.51 - 165 = 35.325
    assert flesch_douma(7, 1, 15) == pytest.approx(35.325)
    assert flesch_douma(0, 0, 0) is None


def test_brouwer_by_hand():
    # 195 - 2 * 20 - 66.67 * 1.5 = 195 - 40 - 100.005 = 54.995
    assert brouwer(100, 5, 150) == pytest.approx(54.995)
    # 195 - 14 - 66.67 * 15 / 7 = 195 - 14 - 142.8643 = 38.1357
    assert brouwer(7, 1, 15) == pytest.approx(38.1357, abs=1e-4)


def test_classic_scores_of_a_text_by_hand():
    # Two sentences, nine one-syllable words: 4.5 words per sentence, 1 syllable per word.
    report = check_text("De kat zit op de mat. Hij is moe.", parser=None)
    assert (report.counts.sentences, report.counts.words, report.counts.syllables) == (2, 9, 9)
    assert report.flesch_douma == pytest.approx(206.835 - 0.93 * 4.5 - 77)  # 125.65
    assert report.brouwer == pytest.approx(195 - 2 * 4.5 - 66.67)  # 119.33
    # wij(1) ver-zoe-ken(3) u(1) het(1) for-mu-lier(3) te(1) on-der-te-ke-nen(5) = 15
    report = check_text("Wij verzoeken u het formulier te ondertekenen.", parser=None)
    assert (report.counts.words, report.counts.syllables) == (7, 15)
    assert report.flesch_douma == pytest.approx(35.325)


def test_address_lines_do_not_count_as_sentences():
    text = "Gemeente Utrecht\nPostbus 16200\n3500 CE Utrecht\n\nDe kat zit op de mat. Hij is moe.\n"
    report = check_text(text, parser=None)
    assert report.counts.sentences == 2
    assert report.sentences[0].level == 0  # shown, but not counted


def test_classic_bands():
    assert classic_band(95) == "zeer makkelijk"
    assert classic_band(65) == "normaal"
    assert classic_band(10) == "zeer moeilijk"


def test_lint_formula_by_hand():
    # 3.204 + 15.845*5 - 1.331*3 - 3.829*3 + 13.096*0.5
    # = 3.204 + 79.225 - 3.993 - 11.487 + 6.548 = 73.497 -> 100 - 73.497 = 26.503
    easy = LintFeatures(word_frequency=5.0, dependency_length=3.0,
                        content_words_per_clause=3.0, concrete_nouns=0.5)
    assert lint_score(easy) == pytest.approx(26.503)
    assert lint_level(lint_score(easy)) == 1
    # 3.204 + 63.38 - 7.986 - 19.145 + 2.6192 = 42.0722 -> 57.9278, level 3
    hard = LintFeatures(word_frequency=4.0, dependency_length=6.0,
                        content_words_per_clause=5.0, concrete_nouns=0.2)
    assert lint_score(hard) == pytest.approx(57.9278)
    assert lint_level(lint_score(hard)) == 3


def test_lint_is_clamped_to_0_100():
    assert lint_score(LintFeatures(7.0, 0.0, 0.0, 1.0)) == 0.0
    assert lint_score(LintFeatures(1.0, 20.0, 10.0, 0.0)) == 100.0


@pytest.mark.parametrize("score, level", [(0, 1), (34, 1), (34.5, 2), (46, 2), (47, 3),
                                          (60, 3), (60.5, 4), (100, 4)])
def test_lint_levels(score, level):
    assert lint_level(score) == level


def frog_sentence(rows: list[tuple[str, str, int]]) -> DraftSentence:
    tokens = [FrogToken(i, word, word.lower(), tag, head, "x", (i - 1,))
              for i, (word, tag, head) in enumerate(rows, start=1)]
    return DraftSentence(0, 0, 0, "", [], parsed=True, frog=tokens)


def test_dependency_length_counts_words_between_and_skips_punctuation():
    # "Wij verzoeken u het bedrag te betalen ." betalen -> verzoeken: u het bedrag te = 4
    sentence = frog_sentence([("Wij", "VNW()", 2), ("verzoeken", "WW(pv)", 0), ("u", "VNW()", 2),
                              ("het", "LID()", 5), ("bedrag", "N(soort)", 7),
                              ("te", "VZ()", 7), ("betalen", "WW(inf)", 2), (".", "LET()", 7)])
    assert max_dependency_length(sentence) == 4
    # A comma between does not count: "Ja , wij betalen ." betalen -> Ja: only "wij" between
    sentence = frog_sentence([("Ja", "TSW()", 4), (",", "LET()", 1), ("wij", "VNW()", 4),
                              ("betalen", "WW(pv)", 0), (".", "LET()", 4)])
    assert max_dependency_length(sentence) == 1

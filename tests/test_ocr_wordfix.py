"""Word-level fixes of OCR misreads that change a word's length (ocr/wordfix.py)."""

from __future__ import annotations

from letter_simplifier.analyse.ocr_checks import UNSURE_CONFIDENCE
from letter_simplifier.ingest.ocr.tesseract import OcrWord
from letter_simplifier.ingest.ocr.wordfix import RESTORED_CONFIDENCE, fix_words


def line(*texts: str, number: int = 1, confidence: float = 0.9) -> list[OcrWord]:
    return [OcrWord(text, 100 * i, 50 * number, 80, 20, confidence, (1, 1, number))
            for i, text in enumerate(texts)]


def texts(pages: list[list[OcrWord]]) -> list[list[str]]:
    return [[w.text for w in words] for words in pages]


def test_low_comma_before_a_number_is_a_speck():
    fixed = fix_words([line("Verzamelinkomen", "\u201a4.312")])
    assert texts(fixed) == [["Verzamelinkomen", "4.312"]]


def test_low_comma_inside_a_word_is_left_alone():
    # It may have been a comma or a period: no proof either way.
    assert texts(fix_words([line("t\u201an.v.", "Woonstad")])) == [["t\u201an.v.", "Woonstad"]]


def test_closing_quote_read_as_exclamation_mark():
    fixed = fix_words([line("formulier", "\u2018Wijziging", "kinderbijslag!", "in")])
    assert texts(fixed)[0][2] == "kinderbijslag\u2019"
    fixed = fix_words([line("het", "'Wijziging", "kinderbijslag!", "in")])
    assert texts(fixed)[0][2] == "kinderbijslag'"


def test_exclamation_mark_without_an_open_quote_stays():
    words = line("Let", "op!", "Betaal", "op", "tijd.")
    assert texts(fix_words([words])) == texts([words])
    # A quote that was closed, and an elision, open nothing.
    words = line("de", "folder", "\u2018Geld\u2019", "lezen!")
    assert texts(fix_words([words])) == texts([words])
    words = line("'s", "Avonds", "bellen!")
    assert texts(fix_words([words])) == texts([words])


def test_quote_on_another_line_does_not_count():
    pages = [line("de", "\u2018brief", number=1) + line("Bel", "ons!", number=2)]
    assert texts(fix_words(pages))[0][-1] == "ons!"


def test_dropped_decimal_point_is_restored_from_the_same_amount_elsewhere():
    pages = [line("juli", "\u20ac612.40", "\u20ac400.00", number=1)
             + line("augustus", "\u20ac61240", "-", number=2),
             line("september", "\u20ac612.40", number=1)]
    fixed = fix_words(pages)
    assert texts(fixed)[0][4] == "\u20ac612.40"
    assert fixed[0][4].confidence == RESTORED_CONFIDENCE
    assert RESTORED_CONFIDENCE < UNSURE_CONFIDENCE  # the sheet says "Controleer dit"
    # With the euro sign as a word of its own, Dutch notation.
    fixed = fix_words([line("totaal", "\u20ac", "1.326,17") + line("\u20ac", "132617", number=2)])
    assert texts(fixed)[0][-1] == "1.326,17"


def test_digits_without_the_same_amount_elsewhere_stay():
    pages = [line("bedrag", "\u20ac61240") + line("kenmerk", "612.40", number=2)]
    # 612.40 without a euro sign is no amount, so it proves nothing.
    assert texts(fix_words(pages)) == texts(pages)
    # A dropped thousands point, proven by the same amount in the total line.
    fixed = fix_words([line("loonheffing", "\u20ac", "3225") + line("\u20ac3.225", number=2)])
    assert texts(fixed)[0][2] == "3.225"
    pages = [line("\u20ac1500", "\u20ac15.00", "\u20ac1.500")]
    assert texts(fix_words(pages))[0][0] == "\u20ac1500"  # two notations: no proof

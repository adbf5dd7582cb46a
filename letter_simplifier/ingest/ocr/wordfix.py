"""Fix three misreads that the text-level repairs (repair.py)
cannot, because the fix changes a word's length. Here the words are still
separate, before the page is laid out as text.

- A stray low comma: Tesseract reads a speck before a number as "‚" (U+201A,
  the low single quote), which Dutch letters do not use: "‚4.312". Before a
  digit it goes. Inside a word it may have been a comma or a period, so
  it stays.
- A closing quote read as "!": "‘Wijziging kinderbijslag!" on a line where a
  quote was opened and not closed. The "!" then ends a sentence that does not
  end there, and a deadline moves to another action.
- An amount whose decimal point Tesseract dropped: "€61240" in a table where
  the same digits also stand as "€612.40". Where a letter writes the same
  digits with a point or comma, that is the proof; the word then gets a low
  confidence, so a finding that rests on it says "Controleer dit in de
  brief" on the sheet.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from .tesseract import OcrWord

LOW_COMMA = "\u201a"
OPENING_QUOTES = {"\u2018": "\u2019", "'": "'", "\u201c": "\u201d", '"': '"', "\u201e": "\u201d"}
CLOSING_QUOTES = set(OPENING_QUOTES.values())
# "'s avonds", "'t", "'s-Gravenhage": an apostrophe, not a quote.
ELISION = re.compile(r"['\u2018\u2019][stn](?:-|$|\W)", re.IGNORECASE)

CURRENCY = ("€", "EUR")
# An amount as letters write it, with at least one separator.
SEPARATED = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,(?:\d{2}|-))?|\d+,\d{2}|\d+\.\d{2}")
BARE_DIGITS = re.compile(r"\d{4,}")
# Confidence given to an amount whose point was put back: below the sheet's
# "Controleer dit" bound (analyse/ocr_checks.py).
RESTORED_CONFIDENCE = 0.5


def fix_words(pages: list[list[OcrWord]]) -> list[list[OcrWord]]:
    """The words of every page of one letter, with the fixes above."""
    pages = [[_low_comma(w) for w in words] for words in pages]
    pages = [_closing_quotes(words) for words in pages]
    return _restore_points(pages)


def _low_comma(word: OcrWord) -> OcrWord:
    if LOW_COMMA not in word.text:
        return word
    text = word.text
    while text.startswith(LOW_COMMA) and text[1:2].isdigit():
        text = text[1:]
    return replace(word, text=text) if text != word.text else word


def _closing_quotes(words: list[OcrWord]) -> list[OcrWord]:
    fixed = list(words)
    open_quote: dict[tuple[int, int, int], str | None] = {}
    for i, word in enumerate(words):
        line = word.line
        text = word.text
        if (text[:1] in OPENING_QUOTES and len(text) > 1 and text[1].isalnum()
                and not ELISION.match(text)):
            open_quote[line] = text[0]
        quote = open_quote.get(line)
        if quote and text[-1:] in CLOSING_QUOTES and len(text) > 1:
            open_quote[line] = None
        elif quote and text.endswith("!") and len(text) > 2 and text[-2].isalpha():
            closing = OPENING_QUOTES[quote]
            fixed[i] = replace(word, text=text[:-1] + closing)
            open_quote[line] = None
    return fixed


def _money_body(words: list[OcrWord], i: int) -> tuple[str, str] | None:
    """(what comes before the number, the number) of a money word, or None."""
    text = words[i].text
    j = 0
    while j < len(text) and not text[j].isdigit():
        j += 1
    prefix, number = text[:j], text[j:]
    after_sign = i > 0 and words[i - 1].text in CURRENCY and words[i - 1].line == words[i].line
    if not number or not ("€" in prefix or (not prefix and after_sign)):
        return None
    return prefix, number


def _restore_points(pages: list[list[OcrWord]]) -> list[list[OcrWord]]:
    forms: dict[str, Counter] = {}
    for words in pages:
        for i in range(len(words)):
            money = _money_body(words, i)
            if money and SEPARATED.fullmatch(money[1]):
                key = re.sub(r"\D", "", money[1])
                forms.setdefault(key, Counter())[money[1]] += 1
    if not forms:
        return pages
    result = []
    for words in pages:
        fixed = list(words)
        for i in range(len(words)):
            money = _money_body(words, i)
            if not money or not BARE_DIGITS.fullmatch(money[1]) or money[1] not in forms:
                continue
            (form, _), *rest = forms[money[1]].most_common()
            if rest and rest[0][1] == forms[money[1]][form]:
                continue  # two ways of writing it, equally often: no proof
            fixed[i] = replace(words[i], text=money[0] + form,
                               confidence=min(words[i].confidence, RESTORED_CONFIDENCE))
        result.append(fixed)
    return result

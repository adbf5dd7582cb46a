"""Repair what OCR typically misreads, but only where the repaired text proves
itself: an IBAN whose checksum then holds, a BSN that then passes the
eleven-test, a date that then exists, an amount that then is Dutch money
notation, a key word that then is the word (and was no word before).

OCR confuses O/0, l/1/I, S/5, B/8 and Z/2, and a comma with a period. Every
repair swaps characters one for one, so the text keeps its length and every
offset (words, pages, spans) stays valid. Runs on OCR'd pages only, before the
Document is made (read_pages); the changed spans are kept on it as `repairs`.
"""

from __future__ import annotations

import re
import tomllib
from datetime import date
from functools import lru_cache

from stdnum import iban as stdnum_iban
from stdnum.nl import bsn as stdnum_bsn

from ... import DATA_DIR
from ...nl import MONTH_NUMBERS as MONTHS
from ...nl import WEEKDAYS
from .quality import is_real_word

TO_DIGIT = str.maketrans({"O": "0", "o": "0", "D": "0", "I": "1", "l": "1", "|": "1", "i": "1",
                          "S": "5", "s": "5", "B": "8", "Z": "2", "z": "2", "G": "6", "b": "6"})
TO_LETTER = str.maketrans({"0": "O", "1": "I", "5": "S", "8": "B", "2": "Z", "6": "G"})
DIGITISH = "0-9OoDIl|iSsBZzGb"

IBAN = re.compile(rf"(?<![A-Za-z0-9])([A-Z]{{2}})([{DIGITISH}]{{2}})( ?)([A-Z0-9]{{4}})"
                  rf"((?: ?[{DIGITISH}]){{10}})(?![0-9])")
BSN_LABEL = re.compile(r"\b(?:BSN|burgerservicenummer|sofinummer)\b", re.IGNORECASE)
NINE = re.compile(rf"(?<![\w.])([{DIGITISH}](?:[. ]?[{DIGITISH}]){{8}})(?![\w])")
NUMERIC_DATE = re.compile(rf"(?<![\w.,/-])([{DIGITISH}]{{1,2}})([-/.])([{DIGITISH}]{{1,2}})\2"
                          rf"([{DIGITISH}]{{4}})(?![\w])")
MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
NAMED_DATE = re.compile(rf"(?<![\w])([{DIGITISH}]{{1,2}})(\s+(?:{MONTH_NAMES})\.?\s+)"
                        rf"([{DIGITISH}]{{4}})(?![\w])", re.IGNORECASE)
# In an amount a slash is a misread 7 ("€148./5"); in a date it is a separator.
MONEY = re.compile(rf"(€|EUR|[ECe£©](?= ?[0-9]))( ?)([{DIGITISH}][{DIGITISH}/.,]*-?)")
# Money as letters write it: "1.234,56", "95,-", "4.312"; and "612.40" from tables.
VALID_AMOUNT = re.compile(r"\d{1,3}(?:\.\d{3})*(?:,(?:\d{2}|-))?|\d+(?:,(?:\d{2}|-))?|\d+\.\d{2}")


def digits(text: str) -> str:
    return text.translate(TO_DIGIT)


def repair_iban(m: re.Match) -> str | None:
    country, check, space, bank, account = m.groups()
    fixed = country + digits(check) + space + bank.translate(TO_LETTER) + digits(account)
    compact = fixed.replace(" ", "")
    if stdnum_iban.is_valid(compact) and not stdnum_iban.is_valid(m.group().replace(" ", "")):
        return fixed
    return None


def repair_bsn(text: str, m: re.Match) -> str | None:
    if not BSN_LABEL.search(text[max(0, m.start() - 40):m.start()]):
        return None
    fixed = digits(m.group(1))
    if fixed != m.group(1) and stdnum_bsn.is_valid(re.sub(r"\D", "", fixed)):
        return fixed
    return None


def real_date(day: str, month: int, year: str) -> bool:
    try:
        return 1900 <= int(year) <= 2099 and bool(date(int(year), month, int(day)))
    except ValueError:
        return False


def repair_numeric_date(m: re.Match) -> str | None:
    day, sep, month, year = m.groups()
    fixed = [digits(part) for part in (day, month, year)]
    if not all(part.isdigit() for part in fixed) or m.group() == sep.join(fixed):
        return None
    return sep.join(fixed) if real_date(fixed[0], int(fixed[1]), fixed[2]) else None


def repair_named_date(m: re.Match) -> str | None:
    day, middle, year = m.groups()
    fixed_day, fixed_year = digits(day), digits(year)
    if (day, year) == (fixed_day, fixed_year) or not (fixed_day + fixed_year).isdigit():
        return None
    month = MONTHS[middle.strip().rstrip(".").lower()]
    return fixed_day + middle + fixed_year if real_date(fixed_day, month, fixed_year) else None


def repair_amount(m: re.Match) -> str | None:
    """Letters in the number become digits and separators become Dutch
    notation, only when the amount as read is no valid notation at all and
    the repaired one is: "l.234,S6" -> "1.234,56", "1.234.56" -> "1.234,56",
    "95.-" -> "95,-", "4,312" -> "4.312"."""
    sign, space, number = m.groups()
    euro_sign = sign in ("€", "EUR")
    if euro_sign and VALID_AMOUNT.fullmatch(number):
        return None
    fixed = digits(number).replace("/", "7")
    if VALID_AMOUNT.fullmatch(fixed):
        return ("€" if not euro_sign else sign) + space + fixed if euro_sign or "," in fixed \
            else None
    separators = [i for i, ch in enumerate(fixed) if ch in ".,"]
    if separators:
        tail = fixed[separators[-1] + 1:]
        chars = list(fixed)
        for i in separators:
            chars[i] = "."
        if re.fullmatch(r"\d{2}|-", tail):
            chars[separators[-1]] = ","
        fixed = "".join(chars)
    if not VALID_AMOUNT.fullmatch(fixed) or (not euro_sign and "," not in fixed):
        return None
    # "E 95,00": the euro sign read as a letter; the cents prove it is money.
    return ("€" if not euro_sign else sign) + space + fixed


@lru_cache(maxsize=1)
def key_words() -> dict[str, str]:
    """Words the analysis looks for, by their confusion-free shape."""
    words = set(MONTHS) | set(WEEKDAYS) | {
        "uiterlijk", "binnen", "betalen", "betaal", "bezwaar", "dagtekening", "datum",
        "kenmerk", "betalingskenmerk", "totaal", "termijn", "euro", "bedrag", "weken",
        "dagen", "IBAN", "BSN", "CJIB", "DUO", "UWV", "SVB", "CAK", "Belastingdienst",
    }
    words |= set(one_word_senders())
    return {shape(w): w for w in words if len(w) >= 3}


def one_word_senders() -> list[str]:
    """Senders' names of one word ("Belastingdienst") from data/senders.toml."""
    with (DATA_DIR / "senders.toml").open("rb") as handle:
        names = [rule["name"] for rule in tomllib.load(handle)["sender"]]
    return [name for name in names if len(name.split()) == 1]


def shape(word: str) -> str:
    return word.lower().translate(str.maketrans("0o1il|5s8b2z", "oo11115588zz"))


def repair_word(m: re.Match) -> str | None:
    word = m.group()
    known = key_words().get(shape(word))
    if not known or known == word or is_real_word(word):
        return None
    if known.islower() and word[0].isupper():
        known = known[0].upper() + known[1:]
    return known if len(known) == len(word) else None


WORD = re.compile(r"[^\W_]{3,}")


def repair_text(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The text with proven repairs, and the spans that were changed."""
    chars = list(text)
    changed: list[tuple[int, int]] = []
    passes = [
        (IBAN, repair_iban), (NUMERIC_DATE, repair_numeric_date),
        (NAMED_DATE, repair_named_date), (MONEY, repair_amount), (WORD, repair_word),
    ]
    for pattern, repair in passes:
        current = "".join(chars)
        for m in pattern.finditer(current):
            fixed = repair(m)
            if fixed and len(fixed) == len(m.group()) and fixed != m.group():
                chars[m.start():m.end()] = fixed
                changed.append((m.start(), m.end()))
    current = "".join(chars)
    for m in NINE.finditer(current):
        fixed = repair_bsn(current, m)
        if fixed and len(fixed) == len(m.group(1)):
            chars[m.start(1):m.end(1)] = fixed
            changed.append((m.start(1), m.end(1)))
    return "".join(chars), sorted(changed)

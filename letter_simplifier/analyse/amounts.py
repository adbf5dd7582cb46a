"""Money in Dutch notation and what it is for.

Dutch letters write "€ 1.234,56", "€ 95,-", "EUR 1.050,00" and "1.234 euro";
tables exported from other systems sometimes use "€1234.56". The role (to pay,
to receive, debt, fine, surcharge, benefit) comes from the words around it:
every role rule is in data/amount_roles.toml.
"""

from __future__ import annotations

import bisect
import re

from ..model import Amount, Document, Role, Sentence, Span
from . import rules

NUMBER = (r"\d{1,3}(?:[.\u00a0 ]\d{3})+(?:,(?:\d{2}|-{1,2}|=))?(?!\d|[.,]\d)"
          r"|\d+\.\d{2}(?!\d|[.,]\d)"
          r"|\d+(?:,(?:\d{2}|-{1,2}|=))?(?!\d|[.,]\d)")
MONEY = re.compile(
    rf"(?:(?P<pre>€|EUR\b|euro\b)\s?(?P<n1>{NUMBER})|(?P<n2>{NUMBER})\s?(?P<post>euro\b|EUR\b))",
    re.IGNORECASE,
)
# Cells of a table row: apart by a tab or three spaces or more.
TABLE_GAP = re.compile(r"\S(?:\t| {3,})\S")


def parse_number(raw: str) -> float | None:
    raw = raw.replace(" ", "").rstrip("-=").rstrip(",")
    if re.fullmatch(r"\d+\.\d{2}", raw):
        # "1234.56": a decimal point, as in tables from English-language systems.
        return float(raw)
    raw = raw.replace(".", "").replace(",", ".")
    try:
        return float(raw)
    except ValueError:
        return None


def sentence_at(sentences: list[Sentence], offset: int) -> Sentence | None:
    index = sentence_index(sentences, offset)
    return sentences[index] if index is not None else None


def sentence_index(sentences: list[Sentence], offset: int) -> int | None:
    starts = [s.span.start for s in sentences]
    index = bisect.bisect_right(starts, offset) - 1
    if index >= 0 and offset < sentences[index].span.end:
        return index
    return None


def find_amounts(document: Document, sentences: list[Sentence]) -> list[Amount]:
    amounts: list[Amount] = []
    seen: set[tuple[float, str]] = set()
    for m in MONEY.finditer(document.text):
        value = parse_number(m["n1"] or m["n2"])
        if value is None:
            continue
        index = sentence_index(sentences, m.start())
        role: Role = "other"
        label = ""
        if index is not None:
            role, label = classify(sentences, index, m.start())
        # The same amount in the same role is one fact, however often it is repeated.
        if (round(value, 2), role) in seen:
            continue
        seen.add((round(value, 2), role))
        amounts.append(Amount(
            value=round(value, 2), currency="EUR", role=role, text=m.group().strip(),
            span=Span(m.start(), m.end(), document.page_at(m.start())), label=label,
        ))
    return amounts


def classify(sentences: list[Sentence], index: int, start: int) -> tuple[Role, str]:
    """Role from the nearest role words in the amount's sentence or table row."""
    sentence = sentences[index]
    text, position = sentence.text, start - sentence.span.start
    context = rules.amount_context()
    if context.threshold_before.search(text[:position]) or context.threshold_after.match(
            after_amount(text, position)):
        return "other", "drempel"
    if is_table_row(text):
        return classify_row(sentences, index, position)
    found = rules.nearest_label(rules.amount_roles(), text, position, after_weight=1.6)
    if found:
        # "Wij verzoeken u het totaalbedrag van € 151,50 te betalen": the total is
        # what the reader is asked to pay now.
        if found[0] == "debt_total" and asks_payment(text):
            return "to_pay", found[1]
        return found
    # "Dat is ongeveer € 2.322,25 per maand": the amount refers back to what came before.
    if context.refers_back.match(text):
        for before in reversed(sentences[max(0, index - 4):index]):
            found = rules.nearest_label(rules.amount_roles(), before.text, len(before.text))
            if found:
                return found
    return "other", ""


def asks_payment(text: str) -> bool:
    return any(d.search(text) for d in rules.directives()) and bool(
        rules.nearest_label(tuple(v for v in rules.action_verbs() if v.label == "betalen"),
                            text, 0))


def after_amount(text: str, position: int) -> str:
    m = MONEY.match(text, position)
    return text[m.end():] if m else text[position:]


def classify_row(sentences: list[Sentence], index: int, position: int) -> tuple[Role, str]:
    """A table row: its own label words count, but nouns that only name a thing
    (premie, lening, huur) make it a line of the table, not the amount to pay.
    Rows without a label take the table's topic (its header or caption)."""
    text = sentences[index].text
    topic = table_topic(sentences, index)
    found = rules.nearest_label(rules.amount_roles(), text, position, after_weight=1.6)
    context = rules.amount_context()
    if found and context.debt_row_label.fullmatch(found[1]):
        return "debt_total", found[1]
    if found and found[0] in context.row_roles and not context.weak_row_label.fullmatch(
            found[1]):
        if topic == "benefit" and found[0] == "debt_total":
            return "benefit", found[1]
        return found
    return ("benefit", "tabel") if topic == "benefit" else ("other", "")


def table_topic(sentences: list[Sentence], index: int) -> str | None:
    """"debt" or "benefit" from the rows above and the caption before the table."""
    captions, context = 0, rules.amount_context()
    for sentence in reversed(sentences[max(0, index - 12):index]):
        if context.debt_topic.search(sentence.text):
            return "debt"
        if context.benefit_topic.search(sentence.text):
            return "benefit"
        if not is_table_row(sentence.text):
            captions += 1
            if captions == 2:
                break
    return None


def is_table_row(text: str) -> bool:
    return bool(TABLE_GAP.search(text)) and "\n" not in text.strip()


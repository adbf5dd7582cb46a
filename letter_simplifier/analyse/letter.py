"""Letter-level facts: the letter date (dagtekening), the sender and the kind."""

from __future__ import annotations

import re
from datetime import date

from ..model import Document, Sender
from . import rules
from .dates import DateMention

# The labels of the letter date, and the place line before it, are in
# data/letter_head.toml.
HEAD_FRACTION = 0.35


def find_letter_date(document: Document, dates: list[DateMention]) -> date | None:
    text = document.text
    for mention in dates:
        before = text[max(0, mention.start - 40):mention.start]
        line = before.split("\n")[-1] if "\n" in before else before
        if rules.letter_date_label().search(line) or rules.place_line().search(line):
            return mention.value
    head_end = document.pages[0].start + int((document.pages[0].end - document.pages[0].start)
                                             * HEAD_FRACTION)
    for mention in dates:
        if mention.start > head_end:
            break
        before = text[max(0, mention.start - 25):mention.start]
        if mention.has_year and not rules.not_letter_date().search(before):
            return mention.value
    return None


def page_head(document: Document, page) -> str:
    """The top of a page: its first third (at least 600 characters), and never
    past the salutation ("Geachte ..."): the body starts there."""
    top = document.text[page.start:page.start + max(600, (page.end - page.start) // 3)]
    salutation = rules.salutation().search(top)
    return top[:salutation.start()] if salutation else top


def head(document: Document) -> str:
    """The letter head: the top of the page with the most signs of a letter head
    (Datum, Betreft, Geachte, kenmerk ...), so photos sent in another order give
    the same head; at a tie, the first page."""
    def signs(page) -> int:
        return len({m.lower() for m in rules.letter_signs().findall(page_head(document, page))})

    best = max(document.pages, key=lambda page: (signs(page), -page.number))
    return page_head(document, best)


# The signature block: at most this many characters after the last closing.
SIGNATURE_CHARS = 800
# Closings this close together are one signature block.
CLOSING_GAP = 300


def signature(document: Document) -> str:
    """The text from the letter's last closing ("Met vriendelijke groet"), or
    from the closing just before it, so that "namens deze" under the name of
    the body does not cut the name off."""
    closings = list(rules.closing().finditer(document.text))
    if not closings:
        return ""
    start = closings[-1].start()
    for earlier in reversed(closings[:-1]):
        if start - earlier.end() > CLOSING_GAP:
            break
        start = earlier.start()
    return document.text[start:start + SIGNATURE_CHARS]


def sender_in(text: str) -> Sender | None:
    """The sender whose pattern matches first in `text` (by position; at the
    same place, the order of senders.toml)."""
    best: tuple[int, int, Sender] | None = None
    for order, rule in enumerate(rules.senders()):
        m = rule.pattern.search(text)
        if m and (best is None or (m.start(), order) < best[:2]):
            name = rule.name.replace("{1}", m.group(1).strip() if m.groups() else "")
            best = (m.start(), order, Sender(" ".join(name.split()), rule.kind))
    return best[2] if best else None


def find_sender(document: Document) -> Sender:
    """From the e-mail's From name, the letter head, or the signature block; an
    organisation the body only mentions never wins. Without any of those: the
    first line of the letter when it looks like a name, else no name (the
    sheet then says "de afzender")."""
    letter_head = head(document)
    mail = rules.email_from().search(letter_head)
    if mail:
        name = " ".join(mail.group(1).split())
        return sender_in(name) or Sender(name, "other")
    for region in (letter_head, signature(document)):
        found = sender_in(region)
        if found:
            return found
    first_line = next((line.strip() for line in document.text.splitlines() if line.strip()), "")
    looks_like_name = (len(first_line) <= 60 and not re.search(r"[\d@:<>€]", first_line)
                       and not rules.addressee().match(first_line))
    return Sender(first_line if looks_like_name else "", "other")


def subject_line(text: str) -> str:
    m = rules.subject_line().search(text)
    return m.group(1) if m else ""


def find_letter_kind(document: Document) -> str:
    """The subject line decides (in the order of letter_kinds.toml); without a
    match there, the kind the letter names most often. A generic kind
    ("beslissing") only when no specific kind matches anywhere."""
    subject = subject_line(document.text)
    for generic in (False, True):
        candidates = [rule for rule in rules.letter_kinds() if rule.generic == generic]
        for rule in candidates:
            if subject and rule.pattern.search(subject):
                return rule.kind
        counts = [(len(rule.pattern.findall(document.text)), -order, rule.kind)
                  for order, rule in enumerate(candidates)]
        best = max(counts, default=(0, 0, ""))
        if best[0]:
            return best[2]
    return "overig"

"""The typed values that flow between stages (see DESIGN.md, "The way through").

ingest -> Document; analyse -> Analysis; explain -> Explanation. Each finding
keeps where it came from (page and character span in `Document.text`) so a
surface can point at the spot in the letter.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from typing import Literal, get_args

# The closed vocabularies of the contract (DESIGN.md). Data files are checked
# against them (tests/test_rules_data.py), and so are the annotations.
# "docx" only for drafts in the readability check, never for a letter.
Method = Literal["text-layer", "ocr", "plain-text", "docx"]
SenderKind = Literal["gemeente", "belastingdienst", "toeslagen", "cjib", "duo", "uwv", "svb",
                     "cak", "deurwaarder", "incasso", "zorgverzekeraar", "woningcorporatie",
                     "other"]
# What the reader must do; a deadline is for one of these too (the contract's "for").
Verb = Literal["betalen", "bezwaar_maken", "gegevens_sturen", "afspraak", "formulier_invullen",
               "wijziging_doorgeven", "contact_opnemen", "other"]
Role = Literal["to_pay", "to_receive", "debt_total", "fine", "surcharge", "benefit", "other"]
ReferenceKind = Literal["kenmerk", "betalingskenmerk", "iban", "dossiernummer", "bsn", "other"]
ObjectionHow = Literal["online", "letter", ""]
UnsureKind = Literal["amount", "date", "reference"]

METHODS: tuple[Method, ...] = get_args(Method)
SENDER_KINDS: tuple[SenderKind, ...] = get_args(SenderKind)
VERBS: tuple[Verb, ...] = get_args(Verb)
ROLES: tuple[Role, ...] = get_args(Role)
REFERENCE_KINDS: tuple[ReferenceKind, ...] = get_args(ReferenceKind)


@dataclass(frozen=True)
class Word:
    """One word as read from the page; offsets index `Document.text`."""

    text: str
    page: int
    start: int
    end: int
    # Box from the page's top-left corner: PDF points for a text layer, pixels of
    # the prepared page image for OCR; None for plain text.
    x0: float | None = None
    top: float | None = None
    x1: float | None = None
    bottom: float | None = None
    confidence: float | None = None  # 0..1, OCR only


@dataclass(frozen=True)
class PageImage:
    """The picture an OCR'd page was read from, kept in memory only, so a sheet
    can show the spot of an unsure amount or date."""

    data: bytes  # the uploaded image file, or the scanned PDF
    media_type: str
    frame: int  # which frame of a TIFF, which page of a PDF (0-based)
    # 3x3 row-major: (x, y, 1) of a Word box -> pixel of the image at full size
    # (after its EXIF turn); for a PDF, -> PDF points.
    to_source: tuple[float, ...]


@dataclass(frozen=True)
class Page:
    number: int  # 1-based
    start: int  # offset of the page's first character in Document.text
    end: int
    width: float | None = None
    height: float | None = None


@dataclass(frozen=True)
class Document:
    """A letter as text with its layout, independent of how it was read."""

    filename: str
    media_type: str  # "application/pdf", "text/plain", "image/jpeg", ...
    method: Method
    text: str
    pages: list[Page]
    words: list[Word] = field(default_factory=list)
    original: bytes = b""
    ocr_confidence: float | None = None
    page_images: list[PageImage] = field(default_factory=list)  # OCR: one per page
    # OCR: the spans of `text` that ingest repaired (ingest/ocr/repair.py).
    repairs: tuple[tuple[int, int], ...] = ()

    def page_at(self, offset: int) -> int:
        """The 1-based page number that holds character `offset`."""
        starts = [p.start for p in self.pages]
        index = bisect.bisect_right(starts, offset) - 1
        return self.pages[max(index, 0)].number


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    page: int


@dataclass(frozen=True)
class Sentence:
    text: str
    span: Span


@dataclass(frozen=True)
class Sender:
    name: str
    kind: SenderKind


@dataclass(frozen=True)
class Deadline:
    date: dt.date | None
    last_day: dt.date | None
    text: str
    verb: Verb  # what the term is for: the action it belongs to (contract: "for")
    rule: str
    span: Span
    depends_on_receipt: bool = False
    on_non_working_day: bool = False
    extended_from: dt.date | None = None
    # A term whose start has no date in the letter: what it counts from
    # ("ontvangst", "wijziging", "aanvraag", ...); date and last_day are then None.
    depends_on: str | None = None
    term: str = ""  # the term in plain words for the sheet: "14 dagen"
    immediate: bool = False  # "zo snel mogelijk", "direct": no date, act now
    # A last day to act by. False for a start or an about-date ("met ingang van",
    # "omstreeks", a bare date): it never becomes a to-do's "uiterlijk".
    limit: bool = True
    # The day the reader says the letter arrived, when the term counts from it.
    received: dt.date | None = None


@dataclass(frozen=True)
class Amount:
    value: float
    currency: str
    role: Role
    text: str
    span: Span
    label: str = ""  # the words that gave the role, e.g. "verhoging"


@dataclass(frozen=True)
class Action:
    verb: Verb
    text: str  # the sentence in the letter
    deadline: dt.date | None
    span: Span
    immediate: bool = False


@dataclass(frozen=True)
class Reference:
    kind: ReferenceKind
    text: str  # normalised; a BSN is masked here already
    valid: bool | None
    span: Span
    label: str = ""


@dataclass(frozen=True)
class TermHit:
    term: str
    found: str
    plain: str
    alternative: str
    span: Span  # the first place in the letter
    spans: tuple[Span, ...] = ()  # every place, the first among them


@dataclass(frozen=True)
class Objection:
    possible: bool
    deadline: dt.date | None
    how: ObjectionHow  # how the letter lets you object; "" when it is not possible


@dataclass(frozen=True)
class Notice:
    """Something the reader must be told, found by the analysis: a code with the
    values its sentence needs. explain writes the sentence (data/wording.toml)."""

    code: str  # no_letter_date | depends_on_receipt | low_ocr_confidence
    values: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class SheetWarning:
    """A "Let op:" line of the sheet: the notice's code and its sentence."""

    code: str
    message: str


@dataclass(frozen=True)
class Analysis:
    document: Document
    sentences: list[Sentence]
    sender: Sender
    letter_kind: str
    letter_date: dt.date | None
    deadlines: list[Deadline]
    amounts: list[Amount]
    actions: list[Action]
    references: list[Reference]
    objection: Objection
    terms: list[TermHit]
    warnings: list[Notice]
    # OCR: amounts, dates and numbers that were read with low confidence or repaired.
    unsure: list[Unsure] = field(default_factory=list)


@dataclass(frozen=True)
class Unsure:
    kind: UnsureKind
    text: str  # as read (a BSN masked)
    span: Span
    confidence: float | None
    repaired: bool = False
    value: object = None  # the Amount.value, the date, or the Reference.text


@dataclass(frozen=True)
class SpotCheck:
    """'Controleer dit in de brief' beside a line of the sheet, with the spot."""

    message: str
    page: int
    span: Span | None = None  # where in the letter; render cuts it out (render/crop.py)
    image: str | None = None  # data: URI of a PNG crop of the original, set by render


@dataclass(frozen=True)
class Todo:
    plain: str
    verb: Verb
    deadline: dt.date | None
    days_left: int | None
    immediate: bool = False
    check: SpotCheck | None = None
    basis: str = ""  # how the date was counted, when the reader gave the arrival day


@dataclass(frozen=True)
class MoneyLine:
    label: str
    amount: str  # formatted "€ 1.234,56"
    value: float
    role: Role
    check: SpotCheck | None = None


@dataclass(frozen=True)
class Explanation:
    """The sheet model: everything the sheet says, already in plain Dutch."""

    title: str
    sender: Sender
    letter_date: dt.date | None
    today: dt.date
    summary: list[str]
    todos: list[Todo]
    money: list[MoneyLine]
    objection_lines: list[str]
    terms: list[TermHit]  # the few the sheet explains, most useful first
    references: list[Reference]
    help_lines: list[str]
    warnings: list[SheetWarning]
    disclaimer: str
    # The other hard words: folded on the web page, not on the printed sheet.
    more_terms: list[TermHit] = field(default_factory=list)

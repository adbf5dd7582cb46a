"""Stage 4: Explanation in, HTML or PDF out.

HTML comes from Jinja2 templates (templates/); the PDF is that HTML through
WeasyPrint, followed by the original letter's pages (pypdf). A letter that came
as text is typeset as A4 pages first, so the mentor prints sheet + letter.
"""

from __future__ import annotations

import dataclasses
import io
import logging
import re
from functools import lru_cache

import pypdf
from jinja2 import Environment, FileSystemLoader, select_autoescape

from .. import TEMPLATES_DIR
from ..explain import days_left_text
from ..explain.wording import say, table
from ..model import Document, Explanation
from ..nl import long_date, short_date

# WeasyPrint and fontTools log every font subset at INFO/DEBUG.
for noisy in ("weasyprint", "fontTools", "pypdf"):
    logging.getLogger(noisy).setLevel(logging.ERROR)


def template_globals() -> dict:
    """What the sheet templates call; the web app's Jinja environment gets it too."""
    return {"long_date": long_date, "short_date": short_date,
            "days_left_text": days_left_text, "reference_labels": table("reference"),
            "say": say}


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES_DIR)),
                      autoescape=select_autoescape(["html"]))
    env.globals.update(template_globals())
    return env


@lru_cache(maxsize=1)
def sheet_css() -> str:
    return (TEMPLATES_DIR / "sheet.css").read_text(encoding="utf-8")


def render_html(explanation: Explanation, *, hidden_terms: int = 0) -> str:
    return environment().get_template("sheet.html").render(
        sheet=explanation, css=sheet_css(), hidden_terms=hidden_terms)


def html_document(html: str):
    from weasyprint import HTML  # heavy import: only when a PDF is made

    return HTML(string=html, base_url=str(TEMPLATES_DIR)).render()


def html_to_pdf(html: str) -> bytes:
    return html_document(html).write_pdf()


def render_sheet_pdf(explanation: Explanation) -> bytes:
    """The sheet on one A4 page: when the hard words do not fit, the printed sheet
    keeps as many as fit (the hardest come first) and says there are more.
    The number that fits is found by bisection: a few renders, not one per word."""
    rendered = html_document(render_html(explanation))
    terms = explanation.terms
    if len(rendered.pages) == 1 or not terms:
        return rendered.write_pdf()

    def with_terms(count: int):
        shorter = dataclasses.replace(explanation, terms=terms[:count])
        return html_document(render_html(shorter, hidden_terms=len(terms) - count))

    low, high = 0, len(terms) - 1  # `low` terms fit (or nothing does); `high + 1` do not
    best = with_terms(0)
    while low < high:
        middle = (low + high + 1) // 2
        candidate = with_terms(middle)
        if len(candidate.pages) == 1:
            low, best = middle, candidate
        else:
            high = middle - 1
    return best.write_pdf()


def typeset_text(text: str, filename: str = "brief") -> bytes:
    """A plain-text letter as A4 pages (a form feed starts a new page)."""
    pages = [[p.strip("\n") for p in re.split(r"\n\s*\n", page) if p.strip()]
             for page in text.split("\f")]
    html = environment().get_template("letter.html").render(pages=pages, filename=filename)
    return html_to_pdf(html)


def original_pdf(document: Document) -> bytes:
    """The letter as the user sent it: the PDF itself, the photos as A4 pages, or
    a text letter typeset."""
    if document.media_type == "application/pdf":
        return document.original
    if document.page_images:
        return photos_pdf(document)
    return typeset_text(document.text, document.filename)


# A photo page is stored at most this many pixels high: sharp on paper, small as a file.
PHOTO_PAGE_PIXELS = 2400
A4_WIDTH_INCH, A4_HEIGHT_INCH = 8.27, 11.69


def photos_pdf(document: Document) -> bytes:
    """Each photo (EXIF turn applied) as one page that fits on A4."""
    from PIL import Image

    from ..ingest.ocr.images import full_size

    pages = []
    for source in document.page_images:
        image = Image.fromarray(full_size(source.data, source.frame))
        image.thumbnail((PHOTO_PAGE_PIXELS, PHOTO_PAGE_PIXELS))
        pages.append(image.convert("RGB"))
    # The resolution that makes the larger side fill A4.
    dpi = max(max(p.width / A4_WIDTH_INCH, p.height / A4_HEIGHT_INCH) for p in pages)
    out = io.BytesIO()
    pages[0].save(out, "PDF", save_all=True, append_images=pages[1:], resolution=dpi,
                  quality=80)
    return out.getvalue()


def render_pdf(explanation: Explanation, document: Document) -> bytes:
    """The sheet first, then every page of the original letter."""
    writer = pypdf.PdfWriter()
    for part in (render_sheet_pdf(explanation), original_pdf(document)):
        writer.append(pypdf.PdfReader(io.BytesIO(part)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()

"""Cut the spot of a finding out of the original photo or scan, for the sheet's
"Controleer dit in de brief". The Word boxes are in the prepared page's
pixels; each page keeps the matrix back to the original (PageImage.to_source),
so the crop shows the letter as the person photographed it, made straight."""

from __future__ import annotations

import base64
import dataclasses
from functools import lru_cache

import cv2
import numpy as np
import pypdfium2 as pdfium

from ..ingest.ocr.images import full_size
from ..model import Document, Explanation, PageImage, Span, SpotCheck, Word

# The finding's line is this many pixels high in the crop; the crop is at most this wide.
LINE_PIXELS = 28
MAX_WIDTH = 640
PDF_DPI = 150
Box = tuple[float, float, float, float]  # x0, top, x1, bottom


@lru_cache(maxsize=4)
def source_pixels(data: bytes, media_type: str, frame: int) -> tuple[np.ndarray, float]:
    """The original page at full size (RGB) and its pixels per unit of to_source."""
    if media_type == "application/pdf":
        document = pdfium.PdfDocument(data)
        try:
            image = document[frame].render(scale=PDF_DPI / 72).to_pil().convert("RGB")
        finally:
            document.close()
        return np.asarray(image), PDF_DPI / 72
    return full_size(data, frame), 1.0


def crop(page: PageImage, box: Box) -> bytes:
    """PNG of `box` (x0, top, x1, bottom in Word-box pixels) from the original."""
    pixels, per_unit = source_pixels(page.data, page.media_type, page.frame)
    x0, top, x1, bottom = box
    line = max(bottom - top, 1.0)
    # Some room around the finding, so the reader can find it on the page.
    x0, x1 = x0 - 4 * line, x1 + 4 * line
    top, bottom = top - 1.5 * line, bottom + 1.5 * line
    zoom = min(LINE_PIXELS / line, MAX_WIDTH / (x1 - x0))
    size = (max(1, int((x1 - x0) * zoom)), max(1, int((bottom - top) * zoom)))
    # Crop pixel -> Word-box pixel -> original pixel.
    to_box = np.array([[1 / zoom, 0, x0], [0, 1 / zoom, top], [0, 0, 1]])
    matrix = np.diag([per_unit, per_unit, 1.0]) @ np.array(page.to_source).reshape(3, 3) @ to_box
    out = cv2.warpPerspective(pixels, matrix, size, flags=cv2.INTER_AREA | cv2.WARP_INVERSE_MAP,
                              borderMode=cv2.BORDER_CONSTANT, borderValue=(255, 255, 255))
    ok, png = cv2.imencode(".png", cv2.cvtColor(out, cv2.COLOR_RGB2BGR))
    return png.tobytes() if ok else b""


def word_box(word: Word) -> Box | None:
    """The word's box on its page; None for plain text, which has none."""
    if word.x0 is None or word.top is None or word.x1 is None or word.bottom is None:
        return None
    return word.x0, word.top, word.x1, word.bottom


def spot_image(document: Document, span: Span) -> str | None:
    """A data: URI (PNG) of where `span` is on the original page, or None."""
    boxes = [(w.page, box) for w in document.words
             if w.start < span.end and span.start < w.end and (box := word_box(w))]
    if not boxes or not document.page_images:
        return None
    page = boxes[0][0]
    on_page = [box for p, box in boxes if p == page]
    if page > len(document.page_images):
        return None
    outline = (min(b[0] for b in on_page), min(b[1] for b in on_page),
               max(b[2] for b in on_page), max(b[3] for b in on_page))
    png = crop(document.page_images[page - 1], outline)
    return "data:image/png;base64," + base64.b64encode(png).decode() if png else None


def with_crops(explanation: Explanation, document: Document) -> Explanation:
    """The sheet with the spot of every "Controleer dit" cut out of the original."""
    if not document.page_images:
        return explanation
    images: dict[tuple[int, int], str | None] = {}

    def cropped(check: SpotCheck | None) -> SpotCheck | None:
        if check is None or check.span is None or check.image:
            return check
        key = (check.span.start, check.span.end)
        if key not in images:
            images[key] = spot_image(document, check.span)
        return dataclasses.replace(check, image=images[key])

    return dataclasses.replace(
        explanation,
        todos=[dataclasses.replace(t, check=cropped(t.check)) for t in explanation.todos],
        money=[dataclasses.replace(m, check=cropped(m.check)) for m in explanation.money])

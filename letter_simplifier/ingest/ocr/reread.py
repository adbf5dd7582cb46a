"""Read unsure numbers once more, twice as big and on their own.

Tesseract sometimes drops the period from "€612.40" or reads a 0 as O in a
tight table cell, and then says so with a low confidence. Those words (the
amounts, dates and account numbers the sheet is about) are cut out, enlarged
and read again in one extra Tesseract call per page, stacked one per line.
The second reading replaces the first only when Tesseract is surer of it and
it has as many digits.
"""

from __future__ import annotations

from dataclasses import replace

import cv2
import numpy as np

from . import tesseract
from .tesseract import OcrWord

REREAD_BELOW = 0.65
MAX_WORDS = 12
SCALE = 2.0
# The second reading must be this much surer than the first.
MIN_GAIN = 0.05


def same_digit_count(new: str, old: str) -> bool:
    """The second reading is for separators and look-alike letters ("1O26").
    One with more or fewer digits ("9999900056" -> "999990056") is another
    misreading, not a better one."""
    count = sum(ch.isdigit() for ch in new)
    return count > 0 and count == sum(ch.isdigit() or ch in "OoIlSBZ" for ch in old)


def unsure_numbers(words: list[OcrWord]) -> list[int]:
    picks = [i for i, w in enumerate(words)
             if w.confidence < REREAD_BELOW and sum(ch.isdigit() for ch in w.text) >= 3]
    return sorted(picks, key=lambda i: words[i].confidence)[:MAX_WORDS]


def reread(grey: np.ndarray, words: list[OcrWord]) -> list[OcrWord]:
    picks = unsure_numbers(words)
    if not picks:
        return words
    crops = []
    for i in picks:
        word = words[i]
        pad = int(0.6 * word.height) + 2
        crop = grey[max(0, word.top - pad):word.top + word.height + pad,
                    max(0, word.left - pad):word.left + word.width + pad]
        crops.append(cv2.resize(crop, None, fx=SCALE, fy=SCALE, interpolation=cv2.INTER_CUBIC))
    gap = max(c.shape[0] for c in crops)
    canvas = np.full((sum(c.shape[0] for c in crops) + gap * (len(crops) + 1),
                      max(c.shape[1] for c in crops) + 2 * gap), 255, np.uint8)
    bands = []
    y = gap
    for crop in crops:
        canvas[y:y + crop.shape[0], gap:gap + crop.shape[1]] = crop
        bands.append((y, y + crop.shape[0]))
        y += crop.shape[0] + gap
    second = tesseract.read_words(canvas, psm=6)
    words = list(words)
    for i, (top, bottom) in zip(picks, bands, strict=True):
        found = [w for w in second if top <= w.top + w.height / 2 < bottom]
        if len(found) != 1:
            continue
        new = found[0]
        if (new.text != words[i].text and same_digit_count(new.text, words[i].text)
                and new.confidence >= words[i].confidence + MIN_GAIN):
            words[i] = replace(words[i], text=new.text, confidence=new.confidence)
    return words

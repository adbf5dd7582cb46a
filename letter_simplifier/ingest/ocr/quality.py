"""Is a page readable, and if not, what should the person do about it?

Checks before OCR are only for hopeless photos (black, one colour). After OCR
a page that gives too few real words is unreadable; the message then names
the likely reason, from how dark and how sharp the photo is.
"""

from __future__ import annotations

from functools import lru_cache

import cv2
import numpy as np
from wordfreq import zipf_frequency

from ...errors import NoLetterInPhoto, PhotoBlurred, PhotoTooDark, UnreadablePhoto

# Grey levels (0-255) of the brightest tenth of the photo: paper in normal light
# is 150 or more; below this it is too dark to read.
DARK_PAPER = 90
# Edge steepness (see sharpness()). Measured on the test letter at 220 dpi:
# in focus 268; Gaussian blur of 1, 2, 3, 5, 7 pixels: 192, 106, 57, 20, 13
# (Tesseract still reads 3, not 5); a photo of large shapes: 65.
BLURRED = 40.0
# A page with fewer real words than this has nothing we can explain (the
# last page of a letter may hold no more than a greeting and a name).
MIN_PAGE_WORDS = 3
# Share of words that must be real words (Dutch or English) before we trust a read.
MIN_REAL_SHARE = 0.5
MIN_CONFIDENCE = 0.6


def paper_brightness(grey: np.ndarray) -> float:
    return float(np.percentile(grey[::4, ::4], 90))


def sharpness(grey: np.ndarray) -> float:
    """How steep the steepest edges are, for the contrast the photo has: the
    strongest Laplacian responses (1000 pixels wide) per grey level of
    contrast. Print in focus scores far above BLURRED, a blurred page far
    below; a picture of large flat shapes still has sharp edges."""
    factor = 1000 / max(grey.shape)
    small = cv2.resize(grey, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
    response = np.abs(cv2.Laplacian(small, cv2.CV_32F))
    contrast = float(np.percentile(small, 99) - np.percentile(small, 1))
    return 100 * float(np.percentile(response, 99.9)) / max(contrast, 1.0)


def check_before_ocr(grey: np.ndarray, page: int | None) -> None:
    """Reject what is black or one flat colour before spending seconds on OCR."""
    if paper_brightness(grey) < DARK_PAPER / 2:
        raise with_page(PhotoTooDark, page)
    if float(grey[::4, ::4].std()) < 3:
        raise with_page(NoLetterInPhoto, page)


@lru_cache(maxsize=65536)
def is_real_word(word: str) -> bool:
    letters = "".join(ch for ch in word.lower() if ch.isalpha())
    if len(letters) < 2:
        return False
    return zipf_frequency(letters, "nl") > 1.0 or zipf_frequency(letters, "en") > 2.0


def readable_words(words: list) -> int:
    """Words read with confidence that are real words."""
    return sum(1 for w in words if w.confidence >= MIN_CONFIDENCE and is_real_word(w.text))


def real_share(words: list) -> float:
    alpha = [w for w in words if sum(ch.isalpha() for ch in w.text) >= 2]
    if not alpha:
        return 0.0
    return sum(is_real_word(w.text) for w in alpha) / len(alpha)


def without_noise(words: list) -> list:
    """Drop lines that are no text: the grain of a table, a thumb, a logo. Such a
    line has no word read with confidence and (almost) no real words."""
    lines: dict[tuple, list] = {}
    for word in words:
        lines.setdefault(word.line, []).append(word)
    keep = []
    for line in lines.values():
        if max(w.confidence for w in line) >= MIN_CONFIDENCE or real_share(line) >= 0.5:
            keep.extend(line)
    return keep


def looks_right(words: list) -> bool:
    """A read that looks like text: real words read with confidence (an
    upside-down page or a picture gives letters that form no words; a blurred
    photo gives short words such as "en", but with low confidence)."""
    return readable_words(words) >= MIN_PAGE_WORDS and real_share(words) >= MIN_REAL_SHARE


def unreadable(grey: np.ndarray, page: int | None) -> UnreadablePhoto:
    """The error for a page that gave no text, with the most likely reason."""
    if paper_brightness(grey) < DARK_PAPER:
        return with_page(PhotoTooDark, page)
    if sharpness(grey) < BLURRED:
        return with_page(PhotoBlurred, page)
    return with_page(NoLetterInPhoto, page)


def with_page(kind: type[UnreadablePhoto], page: int | None) -> UnreadablePhoto:
    """The error, naming the photo when the letter came in several photos."""
    if page is None:
        return kind()
    return kind(f"Foto {page}: {kind.message[0].lower()}{kind.message[1:]}")

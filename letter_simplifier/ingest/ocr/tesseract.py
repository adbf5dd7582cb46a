"""The one place that runs Tesseract (through pytesseract).

Everything about the external program lives here: which version we need, that
the Dutch (`nld`) and orientation (`osd`) models are installed, how long a page
may take, and `OMP_THREAD_LIMIT=1`. Tesseract's own OpenMP threads make it
several times slower on a small machine, where we already read the pages of a
letter in parallel, one Tesseract process per core.

pytesseract hands the image to Tesseract through a temporary file that it
deletes when the call returns, so a page is on disk only during its request.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pytesseract
from packaging.version import Version
from PIL import Image

from ...errors import OcrTimeout, OcrUnavailable

log = logging.getLogger(__name__)

# Tesseract reads os.environ when pytesseract starts it; one thread per process.
os.environ["OMP_THREAD_LIMIT"] = "1"

LANGUAGE = "nld"
# LSTM recognition and the TSV word boxes we read need Tesseract 4.1 or newer.
MIN_VERSION = Version("4.1")
# A dense A4 page takes 2-4 s on one core; beyond this something is wrong.
PAGE_TIMEOUT_SECONDS = 60
OSD_TIMEOUT_SECONDS = 30
# Page segmentation mode: 3 is automatic layout without orientation detection
# (we do that apart, and only when the first read looks wrong, because OSD
# costs about a second). The LSTM engine only: the legacy one is slower.
DEFAULT_PSM = 3
# Letters have no white-on-black lines; Tesseract need not try each line inverted.
NO_INVERT = "-c tessedit_do_invert=0"


@dataclass(frozen=True)
class OcrWord:
    text: str
    left: int
    top: int
    width: int
    height: int
    confidence: float  # 0..1
    line: tuple[int, int, int]  # Tesseract's (block, paragraph, line)


@lru_cache(maxsize=1)
def check() -> Version:
    """Fail clearly when Tesseract or its Dutch model is missing; return the version."""
    try:
        version = Version(str(pytesseract.get_tesseract_version()).split()[0])
        languages = set(pytesseract.get_languages(config=""))
    except (pytesseract.TesseractNotFoundError, OSError, ValueError) as error:
        raise OcrUnavailable(detail=f"tesseract not usable: {type(error).__name__}") from None
    if version < MIN_VERSION:
        raise OcrUnavailable(detail=f"tesseract {version} is older than {MIN_VERSION}")
    missing = {LANGUAGE, "osd"} - languages
    if missing:
        raise OcrUnavailable(detail=f"tesseract language data missing: {sorted(missing)}")
    return version


def _image(array: np.ndarray) -> Image.Image:
    image = Image.fromarray(array)
    # pytesseract writes the image to a temporary file in this format.
    # Uncompressed TIFF is written about ten times faster than PNG, and
    # Tesseract (Leptonica) reads it faster than PNG, JPEG or PGM: per A4 page
    # at 300 dpi 1.15 s of Tesseract CPU time against 1.18 (PNG) and 1.23
    # (PGM), the same words. Like PGM and PNG it carries no resolution, so
    # Tesseract estimates it from the letters (BMP would say 96 dpi).
    image.format = "TIFF"
    return image


def read_words(array: np.ndarray, psm: int = DEFAULT_PSM) -> list[OcrWord]:
    """Words with their boxes (pixels of `array`) and confidence."""
    check()
    try:
        data = pytesseract.image_to_data(
            _image(array), lang=LANGUAGE, config=f"--psm {int(psm)} --oem 1 {NO_INVERT}",
            timeout=PAGE_TIMEOUT_SECONDS, output_type=pytesseract.Output.DICT)
    except pytesseract.TesseractError as error:
        raise OcrUnavailable(detail=f"tesseract failed: status {error.status}") from None
    except RuntimeError as error:  # pytesseract's timeout (TesseractError is one too)
        raise OcrTimeout(detail=str(error)) from None
    words = []
    for i, text in enumerate(data["text"]):
        confidence = float(data["conf"][i])
        text = text.strip()
        if not text or confidence < 0:
            continue
        words.append(OcrWord(text, int(data["left"][i]), int(data["top"][i]),
                             int(data["width"][i]), int(data["height"][i]),
                             confidence / 100,
                             (int(data["block_num"][i]), int(data["par_num"][i]),
                              int(data["line_num"][i]))))
    return words


def orientation(array: np.ndarray) -> tuple[int, float]:
    """Tesseract's orientation detection: (degrees to turn clockwise, confidence).

    Returns (0, 0.0) when there is too little text to tell."""
    check()
    try:
        found = pytesseract.image_to_osd(_image(array), config="--psm 0",
                                         timeout=OSD_TIMEOUT_SECONDS,
                                         output_type=pytesseract.Output.DICT)
    except pytesseract.TesseractError:
        # "Too few characters": nothing to turn by.
        return 0, 0.0
    except RuntimeError as error:  # pytesseract's timeout
        raise OcrTimeout(detail=str(error)) from None
    return int(found["rotate"]), float(found["orientation_conf"])

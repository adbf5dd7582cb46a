"""Photos and scanned pages from bytes: JPEG, PNG, WebP, TIFF (every frame),
HEIC/HEIF (iPhone, through pillow-heif), GIF and BMP.

Every failure a bad image can cause becomes a LetterError: a decompression
bomb (more pixels than any phone makes), an empty or 1x1 image, a truncated
file. The EXIF orientation a phone writes is applied here, so later steps
see the page the way the person held it.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
import pillow_heif
from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError

from ...errors import CorruptFile, ImageTooLarge, PhotoTooSmall

pillow_heif.register_heif_opener()

# A 48-megapixel phone photo (8064 x 6048) still opens; anything beyond is a
# bomb or a poster. Pillow warns above this and refuses at twice this; we refuse
# above it (the warning is turned into an error below).
MAX_PIXELS = 50_000_000
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
# Below this a page of text cannot be read: 10 pt text would be 3 pixels high.
MIN_SIDE = 300
# Pages are worked on at most this big (long side, pixels): about 400 dpi for
# an A4 page that fills the photo. More only costs time.
WORK_SIDE = 4200
MAX_FRAMES = 20


@dataclass(frozen=True)
class SourceImage:
    """One page as decoded: grey pixels (EXIF turn applied) and where it came from.

    `scale` is pixels of `grey` per pixel of the full-size (EXIF-turned) original."""

    grey: np.ndarray
    data: bytes
    media_type: str
    frame: int
    scale: float


@contextmanager
def strict_loading() -> Iterator[None]:
    """Refuse truncated images while decoding. WeasyPrint switches Pillow's
    LOAD_TRUNCATED_IMAGES on for the whole process when it is imported; a
    photo cut off halfway must be reported, not read as half a page."""
    previous = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        yield
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = previous


def open_image(data: bytes) -> Image.Image:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            width, height = image.size
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageTooLarge() from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as error:
        raise CorruptFile(detail=type(error).__name__) from None
    # Pillow checks its own formats; pillow-heif reports its size without the check.
    if width * height > MAX_PIXELS:
        raise ImageTooLarge()
    return image


def decode_frame(image: Image.Image) -> tuple[np.ndarray, float]:
    """Grey pixels of the current frame, turned upright by its EXIF tag; shrunk
    to WORK_SIDE. OCR reads grey: a JPEG is decoded straight to grey (its
    brightness channel only), and at 1/2 size when it is very large."""
    long_side = max(image.size)
    if image.format == "JPEG":
        half = long_side > 2 * WORK_SIDE
        image.draft("L", (image.size[0] // 2, image.size[1] // 2) if half else image.size)
    draft_scale = max(image.size) / long_side
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image.load()
            upright = ImageOps.exif_transpose(image)
            grey = upright.convert("L")
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageTooLarge() from None
    except (OSError, ValueError, SyntaxError) as error:  # truncated or damaged data
        raise CorruptFile(detail=type(error).__name__) from None
    if min(grey.size) < MIN_SIDE:
        raise PhotoTooSmall()
    factor = min(1.0, WORK_SIDE / max(grey.size))
    if factor < 1.0:
        grey = grey.resize((round(grey.width * factor), round(grey.height * factor)),
                           Image.Resampling.LANCZOS, reducing_gap=2.0)
    return np.asarray(grey), draft_scale * factor


def decode(data: bytes, media_type: str) -> list[SourceImage]:
    """Every page (frame) of one image file."""
    image = open_image(data)
    frames = getattr(image, "n_frames", 1) if media_type == "image/tiff" else 1
    pages = []
    with strict_loading():
        for frame in range(min(frames, MAX_FRAMES)):
            if frame:
                image.seek(frame)
            grey, scale = decode_frame(image)
            pages.append(SourceImage(grey, data, media_type, frame, scale))
    return pages


def full_size(source: bytes, frame: int = 0) -> np.ndarray:
    """The original page again at full size, EXIF turn applied (for crops)."""
    image = open_image(source)
    if frame:
        image.seek(frame)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        return np.asarray(ImageOps.exif_transpose(image).convert("RGB"))

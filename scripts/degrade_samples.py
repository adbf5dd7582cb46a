"""Make phone photos and scans of the sample letters, to test and measure OCR.

    .venv/bin/python scripts/degrade_samples.py [--out build/degraded] [--profiles phone,scan]
                                                [--letters cjib-boete,...] [--seed 20260330]

Every page of samples/*.pdf is rendered at a resolution between 150 and 300
dpi and then spoilt the way a hand-held phone or a cheap scanner spoils it:
turned up to 8 degrees, seen in perspective, on a coloured table, with a
shadow across it, blurred, with sensor noise, saved as JPEG at quality 50-70.
Each named profile below is one kind of spoiling; its parameters are drawn
from the profile's ranges with a random generator seeded by (seed, letter,
profile, page), so every run makes the same images.

The output goes to build/ (in .gitignore): nothing here is committed. Tests and
bench/ocr_bench.py import `degrade_letter` and make what they need in memory.
"""

from __future__ import annotations

import argparse
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SEED = 20260330


@dataclass(frozen=True)
class Profile:
    """Ranges (low, high) that one kind of degradation draws from."""

    dpi: tuple[int, int]
    rotation: tuple[float, float]  # degrees, either direction
    perspective: tuple[float, float] = (0.0, 0.0)  # corner shift, share of page width
    background: bool = False  # the page lies on a coloured table
    shadow: tuple[float, float] = (0.0, 0.0)  # darkest share taken off by the shadow
    blur: tuple[float, float] = (0.0, 0.0)  # Gaussian sigma in pixels at 300 dpi
    noise: tuple[float, float] = (2.0, 4.0)  # sigma of sensor noise, 0-255 scale
    quality: tuple[int, int] = (50, 70)  # JPEG quality
    thumb: bool = False  # a thumb holds the page at one edge
    grey: bool = False  # a scanner in grey mode


PROFILES: dict[str, Profile] = {
    # A mentor's flatbed scan saved as JPEG: straight-ish, clean light.
    "scan": Profile(dpi=(200, 300), rotation=(0.0, 1.5), quality=(60, 70), grey=True),
    # A cheap scan at low resolution.
    "scan-150": Profile(dpi=(150, 160), rotation=(0.0, 2.0), noise=(3.0, 6.0), grey=True),
    # A sheet laid crooked on a scanner: turned, but no page edge to see.
    "scan-crooked": Profile(dpi=(200, 300), rotation=(3.0, 8.0), quality=(60, 70), grey=True),
    # A photo taken at an angle to the text lines.
    "tilted": Profile(dpi=(200, 300), rotation=(3.0, 8.0), background=True, noise=(3.0, 6.0)),
    # A photo with the phone's shadow over half the page.
    "shadow": Profile(dpi=(200, 300), rotation=(0.0, 3.0), background=True,
                      shadow=(0.35, 0.55), noise=(3.0, 6.0)),
    # A photo that is a little out of focus.
    "blurred": Profile(dpi=(220, 300), rotation=(0.0, 3.0), background=True,
                       blur=(0.8, 1.3), noise=(3.0, 6.0)),
    # Everything at once: a hand-held phone photo of a letter on a table.
    "phone": Profile(dpi=(180, 300), rotation=(0.0, 8.0), perspective=(0.02, 0.06),
                     background=True, shadow=(0.2, 0.45), blur=(0.5, 1.0), noise=(3.0, 7.0),
                     thumb=True),
}

TABLE_COLOURS = [(92, 64, 51), (160, 120, 80), (40, 40, 48), (70, 110, 90), (180, 170, 150)]


def rng_for(seed: int, *keys: str) -> np.random.Generator:
    return np.random.default_rng([seed, *(zlib.crc32(k.encode()) for k in keys)])


def render_pages(pdf: bytes, dpi: float) -> list[np.ndarray]:
    """Every page of `pdf` as an RGB array at `dpi`."""
    document = pdfium.PdfDocument(pdf)
    try:
        return [np.asarray(page.render(scale=dpi / 72).to_pil().convert("RGB"))
                for page in document]
    finally:
        document.close()


@dataclass(frozen=True)
class Degraded:
    jpeg: bytes
    corners: np.ndarray  # where the page's corners ended up (TL, TR, BR, BL), pixels
    angle: float  # degrees the page was turned (counter-clockwise)
    dpi: float


def degrade_page(page: np.ndarray, profile: Profile, rng: np.random.Generator,
                 dpi: float) -> Degraded:
    """One rendered page (RGB) as a spoilt JPEG photo or scan."""
    height, width = page.shape[:2]
    scale = dpi / 300
    angle = rng.uniform(*profile.rotation) * rng.choice([-1, 1])
    margin = rng.uniform(0.06, 0.12) if profile.background else 0.0
    canvas_w, canvas_h = int(width * (1 + 2 * margin)), int(height * (1 + 2 * margin))
    corners = np.float32([[0, 0], [width, 0], [width, height], [0, height]])
    target = corners + np.float32([canvas_w - width, canvas_h - height]) / 2
    shift = rng.uniform(*profile.perspective, size=(4, 2)) * width
    target += shift * rng.choice([-1, 1], size=(4, 2))
    centre = np.float32([canvas_w / 2, canvas_h / 2])
    turn = cv2.getRotationMatrix2D(tuple(map(float, centre)), angle, 1.0)
    target = (np.hstack([target, np.ones((4, 1), np.float32)]) @ turn.T).astype(np.float32)
    warp = cv2.getPerspectiveTransform(corners, target)
    if profile.background:
        colour = np.array(TABLE_COLOURS[rng.integers(len(TABLE_COLOURS))], np.float32)
        grain = rng.normal(0, 12, (canvas_h // 8 + 1, canvas_w // 8 + 1, 1)).astype(np.float32)
        grain = cv2.resize(grain, (canvas_w, canvas_h))[..., None]
        canvas = np.clip(colour + grain, 0, 255)
    else:
        canvas = np.full((canvas_h, canvas_w, 3), 255, np.float32)
    warped = cv2.warpPerspective(page.astype(np.float32), warp, (canvas_w, canvas_h),
                                 flags=cv2.INTER_AREA)
    mask = cv2.warpPerspective(np.ones((height, width), np.float32), warp,
                               (canvas_w, canvas_h))[..., None]
    image = warped * mask + canvas * (1 - mask)
    if profile.thumb:
        image = add_thumb(image, target, rng)
    if profile.shadow[1] > 0:
        image *= shadow_field(canvas_h, canvas_w, rng.uniform(*profile.shadow), rng)[..., None]
    if profile.blur[1] > 0:
        sigma = rng.uniform(*profile.blur) * scale
        image = cv2.GaussianBlur(image, (0, 0), sigma)
    image += rng.standard_normal(image.shape, np.float32) * np.float32(
        rng.uniform(*profile.noise))
    image = np.clip(image, 0, 255).astype(np.uint8)
    if profile.grey:
        image = cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)
    else:
        image = cv2.cvtColor(image, cv2.COLOR_RGB2BGR)
    quality = int(rng.integers(profile.quality[0], profile.quality[1] + 1))
    ok, encoded = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    assert ok
    return Degraded(encoded.tobytes(), target, float(angle), dpi)


def shadow_field(height: int, width: int, depth: float, rng: np.random.Generator) -> np.ndarray:
    """Light that falls off across the page: a linear gradient with a soft edge."""
    direction = rng.uniform(0, 2 * np.pi)
    # Computed on a coarse grid and scaled up: light changes slowly.
    ys, xs = np.mgrid[0:height // 8 + 1, 0:width // 8 + 1].astype(np.float32)
    along = ((xs * 8 / width - 0.5) * np.cos(direction)
             + (ys * 8 / height - 0.5) * np.sin(direction))
    edge = rng.uniform(-0.2, 0.2)
    soft = 1 / (1 + np.exp(-(along - edge) * 12))
    return cv2.resize((1 - depth * soft).astype(np.float32), (width, height))


def add_thumb(image: np.ndarray, corners: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """A skin-coloured ellipse over the middle of the page's left or right edge."""
    side = int(rng.integers(2))
    top, bottom = (corners[0], corners[3]) if side == 0 else (corners[1], corners[2])
    point = top + (bottom - top) * rng.uniform(0.55, 0.8)
    size = float(np.linalg.norm(corners[1] - corners[0])) * 0.045
    thumb = np.zeros(image.shape[:2], np.float32)
    cv2.ellipse(thumb, (int(point[0]), int(point[1])), (int(size * 1.1), int(size * 0.7)),
                float(rng.uniform(-20, 20)), 0, 360, 1.0, -1)
    thumb = cv2.GaussianBlur(thumb, (0, 0), size * 0.15)[..., None]
    skin = np.array([224, 172, 140], np.float32)
    return image * (1 - thumb) + skin * thumb


def degrade_letter(pdf: bytes, name: str, profile_name: str,
                   seed: int = SEED) -> list[Degraded]:
    """Every page of one letter, spoilt by one profile: a JPEG per page."""
    profile = PROFILES[profile_name]
    rng = rng_for(seed, name, profile_name)
    dpi = float(rng.integers(profile.dpi[0], profile.dpi[1] + 1))
    return [degrade_page(page, profile, rng_for(seed, name, profile_name, str(number)), dpi)
            for number, page in enumerate(render_pages(pdf, dpi), start=1)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "degraded")
    parser.add_argument("--profiles", default=",".join(PROFILES))
    parser.add_argument("--letters", default="", help="comma-separated names; default all")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    names = [n for n in args.letters.split(",") if n] or sorted(
        p.stem for p in SAMPLES.glob("*.pdf"))
    args.out.mkdir(parents=True, exist_ok=True)
    for name in names:
        pdf = (SAMPLES / f"{name}.pdf").read_bytes()
        for profile in args.profiles.split(","):
            for number, page in enumerate(degrade_letter(pdf, name, profile, args.seed), 1):
                path = args.out / f"{name}.{profile}.p{number}.jpg"
                path.write_bytes(page.jpeg)
                print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Make a photo or scan of a page easy for Tesseract: a pipeline of small named
steps over one page.

Each step takes the page (grey pixels plus the matrix that maps its pixels back
to the photo) and returns a new one. The matrix lets the sheet cut the spot of
an unsure amount out of the original photo, whatever turning and warping came
in between. What each step buys is measured by `bench/ocr_bench.py --ablate`
and stated in the README ("Photos and scans").

- find_page: a phone photo shows the table around the letter and sees the
  page in perspective. The page's four corners are found from its outline and
  the page is warped to a flat rectangle (OpenCV four-point transform).
- flatten_light: shadows and uneven light. The paper's brightness is
  estimated with a large grey-level closing (text removed) and divided out,
  so the paper is white everywhere and ink is dark everywhere.
- deskew: text lines that run at an angle. The angle whose horizontal
  projection profile has the sharpest peaks is the angle of the lines (a
  projection-profile search; `cv2.minAreaRect` of the ink gave wrong angles
  because of margins and tables). A page that lies sideways is turned by 90
  degrees here; upside down is left to Tesseract's orientation check.
- upscale: Tesseract reads best when small letters are about 20 pixels high;
  low-resolution pages are enlarged to that.
- binarise: an adaptive threshold, for pages whose contrast changes too
  fast for the light flattening (kept out of the default steps: see README).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace

import cv2
import numpy as np


@dataclass(frozen=True)
class WorkPage:
    """One page on its way to Tesseract."""

    grey: np.ndarray  # uint8, 2-D
    to_source: np.ndarray  # 3x3: pixel (x, y, 1) of `grey` -> pixel of the decoded photo
    done: tuple[str, ...] = ()  # the steps that changed the page
    # The pieces of ink of `grey` (components()), when a step already counted them.
    pieces: tuple[np.ndarray, np.ndarray] | None = None

    def transformed(self, grey: np.ndarray, forward: np.ndarray, step: str) -> WorkPage:
        """The page after a geometric step that maps old pixels to new ones by `forward`."""
        return WorkPage(grey, self.to_source @ np.linalg.inv(forward), (*self.done, step))

    def changed(self, grey: np.ndarray, step: str) -> WorkPage:
        """The page after a step that changes pixel values only."""
        return WorkPage(grey, self.to_source, (*self.done, step))


def start(pixels: np.ndarray) -> WorkPage:
    grey = cv2.cvtColor(pixels, cv2.COLOR_RGB2GRAY) if pixels.ndim == 3 else pixels
    return WorkPage(np.ascontiguousarray(grey), np.eye(3))


def shrink(grey: np.ndarray, long_side: int) -> tuple[np.ndarray, float]:
    factor = min(1.0, long_side / max(grey.shape))
    if factor == 1.0:
        return grey, 1.0
    size = (max(1, round(grey.shape[1] * factor)), max(1, round(grey.shape[0] * factor)))
    return cv2.resize(grey, size, interpolation=cv2.INTER_AREA), factor


# --- find_page --------------------------------------------------------------

# The page must fill at least this share of the photo to be taken as the page.
MIN_PAGE_AREA = 0.2
# Paper must differ this much (grey levels) from what lies around it.
MIN_PAGE_CONTRAST = 20


def order_corners(points: np.ndarray) -> np.ndarray:
    """Top-left, top-right, bottom-right, bottom-left."""
    points = points.reshape(4, 2).astype(np.float32)
    total, diff = points.sum(axis=1), np.diff(points, axis=1).ravel()
    return np.array([points[np.argmin(total)], points[np.argmin(diff)],
                     points[np.argmax(total)], points[np.argmax(diff)]], dtype=np.float32)


def as_quad(points: list[np.ndarray | None]) -> np.ndarray | None:
    """Four corners as one float32 array; None when a pair of sides did not meet."""
    corners = [p for p in points if p is not None]
    return np.array(corners, dtype=np.float32) if len(corners) == len(points) else None


def page_outline(grey: np.ndarray) -> np.ndarray | None:
    """The four corners of the sheet of paper in a photo, or None (a scan, or
    too little of the page's edge visible)."""
    small, factor = shrink(grey, 900)
    blurred = cv2.GaussianBlur(small, (5, 5), 0)
    thin = cv2.Canny(blurred, 30, 90)
    edges = cv2.dilate(thin, np.ones((5, 5), np.uint8))
    contours, _ = cv2.findContours(edges, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    image_area = small.shape[0] * small.shape[1]
    hulls = sorted((cv2.convexHull(c) for c in contours), key=cv2.contourArea, reverse=True)
    candidates = [four_sides(hull, cv2.contourArea(hull)) for hull in hulls[:3]
                  if cv2.contourArea(hull) >= MIN_PAGE_AREA * image_area]
    # An outline broken where the page runs out of the photo, or joined to the
    # grain of the table: its straight sides.
    candidates.append(outer_lines(blurred))
    refined = [refine_sides(thin, c) for c in candidates if c is not None]
    scored = [(edge_support(edges, c), c) for c in refined
              if c is not None and cv2.contourArea(c) >= MIN_PAGE_AREA * image_area]
    # The outline that edges bear out best; of two about as good, the bigger
    # (the smaller one is then a table or a text line inside the page).
    best = max((support for support, _ in scored), default=0.0)
    for support, corners in sorted(scored, key=lambda sc: -cv2.contourArea(sc[1])):
        if (support >= max(MIN_EDGE_SUPPORT, best - 0.03)
                and page_stands_out(blurred, corners)):
            return corners / factor
    return None


def refine_sides(edges: np.ndarray, corners: np.ndarray) -> np.ndarray | None:
    """Fit each side to the edge pixels along it (a corner guessed from a bump in
    the outline, such as a thumb, is moved to where the page's sides meet)."""
    ys, xs = np.nonzero(edges)
    points = np.stack([xs, ys], axis=1).astype(np.float64)
    # A sample of the edge pixels fits the sides as well, in a fraction of the time.
    points = points[:: len(points) // 12_000 + 1]
    for band in (0.05, 0.03, 0.015, 0.006):
        width = max(4.0, band * max(edges.shape))
        lines = []
        for a, b in zip(corners, np.roll(corners, -1, axis=0), strict=True):
            a, b = a.astype(np.float64), b.astype(np.float64)
            length = np.linalg.norm(b - a)
            if length < 1:
                return None
            along = (points - a) @ (b - a) / length
            side, rel = b - a, points - a
            across = np.abs(side[0] * rel[:, 1] - side[1] * rel[:, 0]) / length
            # The middle of the side only: corners are where bumps join the outline.
            near = points[(across < width) & (along > 0.1 * length) & (along < 0.9 * length)]
            if len(near) < 20:
                lines.append((a, b))
                continue
            vx, vy, x0, y0 = cv2.fitLine(near.astype(np.float32), cv2.DIST_HUBER, 0, 0.01,
                                         0.01).ravel()
            centre, direction = np.array([x0, y0]), np.array([vx, vy])
            lines.append((centre, centre + direction * length))
        new = as_quad([intersect(*lines[i - 1], *lines[i]) for i in range(4)])
        if new is None:
            return None
        corners = new
    return corners if cv2.isContourConvex(corners.reshape(-1, 1, 2)) else None


# Share of the outline (where it lies inside the photo) that must run along an edge.
MIN_EDGE_SUPPORT = 0.7


def edge_support(edges: np.ndarray, corners: np.ndarray) -> float:
    """How much of the quadrilateral's outline lies on edges of the photo."""
    height, width = edges.shape
    on, total = 0, 0
    for a, b in zip(corners, np.roll(corners, -1, axis=0), strict=True):
        steps = int(np.linalg.norm(b - a) / 2) + 1
        points = a + (b - a) * np.linspace(0, 1, steps)[:, None]
        inside = ((points[:, 0] >= 2) & (points[:, 0] < width - 2)
                  & (points[:, 1] >= 2) & (points[:, 1] < height - 2))
        points = points[inside].astype(int)
        total += len(points)
        on += int(np.count_nonzero(edges[points[:, 1], points[:, 0]]))
    return on / total if total else 0.0


# outer_lines looks for straight edges at this size: a rough answer is enough
# (refine_sides fits the sides again at the larger size), and the line search
# costs in proportion to the edge pixels.
HOUGH_SIDE = 600
Segment = tuple[np.ndarray, np.ndarray]  # a straight edge: its two ends


def outer_lines(blurred: np.ndarray) -> np.ndarray | None:
    """Corners from the outermost long straight edges: top, bottom, left, right."""
    small, factor = shrink(blurred, HOUGH_SIDE)
    edges = cv2.Canny(small, 30, 90)
    height, width = edges.shape
    found = cv2.HoughLinesP(edges, 1, np.pi / 360, threshold=int(100 * factor),
                            minLineLength=int(0.3 * min(height, width)),
                            maxLineGap=max(4, int(15 * factor)))
    if found is None:
        return None
    flat: list[Segment] = []
    upright: list[Segment] = []
    for x1, y1, x2, y2 in (found / factor).reshape(-1, 4).astype(np.float64):
        (flat if abs(x2 - x1) >= abs(y2 - y1) else upright).append(
            (np.array([x1, y1]), np.array([x2, y2])))
    if len(flat) < 2 or len(upright) < 2:
        return None
    top = min(flat, key=lambda s: s[0][1] + s[1][1])
    bottom = max(flat, key=lambda s: s[0][1] + s[1][1])
    left = min(upright, key=lambda s: s[0][0] + s[1][0])
    right = max(upright, key=lambda s: s[0][0] + s[1][0])
    quad = as_quad([intersect(*a, *b) for a, b in ((top, left), (top, right), (bottom, right),
                                                   (bottom, left))])
    if quad is None or not cv2.isContourConvex(quad.reshape(-1, 1, 2)):
        return None
    return quad


def four_sides(hull: np.ndarray, area: float) -> np.ndarray | None:
    """Corners where the outline's four longest sides meet. A corner that lies
    outside the photo (the page was cut off there) is found all the same."""
    polygon = cv2.approxPolyDP(hull, 0.01 * cv2.arcLength(hull, True), True).reshape(-1, 2)
    if len(polygon) < 4:
        return None
    sides = [(polygon[i].astype(np.float64), polygon[(i + 1) % len(polygon)].astype(np.float64))
             for i in range(len(polygon))]
    longest = sorted(range(len(sides)), key=lambda i: -np.linalg.norm(sides[i][1] - sides[i][0]))
    chosen = [sides[i] for i in sorted(longest[:4])]
    corners: list[np.ndarray] = []
    for (a1, a2), (b1, b2) in zip(chosen, chosen[1:] + chosen[:1], strict=True):
        point = intersect(a1, a2, b1, b2)
        if point is None:
            return None
        corners.append(point)
    quad = np.array(corners, dtype=np.float32)
    if not cv2.isContourConvex(quad.reshape(-1, 1, 2)):
        return None
    # The sides must explain the outline: not much smaller, not much bigger.
    if not 0.9 * area <= cv2.contourArea(quad) <= 1.35 * area:
        return None
    return order_corners(quad)


def intersect(a1, a2, b1, b2) -> np.ndarray | None:
    da, db = a2 - a1, b2 - b1
    cross = da[0] * db[1] - da[1] * db[0]
    # Sides that meet at less than about 45 degrees are no corner of a page.
    if abs(cross) < 0.7 * np.linalg.norm(da) * np.linalg.norm(db) or cross == 0:
        return None
    t = ((b1[0] - a1[0]) * db[1] - (b1[1] - a1[1]) * db[0]) / cross
    return a1 + t * da


def page_stands_out(grey: np.ndarray, corners: np.ndarray) -> bool:
    """The paper just inside the outline differs from what lies just outside it
    (a scan's text block has white paper on both sides)."""
    inside = np.zeros(grey.shape, np.uint8)
    cv2.fillConvexPoly(inside, corners.astype(np.int32), 1)
    band = max(3, int(0.02 * max(grey.shape)))
    kernel = np.ones((band, band), np.uint8)
    inner = np.bitwise_xor(cv2.erode(inside, kernel),
                           cv2.erode(inside, np.ones((2 * band, 2 * band), np.uint8)))
    outer = np.bitwise_xor(cv2.dilate(inside, kernel), inside)
    if not inner.any() or not outer.any():
        return False
    return abs(float(np.median(grey[inner > 0])) - float(np.median(grey[outer > 0]))) >= \
        MIN_PAGE_CONTRAST


def find_page(page: WorkPage) -> WorkPage:
    corners = page_outline(page.grey)
    if corners is None:
        return page
    top_left, top_right, bottom_right, bottom_left = corners
    width = max(np.linalg.norm(top_right - top_left), np.linalg.norm(bottom_right - bottom_left))
    height = max(np.linalg.norm(bottom_left - top_left), np.linalg.norm(bottom_right - top_right))
    target = np.array([[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]],
                      dtype=np.float32)
    forward = cv2.getPerspectiveTransform(corners, target)
    flat = cv2.warpPerspective(page.grey, forward, (int(width), int(height)),
                               flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    # The paper's own edge (a dark line, a sliver of table) is no text: whiten ~1 mm.
    edge = max(2, int(0.005 * width))
    flat[:edge, :] = flat[-edge:, :] = 255
    flat[:, :edge] = flat[:, -edge:] = 255
    return page.transformed(flat, forward.astype(np.float64), "find_page")


# --- flatten_light ------------------------------------------------------------


MAX_INK_LEVEL = 100
# Grey levels from this up are paper. After dividing by the paper's
# brightness, clean paper is about 255 and its grain and JPEG noise lie a
# little below; taking them to white gives Tesseract fewer specks to weigh
# (3-4% less Tesseract time on the degraded samples, CER 0.11% -> 0.09% on
# `bench/ocr_bench.py --quick`; 225 gave 0.10%).
PAPER_LEVEL = 200


def flatten_light(page: WorkPage) -> WorkPage:
    """Divide out the paper's brightness so shadows and gradients disappear."""
    grey = page.grey
    small, factor = shrink(grey, 600)
    # A closing wider than a letter's stroke removes the text and keeps the paper.
    size = max(5, int(max(small.shape) / 60)) | 1
    paper = cv2.morphologyEx(small, cv2.MORPH_CLOSE,
                             cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (size, size)))
    paper = cv2.medianBlur(paper, size)
    paper = cv2.GaussianBlur(paper, (0, 0), size / 2)
    paper = cv2.resize(paper, (grey.shape[1], grey.shape[0]), interpolation=cv2.INTER_LINEAR)
    flat = cv2.divide(grey, np.maximum(paper, 1), scale=255)
    # Stretch so the darkest ink is black: a soft photo has grey ink after
    # dividing. Never stretch paper grain into ink (a page with one line on it).
    ink = max(0.0, min(float(np.percentile(flat[::4, ::4], 0.5)), MAX_INK_LEVEL))
    # Paper a little darker than white (grain, JPEG noise, the rest of a
    # shadow) becomes white: Tesseract then has fewer specks to look at.
    lut = np.clip((np.arange(256) - ink) * 255.0 / max(PAPER_LEVEL - ink, 1), 0, 255)
    flat = cv2.LUT(flat, lut.astype(np.uint8))
    return page.changed(flat, "flatten_light")


# --- deskew -------------------------------------------------------------------

COARSE = np.arange(-10.0, 10.01, 0.5)
FINE_SPAN, FINE_STEP = 0.5, 0.05
# Turn only when the lines are off by at least this much: Tesseract copes with
# less, and turning costs it time (a turned page is larger and softer).
MIN_SKEW = 0.5


def ink_points(grey: np.ndarray, long_side: int = 1000) -> tuple[np.ndarray, float]:
    small, factor = shrink(grey, long_side)
    _, ink = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    ys, xs = np.nonzero(ink)
    return np.stack([xs, ys], axis=1).astype(np.float32), factor


def profile_score(points: np.ndarray, angle: float) -> float:
    """How sharp the rows of ink are when the page is turned by `angle` degrees."""
    theta = math.radians(angle)
    rows = points[:, 1] * math.cos(theta) - points[:, 0] * math.sin(theta)
    counts = np.bincount((rows - rows.min()).astype(np.int64))
    return float(np.dot(counts, counts))


# Many points add nothing to the estimate and cost time.
MAX_POINTS = 30_000


def sample(points: np.ndarray) -> np.ndarray:
    return points[:: len(points) // MAX_POINTS + 1] if len(points) > MAX_POINTS else points


def coarse_angle(points: np.ndarray) -> tuple[float, float]:
    """(best angle on the coarse grid, its score)"""
    if len(points) < 200:
        return 0.0, 0.0
    points = sample(points)
    scores = [profile_score(points, a) for a in COARSE]
    index = int(np.argmax(scores))
    return float(COARSE[index]), scores[index]


def skew_angle(points: np.ndarray) -> tuple[float, float]:
    """(angle of the text lines in degrees, its score); 0 when there is no ink."""
    if len(points) < 200:
        return 0.0, 0.0
    points = sample(points)
    best, _ = coarse_angle(points)
    fine = np.arange(best - FINE_SPAN, best + FINE_SPAN + 1e-9, FINE_STEP)
    fine_scores = [profile_score(points, a) for a in fine]
    index = int(np.argmax(fine_scores))
    return float(fine[index]), fine_scores[index]


def rotate(grey: np.ndarray, angle: float) -> tuple[np.ndarray, np.ndarray]:
    """Turn the page by `angle` degrees (counter-clockwise), growing the canvas."""
    height, width = grey.shape
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), angle, 1.0)
    cos, sin = abs(matrix[0, 0]), abs(matrix[0, 1])
    new_w, new_h = int(height * sin + width * cos), int(height * cos + width * sin)
    matrix[0, 2] += new_w / 2 - width / 2
    matrix[1, 2] += new_h / 2 - height / 2
    turned = cv2.warpAffine(grey, matrix, (new_w, new_h), flags=cv2.INTER_LINEAR,
                            borderValue=255)
    return turned, np.vstack([matrix, [0, 0, 1]])


def turn_quarter(page: WorkPage, quarters: int, step: str) -> WorkPage:
    """Turn by `quarters` x 90 degrees clockwise."""
    quarters %= 4
    if not quarters:
        return page
    height, width = page.grey.shape
    turned = np.ascontiguousarray(np.rot90(page.grey, -quarters))
    forward = {
        1: np.array([[0, -1, height - 1], [1, 0, 0], [0, 0, 1]], float),
        2: np.array([[-1, 0, width - 1], [0, -1, height - 1], [0, 0, 1]], float),
        3: np.array([[0, 1, 0], [-1, 0, width - 1], [0, 0, 1]], float),
    }[quarters]
    return page.transformed(turned, forward, step)


def deskew(page: WorkPage) -> WorkPage:
    points, _ = ink_points(page.grey)
    angle, score = skew_angle(points)
    # Lines that run top to bottom: the page lies sideways.
    sideways = points[:, ::-1].copy() if len(points) else points
    # The coarse grid tells an upright page from a sideways one; only a
    # sideways page needs the fine angle of its lines.
    _, side_score = coarse_angle(sideways)
    if side_score > 2.0 * score:
        side_angle, _ = skew_angle(sideways)
        page = turn_quarter(page, 1, "turn_sideways")
        angle = -side_angle
    if abs(angle) < MIN_SKEW:
        return page
    turned, forward = rotate(page.grey, angle)
    return page.transformed(turned, forward, "deskew")


# --- upscale ------------------------------------------------------------------

# Median height of letters (connected pieces of ink). Below MIN_LETTER_HEIGHT
# Tesseract starts to miss strokes and the page is enlarged to TARGET. Between
# the two, enlarging bought 0.1 point of CER on 150 dpi scans (11-12 pixels)
# for a third more Tesseract time and no change in what was found (README).
MIN_LETTER_HEIGHT = 10
TARGET_LETTER_HEIGHT = 20
MAX_UPSCALE = 2.5


def components(grey: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Stats (x, y, w, h, area) and centres of every piece of ink."""
    _, ink = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    _, _, stats, centres = cv2.connectedComponentsWithStats(ink, connectivity=8)
    return stats[1:], centres[1:]


def letter_height(grey: np.ndarray, stats: np.ndarray | None = None) -> float | None:
    """Median height of the letters on the page, or None when it has (almost) none."""
    if stats is None:
        stats, _ = components(grey)
    heights = stats[:, cv2.CC_STAT_HEIGHT]
    widths = stats[:, cv2.CC_STAT_WIDTH]
    # Letters, not specks or rules: at least 4 px high, not much wider than high.
    letters = heights[(heights >= 4) & (widths <= 3 * heights) & (heights < grey.shape[0] / 20)]
    if len(letters) < 50:
        return None
    return float(np.median(letters))


def upscale(page: WorkPage) -> WorkPage:
    stats, centres = components(page.grey)
    height = letter_height(page.grey, stats)
    # Only clearly small print: enlarging costs Tesseract time in proportion.
    if height is None or height >= MIN_LETTER_HEIGHT:
        return WorkPage(page.grey, page.to_source, page.done, (stats, centres))
    factor = min(MAX_UPSCALE, TARGET_LETTER_HEIGHT / height)
    bigger = cv2.resize(page.grey, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC)
    forward = np.diag([factor, factor, 1.0])
    # The pieces of ink, enlarged with the page (close enough to find rows of hyphens).
    scaled = stats.astype(np.float64)
    scaled[:, :4] *= factor
    return replace(page.transformed(bigger, forward, "upscale"),
                   pieces=(scaled, centres * factor))


# --- binarise -----------------------------------------------------------------


def binarise(page: WorkPage) -> WorkPage:
    """Black ink on white by a local (Gaussian-weighted) threshold."""
    height = letter_height(page.grey) or 20
    block = int(height * 2) | 1
    ink = cv2.adaptiveThreshold(page.grey, 255, cv2.ADAPTIVE_THRESH_GAUSSIAN_C,
                                cv2.THRESH_BINARY, max(block, 11), 15)
    return page.changed(ink, "binarise")


STEPS: dict[str, Callable[[WorkPage], WorkPage]] = {
    "find_page": find_page,
    "flatten_light": flatten_light,
    "deskew": deskew,
    "upscale": upscale,
    "binarise": binarise,
}
DEFAULT_STEPS = ("find_page", "flatten_light", "deskew", "upscale")


def prepare_page(page: WorkPage, steps: tuple[str, ...] = DEFAULT_STEPS) -> WorkPage:
    """Run the preparation steps, in order, on a page made by `start`."""
    for name in steps:
        page = STEPS[name](page)
    return page

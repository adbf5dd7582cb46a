"""Rules typed as a row of hyphens ("--------") under a table of amounts.

Tesseract takes such a row for a drawn line and drops it, but in the letter
it is text: the text layer of the same letter has it, and it separates the
rows of a table from its total. Without it the sentences around a total
differ from the text-layer run. Here the row is found as what it is on the
page: many short, flat, equally spaced pieces of ink on one line.
"""

from __future__ import annotations

import numpy as np

from .tesseract import OcrWord

MIN_DASHES = 5


def find_dash_rows(stats: np.ndarray, centres: np.ndarray, letter: float) -> list[OcrWord]:
    """Rows of at least MIN_DASHES hyphens among the page's pieces of ink
    (prepare.components); `letter` is the median letter height."""
    x, y, w, h = (stats[:, i] for i in range(4))
    # A hyphen: about a third to two thirds of a letter wide, much flatter than wide.
    is_dash = ((w >= 0.25 * letter) & (w <= 0.9 * letter) & (h <= 0.35 * letter)
               & (w >= 1.8 * h))
    dashes = sorted(zip(x[is_dash], y[is_dash], w[is_dash], h[is_dash],
                        centres[:, 1][is_dash], strict=True), key=lambda d: (d[4], d[0]))
    rows: list[list] = []
    for dash in dashes:
        for row in rows:
            if abs(row[-1][4] - dash[4]) < 0.25 * letter:
                row.append(dash)
                break
        else:
            rows.append([dash])
    found: list[OcrWord] = []
    for row in rows:
        for run in runs(sorted(row, key=lambda d: d[0]), letter):
            if len(run) < MIN_DASHES:
                continue
            left, right = run[0][0], run[-1][0] + run[-1][2]
            top = min(d[1] for d in run)
            bottom = max(d[1] + d[3] for d in run)
            # The line sits at x-height middle; give it a letter's height for the layout.
            middle = (top + bottom) / 2
            # Hyphens lost to noise leave a gap: count by the spacing of the others.
            pitch = float(np.median(np.diff([d[0] for d in run])))
            count = round((right - left - run[-1][2]) / pitch) + 1
            # Block -1: a line number of its own that Tesseract never gives.
            found.append(OcrWord("-" * count, int(left), int(middle - letter / 2),
                                 int(right - left), int(letter), 0.9, (-1, 0, len(found))))
    return found


def runs(row: list, letter: float) -> list[list]:
    """Split a row where the gap is wider than a hyphen's spacing."""
    out: list[list] = [[row[0]]]
    for before, dash in zip(row, row[1:], strict=False):
        gap = dash[0] - (before[0] + before[2])
        # Up to one hyphen missing (lost to noise) still continues the row.
        if 0 <= gap <= 1.2 * letter:
            out[-1].append(dash)
        else:
            out.append([dash])
    return out

"""Typeset every samples/*.txt letter as an A4 PDF with a text layer.

    .venv/bin/python scripts/make_sample_pdfs.py [samples]

The PDFs are committed so a fresh clone can explain them at once; run this
again after changing a letter. The tests check the PDFs still match the text.
"""

from __future__ import annotations

import sys
from pathlib import Path

from letter_simplifier.render import typeset_text


def main(folder: Path) -> int:
    letters = sorted(folder.glob("*.txt"))
    for letter in letters:
        pdf = typeset_text(letter.read_text(encoding="utf-8"), letter.stem)
        letter.with_suffix(".pdf").write_bytes(pdf)
        print(f"{letter.with_suffix('.pdf')}: {len(pdf)} bytes")
    return 0 if letters else 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "samples")))

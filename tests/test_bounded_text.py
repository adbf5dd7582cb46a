"""Small files that made the analysis run for minutes (issue 17): runs of
newlines, one enormous word, pages of deadline sentences. The text is bounded
in ingest (ingest/bounds.py) and the sentence splitter is linear."""

from __future__ import annotations

import subprocess
import sys

import pytest

from letter_simplifier import errors
from letter_simplifier.ingest import ingest
from letter_simplifier.ingest.bounds import MAX_CHARACTERS, MAX_WORD, check_bounds, tidy

from .conftest import LETTER, ROOT

DEADLINE = ("U moet binnen 14 dagen na ontvangst van deze brief betalen, uiterlijk op "
            "12 maart 2026. ")
HOSTILE = {
    "a million newlines": LETTER + "\n" * 1_000_000,
    "a word of a million letters": LETTER + " " + "a" * 1_000_000,
    "a word of 70,000 letters": LETTER + " " + "a" * 70_000,
    "boete in one word": LETTER + " " + "boete" * 20_000,
    "100,000 form feeds": LETTER + "\f" * 100_000,
    "140,000 characters of deadlines": LETTER + DEADLINE * (140_000 // len(DEADLINE)),
}


def test_tidy_keeps_a_letter_and_shortens_what_carries_no_text():
    assert tidy(LETTER) == LETTER
    assert tidy("a\n\n\n\nb") == "a\n\n\n\nb"  # three empty lines stay
    assert tidy("a" + "\n" * 50 + "b") == "a\n\n\n\nb"
    assert tidy("a" + " " * 500 + "b") == "a" + " " * 80 + "b"
    assert tidy("a\f\f\f\fb") == "a\fb"
    assert tidy("x" * 1000) == "x" * MAX_WORD


def test_a_text_longer_than_any_letter_is_refused_with_its_code():
    with pytest.raises(errors.LetterTooLong) as caught:
        ingest((LETTER + "Dit is een zin met woorden. " * 8000).encode(), "lang.txt")
    assert caught.value.code == "letter_too_long" and "één brief" in caught.value.message
    document = ingest(LETTER.encode(), "brief.txt")
    assert check_bounds(document) is document and len(document.text) < MAX_CHARACTERS


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_text_is_analysed_within_the_job_limit(tmp_path, name):
    """Each in a process of its own, killed after 60 s (the job limit is 120 s):
    before the bounds, every one of these ran for minutes or never ended."""
    path = tmp_path / "brief.txt"
    path.write_text(HOSTILE[name], encoding="utf-8")
    script = ("import sys; from letter_simplifier.ingest import ingest; "
              "from letter_simplifier.analyse import analyse; from letter_simplifier.errors "
              "import LetterError\ntry:\n analyse(ingest(open(sys.argv[1], 'rb').read(), "
              "'brief.txt')); print('sheet')\nexcept LetterError as e: print(e.code)")
    done = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True,
                          text=True, timeout=60, cwd=ROOT, env={"OMP_THREAD_LIMIT": "1",
                                                                "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() in ("sheet", "letter_too_long")

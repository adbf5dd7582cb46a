"""Benchmark: seconds per letter for the whole way through, and peak memory.

    .venv/bin/python bench/explain_speed.py [--rounds 3]

For every sample PDF: ingest + analyse + explain (the JSON), and the PDF
(sheet + original). The first letter warms up the language pipeline and the
glossary; it is timed apart. Not a test: numbers go in the README.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
from datetime import date
from pathlib import Path

from letter_simplifier.pipeline import explain_letter
from letter_simplifier.render import render_pdf

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    letters = sorted(SAMPLES.glob("*.pdf"))
    start = time.perf_counter()
    explain_letter(letters[0].read_bytes(), letters[0].name, today=date(2026, 1, 1))
    cold = time.perf_counter() - start
    analyse_times, pdf_times = [], []
    for _ in range(args.rounds):
        for letter in letters:
            data = letter.read_bytes()
            start = time.perf_counter()
            result = explain_letter(data, letter.name, today=date(2026, 1, 1))
            middle = time.perf_counter()
            render_pdf(result.explanation, result.document)
            pdf_times.append(time.perf_counter() - middle)
            analyse_times.append(middle - start)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"letters: {len(letters)} x {args.rounds} rounds")
    print(f"first letter (cold start): {cold:.2f} s")
    print("| step | median s | p95 s |")
    print("| --- | ---: | ---: |")
    for name, times in (("read + analyse + explain (JSON)", analyse_times),
                        ("sheet + original as PDF", pdf_times)):
        p95 = statistics.quantiles(times, n=20)[-1]
        print(f"| {name} | {statistics.median(times):.3f} | {p95:.3f} |")
    print(f"peak memory: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()

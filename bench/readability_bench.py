"""Benchmark: the readability check in seconds per 1,000 words, warm, with
and without the Frog parser, and peak memory.

    .venv/bin/python bench/readability_bench.py [--rounds 3]

Texts: every sample letter (samples/*.txt) and the plain letters of the
tests. The first check of each kind is timed apart (loading spaCy, the
glossary and wordfreq; starting Frog). Words are those the formulas count.
Memory: the Python process's peak RSS, and Frog's own peak (a separate process).
Not a test: numbers go in the README.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
from pathlib import Path

from letter_simplifier.readability import check_text, frog

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted((ROOT / "samples").glob("*.txt")) + sorted(
    (ROOT / "tests" / "data" / "readability" / "plain").glob("*.txt"))


def frog_peak_mb(process) -> float | None:
    try:
        status = Path(f"/proc/{process.pid}/status").read_text()
    except (OSError, AttributeError):
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return None


def run(texts: list[str], parser, rounds: int) -> tuple[float, list[float], int]:
    start = time.perf_counter()
    check_text(texts[0], parser=parser)
    first = time.perf_counter() - start
    per_thousand: list[float] = []
    words = 0
    for _ in range(rounds):
        for text in texts:
            start = time.perf_counter()
            report = check_text(text, parser=parser)
            seconds = time.perf_counter() - start
            words += report.counts.words
            per_thousand.append(seconds / max(report.counts.words, 1) * 1000)
    return first, per_thousand, words


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    texts = [path.read_text(encoding="utf-8") for path in TEXTS]

    cold, without, words = run(texts, None, args.rounds)
    engine = frog.shared()
    start = time.perf_counter()
    engine.start()
    frog_start = time.perf_counter() - start
    _, with_parser, _ = run(texts, engine, args.rounds)

    print(f"texts: {len(texts)} x {args.rounds} rounds, {words // args.rounds} words per round")
    print(f"first check (cold, loads spaCy, glossary, wordfreq): {cold:.2f} s")
    print(f"Frog start: {frog_start:.1f} s")
    print("| check | median s per 1,000 words | p95 s per 1,000 words |")
    print("| --- | ---: | ---: |")
    for name, times in (("without parser", without), ("with parser (Frog)", with_parser)):
        p95 = statistics.quantiles(times, n=20)[-1]
        print(f"| {name} | {statistics.median(times):.2f} | {p95:.2f} |")
    python_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    frog_mb = frog_peak_mb(engine.process)
    print(f"peak memory: Python {python_mb:.0f} MB, Frog "
          f"{'-' if frog_mb is None else f'{frog_mb:.0f}'} MB")
    engine.close()


if __name__ == "__main__":
    main()

"""Benchmark: photos and scans of the sample letters against their text PDFs.

    OMP_THREAD_LIMIT=1 .venv/bin/python bench/ocr_bench.py [--quick] [--jobs 2]
    OMP_THREAD_LIMIT=1 .venv/bin/python bench/ocr_bench.py --ablate [--quick]
    OMP_THREAD_LIMIT=1 .venv/bin/python bench/ocr_bench.py --letters-dir samples/holdout

Every sample letter is spoilt by every profile of scripts/degrade_samples.py
(fixed seed: the same images every run) and read the way a user's photos are
read. For each (letter, profile) it reports:

- CER: the character error rate of our text against the letter's text layer,
  both whitespace-normalised (Levenshtein distance / reference length), and
  the same for bare `tesseract IMAGE stdout -l nld` on the same JPEGs;
- whether deadlines (last day, purpose), amounts (value, role) and actions
  (verb, deadline) are identical to those of the text-layer run;
- seconds per page: ours (decode, prepare, OCR, analyse, explain; pages one
  after the other) next to bare Tesseract on the same image, and the ratio of
  the two sums. Both run in the same worker, so both see the same load.

`--ablate` leaves out one preparation step at a time and reports what that
does to the CER. Not a test: the numbers go in the README ("Photos and scans").
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["OMP_THREAD_LIMIT"] = "1"

from letter_simplifier.analyse import analyse  # noqa: E402
from letter_simplifier.errors import LetterError  # noqa: E402
from letter_simplifier.explain import explain  # noqa: E402
from letter_simplifier.explain.contract import to_contract  # noqa: E402
from letter_simplifier.ingest import ingest  # noqa: E402
from letter_simplifier.ingest.ocr import OcrOptions, read_pages  # noqa: E402
from letter_simplifier.ingest.ocr.images import decode  # noqa: E402
from letter_simplifier.ingest.ocr.prepare import DEFAULT_STEPS  # noqa: E402
from scripts.degrade_samples import PROFILES, degrade_letter  # noqa: E402

SAMPLES = ROOT / "samples"
LETTERS = SAMPLES  # the letters to spoil: --letters-dir (e.g. samples/holdout)
OUT = ROOT / "build"
TODAY = date(2026, 3, 30)
QUICK_LETTERS = ["cjib-aanmaning", "gemeente-bijstand-terugvordering",
                 "toeslagen-terugvordering", "zorgverzekeraar-premieachterstand"]
QUICK_PROFILES = ["scan-150", "tilted", "phone"]
OCR_SECONDS = 0.0  # of the last letter read by this worker: ours without analysis


def normalise(text: str) -> str:
    return " ".join(text.split())


def cer(reference: str, hypothesis: str) -> float:
    from rapidfuzz.distance import Levenshtein

    reference, hypothesis = normalise(reference), normalise(hypothesis)
    return Levenshtein.distance(reference, hypothesis) / max(len(reference), 1)


def facts(contract: dict) -> dict[str, list]:
    return {
        "deadlines": sorted((d["last_day"], d["for"]) for d in contract["deadlines"]),
        "amounts": sorted((a["value"], a["role"]) for a in contract["amounts"]),
        "actions": sorted((a["verb"], a["deadline"] or "") for a in contract["actions"]),
    }


def explain_document(document) -> dict:
    analysis = analyse(document)
    return to_contract(analysis, explain(analysis, TODAY))


def bare_tesseract(jpeg: bytes) -> tuple[str, float]:
    with tempfile.NamedTemporaryFile(suffix=".jpg", dir=OUT) as image:
        image.write(jpeg)
        image.flush()
        start = time.perf_counter()
        run = subprocess.run(["tesseract", image.name, "stdout", "-l", "nld"],
                             capture_output=True, text=True, check=False)
        return run.stdout, time.perf_counter() - start


def ours(jpegs: list[bytes], name: str, steps: tuple[str, ...],
         psm: int, reread: bool = True) -> tuple[str, dict | str, float]:
    """Our way through for one letter's photos: text, contract (or error code), seconds."""
    global OCR_SECONDS
    start = time.perf_counter()
    try:
        sources = [page for jpeg in jpegs for page in decode(jpeg, "image/jpeg")]
        document = read_pages(sources, name, "image/jpeg",
                              options=OcrOptions(steps=steps, workers=1, psm=psm, reread=reread))
    except LetterError as error:
        OCR_SECONDS = time.perf_counter() - start
        return "", error.code, OCR_SECONDS
    OCR_SECONDS = time.perf_counter() - start
    try:
        contract: dict | str = explain_document(document)
    except LetterError as error:
        contract = error.code
    return document.text, contract, time.perf_counter() - start


def warm_up() -> None:
    explain_document(ingest((SAMPLES / "cjib-boete.pdf").read_bytes(), "cjib-boete.pdf"))


def letter_pdf(name: str) -> bytes:
    """The letter's text PDF; a letter with only a .txt (samples/holdout) is
    typeset the way scripts/make_sample_pdfs.py makes the samples' PDFs."""
    pdf = LETTERS / f"{name}.pdf"
    if pdf.exists():
        return pdf.read_bytes()
    from letter_simplifier.render import typeset_text

    return typeset_text((LETTERS / f"{name}.txt").read_text(encoding="utf-8"), name)


def run_case(task: tuple[str, str, tuple[str, ...], bool, int, bool]) -> dict:
    name, profile, steps, with_bare, psm, reread = task
    pdf = letter_pdf(name)
    reference = ingest(pdf, f"{name}.pdf")
    expected = facts(explain_document(reference))
    jpegs = [page.jpeg for page in degrade_letter(pdf, name, profile)]
    bare_text, bare_seconds = "", 0.0
    if with_bare:
        for jpeg in jpegs:
            text, seconds = bare_tesseract(jpeg)
            bare_text += text + "\n"
            bare_seconds += seconds
    text, contract, seconds = ours(jpegs, name, steps, psm, reread)
    got = facts(contract) if isinstance(contract, dict) else None
    return {
        "letter": name, "profile": profile, "pages": len(jpegs),
        "cer": cer(reference.text, text),
        "bare_cer": cer(reference.text, bare_text) if with_bare else None,
        "error": contract if isinstance(contract, str) else None,
        **{f"same_{field}": bool(got and got[field] == expected[field])
           for field in ("deadlines", "amounts", "actions")},
        "seconds": seconds, "bare_seconds": bare_seconds, "ocr_seconds": OCR_SECONDS,
        "unsure": len(contract.get("warnings", [])) if isinstance(contract, dict) else 0,
    }


def run_all(tasks: list, jobs: int) -> list[dict]:
    with ProcessPoolExecutor(max_workers=jobs, initializer=warm_up) as pool:
        return list(pool.map(run_case, tasks))


def share(rows: list[dict], key: str) -> float:
    return sum(r[key] for r in rows) / len(rows)


def report(rows: list[dict]) -> str:
    lines = ["| profile | letters | pages | median CER | bare Tesseract median CER | "
             "deadlines same | amounts same | deadlines and amounts same | actions same | "
             "our s/page | bare s/page |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for profile in [*dict.fromkeys(r["profile"] for r in rows), "all"]:
        group = [r for r in rows if profile in ("all", r["profile"])]
        pages = sum(r["pages"] for r in group)
        both = sum(r["same_deadlines"] and r["same_amounts"] for r in group) / len(group)
        lines.append(
            f"| {profile} | {len(group)} | {pages} | "
            f"{statistics.median(r['cer'] for r in group):.2%} | "
            f"{statistics.median(r['bare_cer'] for r in group):.2%} | "
            f"{share(group, 'same_deadlines'):.1%} | {share(group, 'same_amounts'):.1%} | "
            f"{both:.1%} | {share(group, 'same_actions'):.1%} | "
            f"{sum(r['seconds'] for r in group) / pages:.2f} | "
            f"{sum(r['bare_seconds'] for r in group) / pages:.2f} |")
    ours_total = sum(r["seconds"] for r in rows)
    bare_total = sum(r["bare_seconds"] for r in rows)
    lines.append("")
    ocr_total = sum(r["ocr_seconds"] for r in rows)
    lines.append(f"overhead: our seconds / bare Tesseract seconds = {ours_total / bare_total:.2f}"
                 f" (reading alone {ocr_total / bare_total:.2f}, analysis and explanation "
                 f"{(ours_total - ocr_total) / bare_total:.2f})")
    failed = [f"{r['letter']}/{r['profile']}: {r['error']}" for r in rows if r["error"]]
    if failed:
        lines.append("errors: " + ", ".join(failed))
    worst = sorted(rows, key=lambda r: -r["cer"])[:5]
    lines.append("highest CER: " + ", ".join(
        f"{r['letter']}/{r['profile']} {r['cer']:.1%}" for r in worst))
    differ = [f"{r['letter']}/{r['profile']}" for r in rows
              if not (r["same_deadlines"] and r["same_amounts"])]
    if differ:
        lines.append("deadlines or amounts differ: " + ", ".join(differ))
    return "\n".join(lines)


def ablation(letters: list[str], profiles: list[str], jobs: int, psm: int) -> str:
    variants = {"all steps (default)": DEFAULT_STEPS}
    for step in DEFAULT_STEPS:
        variants[f"without {step}"] = tuple(s for s in DEFAULT_STEPS if s != step)
    variants["with binarise"] = (*DEFAULT_STEPS, "binarise")
    variants["no preparation"] = ()
    lines = ["| steps | median CER | mean CER | " + " | ".join(profiles) + " |",
             "| --- | ---: | ---: | " + " | ".join("---:" for _ in profiles) + " |"]
    for label, steps in variants.items():
        rows = run_all([(n, p, steps, False, psm, True) for n in letters for p in profiles],
                       jobs)
        by_profile = [statistics.median(r["cer"] for r in rows if r["profile"] == p)
                      for p in profiles]
        lines.append(f"| {label} | {statistics.median(r['cer'] for r in rows):.2%} | "
                     f"{statistics.mean(r['cer'] for r in rows):.2%} | "
                     + " | ".join(f"{v:.2%}" for v in by_profile) + " |")
        print(lines[-1], file=sys.stderr, flush=True)
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true",
                        help=f"{len(QUICK_LETTERS)} letters x {len(QUICK_PROFILES)} profiles")
    parser.add_argument("--ablate", action="store_true", help="leave out one step at a time")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--letters", default="")
    parser.add_argument("--profiles", default="")
    parser.add_argument("--steps", default=",".join(DEFAULT_STEPS),
                        help="preparation steps, in order")
    parser.add_argument("--psm", type=int, default=OcrOptions().psm,
                        help="Tesseract page segmentation mode")
    parser.add_argument("--no-reread", action="store_true",
                        help="do not read unsure numbers a second time")
    parser.add_argument("--letters-dir", type=Path, default=SAMPLES,
                        help="folder of letters (.txt, and .pdf if there is one)")
    args = parser.parse_args()
    global LETTERS
    LETTERS = args.letters_dir.resolve()
    OUT.mkdir(exist_ok=True)
    letters = [n for n in args.letters.split(",") if n] or (
        QUICK_LETTERS if args.quick else sorted(p.stem for p in LETTERS.glob("*.txt")))
    profiles = [p for p in args.profiles.split(",") if p] or (
        QUICK_PROFILES if args.quick else list(PROFILES))
    if args.ablate:
        print(ablation(letters, profiles, args.jobs, args.psm))
        return 0
    start = time.perf_counter()
    steps = tuple(s for s in args.steps.split(",") if s)
    rows = run_all([(n, p, steps, True, args.psm, not args.no_reread)
                    for n in letters for p in profiles], args.jobs)
    (OUT / "ocr_bench.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")
    print(report(rows))
    print(f"({len(rows)} letter photos, {time.perf_counter() - start:.0f} s, "
          f"{args.jobs} jobs; rows in build/ocr_bench.json)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

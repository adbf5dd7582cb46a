"""Readability check for agency writers: /leesbaarheid (paste or upload a
draft, see scores, coloured sentences and what to change),
/leesbaarheid/vergelijk (two versions side by side), and the JSON API
POST /api/readability and POST /api/readability/compare.

Drafts are read into memory, checked and dropped; nothing is stored.
"""

from __future__ import annotations

import os
from pathlib import Path

from flask import Blueprint, current_app, jsonify, render_template, request

from ..errors import EmptyFile, TextTooLong
from ..readability import check_document, compare
from ..readability.draft import draft_from_text, read_draft
from ..readability.frog import warm_up
from ..readability.report import Flag, Report
from ..readability.scores import B1_TARGET, LINT_LEVELS, LINT_STRUGGLE, SOURCES, classic_band

bp = Blueprint("readability", __name__, url_prefix="/leesbaarheid",
               static_folder=str(Path(__file__).resolve().parent / "static" / "leesbaarheid"),
               static_url_path="/static")
api_bp = Blueprint("readability_api", __name__, url_prefix="/api")

MAX_TEXT_CHARS = 200_000
LEVEL_NAMES = {0: "telt niet mee", 1: "niveau 1", 2: "niveau 2", 3: "niveau 3", 4: "niveau 4"}


@bp.record_once
def start_parser(state) -> None:
    # Frog takes seconds to start: start it with the app, not on the first
    # request. Tests start it once per session themselves;
    # READABILITY_WARM_PARSER=0 in the environment turns this off.
    default = not state.app.testing and os.environ.get("READABILITY_WARM_PARSER", "1") != "0"
    if state.app.config.get("READABILITY_WARM_PARSER", default):
        warm_up()


def parser_setting():
    return None if current_app.config.get("READABILITY_PARSER") is False else "auto"


def draft_from_request(text_field: str, file_field: str):
    upload = request.files.get(file_field)
    if upload is not None and upload.filename:
        return read_draft(upload.read(), os.path.basename(upload.filename))
    text = request.form.get(text_field, "")
    if len(text) > MAX_TEXT_CHARS:
        raise TextTooLong()
    return draft_from_text(text)


# -- pages ------------------------------------------------------------------------

@bp.get("/")
def form():
    return render_template("readability.html", report=None, text="")


@bp.post("/")
def check_page():
    document = draft_from_request("tekst", "bestand")
    report = check_document(document, parser=parser_setting())
    return render_template("readability.html", report=report, text=document.text,
                           **page_context(report))


@bp.app_template_global("number")
def number(value: float | None, pattern: str = "%.1f") -> str:
    """"55" rather than "55.0"; "-" when there is nothing to show."""
    if value is None:
        return "-"
    text = pattern % value
    return text[:-2] if text.endswith(".0") else text


@bp.get("/vergelijk")
def compare_form():
    return render_template("readability_compare.html", comparison=None)


@bp.post("/vergelijk")
def compare_page():
    before = check_document(draft_from_request("voor", "bestand_voor"), parser=parser_setting())
    after = check_document(draft_from_request("na", "bestand_na"), parser=parser_setting())
    comparison = compare(before, after)
    return render_template("readability_compare.html", comparison=comparison,
                           before=page_context(before), after=page_context(after))


# -- API --------------------------------------------------------------------------

def api_document(text_key: str, file_key: str):
    payload = request.get_json(silent=True) or {}
    if isinstance(payload.get(text_key), str):
        text = payload[text_key]
        if len(text) > MAX_TEXT_CHARS:
            raise TextTooLong()
        return draft_from_text(text)
    upload = request.files.get(file_key)
    if upload is not None and upload.filename:
        return read_draft(upload.read(), os.path.basename(upload.filename))
    if request.form.get(text_key):
        return draft_from_text(request.form[text_key])
    raise EmptyFile(f"Stuur de tekst als JSON {{\"{text_key}\": ...}} of als bestand "
                    f"'{file_key}'.")


@api_bp.post("/readability")
def check_api():
    report = check_document(api_document("text", "file"), parser=parser_setting())
    return jsonify(report.to_dict())


@api_bp.post("/readability/compare")
def compare_api():
    before = check_document(api_document("before", "before_file"), parser=parser_setting())
    after = check_document(api_document("after", "after_file"), parser=parser_setting())
    return jsonify(compare(before, after).to_dict())


# -- what the page shows ------------------------------------------------------------

def page_context(report: Report) -> dict:
    flag_ids = {id(flag): f"f{n}" for n, flag in enumerate(report.flags, start=1)}
    return {
        "segments": text_segments(report, flag_ids),
        "flag_ids": flag_ids,
        "bar": bar(report),
        "scores": score_rows(report),
        "level_names": LEVEL_NAMES,
        "flagged": [s for s in report.sentences if s.flags],
    }


def text_segments(report: Report, flag_ids: dict[int, str]) -> list[dict]:
    """The text as gaps and sentences; inside a sentence, the words with a
    word or deadline flag are marked."""
    text, position = report.text, 0
    segments: list[dict] = []
    for sentence in report.sentences:
        if sentence.start > position:
            segments.append({"gap": text[position:sentence.start]})
        pieces: list[tuple[str, Flag | None, str]] = []
        cursor = sentence.start
        for flag in sorted((f for f in sentence.flags if f.kind != "sentence"),
                           key=lambda f: f.start):
            if flag.start < cursor or flag.end > sentence.end:
                continue
            pieces.append((text[cursor:flag.start], None, ""))
            pieces.append((text[flag.start:flag.end], flag, flag_ids[id(flag)]))
            cursor = flag.end
        pieces.append((text[cursor:sentence.end], None, ""))
        segments.append({"sentence": sentence, "pieces": pieces})
        position = sentence.end
    if position < len(text):
        segments.append({"gap": text[position:]})
    return segments


def bar(report: Report) -> dict | None:
    """The 0-100 bar: LiNT level bands, the score and the B1 target."""
    if report.lint is None:
        return None
    bounds = (0.0, *LINT_LEVELS, 100.0)
    bands = [{"level": level, "x": bounds[level - 1], "width": bounds[level] - bounds[level - 1],
              "struggle": LINT_STRUGGLE[level]} for level in range(1, 5)]
    return {"score": report.lint.score, "level": report.lint.level, "bands": bands,
            "target": B1_TARGET, "meets": report.meets_b1}


def score_rows(report: Report) -> list[dict]:
    rows = []
    if report.lint:
        rows.append({"name": "LiNT-score (onze benadering)", "value": report.lint.score,
                     "meaning": f"niveau {report.lint.level} van 4: ongeveer "
                                f"{LINT_STRUGGLE[report.lint.level]}% van de volwassenen vindt "
                                "zo'n tekst moeilijk. Lager is makkelijker.",
                     "source": SOURCES["lint"]})
    for key, name, value in (("flesch_douma", "Flesch-Douma", report.flesch_douma),
                             ("brouwer", "Leesindex Brouwer", report.brouwer)):
        if value is not None:
            rows.append({"name": name, "value": value,
                         "meaning": f"{classic_band(value)}. Hoger is makkelijker. Telt alleen "
                                    "zinslengte en lettergrepen.",
                         "source": SOURCES[key]})
    return rows

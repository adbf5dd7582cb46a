"""Letters: upload a letter, get the explanation sheet (HTML or PDF), or the
JSON contract from the API."""

from __future__ import annotations

import os
from datetime import date

from flask import Blueprint, Response, jsonify, render_template, request

from ..errors import EmptyFile
from ..ingest import MAX_BYTES
from ..pipeline import Result, explain_letter
from ..render import render_html, render_pdf, sheet_css

bp = Blueprint("letters", __name__)
api_bp = Blueprint("letters_api", __name__, url_prefix="/api")


@bp.get("/")
def index():
    return render_template("upload.html", css=sheet_css(), max_mb=MAX_BYTES // 2**20)


@bp.get("/healthz")
def health():
    return {"status": "ok"}


@bp.post("/uitleg")
def explain_page():
    result = explain_upload()
    if request.form.get("format") == "pdf":
        pdf = render_pdf(result.explanation, result.document)
        return Response(pdf, mimetype="application/pdf", headers={
            "Content-Disposition": 'attachment; filename="uitleg-bij-brief.pdf"'})
    return render_html(result.explanation)


@api_bp.post("/explain")
def explain_api():
    return jsonify(explain_upload().contract())


def explain_upload() -> Result:
    upload = request.files.get("brief")
    if upload is None or not upload.filename:
        raise EmptyFile("Kies eerst een bestand met je brief.")
    data = upload.read()
    today = request.form.get("today") or request.args.get("today")
    return explain_letter(data, os.path.basename(upload.filename),
                          today=date.fromisoformat(today) if today else None)

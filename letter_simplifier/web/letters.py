"""Letters: upload (photos, PDF, text), follow the job, read the sheet, download
the PDF and the calendar file, give feedback, delete. Plus the JSON API."""

from __future__ import annotations

import json
import os
from datetime import UTC, date, datetime
from pathlib import Path

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)

from ..errors import EmptyFile, LetterError, TooLarge, UnsupportedFileType
from ..ingest import sniff
from ..jobs import JobQueue
from ..pipeline import Result, asks_for_received, explain_letter, with_received
from ..render import render_pdf, sheet_css
from ..render.ics import deadlines_ics
from .database import current_glossary

bp = Blueprint("letters", __name__)
api_bp = Blueprint("letters_api", __name__, url_prefix="/api")

# What we accept, judged by content (ingest.sniff), never by the file name.
ACCEPTED = {"application/pdf", "text/plain", "image/jpeg", "image/png", "image/webp",
            "image/tiff", "image/heif", "image/gif", "image/bmp"}


def jobs() -> JobQueue:
    return current_app.extensions["letter_jobs"]


@bp.get("/")
def index():
    return render_template("upload.html", limits=current_app.config["LIMITS"])


@bp.get("/privacy")
def privacy():
    return render_template("privacy.html")


@bp.get("/healthz")
def health():
    return {"status": "ok"}


@bp.get("/stijl/sheet.css")
def sheet_stylesheet():
    return Response(sheet_css(), mimetype="text/css",
                    headers={"Cache-Control": "public, max-age=3600"})


@bp.post("/uitleg")
def submit():
    files = read_uploads()
    job_id = jobs().submit(files, today=requested_today(), glossary=current_glossary())
    return redirect(url_for("letters.show", job_id=job_id), code=303)


@bp.get("/uitleg/<job_id>")
def show(job_id: str):
    status = jobs().status(job_id)
    if status is None:
        return gone()
    if status.state == "failed":
        jobs().delete(job_id)
        error = LetterError(status.error_message)
        error.code = status.error_code
        return render_template("error.html", error=error), 422
    if status.state != "done":
        return render_template("waiting.html", job_id=job_id, status=status)
    result: Result | None = jobs().result(job_id)
    if result is None:
        return gone()
    result, received, problem = given_received(result)
    explanation = result.explanation
    return render_template(
        "result.html", job_id=job_id, sheet=explanation, embedded=True, hidden_terms=0,
        has_dates=any(t.deadline for t in explanation.todos),
        asks_received=asks_for_received(result), received=received, received_error=problem,
        links={"ontvangen": received} if received else {},
        minutes_left=current_app.config["RESULT_MINUTES"]), 422 if problem else 200


RECEIVED_FIELD = "ontvangen"


def given_received(result: Result) -> tuple[Result, str, str]:
    """The sheet with the arrival day the reader typed ("Wanneer kreeg je deze
    brief?", `?ontvangen=YYYY-MM-DD` on the page, the PDF and the calendar file):
    (result, the day as given, a Dutch message when it cannot be right)."""
    value = (request.args.get(RECEIVED_FIELD) or "").strip()[:10]
    if not value:
        return result, "", ""
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return result, "", "Vul de dag in waarop je de brief kreeg, bijvoorbeeld 2-3-2026."
    if day > result.explanation.today:
        return result, value, "Die dag is nog niet geweest. Kies de dag waarop je de brief kreeg."
    letter_date = result.analysis.letter_date
    if letter_date and day < letter_date:
        return result, value, "Die dag ligt vóór de datum van de brief. Kijk nog eens."
    return with_received(result, day, glossary=current_glossary()), value, ""


@bp.get("/uitleg/<job_id>/status")
def status(job_id: str):
    found = jobs().status(job_id)
    if found is None:
        return jsonify({"state": "gone"}), 404
    return jsonify({"state": found.state, "progress": found.progress, "step": found.step})


@bp.get("/uitleg/<job_id>/uitleg.pdf")
def pdf(job_id: str):
    result, _, _ = given_received(finished(job_id))
    return Response(render_pdf(result.explanation, result.document), mimetype="application/pdf",
                    headers={"Content-Disposition": 'attachment; filename="uitleg-bij-brief.pdf"'})


@bp.get("/uitleg/<job_id>/agenda.ics")
def calendar(job_id: str):
    result, _, _ = given_received(finished(job_id))
    return Response(deadlines_ics(result.explanation, job_id[:12]), mimetype="text/calendar",
                    headers={"Content-Disposition": 'attachment; filename="datums-brief.ics"'})


@bp.post("/uitleg/<job_id>/verwijder")
def delete(job_id: str):
    jobs().delete(job_id)
    return render_template("gone.html", message="Je uitleg en je brief zijn verwijderd."), 200


@bp.post("/uitleg/<job_id>/feedback")
def feedback(job_id: str):
    text = (request.form.get("feedback") or "").strip()[:1000]
    if text:
        store_feedback(text)
    return render_template("gone.html" if jobs().status(job_id) is None else "thanks.html",
                           job_id=job_id, message="Bedankt! We lezen je bericht.")


@api_bp.post("/explain")
def explain_api():
    files = read_uploads()
    if len(files) != 1:
        raise UnsupportedFileType("Stuur via de API één bestand tegelijk.")
    data, name = files[0]
    return jsonify(explain_letter(data, name, today=requested_today(),
                                  glossary=current_glossary()).contract())


def finished(job_id: str) -> Result:
    result = jobs().result(job_id)
    if result is None:
        abort(410)
    return result


def gone():
    minutes = current_app.config["RESULT_MINUTES"]
    return render_template("gone.html", message=(
        f"Een uitleg is {minutes} minuten te zien. Daarna halen we hem weg, samen met je "
        "brief. Of je hebt hem zelf verwijderd.")), 410


def read_uploads() -> list[tuple[bytes, str]]:
    limits = current_app.config["LIMITS"]
    uploads = [(f, f.filename) for f in request.files.getlist("brief") if f and f.filename]
    if not uploads:
        raise EmptyFile("Kies eerst een foto of bestand van je brief.")
    if len(uploads) > limits["files"]:
        raise TooLarge(f"Je kunt maximaal {limits['files']} bestanden tegelijk sturen.")
    files = []
    for upload, filename in uploads:
        data = upload.read()
        if not data.strip():
            raise EmptyFile()
        media_type = sniff(data)
        if media_type not in ACCEPTED:
            raise UnsupportedFileType(detail=media_type)
        # The name is only shown, never used as a path.
        files.append((data, os.path.basename(filename)[:120]))
    return files


def requested_today() -> date | None:
    value = request.form.get("today") or request.args.get("today")
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def store_feedback(text: str) -> None:
    """Only what the user typed, with the time: never the letter or the sheet."""
    folder = Path(current_app.instance_path)
    folder.mkdir(parents=True, exist_ok=True)
    line = json.dumps({"time": datetime.now(UTC).isoformat(timespec="seconds"),
                       "text": text}, ensure_ascii=False)
    with (folder / "feedback.jsonl").open("a", encoding="utf-8") as handle:
        handle.write(line + "\n")




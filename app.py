"""The web app: upload a letter, get the explanation sheet (HTML or PDF).

Minimal surface over the same library functions as the CLI. Nothing a user
uploads is written to disk: the file is read into memory, explained and
dropped when the response is sent.
"""

from __future__ import annotations

import logging
import os
from datetime import date

from flask import Flask, Response, jsonify, render_template, request

from letter_simplifier import TEMPLATES_DIR
from letter_simplifier.errors import EmptyFile, LetterError, TooLarge
from letter_simplifier.ingest import MAX_BYTES
from letter_simplifier.pipeline import explain_letter
from letter_simplifier.render import render_html, render_pdf, sheet_css

log = logging.getLogger("letter_simplifier.web")


def create_app(config: dict | None = None) -> Flask:
    app = Flask(__name__, template_folder=str(TEMPLATES_DIR))
    app.config.update(
        MAX_CONTENT_LENGTH=MAX_BYTES + 64 * 1024,
        SECRET_KEY=os.environ.get("LETTER_SIMPLIFIER_SECRET_KEY", os.urandom(32).hex()),
    )
    app.config.update(config or {})

    @app.after_request
    def security_headers(response: Response) -> Response:
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
        response.headers.setdefault("Cache-Control", "no-store")
        return response

    @app.get("/")
    def index():
        return render_template("upload.html", css=sheet_css(), max_mb=MAX_BYTES // 2**20)

    @app.get("/healthz")
    def health():
        return {"status": "ok"}

    @app.post("/uitleg")
    def explain_page():
        result = explain_upload()
        if request.form.get("format") == "pdf":
            pdf = render_pdf(result.explanation, result.document)
            return Response(pdf, mimetype="application/pdf", headers={
                "Content-Disposition": 'attachment; filename="uitleg-bij-brief.pdf"'})
        return render_html(result.explanation)

    @app.post("/api/explain")
    def explain_api():
        return jsonify(explain_upload().contract())

    @app.errorhandler(LetterError)
    def letter_error(error: LetterError):
        log.info("rejected upload: %s", error.code)
        if request.path.startswith("/api/"):
            return jsonify(error.to_dict()), error.http_status
        return render_template("error.html", error=error, css=sheet_css()), error.http_status

    @app.errorhandler(413)
    def too_large(_error):
        return letter_error(TooLarge())

    return app


def explain_upload():
    upload = request.files.get("brief")
    if upload is None or not upload.filename:
        raise EmptyFile("Kies eerst een bestand met je brief.")
    data = upload.read()
    today = request.form.get("today") or request.args.get("today")
    return explain_letter(data, os.path.basename(upload.filename),
                          today=date.fromisoformat(today) if today else None)


if __name__ == "__main__":
    create_app().run(host=os.environ.get("HOST", "127.0.0.1"),
                     port=int(os.environ.get("PORT", "5000")))

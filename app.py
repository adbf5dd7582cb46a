"""The web app: `create_app()` builds it from the blueprints in
`letter_simplifier/web/`. Config comes from the environment with safe defaults.

Nothing a user uploads is written to disk: the file is read into memory,
explained and dropped when the response is sent.
"""

from __future__ import annotations

import logging
import os

from flask import Flask, Response, jsonify, render_template, request
from flask_wtf.csrf import CSRFError, CSRFProtect

from letter_simplifier import TEMPLATES_DIR
from letter_simplifier.errors import LetterError, TooLarge
from letter_simplifier.ingest import MAX_BYTES
from letter_simplifier.render import sheet_css
from letter_simplifier.web import BLUEPRINTS
from letter_simplifier.web.letters import api_bp

log = logging.getLogger("letter_simplifier.web")

CSP = ("default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")


def create_app(config: dict | None = None) -> Flask:
    app = Flask(__name__, template_folder=str(TEMPLATES_DIR))
    app.config.update(
        MAX_CONTENT_LENGTH=MAX_BYTES + 64 * 1024,
        SECRET_KEY=os.environ.get("LETTER_SIMPLIFIER_SECRET_KEY") or os.urandom(32).hex(),
    )
    app.config.update(config or {})
    # Every form posts a CSRF token; the JSON API (no cookies, no forms) is exempt.
    csrf = CSRFProtect(app)
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
    csrf.exempt(api_bp)

    @app.after_request
    def security_headers(response: Response) -> Response:
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("Cache-Control", "no-store")
        return response

    @app.errorhandler(LetterError)
    def letter_error(error: LetterError):
        # The code only: never the file name or anything from the letter.
        log.info("rejected upload: %s", error.code)
        if request.path.startswith("/api/"):
            return jsonify(error.to_dict()), error.http_status
        return render_template("error.html", error=error, css=sheet_css()), error.http_status

    @app.errorhandler(CSRFError)
    def csrf_error(_error):
        error = LetterError("Deze pagina was te lang open. Laad de pagina opnieuw en probeer "
                            "het nog een keer.")
        error.code = "csrf_failed"
        return render_template("error.html", error=error, css=sheet_css()), 400

    @app.errorhandler(413)
    def too_large(_error):
        return letter_error(TooLarge())

    return app


if __name__ == "__main__":
    create_app().run(host=os.environ.get("HOST", "127.0.0.1"),
                     port=int(os.environ.get("PORT", "5000")))

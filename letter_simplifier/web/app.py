"""The web app: `create_app()` builds it from the blueprints of this package.
Every setting comes from the environment with a safe default (see the README, "Web app settings").

Nothing a user uploads is written to disk: files are explained in memory (or
in Redis with REDIS_URL) and the result expires after RESULT_MINUTES.
"""

from __future__ import annotations

import logging
import os

from flask import Flask, Response, jsonify, render_template, request
from flask_wtf.csrf import CSRFError, CSRFProtect

from .. import INSTANCE_DIR, STATIC_DIR, TEMPLATES_DIR
from ..errors import LetterError, TooLarge
from ..ingest import MAX_BYTES
from ..ingest.bounds import MAX_PAGES
from ..jobs import make_queue
from ..render import template_globals
from .glossary_admin import bp as glossary_admin_bp
from .letters import api_bp
from .letters import bp as letters_bp
from .limits import apply_limits
from .readability import api_bp as readability_api_bp
from .readability import bp as readability_bp

BLUEPRINTS = [letters_bp, api_bp, glossary_admin_bp, readability_bp, readability_api_bp]

log = logging.getLogger("letter_simplifier.web")

# No inline script or style anywhere: everything comes from this server.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
       "base-uri 'none'; object-src 'none'")


def env(name: str, default: str) -> str:
    return os.environ.get(f"LETTER_SIMPLIFIER_{name}", default)


def settings() -> dict:
    redis_url = os.environ.get("REDIS_URL", "")
    return {
        "SECRET_KEY": env("SECRET_KEY", "") or os.urandom(32).hex(),
        "MAX_CONTENT_LENGTH": MAX_BYTES + 256 * 1024,
        "RESULT_MINUTES": int(env("RESULT_MINUTES", "60")),
        "JOB_WORKERS": int(env("JOB_WORKERS", "2")),
        "JOB_SECONDS": float(env("JOB_SECONDS", "120")),
        "REDIS_URL": redis_url,
        "UPLOAD_RATE_LIMIT": env("RATE_LIMIT", "20 per minute;200 per day"),
        "RATELIMIT_STORAGE_URI": redis_url or "memory://",
        "RATELIMIT_HEADERS_ENABLED": True,
        "LIMITS": {"files": 10, "mb": MAX_BYTES // 2**20, "pages": MAX_PAGES,
                   "megapixels": 40},
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SECURE": env("SECURE_COOKIES", "0") == "1",
    }


def create_app(config: dict | None = None) -> Flask:
    app = Flask(__name__, template_folder=str(TEMPLATES_DIR),
                static_folder=str(STATIC_DIR),
                instance_path=env("INSTANCE", str(INSTANCE_DIR)))
    app.config.update(settings())
    app.config.update(config or {})
    app.jinja_env.globals.update(template_globals())
    app.extensions["letter_jobs"] = make_queue(
        app.config["REDIS_URL"] or None, ttl=app.config["RESULT_MINUTES"] * 60,
        workers=app.config["JOB_WORKERS"], time_limit=app.config["JOB_SECONDS"])
    # Every form posts a CSRF token; the JSON API (no cookies, no forms) is exempt.
    csrf = CSRFProtect(app)
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
    csrf.exempt(api_bp)
    csrf.exempt(readability_api_bp)
    apply_limits(app)

    @app.after_request
    def security_headers(response: Response) -> Response:
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("Permissions-Policy", "camera=(self), geolocation=()")
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        if not request.path.startswith("/static/") and not request.path.startswith("/stijl/"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    def show_error(error: LetterError):
        # The code only: never the file name or anything from the letter.
        log.info("rejected request: %s", error.code)
        if request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json":
            return jsonify(error.to_dict()), error.http_status
        return render_template("error.html", error=error), error.http_status

    @app.errorhandler(LetterError)
    def letter_error(error: LetterError):
        return show_error(error)

    @app.errorhandler(CSRFError)
    def csrf_error(_error):
        error = LetterError("Deze pagina was te lang open. Laad de pagina opnieuw en probeer "
                            "het nog een keer.")
        error.code = "csrf_failed"
        return show_error(error)

    @app.errorhandler(413)
    def too_large(_error):
        return show_error(TooLarge())

    @app.errorhandler(429)
    def too_many(_error):
        error = LetterError("Je hebt veel brieven kort na elkaar gestuurd. Wacht even en "
                            "probeer het dan opnieuw.")
        error.code, error.http_status = "rate_limited", 429
        return show_error(error)

    @app.errorhandler(410)
    def gone(_error):
        minutes = app.config["RESULT_MINUTES"]
        return render_template("gone.html", message=(
            f"Een uitleg is {minutes} minuten te zien. Daarna halen we hem weg.")), 410

    return app

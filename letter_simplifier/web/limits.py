"""Rate limits per client (Flask-Limiter): in memory by default, in Redis when
REDIS_URL is set so every web server counts together. One Limiter per app, so
apps with other settings (tests) do not share counters or switches."""

from __future__ import annotations

from flask import Flask
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

# Endpoints that take uploads or writes: each client may call them only so often.
RATE_LIMITED = ("letters.submit", "letters.feedback", "letters_api.explain_api",
                "readability.check_page", "readability.compare_page",
                "readability_api.check_api", "readability_api.compare_api")


def apply_limits(app: Flask, endpoints: tuple[str, ...] = RATE_LIMITED) -> Limiter:
    limiter = Limiter(get_remote_address, app=app, default_limits=[])
    rule = limiter.limit(lambda: app.config["UPLOAD_RATE_LIMIT"])
    for endpoint in endpoints:
        if endpoint in app.view_functions:
            view = app.view_functions[endpoint]
            # Flask-Limiter's decorator keeps a view's type, but given Flask's union
            # (sync or async view) mypy makes it one callable that fits neither.
            app.view_functions[endpoint] = rule(view)  # type: ignore[assignment]
    app.extensions["letter_limiter"] = limiter
    return limiter

"""Maintainers' accounts in the web app: who is signed in, what a view needs,
and a brake on guessing passwords. Accounts themselves are made with
`letter-simplifier glossary user add NAME --role editor|reviewer`."""

from __future__ import annotations

import hashlib
import threading
import time
from collections import defaultdict, deque
from functools import wraps

from flask import abort, g, redirect, request, session, url_for

from ..glossary.models import User
from .database import store

SESSION_HOURS = 8
# Wrong passwords per account name before it is locked for a while.
MAX_FAILURES, FAILURE_WINDOW = 5, 15 * 60
SESSION_KEYS = ("beheer_user", "beheer_check", "beheer_since")


def fingerprint(user: User) -> str:
    # A new password ends every session that was signed in with the old one.
    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:32]


def signed_in() -> User | None:
    """The maintainer of this session: signed in less than SESSION_HOURS ago,
    with the password that is still theirs."""
    if "user" not in g:
        user_id, since = session.get("beheer_user"), session.get("beheer_since", 0)
        fresh = isinstance(since, int | float) and time.time() - since < SESSION_HOURS * 3600
        user = store().user(user_id) if isinstance(user_id, int) and fresh else None
        if user is not None and session.get("beheer_check") != fingerprint(user):
            user = None
        g.user = user
    return g.user


def signed_in_user() -> User:
    """The maintainer of this session, in a view behind login_required or
    reviewer_required (which send everyone else to the login page)."""
    user = signed_in()
    assert user is not None, "only for views behind login_required or reviewer_required"
    return user


def login_required(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        if signed_in() is None:
            return redirect(url_for("glossary_admin.login", next=request.path))
        return view(*args, **kwargs)
    return wrapped


def reviewer_required(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        user = signed_in()
        if user is None:
            return redirect(url_for("glossary_admin.login", next=request.path))
        if user.role != "reviewer":
            abort(403)
        return view(*args, **kwargs)
    return wrapped


def sign_in(user: User) -> None:
    session.clear()
    session["beheer_user"] = user.id
    session["beheer_check"] = fingerprint(user)
    session["beheer_since"] = int(time.time())


def sign_out() -> None:
    for key in SESSION_KEYS:
        session.pop(key, None)


def safe_next(target: str | None) -> str:
    # Only a path inside /beheer: never a redirect to another site.
    if target and target.startswith("/beheer/") and not target.startswith("//"):
        return target
    return url_for("glossary_admin.index")


class LoginThrottle:
    """Per account name, in this process: enough to stop guessing by hand
    or by a simple script; a shared deployment adds a proxy limit."""

    def __init__(self) -> None:
        self.failures: dict[str, deque[float]] = defaultdict(deque)
        self.lock = threading.Lock()

    def blocked(self, name: str) -> bool:
        with self.lock:
            recent = self.failures[name.casefold()]
            while recent and recent[0] < time.monotonic() - FAILURE_WINDOW:
                recent.popleft()
            return len(recent) >= MAX_FAILURES

    def failed(self, name: str) -> None:
        with self.lock:
            self.failures[name.casefold()].append(time.monotonic())

    def clear(self, name: str) -> None:
        with self.lock:
            self.failures.pop(name.casefold(), None)


throttle = LoginThrottle()

"""/beheer: the glossary maintainers' pages. Editors propose a new term, a
change or a removal; a reviewer (never the author) publishes or rejects it
with a comment; every published version is kept and can be rolled back.
Letters are explained with the published glossary (`current_glossary()`).

Accounts and sessions are in `auth.py`, the database behind the pages in
`database.py`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from flask import (
    Blueprint,
    abort,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)

from ..analyse import matcher_for
from ..errors import GlossaryError, LetterError
from ..glossary.candidates import find_candidates
from ..glossary.lint import explanation_problems
from ..glossary.models import Change
from ..glossary.schema import FIELD_LABELS, load_schema
from ..glossary.similarity import similar_terms
from ..glossary.store import entry_to_dict
from .auth import (
    login_required,
    reviewer_required,
    safe_next,
    sign_in,
    sign_out,
    signed_in,
    signed_in_user,
    throttle,
)
from .database import store

bp = Blueprint("glossary_admin", __name__, url_prefix="/beheer",
               static_folder=str(Path(__file__).resolve().parent / "static" / "beheer"),
               static_url_path="/static")

FIELDS = ("term", "variants", "plain", "alternative", "example", "category", "related", "source")
LIST_FIELDS = ("variants", "related")
ROLE_NAMES = {"editor": "schrijver", "reviewer": "controleur"}
FIELD_NAMES = FIELD_LABELS
DUTCH_TIME = ZoneInfo("Europe/Amsterdam")


@bp.app_template_filter("local_time")
def local_time(moment: datetime | None) -> str:
    """Stored in UTC (SQLite gives it back without a zone); shown as Dutch time."""
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(DUTCH_TIME).strftime("%d-%m-%Y %H:%M")


@bp.app_context_processor
def beheer_globals():
    return {"role_names": ROLE_NAMES, "field_names": FIELD_NAMES}


@bp.route("/inloggen", methods=["GET", "POST"])
def login():
    error = ""
    if request.method == "POST":
        name = (request.form.get("name") or "").strip()[:80]
        password = request.form.get("password") or ""
        if throttle.blocked(name):
            error = "Te vaak een verkeerd wachtwoord. Probeer het over een kwartier opnieuw."
        else:
            user = store().authenticate(name, password)
            if user is None:
                throttle.failed(name)
                error = "De naam of het wachtwoord klopt niet."
            else:
                throttle.clear(name)
                sign_in(user)
                return redirect(safe_next(request.args.get("next")))
    return render_template("beheer/login.html", error=error), 401 if error else 200


@bp.post("/uitloggen")
def logout():
    sign_out()
    return redirect(url_for("glossary_admin.login"))


# -- reading -------------------------------------------------------------------------


@bp.get("/")
@login_required
def index():
    query = (request.args.get("zoek") or "").strip()
    glossary = store().published()
    entries = sorted(glossary.entries, key=lambda e: e.term.casefold())
    if query:
        wanted = query.casefold()
        entries = [e for e in entries if any(wanted in form.casefold() for form in e.forms)]
    pending = store().changes("pending")
    return render_template("beheer/index.html", entries=entries, query=query, pending=pending,
                           total=len(glossary), version=store().version(), user=signed_in())


@bp.get("/woord/<path:term>")
@login_required
def entry(term: str):
    found = store().entry(term)
    history = store().history(term)
    if found is None and not history:
        abort(404)
    newest = {history[0].id} if history else set()
    return render_template("beheer/entry.html", entry=found, history=history, newest=newest,
                           user=signed_in())


@bp.get("/geschiedenis")
@login_required
def history() -> str:
    revisions = store().history(limit=300)
    newest: set[int] = set()
    seen: set[str] = set()
    for revision in revisions:  # newest first
        if revision.key not in seen:
            seen.add(revision.key)
            newest.add(revision.id)
    return render_template("beheer/history.html", revisions=revisions, newest=newest,
                           user=signed_in())


@bp.get("/voorstellen")
@login_required
def changes():
    return render_template("beheer/changes.html", changes=store().changes(), user=signed_in())


# -- proposing -----------------------------------------------------------------------


def form_entry(form) -> dict:
    data: dict[str, str | list[str]] = {}
    for field in FIELDS:
        value = (form.get(field) or "").strip()
        if field in LIST_FIELDS:
            data[field] = [part.strip() for part in value.replace("\n", ",").split(",")
                           if part.strip()]
        else:
            data[field] = value
    return data


def categories() -> list[str]:
    return load_schema()["properties"]["category"]["enum"]


@bp.route("/nieuw", methods=["GET", "POST"])
@login_required
def new():
    return edit_form(None)


@bp.route("/woord/<path:term>/wijzigen", methods=["GET", "POST"])
@login_required
def change_entry(term: str):
    if store().entry(term) is None:
        abort(404)
    return edit_form(term)


def edit_form(before_term: str | None):
    before = store().entry(before_term) if before_term else None
    values = entry_to_dict(before) if before else {field: "" for field in FIELDS}
    if before is None:  # "Voorstellen" on the page of missing words names the term
        values["term"] = (request.args.get("term") or "").strip()[:200]
    problems, message = [], ""
    if request.method == "POST":
        values = form_entry(request.form)
        try:
            change = store().propose(signed_in_user(), values, before.term if before else None)
        except GlossaryError as error:
            message, problems = error.message, error.problems
        else:
            flash("Je voorstel is opgeslagen. Een controleur kijkt ernaar.")
            return redirect(url_for("glossary_admin.show_change", change_id=change.id))
    return render_template("beheer/form.html", values=values, before=before,
                           categories=categories(), problems=problems, message=message,
                           user=signed_in()), 422 if message else 200


@bp.post("/woord/<path:term>/verwijderen")
@login_required
def remove_entry(term: str):
    try:
        change = store().propose(signed_in_user(), None, term)
    except GlossaryError as error:
        flash(error.message + " " + " ".join(p.message for p in error.problems))
        return redirect(url_for("glossary_admin.entry", term=term))
    flash("Je voorstel om dit woord weg te halen is opgeslagen. Een controleur kijkt ernaar.")
    return redirect(url_for("glossary_admin.show_change", change_id=change.id))


@bp.post("/controle")
@login_required
def check():
    """While typing: entries that look like the term, and whether the
    explanation is plain enough. JSON for static/beheer/beheer.js."""
    data = request.get_json(silent=True) or {}
    term = str(data.get("term") or "").strip()[:200]
    plain = str(data.get("plain") or "").strip()[:1000]
    before = str(data.get("before") or "").strip()[:200]
    related = [str(r).strip() for r in data.get("related") or [] if str(r).strip()][:50]
    glossary = store().published()
    lookalikes = [{"term": entry.term, "form": form, "score": round(score),
                   "url": url_for("glossary_admin.entry", term=entry.term)}
                  for entry, form, score in similar_terms(term, glossary, exclude=before)]
    problems = explanation_problems(plain, term, matcher_for(glossary), related) \
        if plain else []
    return jsonify({
        "lookalikes": lookalikes,
        "plain": [{"code": p.code, "message": p.message} for p in problems],
        "characters": len(plain),
        "max_characters": load_schema()["properties"]["plain"]["maxLength"],
    })


# -- what is missing ----------------------------------------------------------------

# Letters a maintainer uploads to find missing words: at most this many at once.
MISSING_MAX_FILES = 20
MISSING_TOP = 50


@bp.route("/ontbrekend", methods=["GET", "POST"])
@login_required
def missing():
    """Words of uploaded letters the glossary lacks (glossary/candidates.py).
    The letters are read in memory, counted and dropped: nothing is written,
    and the page shows only words and masked example sentences."""
    from ..readability.draft import read_draft

    found, unread, letters, error = None, [], 0, ""
    if request.method == "POST":
        uploads = [f for f in request.files.getlist("brieven") if f and f.filename]
        pasted = (request.form.get("tekst") or "").strip()
        texts = [pasted] if pasted else []
        if len(uploads) > MISSING_MAX_FILES:
            error = f"Je kunt maximaal {MISSING_MAX_FILES} brieven tegelijk sturen."
            uploads = []
        for number, upload in enumerate(uploads, 1):
            try:
                texts.append(read_draft(upload.read(), f"brief {number}").text)
            except LetterError as problem:
                unread.append(f"Bestand {number} ({upload.filename[:80]}): {problem.message}")
        if not texts and not error:
            error = "Kies eerst een of meer brieven, of plak de tekst van een brief."
        letters = len(texts)
        if texts:
            found = find_candidates(texts, matcher_for(store().published()),
                                    limit=MISSING_TOP, processes=1)
    return render_template("beheer/missing.html", found=found, unread=unread, letters=letters,
                           error=error, max_files=MISSING_MAX_FILES,
                           user=signed_in()), 422 if error else 200


# -- reviewing -----------------------------------------------------------------------


def field_rows(change: Change) -> list[dict]:
    before, after = change.before or {}, change.after or {}
    rows = []
    for field in FIELDS:
        old, new = before.get(field), after.get(field)
        rows.append({"field": field, "before": show(old), "after": show(new),
                     "changed": old != new})
    return rows


def show(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(value)
    return str(value)


@bp.get("/voorstel/<int:change_id>")
@login_required
def show_change(change_id: int):
    change = store().change(change_id)
    if change is None:
        abort(404)
    user = signed_in_user()
    can_review = (change.status == "pending" and user.role == "reviewer"
                  and change.author_id != user.id)
    return render_template("beheer/change.html", change=change, rows=field_rows(change),
                           can_review=can_review, user=user)


@bp.post("/voorstel/<int:change_id>/beoordelen")
@reviewer_required
def review(change_id: int):
    decision = request.form.get("besluit")
    comment = (request.form.get("comment") or "").strip()[:2000]
    try:
        if decision == "goedkeuren":
            revision = store().approve(change_id, signed_in_user(), comment)
            flash(f"Goedgekeurd. De woordenlijst is nu versie {revision.version}. "
                  f"Nieuwe uitleg gebruikt dit meteen.")
        elif decision == "afwijzen":
            store().reject(change_id, signed_in_user(), comment)
            flash("Afgewezen. De schrijver ziet je opmerking bij het voorstel.")
        else:
            abort(400)
    except GlossaryError as error:
        flash(error.message + " " + " ".join(p.message for p in error.problems))
    return redirect(url_for("glossary_admin.show_change", change_id=change_id))


@bp.post("/voorstel/<int:change_id>/intrekken")
@login_required
def withdraw(change_id: int):
    try:
        store().withdraw(change_id, signed_in_user())
        flash("Je voorstel is ingetrokken.")
    except GlossaryError as error:
        flash(error.message)
    return redirect(url_for("glossary_admin.show_change", change_id=change_id))


def revision_rows(revision) -> list[dict]:
    """What rolling back would do per field: now (the revision's after) -> back."""
    now, back = revision.after or {}, revision.before or {}
    return [{"field": field, "now": show(now.get(field)), "back": show(back.get(field))}
            for field in FIELDS if now.get(field) != back.get(field)]


@bp.get("/versie/<int:revision_id>/terugdraaien")
@reviewer_required
def confirm_rollback(revision_id: int):
    """Rolling back changes what every new sheet says: first this page shows
    what will change and asks to confirm."""
    revision = store().revision(revision_id)
    if revision is None:
        abort(404)
    return render_template("beheer/rollback.html", revision=revision,
                           rows=revision_rows(revision), user=signed_in())


@bp.post("/versie/<int:revision_id>/terugdraaien")
@reviewer_required
def rollback(revision_id: int):
    if request.form.get("bevestigd") != "ja":
        return redirect(url_for("glossary_admin.confirm_rollback", revision_id=revision_id))
    try:
        revision = store().rollback(revision_id, signed_in_user())
        flash(f"Teruggedraaid. De woordenlijst is nu versie {revision.version}.")
        target: str | None = revision.term
    except GlossaryError as error:
        flash(error.message + " " + " ".join(p.message for p in error.problems))
        found = store().revision(revision_id)
        target = found.term if found else None
    if target:
        return redirect(url_for("glossary_admin.entry", term=target))
    return redirect(url_for("glossary_admin.history"))

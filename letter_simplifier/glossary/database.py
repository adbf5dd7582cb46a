"""The maintained glossary in a database: SQLite by default (a file in the
instance folder), PostgreSQL for a shared deployment, chosen by URL.

Editors propose, a reviewer (never the author) publishes or rejects; every
publication raises the glossary version and keeps the entry before and after,
so any change can be rolled back. Readers call `published()`, which reloads
only when the version moved.
"""

from __future__ import annotations

import fcntl
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, event, func, select, text, update
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool
from werkzeug.security import check_password_hash, generate_password_hash

from .. import GLOSSARY_DIR, INSTANCE_DIR
from ..errors import GlossaryError
from .lint import proposal_problems
from .models import ROLES, Change, Entry, Revision, State, User, now
from .store import Glossary, GlossaryEntry, entry_from_dict, entry_to_dict, load_files

DATABASE_ENV = "LETTER_SIMPLIFIER_DATABASE_URL"
# The web app's instance folder (app.py reads the same variable).
INSTANCE_ENV = "LETTER_SIMPLIFIER_INSTANCE"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
MIN_PASSWORD = 10
# Any constant; ties a PostgreSQL advisory lock to "migrating the glossary".
MIGRATION_LOCK = 4_404_404


def default_path() -> Path:
    return Path(os.environ.get(INSTANCE_ENV) or INSTANCE_DIR) / "glossary.db"


def database_url(url: str | None = None) -> str:
    return url or os.environ.get(DATABASE_ENV) or f"sqlite:///{default_path()}"


@dataclass
class ImportSummary:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    version: int = 0

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    memory = not parsed.database or parsed.database == ":memory:"
    # In memory every connection is a new database: share one.
    engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False},
                           **({"poolclass": StaticPool} if memory else {}))

    @event.listens_for(engine, "connect")
    def sqlite_pragmas(connection, _record):
        cursor = connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    return engine


def raise_version(session: Session) -> int:
    """Raise the glossary version by one and return it. This takes the write
    lock (row lock in PostgreSQL, database lock in SQLite), so publications
    are serialised. The one State row is made by the first migration."""
    session.execute(update(State).where(State.id == 1).values(version=State.version + 1))
    return session.scalars(select(State.version).where(State.id == 1)).one()


class GlossaryStore:
    def __init__(self, url: str | None = None, *, seed_folder: Path | None = GLOSSARY_DIR):
        self.url = database_url(url)
        self.engine = make_engine(self.url)
        self.session = sessionmaker(self.engine, expire_on_commit=False)
        self.seed_folder = seed_folder
        self._lock = threading.Lock()
        self._ready = False
        self._cached: tuple[int, Glossary] | None = None

    # -- schema and seed --------------------------------------------------------------

    def migrate(self) -> None:
        """Bring the tables up to the newest Alembic revision (safe to repeat,
        and safe when several workers start at once)."""
        with self._migration_lock():
            self._upgrade()

    def _upgrade(self) -> None:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with self.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")

    @contextmanager
    def _migration_lock(self) -> Iterator[None]:
        parsed = make_url(self.url)
        if parsed.get_backend_name() == "postgresql":
            with self.engine.connect() as connection:
                connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK})
                try:
                    yield
                finally:
                    connection.execute(text("SELECT pg_advisory_unlock(:key)"),
                                       {"key": MIGRATION_LOCK})
                    connection.commit()
        elif parsed.database and parsed.database != ":memory:":
            with open(f"{parsed.database}.lock", "w") as handle:
                fcntl.flock(handle, fcntl.LOCK_EX)
                yield
        else:
            yield

    def ensure_ready(self) -> None:
        """Migrate, and seed from the term files when the glossary is empty."""
        if self._ready:
            return
        with self._lock:
            if self._ready:
                return
            # One lock around both, so two workers never seed twice.
            with self._migration_lock():
                self._upgrade()
                if self.seed_folder is not None and self.is_empty():
                    self._import(Glossary(load_files(self.seed_folder)),
                                 author="woordenlijst-bestanden",
                                 note="eerste vulling uit glossary/*.toml")
            self._ready = True

    def is_empty(self) -> bool:
        with self.session() as session:
            return not session.scalar(select(func.count()).select_from(Entry)) and \
                not session.scalar(select(func.count()).select_from(Revision))

    # -- reading ----------------------------------------------------------------------

    def version(self) -> int:
        with self.session() as session:
            return session.scalar(select(State.version).where(State.id == 1)) or 0

    def published(self) -> Glossary:
        """The published glossary; a new object only after a publication, so a
        matcher built for it stays valid until then."""
        self.ensure_ready()
        version = self.version()
        with self._lock:
            if self._cached and self._cached[0] == version:
                return self._cached[1]
        with self.session() as session:
            version = session.scalar(select(State.version).where(State.id == 1)) or 0
            rows = session.scalars(select(Entry).order_by(Entry.id)).all()
            glossary = Glossary([entry_from_dict(row.data) for row in rows])
        with self._lock:
            self._cached = (version, glossary)
        return glossary

    def entry(self, term: str) -> GlossaryEntry | None:
        return self.published().get(term)

    def change(self, change_id: int) -> Change | None:
        with self.session() as session:
            change = session.get(Change, change_id)
            if change is not None:
                _ = change.author, change.reviewer  # load before the session closes
            return change

    def changes(self, status: str | None = None, limit: int = 200) -> list[Change]:
        with self.session() as session:
            query = select(Change).order_by(Change.id.desc()).limit(limit)
            if status:
                query = query.where(Change.status == status)
            found = session.scalars(query).all()
            for change in found:
                _ = change.author, change.reviewer
            return list(found)

    def history(self, term: str | None = None, limit: int = 200) -> list[Revision]:
        with self.session() as session:
            query = select(Revision).order_by(Revision.id.desc()).limit(limit)
            if term:
                query = query.where(Revision.key == term.casefold())
            return list(session.scalars(query).all())

    def revision(self, revision_id: int) -> Revision | None:
        with self.session() as session:
            return session.get(Revision, revision_id)

    # -- accounts ---------------------------------------------------------------------

    def add_user(self, name: str, password: str, role: str) -> User:
        name = name.strip()
        if role not in ROLES:
            raise GlossaryError(f"Kies een rol: {' of '.join(ROLES)}.")
        if not name or len(name) > 80:
            raise GlossaryError("Kies een naam van 1 tot 80 tekens.")
        if len(password) < MIN_PASSWORD:
            raise GlossaryError(f"Het wachtwoord moet minstens {MIN_PASSWORD} tekens hebben.")
        self.ensure_ready()
        with self.session.begin() as session:
            if session.scalar(select(User).where(User.name == name)):
                raise GlossaryError(f"Er is al een account met de naam {name}.")
            user = User(name=name, password_hash=generate_password_hash(password), role=role)
            session.add(user)
        return user

    def set_password(self, name: str, password: str) -> None:
        if len(password) < MIN_PASSWORD:
            raise GlossaryError(f"Het wachtwoord moet minstens {MIN_PASSWORD} tekens hebben.")
        with self.session.begin() as session:
            user = session.scalar(select(User).where(User.name == name))
            if user is None:
                raise GlossaryError(f"Er is geen account met de naam {name}.")
            user.password_hash = generate_password_hash(password)

    def authenticate(self, name: str, password: str) -> User | None:
        self.ensure_ready()
        with self.session() as session:
            user = session.scalar(select(User).where(User.name == name.strip()))
        # Hash even for an unknown name, so the answer takes as long either way.
        stored = user.password_hash if user else DUMMY_HASH
        return user if check_password_hash(stored, password) and user else None

    def user(self, user_id: int) -> User | None:
        with self.session() as session:
            return session.get(User, user_id)

    def users(self) -> list[User]:
        self.ensure_ready()
        with self.session() as session:
            return list(session.scalars(select(User).order_by(User.name)).all())

    # -- proposals and review ---------------------------------------------------------

    def propose(self, author: User, after: dict | None, before_term: str | None = None) -> Change:
        """A new entry (`before_term` None), a change, or a removal (`after` None).
        Refused with the problems when the result would fail the checks."""
        glossary = self.published()
        before = glossary.get(before_term) if before_term else None
        if before_term and before is None:
            raise GlossaryError(f"{before_term} staat niet (meer) in de woordenlijst.")
        if after is None and before is None:
            raise GlossaryError("Er is niets om voor te stellen.")
        if before is not None and after is not None and entry_to_dict(before) == after:
            raise GlossaryError("Je hebt niets veranderd.")
        old_term = before.term if before else None
        problems = proposal_problems(after, old_term, glossary)
        if problems:
            raise GlossaryError("Het voorstel voldoet nog niet aan de regels.", problems)
        kind = "add" if before is None else "delete" if after is None else "edit"
        with self.session.begin() as session:
            change = Change(kind=kind, term=(after or {}).get("term") or old_term,
                            before=entry_to_dict(before) if before else None, after=after,
                            author_id=author.id, status="pending", comment="")
            session.add(change)
        return change

    def approve(self, change_id: int, reviewer: User, comment: str = "") -> Revision:
        change = self._reviewable(change_id, reviewer)
        problems = proposal_problems(change.after, (change.before or {}).get("term"),
                                     self.published())
        if problems:
            raise GlossaryError("Met de woordenlijst van nu voldoet dit voorstel niet meer aan "
                                "de regels.", problems)
        with self.session.begin() as session:
            revision = self._publish(session, change.before, change.after,
                                     author=change.author.name, reviewer=reviewer.name,
                                     change_id=change.id, note=comment.strip())
            stored = session.get_one(Change, change.id)
            stored.status, stored.reviewer_id = "published", reviewer.id
            stored.reviewed_at, stored.comment = now(), comment.strip()
        return revision

    def reject(self, change_id: int, reviewer: User, comment: str) -> None:
        self._reviewable(change_id, reviewer)
        if not comment.strip():
            raise GlossaryError("Schrijf erbij waarom je het voorstel afwijst.")
        with self.session.begin() as session:
            stored = session.get_one(Change, change_id)
            stored.status, stored.reviewer_id = "rejected", reviewer.id
            stored.reviewed_at, stored.comment = now(), comment.strip()

    def withdraw(self, change_id: int, author: User) -> None:
        with self.session.begin() as session:
            stored = session.get(Change, change_id)
            if stored is None or stored.author_id != author.id or stored.status != "pending":
                raise GlossaryError("Je kunt alleen je eigen open voorstellen intrekken.")
            stored.status, stored.reviewed_at = "withdrawn", now()

    def _reviewable(self, change_id: int, reviewer: User) -> Change:
        change = self.change(change_id)
        if change is None or change.status != "pending":
            raise GlossaryError("Dit voorstel is al beoordeeld of bestaat niet.")
        if reviewer.role != "reviewer":
            raise GlossaryError("Alleen een controleur kan een voorstel goedkeuren of afwijzen.")
        if change.author_id == reviewer.id:
            raise GlossaryError("Je kunt je eigen voorstel niet beoordelen. Vraag een ander.")
        return change

    def rollback(self, revision_id: int, reviewer: User) -> Revision:
        """Undo one published change: the entry gets back what it was before.
        Only the newest change of an entry can be undone, so no later work is
        lost without anyone noticing."""
        if reviewer.role != "reviewer":
            raise GlossaryError("Alleen een controleur kan een wijziging terugdraaien.")
        target = self.revision(revision_id)
        if target is None:
            raise GlossaryError("Deze versie bestaat niet.")
        newest = self.history(target.key, limit=1)[0]
        if newest.id != target.id:
            raise GlossaryError("Daarna is dit woord nog veranderd. Draai eerst die nieuwere "
                                "wijziging terug.")
        after_term = (target.after or {}).get("term")
        problems = proposal_problems(target.before, after_term, self.published())
        if problems:
            raise GlossaryError("Terugdraaien kan niet: de woordenlijst zou dan niet meer aan "
                                "de regels voldoen.", problems)
        with self.session.begin() as session:
            return self._publish(session, target.after, target.before, author=reviewer.name,
                                 reviewer=reviewer.name, change_id=None,
                                 note=f"teruggedraaid: versie {target.version} ({target.term})")

    def _publish(self, session: Session, before: dict | None, after: dict | None, *,
                 author: str, reviewer: str, change_id: int | None, note: str) -> Revision:
        version = raise_version(session)  # first: it takes the write lock
        old_key = before["term"].casefold() if before else None
        current = session.scalar(select(Entry).where(Entry.key == old_key)) if old_key else None
        if (current.data if current else None) != before:
            raise GlossaryError("Dit woord is intussen veranderd. Maak een nieuw voorstel op "
                                "basis van de woordenlijst van nu.")
        if after is None:
            session.delete(current)
        else:
            new_key = after["term"].casefold()
            if new_key != old_key and session.scalar(select(Entry).where(Entry.key == new_key)):
                raise GlossaryError(f"{after['term']} staat al in de woordenlijst.")
            if current is None:
                session.add(Entry(key=new_key, term=after["term"], data=after, version=version))
            else:
                current.key, current.term, current.data, current.version = (
                    new_key, after["term"], after, version)
        latest = after or before
        assert latest is not None, "a change has an entry after it, before it, or both"
        revision = Revision(version=version, key=latest["term"].casefold(),
                            term=latest["term"], before=before, after=after,
                            author=author, reviewer=reviewer, change_id=change_id, note=note)
        session.add(revision)
        if before and after and old_key != revision.key:
            # A renamed entry: its history is found under the old name too.
            session.add(Revision(version=version, key=old_key, term=before["term"],
                                 before=before, after=after, author=author, reviewer=reviewer,
                                 change_id=change_id, note=note))
        return revision

    # -- files ------------------------------------------------------------------------

    def import_glossary(self, glossary: Glossary, *, author: str = "import",
                        delete_missing: bool = False, dry_run: bool = False,
                        note: str = "") -> ImportSummary:
        """Make the database match the files: one version for the whole import,
        one revision per entry that differs."""
        self.ensure_ready()
        return self._import(glossary, author=author, delete_missing=delete_missing,
                            dry_run=dry_run, note=note)

    def _import(self, glossary: Glossary, *, author: str, delete_missing: bool = False,
                dry_run: bool = False, note: str = "") -> ImportSummary:
        summary = ImportSummary()
        with self.session.begin() as session:
            current = {row.key: row.data for row in session.scalars(select(Entry))}
            wanted = {e.term.casefold(): entry_to_dict(e) for e in glossary.entries}
            summary.added = [d["term"] for k, d in wanted.items() if k not in current]
            summary.changed = [d["term"] for k, d in wanted.items()
                               if k in current and current[k] != d]
            if delete_missing:
                summary.removed = [d["term"] for k, d in current.items() if k not in wanted]
            if dry_run or not summary:
                summary.version = session.scalar(select(State.version)) or 0
                return summary
            version = summary.version = raise_version(session)
            rows = {row.key: row for row in session.scalars(select(Entry))}
            note = note or "import uit de bestanden"
            for key, data in wanted.items():
                if key in current and current[key] == data:
                    continue
                row = rows.get(key)
                if row is None:
                    session.add(Entry(key=key, term=data["term"], data=data, version=version))
                else:
                    row.term, row.data, row.version = data["term"], data, version
                session.add(Revision(version=version, key=key, term=data["term"],
                                     before=current.get(key), after=data, author=author,
                                     reviewer="", note=note))
            for key in (k for k in current if k not in wanted and delete_missing):
                session.delete(rows[key])
                session.add(Revision(version=version, key=key, term=current[key]["term"],
                                     before=current[key], after=None, author=author,
                                     reviewer="", note=note))
        return summary


DUMMY_HASH = generate_password_hash("not a password, only here to take time")

"""Database tables of the maintained glossary (SQLAlchemy 2).

- `glossary_entries`: the published glossary, one row per term.
- `glossary_changes`: proposals by an editor, waiting for or decided by a reviewer.
- `glossary_revisions`: every published change of one entry, before and after,
  who wrote and who approved it. Nothing is ever deleted from this table.
- `glossary_state`: one row with the glossary version, raised by every
  publication in the same transaction, so a reader knows when to reload.
- `glossary_users`: maintainers, with a hashed password and a role.

The schema itself is created and changed by the Alembic migrations in
`migrations/`; keep the two in step.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Alembic's bookkeeping table, named apart from any other application's.
VERSION_TABLE = "glossary_alembic_version"
ROLES = ("editor", "reviewer")
CHANGE_KINDS = ("add", "edit", "delete")
STATUSES = ("pending", "published", "rejected", "withdrawn")


def now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "glossary_users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)


class Entry(Base):
    __tablename__ = "glossary_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # casefold(term): terms are unique regardless of case.
    key: Mapped[str] = mapped_column(String(200), unique=True)
    term: Mapped[str] = mapped_column(String(200))
    data: Mapped[dict] = mapped_column(JSON)
    version: Mapped[int] = mapped_column(Integer)


class Change(Base):
    __tablename__ = "glossary_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    term: Mapped[str] = mapped_column(String(200))
    # The entry as the editor saw it (None for "add") and as proposed (None for "delete").
    before: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    after: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("glossary_users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    status: Mapped[str] = mapped_column(String(10), default="pending")
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("glossary_users.id"),
                                                    nullable=True)
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    comment: Mapped[str] = mapped_column(Text, default="")

    author: Mapped[User] = relationship(foreign_keys=[author_id])
    reviewer: Mapped[User | None] = relationship(foreign_keys=[reviewer_id])


class Revision(Base):
    __tablename__ = "glossary_revisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, index=True)
    key: Mapped[str] = mapped_column(String(200), index=True)
    term: Mapped[str] = mapped_column(String(200))
    before: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    after: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    # Names, not links: the history stays readable whatever happens to accounts.
    author: Mapped[str] = mapped_column(String(80))
    reviewer: Mapped[str] = mapped_column(String(80), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    change_id: Mapped[int | None] = mapped_column(ForeignKey("glossary_changes.id"),
                                                  nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")


class State(Base):
    __tablename__ = "glossary_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=0)

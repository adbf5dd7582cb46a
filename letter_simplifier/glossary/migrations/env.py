"""Alembic environment for the glossary tables. Run through
`letter-simplifier glossary migrate` (or automatically when the web app first
opens the database); the connection is handed over in `config.attributes`."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from letter_simplifier.glossary.models import VERSION_TABLE, Base


def run(connection) -> None:
    context.configure(connection=connection, target_metadata=Base.metadata,
                      version_table=VERSION_TABLE, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    run(connection)
else:
    url = context.config.get_main_option("sqlalchemy.url")
    if url is None:
        raise RuntimeError("No connection handed over and no sqlalchemy.url in the config.")
    engine = create_engine(url)
    with engine.begin() as new_connection:
        run(new_connection)

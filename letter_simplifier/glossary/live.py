"""The published glossary for long-running processes (web app, job workers).

One `GlossaryStore` per database URL and process. `current_glossary()` asks
the database for its version (one small query) and returns the same
`Glossary` object until a publication raises it, so the matcher built for it
(`analyse.matcher_for`) is rebuilt only after a publish.

If the database cannot be read, letters are still explained: with the term
files, and a warning in the log.
"""

from __future__ import annotations

import logging
import threading

from sqlalchemy.exc import SQLAlchemyError

from .database import GlossaryStore, database_url
from .store import Glossary, load_glossary

log = logging.getLogger(__name__)

_stores: dict[str, GlossaryStore] = {}
_lock = threading.Lock()


def store_for(url: str | None = None) -> GlossaryStore:
    url = database_url(url)
    with _lock:
        if url not in _stores:
            _stores[url] = GlossaryStore(url)
        return _stores[url]


def current_glossary(url: str | None = None) -> Glossary:
    try:
        return store_for(url).published()
    except (SQLAlchemyError, OSError) as error:
        log.warning("glossary database unavailable, using the term files: %s",
                    type(error).__name__)
        return load_glossary()

"""The glossary database behind the app: GLOSSARY_DATABASE_URL in the app config,
else the environment variable LETTER_SIMPLIFIER_DATABASE_URL, else `glossary.db` in
the instance folder. Under TESTING without either, a throwaway SQLite file per
process."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

from flask import current_app

from ..glossary import Glossary
from ..glossary.database import DATABASE_ENV, GlossaryStore
from ..glossary.live import current_glossary as published_glossary
from ..glossary.live import store_for


def database_url_for(app) -> str:
    url = app.config.get("GLOSSARY_DATABASE_URL") or os.environ.get(DATABASE_ENV)
    if url:
        return url
    if app.testing:
        return testing_url()
    return f"sqlite:///{Path(app.instance_path) / 'glossary.db'}"


_testing_folder: list[str] = []


def testing_url() -> str:
    if not _testing_folder:
        folder = tempfile.mkdtemp(prefix="glossary-test-")
        atexit.register(shutil.rmtree, folder, True)
        _testing_folder.append(folder)
    return f"sqlite:///{_testing_folder[0]}/glossary.db"


def store() -> GlossaryStore:
    return store_for(database_url_for(current_app))


def current_glossary() -> Glossary:
    """The published glossary, for explaining letters; the same object until
    the next publication, so the matcher is rebuilt only then."""
    return published_glossary(database_url_for(current_app))

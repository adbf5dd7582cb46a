from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from letter_simplifier.render import typeset_text

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

# Fixtures for every test module: browser (live_server, browser, page) and
# throwaway services (redis_url, rq_worker).
pytest_plugins = ["tests.browser", "tests.services"]

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
TODAY = date(2026, 3, 30)

# An invented letter: test IBAN, a BSN that passes the eleven-test but is no one's.
LETTER = """Gemeente Rotterdam
Sociale Zaken en Werkgelegenheid
Postbus 1024
3000 BA Rotterdam

Mevrouw S. de Vries
Voorbeeldstraat 12
3011 AA Rotterdam

Datum: 24 maart 2026
Ons kenmerk: SZW-2026/004512
BSN: 111222333
Betreft: terugvordering bijstand

Geachte mevrouw De Vries,

Uit onderzoek is gebleken dat u over de periode van 1 januari 2025 t/m 31 mei 2025 te veel \
bijstand heeft ontvangen, o.a. i.v.m. inkomsten uit arbeid. Wij vorderen derhalve een bedrag \
van € 1.234,56 van u terug. U moet dit bedrag vóór 1 mei 2026 betalen op rekening \
NL91 ABNA 0417 1643 00 o.v.v. betalingskenmerk 1234 5678 9012 3456.

Wijzigingen in uw situatie dient u onverwijld door te geven. Wij verzoeken u de \
bankafschriften binnen twee weken na de datum van deze brief op te sturen.

Bent u het niet eens met dit besluit? Dan kunt u binnen zes weken na de dagtekening van \
deze brief bezwaar maken.

Met vriendelijke groet,

Afdeling Terugvordering
"""


@pytest.fixture(scope="session")
def letter_text() -> str:
    return LETTER


@pytest.fixture(scope="session")
def letter_pdf() -> bytes:
    return typeset_text(LETTER, "brief")


def sample_names() -> list[str]:
    return sorted(p.stem for p in SAMPLES.glob("*.txt"))


# -- markers: `bash scripts/test --fast` leaves out what needs a browser, Tesseract,
# a database server or much time (see pyproject.toml for their meaning) -------------

FIXTURE_MARKS = {"page": "browser", "browser": "browser", "live_server": "browser",
                 "redis_url": "redis", "rq_worker": "redis",
                 "postgres_server": "postgres", "postgres_url": "postgres"}
MODULE_MARKS = {"test_ocr.py": "ocr", "test_browser_upload.py": "browser",
                "test_browser_readability.py": "browser", "test_accessibility.py": "browser",
                "test_glossary_store.py": "postgres"}


def pytest_collection_modifyitems(items):
    for item in items:
        names = {FIXTURE_MARKS[f] for f in item.fixturenames if f in FIXTURE_MARKS}
        names |= {MODULE_MARKS[item.path.name]} if item.path.name in MODULE_MARKS else set()
        for name in sorted(names):
            item.add_marker(getattr(pytest.mark, name))

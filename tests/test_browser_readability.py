"""In a real browser: paste a draft, see the score, the coloured sentences and
what a flag says; upload the same draft as Word and get the same result."""

from __future__ import annotations

import pytest

from letter_simplifier.readability import frog

from .browser import screenshot
from .test_readability_check import docx_bytes

DRAFT = "\n\n".join([
    "Gemeente Rotterdam",
    "Rotterdam, 2 maart 2026",
    "Geachte heer Jansen,",
    "Derhalve delen wij u mede dat uw aanvraag voor bijzondere bijstand van 3 maart 2026 na "
    "zorgvuldig onderzoek door de afdeling Werk en Inkomen is afgewezen.",
    "Indien u het niet eens bent met dit besluit, kunt u binnen zes weken na de dagtekening "
    "van deze brief bezwaar maken.",
    "U krijgt elke maand geld van ons. Dat blijft zo.",
    "Met vriendelijke groet,",
    "Team Inkomen",
])


@pytest.fixture(scope="session")
def warm_parser():
    if not frog.installed():
        pytest.fail("frog is not installed: run scripts/setup")
    frog.shared().start()


def read_result(page) -> tuple[str, int, int]:
    page.wait_for_selector(".lb-score")
    score = page.get_attribute(".lb-score", "data-score")
    return score, page.locator("a.lb-s").count(), page.locator(".lb-flag").count()


def test_paste_and_upload_a_draft(live_server, page, warm_parser, tmp_path):
    page.goto(live_server.url + "/leesbaarheid/")
    page.fill("#tekst", DRAFT)
    assert page.inner_text("#teller") != ""  # the small script counts words
    page.get_by_role("button", name="Controleer de tekst").click()
    pasted = read_result(page)
    assert float(pasted[0]) > 0 and pasted[2] > 0
    assert page.locator("a.lb-s.lb-l1, a.lb-s.lb-l2, a.lb-s.lb-l3, a.lb-s.lb-l4").count() >= 3
    assert "Doel" in page.inner_text("figure.lb-bar")

    # Click the first sentence: its remarks are highlighted and say what to write instead.
    page.locator("a.lb-s", has_text="Derhalve").click()
    remarks = page.locator("article.lb-sentence.lb-active")
    assert remarks.count() == 1
    text = remarks.inner_text()
    assert "Derhalve" in text and "Schrijf 'daarom'" in text and "Wat kunt u doen?" in text
    assert "Lange zin" in text
    screenshot(page, "readability-1280")

    path = tmp_path / "concept.docx"
    path.write_bytes(docx_bytes(DRAFT.split("\n\n")))
    page.goto(live_server.url + "/leesbaarheid/")
    page.set_input_files("#bestand", str(path))
    page.get_by_role("button", name="Controleer de tekst").click()
    assert read_result(page) == pasted

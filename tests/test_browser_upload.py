"""In a real browser: upload a text PDF, see the sheet."""

from __future__ import annotations

from .browser import screenshot
from .conftest import SAMPLES


def test_upload_pdf_and_read_the_sheet(live_server, page):
    page.goto(live_server.url + "/")
    page.set_input_files("#brief", str(SAMPLES / "cjib-aanmaning.pdf"))
    page.get_by_role("button", name="Uitleg bekijken").click()
    page.wait_for_selector("text=Wat moet je doen?")
    assert "Betaal € 151,50" in page.inner_text("main")
    screenshot(page, "sheet-1280")
    page.set_viewport_size({"width": 360, "height": 800})
    screenshot(page, "sheet-360")

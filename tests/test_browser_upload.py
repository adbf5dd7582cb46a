"""In a real browser (Debian's Chromium via Playwright): the young person's way
through the web app, and what happens with a broken file or an expired result.
Screenshots at 360 px and 1280 px go to tests/artifacts/."""

from __future__ import annotations

import io
from datetime import date

import pdfplumber
from icalendar import Calendar

from .browser import LiveServer, screenshot
from .conftest import SAMPLES
from .test_accessibility import violations

UPLOAD_BUTTON = "Leg mijn brief uit"


def upload(page, server, *paths):
    page.goto(server.url + "/")
    page.set_input_files("#brief", [str(p) for p in paths])
    page.get_by_role("button", name=UPLOAD_BUTTON).click()


def test_upload_follow_progress_and_use_the_sheet(live_server, page):
    page.goto(live_server.url + "/")
    screenshot(page, "upload-1280")
    page.set_viewport_size({"width": 360, "height": 780})
    screenshot(page, "upload-360")
    page.set_viewport_size({"width": 1280, "height": 900})
    upload(page, live_server, SAMPLES / "cjib-aanmaning.pdf")
    # The waiting page comes first; it turns into the sheet without a click.
    page.wait_for_selector("h1:has-text('Uitleg bij je brief van CJIB')", timeout=60_000)
    main = page.inner_text("#sheet")
    assert "Wat moet je doen?" in main
    assert "Betaal € 151,50, uiterlijk op vrijdag 10 juli 2026" in main
    screenshot(page, "sheet-1280")
    page.set_viewport_size({"width": 360, "height": 780})
    screenshot(page, "sheet-360")
    # No horizontal scrolling on a 360 px phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    # A hard word opens when tapped.
    term = page.locator("details.term").first
    term.locator("summary").click()
    assert term.get_attribute("open") is not None

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Uitleg + brief (PDF)").click()
    data = open(download_info.value.path(), "rb").read()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert "Wat moet je doen?" in pdf.pages[0].extract_text()
        assert "CJIB" in pdf.pages[1].extract_text()

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Zet de datums in je agenda").click()
    calendar = Calendar.from_ical(open(download_info.value.path(), "rb").read())
    starts = [event.decoded("dtstart") for event in calendar.walk("VEVENT")]
    assert date(2026, 7, 10) in starts


def phone_photo(tmp_path, letter: str):
    import sys

    from .conftest import ROOT

    sys.path.insert(0, str(ROOT / "scripts"))
    from degrade_samples import degrade_letter

    pages = degrade_letter((SAMPLES / f"{letter}.pdf").read_bytes(), letter, "phone")
    path = tmp_path / "foto.jpg"
    path.write_bytes(pages[0].jpeg)
    return path


def test_phone_photo_progress_deadline_amount_pdf_and_calendar(live_server, page, tmp_path):
    photo = phone_photo(tmp_path, "gemeente-maatregel")
    upload(page, live_server, photo)
    # OCR takes seconds: the waiting page with its progress bar shows first.
    page.wait_for_selector("#progress")
    assert "We lezen je brief" in page.inner_text("main")
    screenshot(page, "waiting-1280")
    page.wait_for_selector("text=Wat moet je doen?", timeout=90_000)
    sheet = page.inner_text("#sheet")
    assert "dinsdag 14 april 2026" in sheet  # contact before this day
    assert "maandag 18 mei 2026" in sheet  # objection: 6 weeks, past Ascension and 15 May
    assert "€ 1.326,17" in sheet
    screenshot(page, "photo-sheet-1280")
    page.set_viewport_size({"width": 360, "height": 780})
    screenshot(page, "photo-sheet-360")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Uitleg + brief (PDF)").click()
    with pdfplumber.open(download_info.value.path()) as pdf:
        assert "Wat moet je doen?" in pdf.pages[0].extract_text()
        assert len(pdf.pages) == 2  # the sheet, then the photo as a page
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Zet de datums in je agenda").click()
    calendar = Calendar.from_ical(open(download_info.value.path(), "rb").read())
    starts = {event.decoded("dtstart") for event in calendar.walk("VEVENT")}
    assert {date(2026, 4, 14), date(2026, 5, 18)} <= starts


def test_broken_file_gets_a_dutch_message(live_server, page, tmp_path):
    broken = tmp_path / "brief.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 100)
    upload(page, live_server, broken)
    page.wait_for_selector("text=Dat lukte niet")
    assert "kapot" in page.inner_text("main")
    zipped = tmp_path / "foto.jpg"
    zipped.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    upload(page, live_server, zipped)
    page.wait_for_selector("text=Dit soort bestand kunnen we niet lezen")
    screenshot(page, "error-1280")


def test_expired_result_is_gone(page):
    # Results live 60 minutes; here a result lives 1 second.
    with LiveServer({"RESULT_MINUTES": 1 / 60}) as server:
        upload(page, server, SAMPLES / "gemeente-maatregel.pdf")
        page.wait_for_selector("text=Wat moet je doen?", timeout=60_000)
        result_url = page.url
        page.wait_for_timeout(1500)
        response = page.goto(result_url)
        assert response.status == 410
        assert "Deze uitleg is weg" in page.inner_text("main")


def test_owner_can_delete_at_once(live_server, page):
    upload(page, live_server, SAMPLES / "gemeente-maatregel.pdf")
    page.wait_for_selector("text=Wat moet je doen?", timeout=60_000)
    result_url = page.url
    page.get_by_role("button", name="Verwijder nu").click()
    page.wait_for_selector("text=zijn verwijderd")
    assert page.goto(result_url).status == 410


def test_the_sheet_asks_the_arrival_day_and_counts_from_it(live_server, page):
    """A 14-dagenbrief: no date until the reader says when the letter came; then
    the sheet, the PDF and the calendar file have the last day."""
    upload(page, live_server, SAMPLES / "incasso-14-dagenbrief.pdf")
    page.wait_for_selector("text=Wanneer kreeg je deze brief?", timeout=60_000)
    assert "binnen 14 dagen nadat je de brief kreeg" in page.inner_text("#sheet")
    page.fill("#ontvangen", "2026-06-26")
    page.get_by_role("button", name="Reken de datum uit").click()
    page.wait_for_selector("#sheet :text('uiterlijk op vrijdag 10 juli 2026')")
    sheet = page.inner_text("#sheet")
    assert "Je kreeg de brief op vrijdag 26 juni 2026" in sheet
    assert page.input_value("#ontvangen") == "2026-06-26"
    assert violations(page) == []
    screenshot(page, "sheet-arrival-day-1280")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Uitleg + brief (PDF)").click()
    with pdfplumber.open(download_info.value.path()) as pdf:
        assert "vrijdag 10 juli 2026" in pdf.pages[0].extract_text()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Zet de datums in je agenda").click()
    calendar = Calendar.from_ical(open(download_info.value.path(), "rb").read())
    assert date(2026, 7, 10) in {event.decoded("dtstart") for event in calendar.walk("VEVENT")}

"""The web app through Flask's test client, plus the real gunicorn server."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pdfplumber
import pytest

from letter_simplifier.web import create_app

from .conftest import ROOT, SAMPLES
from .services import free_port

pytestmark = pytest.mark.slow  # the app with jobs, gunicorn in a subprocess

SAMPLE = SAMPLES / "cjib-aanmaning.pdf"


@pytest.fixture()
def client():
    app = create_app({"TESTING": True, "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": False})
    return app.test_client()


def upload(client, path: str, data: bytes, name: str, **form):
    return client.post(path, data={"brief": (io.BytesIO(data), name), **form},
                       content_type="multipart/form-data")


def finish(client, location: str, seconds: float = 60) -> dict:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        state = client.get(location + "/status").json
        if state["state"] in ("done", "failed"):
            return state
        time.sleep(0.1)
    raise AssertionError("job did not finish")


def test_upload_page_is_dutch_with_limits_and_strict_headers(client):
    page = client.get("/")
    assert page.status_code == 200
    assert 'lang="nl"' in page.text and 'type="file"' in page.text
    assert "25 MB" in page.text and 'capture="environment"' in page.text
    csp = page.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "unsafe-inline" not in csp
    assert page.headers["X-Content-Type-Options"] == "nosniff"
    assert page.headers["X-Frame-Options"] == "DENY"
    assert "<style>" not in page.text and "<script>" not in page.text


def test_upload_job_sheet_pdf_and_calendar(client):
    response = upload(client, "/uitleg", SAMPLE.read_bytes(), "brief.pdf", today="2026-06-15")
    assert response.status_code == 303
    location = response.headers["Location"]
    assert len(location.rsplit("/", 1)[1]) >= 32  # unguessable
    assert finish(client, location)["state"] == "done"
    sheet = client.get(location)
    assert "Wat moet je doen?" in sheet.text
    assert "vrijdag 10 juli 2026" in sheet.text  # four weeks after 12 June 2026
    assert "Nog 25 dagen." in sheet.text
    pdf = client.get(location + "/uitleg.pdf")
    with pdfplumber.open(io.BytesIO(pdf.data)) as document:
        assert "Wat moet je doen?" in document.pages[0].extract_text()
        assert len(document.pages) == 2
    ics = client.get(location + "/agenda.ics")
    assert ics.mimetype == "text/calendar" and b"DTSTART;VALUE=DATE:20260710" in ics.data


def test_the_arrival_day_gives_a_term_from_receipt_its_date(client):
    """A 14-dagenbrief counts from the day it arrived: the page asks for that day,
    then the sheet, the PDF and the calendar file show the last day and how."""
    letter = (SAMPLES / "incasso-14-dagenbrief.pdf").read_bytes()
    location = upload(client, "/uitleg", letter, "brief.pdf", today="2026-06-30"
                      ).headers["Location"]
    assert finish(client, location)["state"] == "done"
    sheet = client.get(location)
    assert "Wanneer kreeg je deze brief?" in sheet.text
    assert "binnen 14 dagen nadat je de brief kreeg" in sheet.text
    assert "10 juli 2026" not in sheet.text
    given = client.get(location + "?ontvangen=2026-06-26")
    assert given.status_code == 200
    assert "uiterlijk op vrijdag 10 juli 2026" in given.text
    assert "Je kreeg de brief op vrijdag 26 juni 2026. Vanaf de dag daarna heb je 14 dagen." \
        in given.text
    assert "ontvangen=2026-06-26" in given.text  # the PDF and calendar links carry the day
    pdf = client.get(location + "/uitleg.pdf?ontvangen=2026-06-26")
    with pdfplumber.open(io.BytesIO(pdf.data)) as document:
        assert "10 juli 2026" in document.pages[0].extract_text()
    ics = client.get(location + "/agenda.ics?ontvangen=2026-06-26")
    assert b"DTSTART;VALUE=DATE:20260710" in ics.data
    for day, says in (("2026-07-01", "nog niet geweest"), ("2026-06-20", "vóór de datum"),
                      ("morgen", "Vul de dag in")):
        wrong = client.get(location + f"?ontvangen={day}")
        assert wrong.status_code == 422 and says in wrong.text
        assert "10 juli 2026" not in wrong.text


def test_failed_job_shows_the_dutch_message_and_is_gone(client):
    response = upload(client, "/uitleg", b"%PDF-1.4 broken", "brief.pdf")
    location = response.headers["Location"]
    assert finish(client, location)["state"] == "failed"
    page = client.get(location)
    assert page.status_code == 422 and "kapot" in page.text
    assert client.get(location).status_code == 410


def test_api_returns_the_contract(client):
    response = upload(client, "/api/explain", SAMPLE.read_bytes(), "brief.pdf")
    assert response.status_code == 200
    assert response.json["schema"] == "letter-simplifier/explanation@1"
    assert response.json["sender"]["kind"] == "cjib"


@pytest.mark.parametrize("data,code,status", [
    (b"", "empty_file", 400),
    (b"PK\x03\x04 a zip file", "unsupported_file_type", 415),
    (b"<html><body>brief</body></html>", "unsupported_file_type", 415),
    (b"%PDF-1.4 broken", "corrupt_file", 400),
])
def test_api_errors(client, data, code, status):
    api = upload(client, "/api/explain", data, "brief.pdf")
    assert api.status_code == status and api.json["error"] == code


def test_feedback_stores_only_what_was_typed(tmp_path):
    app = create_app({"TESTING": True, "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": False})
    app.instance_path = str(tmp_path)
    client = app.test_client()
    location = upload(client, "/uitleg", SAMPLE.read_bytes(), "brief.pdf").headers["Location"]
    finish(client, location)
    response = client.post(location + "/feedback", data={"feedback": "De datum klopt niet."})
    assert response.status_code == 200 and "Bedankt" in response.text
    stored = (tmp_path / "feedback.jsonl").read_text(encoding="utf-8")
    assert "De datum klopt niet." in stored
    assert "CJIB" not in stored and "151" not in stored


def test_form_posts_need_a_csrf_token():
    client = create_app({"TESTING": True, "RATELIMIT_ENABLED": False}).test_client()
    response = upload(client, "/uitleg", SAMPLE.read_bytes(), "brief.pdf")
    assert response.status_code == 400 and "Laad de pagina opnieuw" in response.text
    api = upload(client, "/api/explain", SAMPLE.read_bytes(), "brief.pdf")
    assert api.status_code == 200


def test_uploads_are_rate_limited_per_client():
    app = create_app({"TESTING": True, "WTF_CSRF_ENABLED": False,
                      "UPLOAD_RATE_LIMIT": "3 per minute"})
    client = app.test_client()
    codes = [upload(client, "/api/explain", b"", "x.pdf").status_code for _ in range(5)]
    assert codes[:3] == [400, 400, 400] and codes[3:] == [429, 429]
    assert "Wacht even" in upload(client, "/api/explain", b"", "x.pdf").json["message"]


def test_gunicorn_serves_the_app():
    port = free_port()
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [str(gunicorn), "--bind", f"127.0.0.1:{port}", "--workers", "1",
         "letter_simplifier.web:create_app()"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "OMP_THREAD_LIMIT": "1"})
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as r:
                    assert r.status == 200
                    break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.3)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as r:
            assert "Snap je een brief niet?" in r.read().decode()
    finally:
        server.terminate()
        server.wait(timeout=20)

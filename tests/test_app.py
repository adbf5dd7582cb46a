"""The web app: upload a letter, get the sheet or the PDF; bad files get Dutch errors.
One test starts the real server the README's first command starts (gunicorn)."""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pdfplumber
import pytest

from app import create_app

from .conftest import ROOT, SAMPLES

SAMPLE = SAMPLES / "cjib-aanmaning.pdf"


@pytest.fixture()
def client():
    return create_app({"TESTING": True, "WTF_CSRF_ENABLED": False}).test_client()


def upload(client, path: str, data: bytes, name: str, **form):
    return client.post(path, data={"brief": (io.BytesIO(data), name), **form},
                       content_type="multipart/form-data")


def test_upload_page_is_dutch_and_has_a_form(client):
    page = client.get("/")
    assert page.status_code == 200
    assert 'lang="nl"' in page.text and 'type="file"' in page.text
    assert page.headers["Content-Security-Policy"].startswith("default-src 'self'")


def test_sheet_for_an_uploaded_pdf(client):
    response = upload(client, "/uitleg", SAMPLE.read_bytes(), "brief.pdf", today="2026-06-15")
    assert response.status_code == 200
    assert "Wat moet je doen?" in response.text
    assert "vrijdag 10 juli 2026" in response.text  # four weeks after 12 June 2026


def test_pdf_download_is_sheet_then_original(client):
    response = upload(client, "/uitleg", SAMPLE.read_bytes(), "brief.pdf", format="pdf",
                      today="2026-06-15")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    with pdfplumber.open(io.BytesIO(response.data)) as pdf:
        assert "Wat moet je doen?" in pdf.pages[0].extract_text()
        assert len(pdf.pages) == 2


def test_api_returns_the_contract(client):
    response = upload(client, "/api/explain", SAMPLE.read_bytes(), "brief.pdf")
    assert response.status_code == 200
    assert response.json["schema"] == "letter-simplifier/explanation@1"
    assert response.json["sender"]["kind"] == "cjib"


@pytest.mark.parametrize("data,code,status", [
    (b"", "empty_file", 400),
    (b"PK\x03\x04 a zip file", "unsupported_file_type", 415),
    (b"%PDF-1.4 broken", "corrupt_file", 400),
])
def test_bad_uploads_get_dutch_errors(client, data, code, status):
    api = upload(client, "/api/explain", data, "brief.pdf")
    assert api.status_code == status and api.json["error"] == code
    page = upload(client, "/uitleg", data, "brief.pdf")
    assert page.status_code == status
    assert "Dat lukte niet" in page.text and "Traceback" not in page.text


def test_form_posts_need_a_csrf_token():
    client = create_app({"TESTING": True}).test_client()
    response = upload(client, "/uitleg", SAMPLE.read_bytes(), "brief.pdf")
    assert response.status_code == 400 and "Laad de pagina opnieuw" in response.text
    api = upload(client, "/api/explain", SAMPLE.read_bytes(), "brief.pdf")
    assert api.status_code == 200


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_gunicorn_serves_the_app():
    port = free_port()
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [str(gunicorn), "--bind", f"127.0.0.1:{port}", "--workers", "1", "app:create_app()"],
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

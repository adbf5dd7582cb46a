"""The readability check through the web app (page, API, CSRF) and the CLI."""

from __future__ import annotations

import io
import json
import re

import pytest

from letter_simplifier.cli import main
from letter_simplifier.web import create_app

from .conftest import SAMPLES
from .test_readability_check import PLAIN, docx_bytes

DRAFT = (SAMPLES / "gemeente-maatregel.txt").read_text(encoding="utf-8")


@pytest.fixture()
def client():
    app = create_app({"TESTING": True, "WTF_CSRF_ENABLED": False, "READABILITY_PARSER": False,
                      "RATELIMIT_ENABLED": False})
    return app.test_client()


@pytest.fixture()
def guarded_client():
    return create_app({"TESTING": True, "READABILITY_PARSER": False,
                       "RATELIMIT_ENABLED": False}).test_client()


def test_page_has_a_form_with_csrf_token(guarded_client):
    page = guarded_client.get("/leesbaarheid/")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert re.search(r'<input type="hidden" name="csrf_token" value="[^"]+">', html)
    assert "leesbaarheid.js" in html and "<script>" not in html


def test_posting_without_csrf_token_is_refused(guarded_client):
    assert guarded_client.post("/leesbaarheid/", data={"tekst": DRAFT}).status_code == 400


def test_check_page_shows_scores_sentences_and_flags(client):
    response = client.post("/leesbaarheid/", data={"tekst": DRAFT})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Flesch-Douma" in html and "Leesindex Brouwer" in html
    assert re.search(r'class="lb-s lb-l[1-4]"', html)
    assert "Wat kunt u doen?" in html and "Douma (1960)" in html
    assert "Onze LiNT-score is een benadering" in html


def test_check_page_reads_a_word_file(client):
    data = docx_bytes(DRAFT.split("\n\n"))
    response = client.post("/leesbaarheid/", data={"bestand": (io.BytesIO(data), "concept.docx")},
                           content_type="multipart/form-data")
    assert response.status_code == 200 and "Wat kunt u doen?" in response.get_data(as_text=True)


def test_empty_text_gives_a_plain_message(client):
    response = client.post("/leesbaarheid/", data={"tekst": "  "})
    assert response.status_code == 400 and "Plak eerst" in response.get_data(as_text=True)


def test_api_needs_no_csrf_token(guarded_client):
    response = guarded_client.post("/api/readability", json={"text": DRAFT})
    assert response.status_code == 200
    assert response.json["schema"] == "letter-simplifier/readability@1"
    assert response.json["flags"] and response.json["scores"]["flesch_douma"]["value"]


def test_api_accepts_a_file_and_reports_errors(guarded_client):
    data = docx_bytes(DRAFT.split("\n\n"))
    response = guarded_client.post("/api/readability",
                                   data={"file": (io.BytesIO(data), "concept.docx")},
                                   content_type="multipart/form-data")
    assert response.status_code == 200 and response.json["source"]["method"] == "docx"
    response = guarded_client.post("/api/readability", json={"text": ""})
    assert response.status_code == 400 and response.json["error"] == "empty_file"


def test_api_and_page_compare_two_versions(guarded_client, client):
    after = (PLAIN / "03-afspraak.txt").read_text(encoding="utf-8")
    response = guarded_client.post("/api/readability/compare", json={"before": DRAFT,
                                                                     "after": after})
    changes = {c["key"]: c for c in response.json["changes"]}
    assert changes["flesch_douma"]["verdict"] == "beter"
    assert changes["flags"]["after"] < changes["flags"]["before"]
    html = client.post("/leesbaarheid/vergelijk", data={"voor": DRAFT, "na": after}
                       ).get_data(as_text=True)
    assert "Oude versie" in html and "Nieuwe versie" in html and "beter" in html


def test_cli_check(tmp_path, capsys):
    path = tmp_path / "concept.docx"
    path.write_bytes(docx_bytes(DRAFT.split("\n\n")))
    assert main(["check", str(path), "--json", "--no-parser"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["schema"] == "letter-simplifier/readability@1" and report["flags"]
    assert main(["check", str(SAMPLES / "cjib-aanmaning.txt"), "--no-parser"]) == 0
    out = capsys.readouterr().out
    assert "Flesch-Douma" in out and "Wat" not in out.split("\n")[0]
    assert main(["check", str(PLAIN / "01-uitkering-hoger.txt"), "--no-parser",
                 "--before", str(SAMPLES / "cjib-aanmaning.txt")]) == 0
    assert "| Flesch-Douma (hoger is makkelijker) |" in capsys.readouterr().out
    assert main(["check", str(tmp_path / "missing.txt")]) == 2


def test_check_endpoints_are_rate_limited():
    app = create_app({"TESTING": True, "READABILITY_PARSER": False,
                      "UPLOAD_RATE_LIMIT": "2 per minute"})
    client = app.test_client()
    statuses = [client.post("/api/readability", json={"text": DRAFT}).status_code
                for _ in range(3)]
    assert statuses == [200, 200, 429]

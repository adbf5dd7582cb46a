"""Ingest: type from content, PDF text layer with boxes, text encodings, bad input."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile

import pypdf
import pytest

from letter_simplifier import errors
from letter_simplifier.analyse import analyse
from letter_simplifier.ingest import ingest, sniff
from letter_simplifier.render import typeset_text


def test_sniff_uses_content_not_name(letter_pdf, letter_text):
    assert sniff(letter_pdf) == "application/pdf"
    assert sniff(letter_text.encode()) == "text/plain"
    assert sniff(b"\x89PNG\r\n\x1a\n" + b"\0" * 20) == "image/png"
    assert sniff(b"\xff\xd8\xff\xe0" + b"\0" * 20) == "image/jpeg"
    assert sniff(b"<!DOCTYPE html><html></html>") == "text/html"
    assert sniff(b"PK\x03\x04" + b"\0" * 20) == "application/zip"
    assert sniff(bytes(range(256)) * 4) == "application/octet-stream"


def test_pdf_text_layer_keeps_words_boxes_and_pages(letter_text):
    two_pages = letter_text.replace("Bent u het niet eens", "\fBent u het niet eens")
    document = ingest(typeset_text(two_pages), "brief.pdf")
    assert document.method == "text-layer"
    assert len(document.pages) == 2
    assert " ".join(document.text.split()) == " ".join(two_pages.split())
    kenmerk = next(w for w in document.words if w.text == "SZW-2026/004512")
    assert kenmerk.page == 1 and kenmerk.x0 is not None and kenmerk.top < kenmerk.bottom
    assert document.text[kenmerk.start:kenmerk.end] == "SZW-2026/004512"
    bezwaar = next(w for w in document.words if w.text == "bezwaar")
    assert bezwaar.page == 2
    assert document.page_at(bezwaar.start) == 2


def test_text_in_windows_1252_and_utf8(letter_text):
    for encoding in ("utf-8", "cp1252"):
        document = ingest(letter_text.encode(encoding), "brief.txt")
        assert "vóór 1 mei 2026" in document.text
        assert document.method == "plain-text"


def encrypted_pdf(pdf: bytes) -> bytes:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password="geheim", owner_password="eigenaar")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def zip_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("brief.txt", "hallo")
    return out.getvalue()


BAD_INPUTS = {
    "empty": (lambda pdf: b"", errors.EmptyFile),
    "whitespace": (lambda pdf: b"  \n\t ", errors.EmptyFile),
    "truncated_pdf": (lambda pdf: pdf[: len(pdf) // 3], errors.CorruptFile),
    "garbage_pdf": (lambda pdf: b"%PDF-1.7\n" + bytes(range(256)) * 20, errors.CorruptFile),
    "encrypted_pdf": (encrypted_pdf, errors.EncryptedPdf),
    "zip_named_pdf": (lambda pdf: zip_bytes(), errors.UnsupportedFileType),
    "html": (lambda pdf: b"<!doctype html><html><body>brief</body></html>",
             errors.UnsupportedFileType),
    "binary": (lambda pdf: bytes(range(256)) * 40, errors.UnsupportedFileType),
    "pdf_without_text": (lambda pdf: typeset_text("   ."), errors.NoText),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_gives_a_clear_error(name, letter_pdf):
    make, expected = BAD_INPUTS[name]
    with pytest.raises(expected) as caught:
        ingest(make(letter_pdf), "brief.pdf")
    error = caught.value
    assert error.code == expected.code and error.exit_code > 0
    assert error.message and "Traceback" not in error.message


def test_not_a_letter_and_not_dutch():
    shopping = "appels peren brood melk kaas " * 10
    with pytest.raises(errors.NotALetter):
        analyse(ingest(shopping.encode(), "lijst.txt"))
    english = (
        "Dear Mr Smith,\n\nWe have reviewed your application for housing benefit and decided "
        "that you must repay the amount of 300 pounds before the first of May. If you do not "
        "agree with this decision, you can object within six weeks of the date of this letter. "
        "Please contact our office if you have any questions about this letter.\n\n"
        "Kind regards,\n\nThe Benefits Office\n"
    )
    with pytest.raises(errors.NotDutch):
        analyse(ingest(english.encode(), "letter.txt"))


EXPLOOT = """Kuiper Gerechtsdeurwaarders
Voorbeeldlaan 1
1234 ZZ Voorbeeld

Dossiernummer: KG-26-000001

EXPLOOT VAN BETEKENING

Heden, dinsdag eenentwintig april tweeduizendzesentwintig, heb ik, gerechtsdeurwaarder te
Voorbeeld, aan de gerequireerde het vonnis van de kantonrechter betekend en bevel gedaan
om binnen twee dagen te betalen wat in het vonnis staat, met de rente en de kosten.
"""


def test_an_exploot_without_salutation_or_closing_is_a_letter():
    analysis = analyse(ingest(EXPLOOT.encode(), "exploot.txt"))
    assert analysis.letter_kind == "dwangbevel"
    # One sign of a letter, however often, is not enough: a text about deurwaarders.
    about = ("De gerechtsdeurwaarder komt vaak langs. Een gerechtsdeurwaarder werkt voor "
             "mensen die geld krijgen. Wat doet een gerechtsdeurwaarder precies op een dag? ") * 3
    with pytest.raises(errors.NotALetter):
        analyse(ingest(about.encode(), "tekst.txt"))


@pytest.mark.slow
@pytest.mark.parametrize("payload,code,exit_code", [
    (b"", "empty_file", errors.EmptyFile.exit_code),
    (b"PK\x03\x04rest-of-a-zip", "unsupported_file_type", errors.UnsupportedFileType.exit_code),
    (b"%PDF-1.4\n1 0 obj broken", "corrupt_file", errors.CorruptFile.exit_code),
])
def test_cli_reports_errors_in_dutch_without_traceback(tmp_path, payload, code, exit_code):
    path = tmp_path / "brief.pdf"
    path.write_bytes(payload)
    run = subprocess.run([sys.executable, "-m", "letter_simplifier", "explain", str(path)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == exit_code
    assert f"error: {code}" in run.stderr
    assert "Traceback" not in run.stderr
    assert run.stdout == ""


@pytest.mark.slow
def test_cli_missing_file(tmp_path):
    run = subprocess.run([sys.executable, "-m", "letter_simplifier", "explain",
                          str(tmp_path / "nope.pdf")], capture_output=True, text=True)
    assert run.returncode == 2 and "error: file_not_found" in run.stderr

"""Fifty malformed or hostile uploads: each gets a clear Dutch error (page and
API), nothing crashes, and the server still answers afterwards."""

from __future__ import annotations

import gzip
import io
import random
import time
import zipfile
import zlib

import pypdf
import pytest
from PIL import Image

from letter_simplifier.render import typeset_text
from letter_simplifier.web import create_app

from .conftest import LETTER, SAMPLES

pytestmark = pytest.mark.slow  # hostile files through the whole app

SAMPLE_PDF = (SAMPLES / "gemeente-maatregel.pdf").read_bytes()


def pdf_bomb(size: int = 200_000_000) -> bytes:
    """A tiny PDF whose page content inflates to `size` bytes."""
    stream = zlib.compress(b"0 " * (size // 2), 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream
        + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, xref))
    return out.getvalue()


def encrypted() -> bytes:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(SAMPLE_PDF)))
    writer.encrypt(user_password="geheim")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def image(size: tuple[int, int], fmt: str, mode: str = "L") -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, 255).save(out, fmt)
    return out.getvalue()


def zipped() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("brief.pdf", SAMPLE_PDF)
    return out.getvalue()


def no_page_pdf() -> bytes:
    out = io.BytesIO()
    pypdf.PdfWriter().write(out)
    return out.getvalue()


def hostile_uploads() -> list[tuple[str, list[tuple[bytes, str]]]]:
    rng = random.Random(7)
    noise = bytes(rng.getrandbits(8) for _ in range(100_000))
    jpeg = image((400, 300), "JPEG")
    english = ("Dear Mr Smith,\n\nWe have decided that you must repay 300 pounds before the "
               "first of May. If you disagree you may object within six weeks of the date of "
               "this letter. Please contact our office with any questions.\n\nKind regards,\n"
               "The Benefits Office\n")
    cases = {
        "empty": b"",
        "only whitespace": b" \n\t\n ",
        "pdf bomb": pdf_bomb(),
        "too many pages": typeset_text("\f".join(["Pagina met tekst."] * 25)),
        "encrypted pdf": encrypted(),
        "pdf without pages": no_page_pdf(),
        "pdf without text": typeset_text(" ."),
        "pdf header then noise": b"%PDF-1.7\n" + noise[:5000],
        "pdf marker late": noise[:2000] + b"%PDF-1.4",
        "png 20000x20000": image((20000, 20000), "PNG", "1"),
        "png 1x1": image((1, 1), "PNG"),
        "png magic then noise": b"\x89PNG\r\n\x1a\n" + noise[:3000],
        "jpeg truncated": jpeg[: len(jpeg) // 3],
        "jpeg magic then noise": b"\xff\xd8\xff\xe0" + noise[:3000],
        "gif tiny": image((2, 2), "GIF", "P"),
        "tiff magic then noise": b"II*\x00" + noise[:3000],
        "webp magic then noise": b"RIFF\x00\x10\x00\x00WEBPVP8 " + noise[:3000],
        "heic magic then noise": b"\x00\x00\x00\x18ftypheic" + noise[:3000],
        "bmp magic then noise": b"BM" + noise[:3000],
        "zip named jpg": zipped(),
        "gzip": gzip.compress(SAMPLE_PDF),
        "rar": b"Rar!\x1a\x07\x00" + noise[:500],
        "7z": b"7z\xbc\xaf\x27\x1c" + noise[:500],
        "word 97": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + noise[:500],
        "elf program": b"\x7fELF" + noise[:500],
        "windows program": b"MZ" + noise[:500],
        "html named pdf": b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>",
        "svg named png": b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        "xml": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>',
        "random 1 KB": noise[:1000],
        "random 100 KB": noise,
        "utf-16 text": LETTER.encode("utf-16"),
        "nul bytes in text": LETTER.encode()[:500] + b"\x00" * 50 + LETTER.encode()[500:],
        "english letter": english.encode(),
        "shopping list": ("appels peren brood melk kaas " * 20).encode(),
        "one long line": b"a" * 1_000_000,
        "control characters": bytes(range(1, 32)) * 100,
        "json": b'{"brief": "Geachte heer", "bedrag": 12}',
        "csv": b"naam;bedrag\nJan;12\nPiet;13\n",
        "too large text": b"Geachte heer, " * 2_200_000,
        "number soup": ("1234567890 " * 500).encode(),
        "emoji": ("🙂📄💶 " * 400).encode(),
        "right-to-left text": ("مرحبا بكم في الرسالة " * 60).encode(),
        "cp1252 gibberish": bytes(range(128, 256)) * 20,
        "pdf with javascript only": b"%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction << /S "
                                    b"/JavaScript /JS (app.alert(1)) >> >> endobj\ntrailer "
                                    b"<< /Root 1 0 R >>\n%%EOF",
        "truncated sample 10%": SAMPLE_PDF[: len(SAMPLE_PDF) // 10],
        "truncated sample 50%": SAMPLE_PDF[: len(SAMPLE_PDF) // 2],
        "truncated sample 90%": SAMPLE_PDF[: len(SAMPLE_PDF) * 9 // 10],
    }
    uploads = [(name, [(data, "brief.pdf")]) for name, data in cases.items()]
    uploads.append(("eleven files", [(SAMPLE_PDF, f"p{i}.pdf") for i in range(11)]))
    uploads.append(("text and image mixed junk", [(b"\x89PNG\r\n\x1a\n", "a.png"),
                                                  (noise[:100], "b.jpg")]))
    return uploads


UPLOADS = hostile_uploads()


@pytest.fixture(scope="module")
def client():
    app = create_app({"TESTING": True, "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": False,
                      "JOB_SECONDS": 60})
    return app.test_client()


def post(client, path, files):
    data = {"brief": [(io.BytesIO(content), name) for content, name in files]}
    return client.post(path, data=data, content_type="multipart/form-data")


def page_error(client, files) -> tuple[int, str]:
    response = post(client, "/uitleg", files)
    if response.status_code == 303:
        location = response.headers["Location"]
        deadline = time.monotonic() + 90
        while client.get(location + "/status").json["state"] not in ("done", "failed"):
            assert time.monotonic() < deadline, "job hangs"
            time.sleep(0.05)
        response = client.get(location)
    return response.status_code, response.get_data(as_text=True)


def test_there_are_fifty_cases():
    assert len(UPLOADS) >= 50


@pytest.mark.parametrize("name,files", UPLOADS, ids=[name for name, _ in UPLOADS])
def test_hostile_upload_gets_a_clear_error(client, name, files):
    status, text = page_error(client, files)
    assert 400 <= status < 500, (name, status)
    assert "Dat lukte niet" in text and "Traceback" not in text
    api = post(client, "/api/explain", files)
    assert 400 <= api.status_code < 500, (name, api.status_code)
    body = api.get_json()
    assert body["error"] and body["message"] and "Traceback" not in body["message"]


def test_server_still_answers_afterwards(client):
    assert client.get("/healthz").json == {"status": "ok"}
    status, text = page_error(client, [(SAMPLE_PDF, "../../etc/passwd")])
    assert status == 200 and "Wat moet je doen?" in text

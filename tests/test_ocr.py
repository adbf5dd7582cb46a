"""Photos and scans (OCR): real Tesseract on images made here from the test
letter, so every test knows what the page says. Unit tests for every
preparation step and every repair are at the bottom and need no Tesseract.
"""

from __future__ import annotations

import base64
import dataclasses
import io
import struct
import zlib

import cv2
import numpy as np
import pillow_heif
import pytest
from PIL import Image

from letter_simplifier import errors
from letter_simplifier.analyse import analyse, matcher_for
from letter_simplifier.explain import explain
from letter_simplifier.glossary import load_glossary
from letter_simplifier.ingest import ingest, ingest_pages
from letter_simplifier.ingest.ocr import prepare, quality, tesseract
from letter_simplifier.ingest.ocr.dashes import find_dash_rows
from letter_simplifier.ingest.ocr.images import decode
from letter_simplifier.ingest.ocr.repair import repair_text
from letter_simplifier.ingest.scan import usable_text_layer
from letter_simplifier.nlp import parse
from letter_simplifier.render import html_to_pdf, render_html, typeset_text
from letter_simplifier.render.crop import with_crops
from scripts.degrade_samples import PROFILES, degrade_letter, degrade_page, render_pages, rng_for

from .conftest import LETTER, SAMPLES, TODAY, sample_names

pillow_heif.register_heif_opener()

# A phone photo: on a table, seen at an angle, a shadow, a little blur, JPEG.
PHOTO = dataclasses.replace(PROFILES["phone"], thumb=False)


def facts(document) -> dict:
    analysis = analyse(document)
    explanation = explain(analysis, TODAY)
    return {
        "deadlines": sorted((str(d.last_day), d.verb, d.depends_on or "")
                            for d in analysis.deadlines),
        "amounts": sorted((a.value, a.role) for a in analysis.amounts),
        "actions": sorted(a.verb for a in explanation.todos),
        "references": sorted((r.kind, r.text) for r in analysis.references),
    }


def photo(page: np.ndarray, seed: str, dpi: float = 220, profile=PHOTO) -> bytes:
    return degrade_page(page, profile, rng_for(7, seed), dpi).jpeg


def encoded(array: np.ndarray, fmt: str, **options) -> bytes:
    out = io.BytesIO()
    Image.fromarray(array).save(out, format=fmt, **options)
    return out.getvalue()


@pytest.fixture(scope="module")
def letter_pdf_pages() -> list[np.ndarray]:
    return render_pages(typeset_text(LETTER), 220)


@pytest.fixture(scope="module")
def text_facts() -> dict:
    return facts(ingest(typeset_text(LETTER), "brief.pdf"))


@pytest.fixture(scope="module")
def three_photos() -> list[bytes]:
    """The letter split over three pages, each photographed on its own."""
    split = (LETTER.replace("Geachte mevrouw", "\fGeachte mevrouw")
             .replace("Wijzigingen in uw situatie", "\fWijzigingen in uw situatie"))
    pages = render_pages(typeset_text(split), 220)
    assert len(pages) == 3
    return [photo(page, f"three-{i}") for i, page in enumerate(pages)]


@pytest.fixture(scope="module")
def three_photo_document(three_photos):
    return ingest_pages([(data, f"foto-{i}.jpg") for i, data in enumerate(three_photos, 1)])


# --- real Tesseract -----------------------------------------------------------


def test_tesseract_is_there_with_dutch_and_one_thread():
    assert tesseract.check() >= tesseract.MIN_VERSION
    import os

    assert os.environ["OMP_THREAD_LIMIT"] == "1"


def test_heic_photo_turned_by_exif_reads_like_the_text_pdf(letter_pdf_pages, text_facts):
    # An iPhone stores the pixels sideways and an EXIF tag that says "turn 90".
    small = render_pages(typeset_text(LETTER), 170)[0]
    upright = cv2.imdecode(np.frombuffer(photo(small, "heic", dpi=170), np.uint8),
                           cv2.IMREAD_COLOR)[..., ::-1]
    sideways = np.ascontiguousarray(np.rot90(upright, 1))
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90 clockwise to view
    # x265's fastest preset: encoding a photo is slow, and this is not what we test.
    heic = encoded(sideways, "HEIF", quality=85, exif=exif.tobytes(),
                   enc_params={"preset": "ultrafast"})
    assert heic[4:12] == b"ftypheic"
    document = ingest(heic, "IMG_0001.HEIC")
    assert document.method == "ocr" and document.media_type == "image/heif"
    assert 0.8 < document.ocr_confidence <= 1
    assert facts(document) == text_facts
    assert document.page_images and document.page_images[0].data == heic


def test_three_photos_are_one_letter_in_order(three_photo_document, text_facts):
    document = three_photo_document
    assert len(document.pages) == 3
    first, _, last = (document.text[p.start:p.end] for p in document.pages)
    assert "Datum" in first and "bezwaar" in last
    assert facts(document) == text_facts
    # Every word knows where it is on its page, with its confidence.
    kenmerk = next(w for w in document.words if w.text.startswith("SZW-2026"))
    assert kenmerk.page == 1 and kenmerk.x0 < kenmerk.x1 and kenmerk.confidence > 0.5
    assert document.text[kenmerk.start:kenmerk.end] == kenmerk.text


def test_rotated_scans_are_turned_upright(letter_pdf_pages):
    page = cv2.cvtColor(letter_pdf_pages[0], cv2.COLOR_RGB2GRAY)
    turned, _ = prepare.rotate(page, 4.0)
    for quarters, fmt in ((2, "TIFF"), (1, "PNG")):
        scan = encoded(np.ascontiguousarray(np.rot90(turned, quarters)), fmt)
        document = ingest(scan, f"scan.{fmt.lower()}")
        assert "terugvordering bijstand" in document.text, fmt
        assert "1.234,56" in document.text


def test_scanned_pdf_is_read_by_ocr(letter_pdf_pages, text_facts):
    scan = Image.fromarray(cv2.cvtColor(letter_pdf_pages[0], cv2.COLOR_RGB2GRAY))
    out = io.BytesIO()
    scan.save(out, format="PDF", resolution=220)
    document = ingest(out.getvalue(), "scan.pdf")
    assert document.method == "ocr" and document.media_type == "application/pdf"
    assert facts(document) == text_facts


def test_amount_whose_point_tesseract_drops_reads_like_the_text_pdf():
    # On this 150 dpi scan Tesseract reads one "€612.40" of the rent table as
    # "€61240"; the letter's other "€612.40" prove the point (ocr/wordfix.py).
    name = "woningcorporatie-huurachterstand"
    pdf = (SAMPLES / f"{name}.pdf").read_bytes()
    scan = degrade_letter(pdf, name, "scan-150")[0].jpeg
    read = analyse(ingest(scan, "scan.jpg"))
    assert sorted(a.value for a in read.amounts) == sorted(
        a.value for a in analyse(ingest(pdf, f"{name}.pdf")).amounts)
    assert not any("61240" in w.text for w in read.document.words)


def test_pdf_with_a_gibberish_text_layer_is_read_by_ocr(letter_pdf_pages):
    png = encoded(letter_pdf_pages[0], "PNG")
    gibberish = " ".join(["Qxvzj Wkplt Zrrqm"] * 30)
    html = (f'<html><body style="margin:0"><p style="color:white;font-size:4pt">{gibberish}</p>'
            f'<img style="width:100%" src="data:image/png;base64,{base64.b64encode(png).decode()}">'
            "</body></html>")
    pdf = html_to_pdf(html)
    document = ingest(pdf, "brief.pdf")
    assert document.method == "ocr"
    assert "Qxvzj" not in document.text and "terugvordering" in document.text


def test_unsure_amount_is_named_and_shown_with_its_spot(three_photo_document):
    # Make the amount's words unsure, as a smudged photo would.
    start = three_photo_document.text.index("1.234,56")
    document = dataclasses.replace(three_photo_document, words=[
        dataclasses.replace(w, confidence=0.4) if w.start <= start < w.end else w
        for w in three_photo_document.words])
    analysis = analyse(document)
    # analyse gives the code and what was read; explain writes the sentence.
    assert any(w.code == "low_ocr_confidence" and "1.234,56" in w.values["text"]
               for w in analysis.warnings)
    assert any(w.code == "low_ocr_confidence" and "Controleer dit bedrag" in w.message
               and "1.234,56" in w.message for w in explain(analysis, TODAY).warnings)
    # explain says where to look; render cuts the spot out of the photo.
    plain = next(m for m in explain(analysis, TODAY).money if m.value == 1234.56)
    assert plain.check.span and plain.check.image is None
    explanation = with_crops(explain(analysis, TODAY), document)
    line = next(m for m in explanation.money if m.value == 1234.56)
    assert line.check and line.check.image.startswith("data:image/png;base64,")
    png = base64.b64decode(line.check.image.split(",", 1)[1])
    crop = cv2.imdecode(np.frombuffer(png, np.uint8), cv2.IMREAD_GRAYSCALE)
    assert crop.shape[1] > 100 and crop.min() < 100 < crop.max()  # ink on paper
    html = render_html(explanation)
    assert "Controleer dit in de brief" in html and 'src="data:image/png;base64,' in html


# --- unreadable input: a message that says what to do -------------------------


def blurred(page: np.ndarray) -> bytes:
    return encoded(cv2.GaussianBlur(page, (0, 0), 5), "JPEG", quality=70)


def picture() -> bytes:
    """A photo of something that is no letter: shapes and colours."""
    rng = np.random.default_rng(3)
    image = np.full((1200, 900, 3), 120, np.uint8)
    for _ in range(40):
        centre = tuple(int(v) for v in rng.integers(0, 900, 2))
        colour = tuple(int(v) for v in rng.integers(0, 255, 3))
        cv2.circle(image, centre, int(rng.integers(20, 200)), colour, -1)
    return encoded(image, "JPEG", quality=80)


def bomb_png() -> bytes:
    """A tiny PNG whose header claims 100000 x 100000 pixels."""
    png = bytearray(encoded(np.zeros((8, 8), np.uint8), "PNG"))
    header = b"IHDR" + struct.pack(">II", 100_000, 100_000) + bytes(png[24:29])
    png[12:29] = header
    png[29:33] = struct.pack(">I", zlib.crc32(header))
    return bytes(png)


UNREADABLE = {
    "too_dark": (lambda page: encoded((page * 0.1).astype(np.uint8), "JPEG"),
                 errors.PhotoTooDark, "meer licht"),
    "blurred": (blurred, errors.PhotoBlurred, "scherp"),
    "not_a_letter": (lambda page: picture(), errors.NoLetterInPhoto, "brief"),
    "one_pixel": (lambda page: encoded(np.zeros((1, 1, 3), np.uint8), "PNG"),
                  errors.PhotoTooSmall, "foto"),
    "truncated": (lambda page: encoded(page, "JPEG")[:5000], errors.CorruptFile, "opnieuw"),
    "bomb": (lambda page: bomb_png(), errors.ImageTooLarge, "kleinere foto"),
}


@pytest.mark.parametrize("name", sorted(UNREADABLE))
def test_unreadable_photo_says_what_to_do(name, letter_pdf_pages):
    make, expected, advice = UNREADABLE[name]
    with pytest.raises(expected) as caught:
        ingest(make(letter_pdf_pages[0]), "foto.jpg")
    error = caught.value
    assert error.code == expected.code and error.exit_code > 0 and error.http_status >= 400
    assert advice in error.message


def test_unreadable_page_among_photos_names_the_photo(three_photos, letter_pdf_pages):
    files = [(three_photos[0], "1.jpg"), (UNREADABLE["too_dark"][0](letter_pdf_pages[0]),
                                          "2.jpg")]
    with pytest.raises(errors.PhotoTooDark) as caught:
        ingest_pages(files)
    assert caught.value.message.startswith("Foto 2:")


def test_pdf_among_photos_is_refused_clearly(three_photos):
    with pytest.raises(errors.UnsupportedFileType) as caught:
        ingest_pages([(three_photos[0], "1.jpg"), (typeset_text(LETTER), "brief.pdf")])
    assert "PDF" in caught.value.message


def test_tesseract_failures_become_clear_errors(monkeypatch):
    tesseract.check.cache_clear()
    monkeypatch.setattr(tesseract.pytesseract, "get_languages", lambda config="": ["eng"])
    with pytest.raises(errors.OcrUnavailable):
        tesseract.check()
    tesseract.check.cache_clear()
    monkeypatch.undo()

    def slow(*args, **kwargs):
        raise RuntimeError("Tesseract process timeout")

    monkeypatch.setattr(tesseract.pytesseract, "image_to_data", slow)
    with pytest.raises(errors.OcrTimeout):
        tesseract.read_words(np.full((50, 50), 255, np.uint8))


# --- preparation steps (no Tesseract) ----------------------------------------


@pytest.fixture(scope="module")
def sample_pdf() -> bytes:
    return (SAMPLES / "cjib-aanmaning.pdf").read_bytes()


@pytest.mark.parametrize("profile", ["phone", "tilted", "shadow"])
def test_find_page_finds_the_corners_of_the_sheet(sample_pdf, profile):
    page = degrade_letter(sample_pdf, "cjib-aanmaning", profile)[0]
    grey = decode(page.jpeg, "image/jpeg")[0].grey
    corners = prepare.page_outline(grey)
    width = np.linalg.norm(page.corners[1] - page.corners[0])
    assert corners is not None
    assert np.abs(corners - page.corners).max() < 0.01 * width


def test_find_page_leaves_a_scan_alone(sample_pdf):
    page = degrade_letter(sample_pdf, "cjib-aanmaning", "scan")[0]
    grey = decode(page.jpeg, "image/jpeg")[0].grey
    assert prepare.page_outline(grey) is None


def test_find_page_warp_maps_back_to_the_photo(sample_pdf):
    page = degrade_letter(sample_pdf, "cjib-aanmaning", "phone")[0]
    flat = prepare.find_page(prepare.start(decode(page.jpeg, "image/jpeg")[0].grey))
    height, width = flat.grey.shape
    back = flat.to_source @ np.array([[0, width - 1], [0, 0], [1, 1]], float)
    back = (back[:2] / back[2]).T
    assert np.abs(back - page.corners[:2]).max() < 0.01 * width


@pytest.mark.parametrize("angle", [-6.0, -2.5, 3.0, 7.5])
def test_deskew_finds_the_angle_of_the_lines(letter_pdf_pages, angle):
    grey = cv2.cvtColor(letter_pdf_pages[0], cv2.COLOR_RGB2GRAY)
    turned, _ = prepare.rotate(grey, angle)
    points, _ = prepare.ink_points(turned)
    found, _ = prepare.skew_angle(points)
    assert found == pytest.approx(-angle, abs=0.2)
    straight = prepare.deskew(prepare.start(turned))
    assert "deskew" in straight.done


def test_deskew_turns_a_sideways_page(letter_pdf_pages):
    grey = cv2.cvtColor(letter_pdf_pages[0], cv2.COLOR_RGB2GRAY)
    sideways = np.ascontiguousarray(np.rot90(grey))
    page = prepare.deskew(prepare.start(sideways))
    assert "turn_sideways" in page.done and page.grey.shape[0] > page.grey.shape[1]


def test_turn_quarter_matrix_matches_the_pixels():
    grey = np.zeros((30, 50), np.uint8)
    grey[3, 7] = 255
    for quarters in (1, 2, 3):
        page = prepare.turn_quarter(prepare.start(grey), quarters, "turn")
        y, x = np.argwhere(page.grey == 255)[0]
        source = page.to_source @ np.array([x, y, 1.0])
        assert source[:2] == pytest.approx([7, 3])


def test_flatten_light_removes_a_shadow(letter_pdf_pages):
    grey = cv2.cvtColor(letter_pdf_pages[0], cv2.COLOR_RGB2GRAY).astype(np.float32)
    shade = np.linspace(1.0, 0.35, grey.shape[1], dtype=np.float32)[None, :]
    shadowed = (grey * shade).astype(np.uint8)
    flat = prepare.flatten_light(prepare.start(shadowed)).grey
    right = flat[:, -flat.shape[1] // 4:]
    assert np.percentile(shadowed[:, -flat.shape[1] // 4:], 50) < 120
    assert np.percentile(right, 50) > 235  # paper in the shadow is white again
    assert np.percentile(flat, 0.5) < 80  # ink is still dark


def test_upscale_enlarges_small_print_only(letter_pdf_pages):
    small = render_pages(typeset_text(LETTER), 90)[0]
    bigger = prepare.upscale(prepare.start(small))
    assert "upscale" in bigger.done
    assert prepare.letter_height(bigger.grey) >= prepare.TARGET_LETTER_HEIGHT * 0.8
    normal = prepare.upscale(prepare.start(render_pages(typeset_text(LETTER), 300)[0]))
    assert "upscale" not in normal.done


def test_binarise_gives_black_and_white(letter_pdf_pages):
    page = prepare.binarise(prepare.start(letter_pdf_pages[0]))
    assert set(np.unique(page.grey)) <= {0, 255}


def test_exif_orientation_is_applied():
    pixels = np.zeros((400, 600, 3), np.uint8)
    exif = Image.Exif()
    exif[0x0112] = 6
    data = encoded(pixels, "JPEG", exif=exif.tobytes())
    assert decode(data, "image/jpeg")[0].grey.shape == (600, 400)


def test_rows_of_hyphens_are_found(letter_pdf_pages):
    text = LETTER.replace("Geachte", "-" * 40 + "\n\nGeachte")
    grey = cv2.cvtColor(render_pages(typeset_text(text), 220)[0], cv2.COLOR_RGB2GRAY)
    stats, centres = prepare.components(grey)
    rows = find_dash_rows(stats, centres, prepare.letter_height(grey))
    assert len(rows) == 1 and abs(len(rows[0].text) - 40) <= 1


def test_quality_reasons():
    sharp = np.full((800, 600), 230, np.uint8)
    cv2.putText(sharp, "Geachte mevrouw", (40, 200), cv2.FONT_HERSHEY_SIMPLEX, 1.2, 0, 2)
    assert isinstance(quality.unreadable(sharp, None), errors.NoLetterInPhoto)
    assert isinstance(quality.unreadable(cv2.GaussianBlur(sharp, (0, 0), 6), None),
                      errors.PhotoBlurred)
    assert isinstance(quality.unreadable(sharp // 4, None), errors.PhotoTooDark)


# --- repairs and fuzzy terms (no Tesseract) -----------------------------------


@pytest.mark.parametrize("read,repaired", [
    ("IBAN NLO2 ABNA 0123 4567 89 t.n.v.", "IBAN NL02 ABNA 0123 4567 89 t.n.v."),
    ("IBAN NL91 A8NA O417 l643 00", "IBAN NL91 ABNA 0417 1643 00"),
    ("BSN: l11222333", "BSN: 111222333"),
    ("Datum: l2-03-2O26", "Datum: 12-03-2026"),
    ("vóór 1 mei 2O26 betalen", "vóór 1 mei 2026 betalen"),
    ("een bedrag van € l.234,S6 terug", "een bedrag van € 1.234,56 terug"),
    ("een bedrag van € 1.234.56 terug", "een bedrag van € 1.234,56 terug"),
    ("boete E 95,00 en € 95.-", "boete € 95,00 en € 95,-"),
    ("premie €148./5 per maand", "premie €148.75 per maand"),
    ("uw CJlB-nummer", "uw CJIB-nummer"),
    ("betaal uiter1ijk op", "betaal uiterlijk op"),
])
def test_ocr_repair_fixes_what_a_valid_form_proves(read, repaired):
    text, changed = repair_text(read)
    assert text == repaired and len(text) == len(read) and changed


@pytest.mark.parametrize("read", [
    "IBAN NL91 ABNA 0417 1643 01",  # wrong checksum: no repair makes it right
    "BSN: l11222334",  # fails the eleven-test however it is read
    "Datum: 3l-02-2026",  # 31 February does not exist
    "kosten € 612.40 per maand",  # a table's decimal point is valid as it is
    "bijlage E 1 en bijlage B",
    "Postcode 3011 AA, Telefoon 0800-0543",
    "de lente en de zomer",
])
def test_ocr_repair_leaves_what_it_cannot_prove(read):
    assert repair_text(read) == (read, [])


def test_fuzzy_terms_make_no_false_hits_on_clean_letters():
    matcher = matcher_for(load_glossary())
    extra = []
    for name in sample_names():
        doc = parse((SAMPLES / f"{name}.txt").read_text(encoding="utf-8"))
        exact = {(m.start, m.end) for m in matcher.find(doc)}
        extra += [m.found for m in matcher.find(doc, fuzzy=True) if (m.start, m.end) not in exact]
    assert extra == []


def test_fuzzy_terms_find_misread_glossary_words():
    matcher = matcher_for(load_glossary())
    doc = parse("Wij sturen u een beschikklng over de terugvorderlng van uw bijstand.")
    assert {m.entry.term for m in matcher.find(doc)} == {"bijstand"}
    found = {m.entry.term for m in matcher.find(doc, fuzzy=True)}
    assert {"beschikking", "terugvordering", "bijstand"} <= found


def test_text_layer_gibberish_is_told_apart():
    assert usable_text_layer(LETTER)
    assert not usable_text_layer(LETTER.translate(str.maketrans("aeiou", "qxzvw")))
    assert not usable_text_layer("(cid:12)(cid:15)" * 20)


def test_second_reading_must_keep_the_digits():
    from letter_simplifier.ingest.ocr.reread import same_digit_count

    assert same_digit_count("€612.40", "€61240")  # a separator put back
    assert same_digit_count("1026", "1O26")  # a look-alike letter
    assert not same_digit_count("999990056", "9999900056")  # a digit lost
    assert not same_digit_count("€148./5", "€148.75")

"""Tell what a file is from its first bytes, never from its name."""

from __future__ import annotations

# (magic prefix, offset, media type). Order matters: the first match wins.
SIGNATURES: list[tuple[bytes, int, str]] = [
    (b"%PDF-", 0, "application/pdf"),
    (b"\xff\xd8\xff", 0, "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", 0, "image/png"),
    (b"GIF87a", 0, "image/gif"),
    (b"GIF89a", 0, "image/gif"),
    (b"II*\x00", 0, "image/tiff"),
    (b"MM\x00*", 0, "image/tiff"),
    (b"BM", 0, "image/bmp"),
    (b"PK\x03\x04", 0, "application/zip"),
    (b"\x1f\x8b", 0, "application/gzip"),
    (b"Rar!", 0, "application/x-rar"),
    (b"7z\xbc\xaf", 0, "application/x-7z-compressed"),
    (b"\xd0\xcf\x11\xe0", 0, "application/x-ole-storage"),
    (b"\x7fELF", 0, "application/x-executable"),
    (b"MZ", 0, "application/x-msdownload"),
]

HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1", b"avif"}
MARKUP_STARTS = (b"<!doctype", b"<html", b"<?xml", b"<svg", b"<head", b"<body", b"<script")


def sniff(data: bytes) -> str:
    """Return the media type of `data`, or "application/octet-stream"."""
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return "image/webp"
    if data[4:8] == b"ftyp" and data[8:12] in HEIF_BRANDS:
        return "image/heif"
    # A PDF may start with a few bytes of junk; readers accept %PDF in the first 1 KB.
    if b"%PDF-" in data[:1024]:
        return "application/pdf"
    for magic, offset, media_type in SIGNATURES:
        if data[offset : offset + len(magic)] == magic:
            return media_type
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(MARKUP_STARTS):
        return "text/html"
    if looks_like_text(data):
        return "text/plain"
    return "application/octet-stream"


def looks_like_text(data: bytes) -> bool:
    sample = data[:65536]
    if b"\x00" in sample:
        return False
    try:
        text = sample.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut off at the sample's end is still text.
        if error.start < len(sample) - 4:
            text = sample.decode("cp1252", errors="replace")
        else:
            text = sample[: error.start].decode("utf-8")
    if not text:
        return False
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    replaced = text.count("\ufffd")
    return (controls + replaced) / len(text) < 0.01

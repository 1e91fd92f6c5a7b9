"""What an uploaded file really is, read from its bytes; and a safe version of the user's file name."""

import hashlib
import re
import unicodedata
from urllib.parse import quote

from tdkt.attachments.models import MediaType

PDF_MAGIC = b"%PDF-"
PDF_END = b"%%EOF"
# Readers accept the end-of-file marker near the end rather than at the last byte (scanners pad).
PDF_TAIL = 4096
JPEG_MAGIC = b"\xff\xd8\xff"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
PNG_HEADER_CHUNK = b"IHDR"  # the first chunk of every PNG, right after the signature
MAX_NAME = 200
FALLBACK_NAME = "tep-dinh-kem"
_UNSAFE_ASCII = re.compile(r"[^A-Za-z0-9._ -]+")


def sniff(upload) -> tuple[str | None, bool]:
    """(media type, complete) from the file's own bytes: None for anything but PDF, JPEG or PNG;
    `complete` is False for a PDF without its end-of-file marker (a cut-off upload or scan)."""
    upload.seek(0)
    head = upload.read(16)
    media_type = None
    complete = True
    if head.startswith(PDF_MAGIC):
        media_type = MediaType.PDF
        upload.seek(max(0, upload.size - PDF_TAIL))
        complete = PDF_END in upload.read(PDF_TAIL)
    elif head.startswith(JPEG_MAGIC):
        media_type = MediaType.JPEG
    elif head.startswith(PNG_MAGIC) and head[12:16] == PNG_HEADER_CHUNK:
        media_type = MediaType.PNG
    upload.seek(0)
    return media_type, complete


def sha256_of(upload) -> str:
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def clean_file_name(name: str) -> str:
    """The last part of what the browser sent (old browsers send the whole Windows path), without
    control characters, at most MAX_NAME characters and keeping its extension."""
    name = unicodedata.normalize("NFC", name or "")
    name = re.split(r"[\\/]", name)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = " ".join(name.split()).strip(" .")
    if len(name) > MAX_NAME:
        stem, dot, ext = name.rpartition(".")
        if dot and 0 < len(ext) <= 10 and stem:
            name = f"{stem[: MAX_NAME - len(ext) - 1].rstrip()}.{ext}"
        else:
            name = name[:MAX_NAME]
    return name or FALLBACK_NAME


def _ascii(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    return _UNSAFE_ASCII.sub("_", text.encode("ascii", "ignore").decode("ascii"))


def content_disposition(name: str) -> str:
    """`attachment` with an ASCII fallback name for old browsers and the exact name (RFC 6266/5987)."""
    stem, dot, ext = name.rpartition(".") if "." in name else (name, "", "")
    ascii_stem = _ascii(stem).strip(" ._") or FALLBACK_NAME
    ascii_ext = _ascii(ext).strip(" ._")
    ascii_name = f"{ascii_stem}.{ascii_ext}" if dot and ascii_ext else ascii_stem
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"

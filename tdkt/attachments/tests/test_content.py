"""What a file is comes from its bytes; the user's file name is cleaned and only names the download."""

import pytest

from tdkt.attachments.content import clean_file_name, content_disposition, sniff

from .files import EXE, JPEG, PDF, PNG, upload


@pytest.mark.parametrize(
    ("content", "expected"),
    [(PDF, "application/pdf"), (JPEG, "image/jpeg"), (PNG, "image/png"), (EXE, None), (b"hello", None)],
)
def test_the_type_is_read_from_the_content_whatever_the_name_says(content, expected):
    media_type, complete = sniff(upload(content, name="anything.pdf"))
    assert media_type == expected
    assert complete


def test_a_pdf_cut_off_before_its_end_marker_is_incomplete():
    media_type, complete = sniff(upload(PDF[:-8]))
    assert media_type == "application/pdf" and not complete


def test_a_png_signature_without_its_header_chunk_is_not_a_png():
    assert sniff(upload(PNG[:12] + b"JUNK" + PNG[16:]))[0] is None


def test_sniffing_leaves_the_file_at_its_start():
    file = upload(PDF)
    sniff(file)
    assert file.read(5) == b"%PDF-"


@pytest.mark.parametrize(
    ("sent", "kept"),
    [
        ("C:\\Users\\Hoa\\Desktop\\quyết định khen thưởng.pdf", "quyết định khen thưởng.pdf"),
        ("../../etc/passwd", "passwd"),
        ("bằng\x00khen\r\n.pdf", "bằngkhen.pdf"),
        ("   ", "tep-dinh-kem"),
        ("..", "tep-dinh-kem"),
        ("a" * 300 + ".pdf", "a" * 196 + ".pdf"),
    ],
)
def test_the_file_name_keeps_only_its_last_part_without_control_characters(sent, kept):
    assert clean_file_name(sent) == kept


def test_the_download_header_names_the_file_safely_in_ascii_and_in_utf8():
    header = content_disposition('Quyết định "số 12".pdf')
    assert header.startswith('attachment; filename="Quyet dinh _so 12.pdf"; ')
    assert "filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%20%22s%E1%BB%91%2012%22.pdf" in header
    assert "\n" not in content_disposition("a\r\nSet-Cookie: x=1.pdf")

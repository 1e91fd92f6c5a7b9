"""The fixed strings of an official document: number and symbol, place-and-date line, list punctuation.

Pure functions (no Django), each quoting the rule of Nghị định 30/2020/NĐ-CP, Phụ lục I it implements.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

# What stands for a number or a day not yet given on a draft ("Số:       /KH-TTYT").
BLANK = "\u00a0" * 6
_END_PUNCTUATION = ";,.:"


def _two_digits_below_ten(n: int) -> str:
    return f"{n:02d}" if n < 10 else str(n)


def vn_date(day: dt.date | None, *, year: int | None = None) -> str:
    """ "ngày 05 tháng 02 năm 2026": days below 10 and months 1 and 2 take a leading zero (II.4.b).

    Without a day (a draft), the blanks are left for the hand: "ngày      tháng      năm 2026".
    """
    if day is None:
        if year is None:
            raise ValueError("a blank date needs its year")
        return f"ngày{BLANK}tháng{BLANK}năm {year}"
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {_two_digits_below_ten(day.day)} tháng {month} năm {day.year}"


def date_line(place: str, day: dt.date | None, *, year: int | None = None) -> str:
    """ "Bình An, ngày 05 tháng 02 năm 2026": the place, a comma, the date (II.4)."""
    place = place.strip()
    if not place:
        raise ValueError("the date line needs a place name")
    return f"{place}, {vn_date(day, year=year)}"


def _check_abbreviation(value: str, what: str) -> str:
    value = value.strip()
    if not value or any(ch.isspace() for ch in value) or "/" in value:
        raise ValueError(f"{what} {value!r} must be a non-empty abbreviation without spaces or '/'")
    return value


def number_symbol(number: int | None, *, kind: str, issuer: str) -> str:
    """ "870/KH-TTYT", "05/QĐ-SYT": numbers below 10 take a leading zero; "/" and "-" without spaces (II.3).

    `kind` is the type's abbreviation (KH, QĐ, TTr, BB, BC); `issuer` the body's ("SYT", "HĐTĐKT").
    A draft (no number) leaves a blank before the slash.
    """
    symbol = f"{_check_abbreviation(kind, 'The document kind')}-{_check_abbreviation(issuer, 'The issuer')}"
    if number is None:
        return f"{BLANK}/{symbol}"
    if number < 1:
        raise ValueError(f"a document number starts at 1, not {number}")
    return f"{_two_digits_below_ten(number)}/{symbol}"


def number_line(number: int | None, *, kind: str, issuer: str) -> str:
    """ "Số: 870/KH-TTYT"."""
    return f"Số: {number_symbol(number, kind=kind, issuer=issuer)}"


def strip_end_punctuation(text: str) -> str:
    return text.rstrip().rstrip(_END_PUNCTUATION).rstrip()


def punctuate_lines(lines: Iterable[str]) -> list[str]:
    """Each line ends with ";" and the last with "." (the "Căn cứ" lines, II.6.a; "Nơi nhận", II.9.d)."""
    cleaned = [strip_end_punctuation(line) for line in lines if line.strip()]
    return [f"{line}{'.' if i == len(cleaned) - 1 else ';'}" for i, line in enumerate(cleaned)]


def recipient_lines(lines: Iterable[str]) -> list[str]:
    """ "- Như Điều 3;" … "- Lưu: VT, TĐKT.": a dash, a space, the text, ";" or "." for the last (II.9.d)."""
    return [f"- {line.lstrip('-–+• ').strip()}" for line in punctuate_lines(lines)]


def filing_line(*units: str, copies: int | None = None) -> str:
    """ "Lưu: VT, TCHC" (and ", 02b" copies): the last line of "Nơi nhận" (II.9.d)."""
    parts = ["VT", *(u for u in units if u and u != "VT")]
    text = f"Lưu: {', '.join(parts)}"
    return f"{text}, {copies:02d}b" if copies else text


def roman(n: int) -> str:
    """1 → "I", 14 → "XIV" (parts, sections and appendices are numbered in Roman numerals)."""
    if not 0 < n < 4000:
        raise ValueError(f"no Roman numeral for {n}")
    out = []
    for value, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def sentence_case(text: str) -> str:
    """Upper-case the first letter only ("giám đốc Sở Y tế" → "Giám đốc Sở Y tế")."""
    text = text.strip()
    return text[:1].upper() + text[1:]

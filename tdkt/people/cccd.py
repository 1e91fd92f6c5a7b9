"""Citizen ID (căn cước công dân, CCCD) checks.

Structure (Thông tư 07/2016/TT-BCA, Điều 7): 3 digits province of birth registration,
1 digit gender and century, 2 digits year of birth, 6 random digits.
"""

import datetime as dt
import re

PROVINCE_CODES = {
    "001",
    "002",
    "004",
    "006",
    "008",
    "010",
    "011",
    "012",
    "014",
    "015",
    "017",
    "019",
    "020",
    "022",
    "024",
    "025",
    "026",
    "027",
    "030",
    "031",
    "033",
    "034",
    "035",
    "036",
    "037",
    "038",
    "040",
    "042",
    "044",
    "045",
    "046",
    "048",
    "049",
    "051",
    "052",
    "054",
    "056",
    "058",
    "060",
    "062",
    "064",
    "066",
    "067",
    "068",
    "070",
    "072",
    "074",
    "075",
    "077",
    "079",
    "080",
    "082",
    "083",
    "084",
    "086",
    "087",
    "089",
    "091",
    "092",
    "093",
    "094",
    "095",
    "096",
}
_CENTURY = {0: 1900, 1: 1900, 2: 2000, 3: 2000, 4: 2100, 5: 2100, 6: 2200, 7: 2200, 8: 1800, 9: 1800}
_PATTERN = re.compile(r"^\d{12}$")


def cccd_problem(value: str, *, birth_date: dt.date | None = None, gender: str | None = None) -> str | None:
    """None when `value` is a well-formed CCCD matching birth date and gender, else why (Vietnamese)."""
    if not _PATTERN.match(value or ""):
        return "CCCD phải gồm đúng 12 chữ số"
    if value[:3] not in PROVINCE_CODES:
        return f"3 chữ số đầu ({value[:3]}) không phải mã tỉnh, thành phố hợp lệ"
    digit = int(value[3])
    year = _CENTURY[digit] + int(value[4:6])
    coded_gender = "male" if digit % 2 == 0 else "female"
    if birth_date and birth_date.year != year:
        return f"chữ số thứ 4–6 cho biết sinh năm {year}, không khớp năm sinh {birth_date.year}"
    if gender in {"male", "female"} and gender != coded_gender:
        coded = "nam" if coded_gender == "male" else "nữ"
        return f"chữ số thứ 4 cho biết giới tính {coded}, không khớp giới tính đã khai"
    return None


def make_cccd(*, province: str, gender: str, birth_year: int, serial: int) -> str:
    """Compose a CCCD (used by the demo and tests)."""
    century = next(c for c in (1800, 1900, 2000, 2100, 2200) if c <= birth_year < c + 100)
    digit = {1900: 0, 2000: 2, 2100: 4, 2200: 6, 1800: 8}[century] + (1 if gender == "female" else 0)
    return f"{province}{digit}{birth_year % 100:02d}{serial:06d}"

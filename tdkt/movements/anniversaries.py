"""Commemorative days that emulation phases are tied to (the seed plans cite each of them).

Each has its day, month and the year of the event, so "70 năm Ngày Thầy thuốc Việt Nam
(27/2/1955 – 27/2/2025)" can be checked: 2025 − 1955 = 70, and 27/2 must fall inside the phase
that celebrates it. `keywords` are accent-folded phrases (tdkt.core.text.fold) that name the day in
a plan's text.
"""

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Anniversary:
    code: str
    label: str  # Vietnamese, as plans write it
    day: int
    month: int
    origin_year: int
    keywords: tuple[str, ...]

    def on(self, year: int) -> dt.date:
        return dt.date(year, self.month, self.day)

    def ordinal(self, year: int) -> int:
        """How many years the event is in `year` (2025 → 70 for 27/2/1955)."""
        return year - self.origin_year

    @property
    def day_month(self) -> str:
        return f"{self.day:02d}/{self.month:02d}"


ANNIVERSARIES: tuple[Anniversary, ...] = (
    Anniversary(
        "party_founding",
        "Ngày thành lập Đảng Cộng sản Việt Nam",
        3,
        2,
        1930,
        ("thanh lap dang cong san",),
    ),
    Anniversary(
        "physicians_day",
        "Ngày Thầy thuốc Việt Nam",
        27,
        2,
        1955,
        ("thay thuoc viet nam", "bac ho gui thu cho nganh y te"),
    ),
    Anniversary(
        "reunification",
        "Ngày Giải phóng hoàn toàn miền Nam, thống nhất đất nước",
        30,
        4,
        1975,
        ("giai phong hoan toan mien nam", "giai phong mien nam"),
    ),
    Anniversary("labour_day", "Ngày Quốc tế Lao động", 1, 5, 1886, ("quoc te lao dong",)),
    Anniversary(
        "ho_chi_minh_birthday",
        "Ngày sinh Chủ tịch Hồ Chí Minh",
        19,
        5,
        1890,
        ("ngay sinh chu tich ho chi minh", "sinh chu tich ho chi minh", "sinh nhat bac"),
    ),
    Anniversary(
        "emulation_appeal",
        "Ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc",
        11,
        6,
        1948,
        ("loi keu goi thi dua ai quoc",),
    ),
    Anniversary(
        "war_invalids_day",
        "Ngày Thương binh – Liệt sĩ",
        27,
        7,
        1947,
        ("thuong binh liet si", "thuong binh - liet si"),
    ),
    Anniversary(
        "trade_union_founding",
        "Ngày thành lập Công đoàn Việt Nam",
        28,
        7,
        1929,
        ("thanh lap cong doan viet nam",),
    ),
    Anniversary(
        "august_revolution", "Cách mạng tháng Tám", 19, 8, 1945, ("cach mang thang tam", "cach mang thang 8")
    ),
    Anniversary(
        "national_day",
        "Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam",
        2,
        9,
        1945,
        ("quoc khanh", "ngay thanh lap nuoc"),
    ),
    Anniversary("womens_day", "Ngày Phụ nữ Việt Nam", 20, 10, 1930, ("phu nu viet nam",)),
    Anniversary(
        "army_day", "Ngày thành lập Quân đội nhân dân Việt Nam", 22, 12, 1944, ("quan doi nhan dan",)
    ),
)

BY_CODE: dict[str, Anniversary] = {a.code: a for a in ANNIVERSARIES}


def anniversary_choices() -> list[tuple[str, str]]:
    return [(a.code, f"{a.day_month} · {a.label}") for a in ANNIVERSARIES]


def occurrences_between(anniversary: Anniversary, start: dt.date, end: dt.date) -> list[dt.date]:
    """The days in [start, end] on which the anniversary falls."""
    return [day for year in range(start.year, end.year + 1) if start <= (day := anniversary.on(year)) <= end]

"""Kỷ niệm chương «Vì sức khỏe nhân dân» — `health_commemorative_medal`, conferred once in a life by the
Minister of Health (QĐ 4173/2004/QĐ-BYT; TT 38/2018/TT-BYT Điều 31; the circular under the 2022 Law was not
found).

Not eligible if any year's awards already hold it. ≥ 20 years in the health sector for men, ≥ 15 for women
(`health_sector_since` → `as_of`); fewer for hazardous specialties (figures not found: `verified: false`).

Registered WITH the cross-cutting principles (principles=True), deliberately: law.md (Law Điều 5; ND 152
Điều 4 k4) forbids any award or proposal while the person is under disciplinary review, investigation or an
unresolved complaint and names no exception for long-service or commemorative awards; and a discipline
running in the year under review means achievements count only from its end (commemorative-medal rules
commonly exclude a person "đang trong thời gian bị kỷ luật" — not verified for this medal). A finished,
earlier discipline does not remove years of service: only the year under review is checked.
"""

from tdkt.law.context import Ctx, label
from tdkt.law.forms._periods import full_years, holds_any, three_valued
from tdkt.law.registry import rule

MOH_RULES = "Quy chế xét tặng Kỷ niệm chương «Vì sức khỏe nhân dân» (Quyết định 4173/2004/QĐ-BYT)"
GENDER_VI = {"male": "nam", "female": "nữ"}


def years_condition(ctx: Ctx):
    s = ctx.subject
    standard = ctx.param("health_commemorative_medal.years")
    used = [standard]
    genders = [s.gender] if s.gender else ["male", "female"]
    tables = [] if s.hazardous_specialty is True else [standard.value]
    if s.hazardous_specialty is not False:
        reduced = ctx.param("health_commemorative_medal.hazardous_years")
        used.append(reduced)
        tables.append(reduced.value)
    needs = [table[g] for table in tables for g in genders]
    worded = [" / ".join(f"{table[g]} năm ({GENDER_VI[g]})" for g in genders) for table in tables]
    hazardous = "chuyên ngành độc hại, nguy hiểm"
    if s.hazardous_specialty is None:  # both figures: the reduced one for hazardous specialties
        wanted = f"{worded[0]}, hoặc {worded[1]} nếu thuộc {hazardous}"
    elif s.hazardous_specialty:
        wanted = f"{worded[0]} — {hazardous}"
    else:
        wanted = worded[0]
    if s.health_sector_since is None:
        text = f"Thời gian công tác trong ngành y tế từ đủ {wanted}: chưa có ngày vào ngành y tế"
        return ctx.condition("health_sector_years", None, text, *used)
    years = full_years(s.health_sector_since, ctx.as_of)
    met = three_valued([years >= need for need in needs])
    since = s.health_sector_since
    text = (
        f"Công tác trong ngành y tế {years} năm (từ {since:%d/%m/%Y} đến {ctx.as_of:%d/%m/%Y}) "
        f"— cần từ đủ {wanted}"
    )
    missing = [
        what
        for what, value in (("giới tính", s.gender), ("chuyên ngành", s.hazardous_specialty))
        if value is None
    ]
    if met is None and missing:
        text += f": chưa có dữ liệu {', '.join(missing)}"
    return ctx.condition("health_sector_years", met, text, *used)


@rule("health_commemorative_medal", since="2017-10-01", principles=True)
def health_commemorative_medal_2017_10_01(ctx: Ctx):
    held = holds_any(ctx, "health_commemorative_medal")
    medal = label("health_commemorative_medal")
    once = ctx.condition(
        "not_yet_awarded",
        held is None,
        f"Chưa được tặng {medal} (chỉ tặng một lần)"
        if held is None
        else f"Đã được tặng {medal} năm {held} — chỉ tặng một lần",
        MOH_RULES,
    )
    return [
        once,
        years_condition(ctx),
        ctx.judgement(
            "contribution",
            "Có nhiều thành tích, công lao đóng góp cho sự nghiệp bảo vệ, chăm sóc và nâng cao sức khỏe "
            "nhân dân (Hội đồng đánh giá)",
            MOH_RULES,
        ),
    ]

"""Lao động tiên tiến — `advanced_worker` (Law 2022 Điều 24; old regime: Law 2003 Điều 24, ND 91/2017)."""

import datetime as dt

from tdkt.law.context import Ctx, label
from tdkt.law.registry import rule

LAW_2022_ART_24_1_B = "Luật Thi đua, khen thưởng 2022, Điều 24, khoản 1, điểm b"
LAW_2003_ART_24 = "Luật Thi đua, khen thưởng 2003 (sửa đổi 2013), Điều 24"


def rating_condition(ctx: Ctx, year: int | None = None):
    """Rated `good` or `excellent` in the year."""
    year = ctx.year if year is None else year
    allowed = ctx.param("advanced_worker.good_ratings")
    rating = ctx.rating(year)
    if rating is None:
        text = f"Xếp loại «Hoàn thành tốt nhiệm vụ» trở lên năm {year}: chưa có kết quả xếp loại"
        return ctx.condition("rating_good_or_better", None, text, allowed)
    met = rating in allowed.value
    text = f"Xếp loại năm {year}: «{label(rating)}»" + (
        "" if met else " — cần «Hoàn thành tốt nhiệm vụ» trở lên"
    )
    return ctx.condition("rating_good_or_better", met, text, allowed)


def tenure_condition(ctx: Ctx):
    """Not recruited fewer than the minimum months before the end of the year."""
    minimum = ctx.param("advanced_worker.minimum_months")
    since = ctx.subject.employed_since
    y = ctx.year
    if since is None:
        text = f"Thời gian công tác năm {y} từ {minimum.value} tháng trở lên: chưa có ngày tuyển dụng"
        return ctx.condition("minimum_months_worked", None, text, minimum)
    start = max(since, dt.date(y, 1, 1))
    months = 0 if since.year > y else 12 - start.month + 1  # the starting month counts as worked
    met = months >= minimum.value
    text = f"Công tác {months} tháng trong năm {y} (từ {start:%d/%m/%Y})" + (
        "" if met else f" — người mới tuyển dụng dưới {minimum.value} tháng không được xét"
    )
    return ctx.condition("minimum_months_worked", met, text, minimum)


def _conditions(ctx: Ctx, solidarity_cite: str):
    return [
        rating_condition(ctx),
        tenure_condition(ctx),
        ctx.judgement(
            "solidarity",
            "Có tinh thần tự lực, tự cường, đoàn kết, tương trợ, tích cực tham gia phong "
            "trào thi đua (Hội đồng đánh giá)",
            solidarity_cite,
        ),
    ]


@rule("advanced_worker", since="2017-10-01")
def advanced_worker_2017_10_01(ctx: Ctx):
    return _conditions(ctx, LAW_2003_ART_24)


@rule("advanced_worker", since="2024-01-01")
def advanced_worker_2024_01_01(ctx: Ctx):
    return _conditions(ctx, LAW_2022_ART_24_1_B)

"""Huân chương Lao động hạng Nhì — `labor_order_second`, individuals (Law 2022 Điều 43 k1; one source).

Already holds `labor_order_third` (a merit award), then ≥ 5 consecutive years up to the year under review
rated `good` or better — all after the year of that order — with ≥ 2 `excellent` years and 1
`provincial_emulation_fighter` title in that period. Other branches (exceptional achievements with
ministry/province scope, prizes, long service) are outside this check.

Old regime (from 2017-10-01): Law 2003 as amended in 2013, Điều 43 khoản 1 — the amended text was not
retrieved. Encoded is the best-known reading, every number a parameter with verified: false: already holds
`labor_order_third`, then ≥ 5 consecutive years after it rated `excellent`, in which ≥ 2 initiatives (or
research works) recognised at `provincial` scope or above.
"""

from tdkt.law.context import Ctx
from tdkt.law.forms._periods import EXEMPLARY, Count, after_prior_award, excellent, has
from tdkt.law.forms.labor_order_third import excellent_years_with_initiatives
from tdkt.law.registry import rule

LAW_2003_ART_43_1 = "Luật Thi đua, khen thưởng 2003 (sửa đổi 2013), Điều 43, khoản 1"
LAW_2022_ART_43_1 = "Luật Thi đua, khen thưởng 2022, Điều 43, khoản 1"


@rule("labor_order_second", since="2017-10-01")
def labor_order_second_2017_10_01(ctx: Ctx):
    return [
        *excellent_years_with_initiatives(
            ctx, prior_form="labor_order_third", prefix="labor_order_second", cite=LAW_2003_ART_43_1
        ),
        ctx.judgement("exemplary", EXEMPLARY, LAW_2003_ART_43_1),
    ]


@rule("labor_order_second", since="2024-01-01")
def labor_order_second_2024_01_01(ctx: Ctx):
    return [
        *after_prior_award(
            ctx,
            prior_form="labor_order_third",
            minimum=ctx.param("labor_order_second.consecutive_years"),
            counts=(
                Count(
                    "excellent_years_count",
                    excellent,
                    ctx.param("labor_order_second.excellent_years"),
                    "xếp loại «Hoàn thành xuất sắc nhiệm vụ»",
                ),
                Count(
                    "provincial_fighter_count",
                    has("provincial_emulation_fighter"),
                    ctx.param("labor_order_second.provincial_fighter_titles"),
                    "đạt Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh",
                ),
            ),
            cite=LAW_2022_ART_43_1,
        ),
        ctx.judgement(
            "exemplary",
            EXEMPLARY,
            LAW_2022_ART_43_1,
        ),
    ]

"""Plans in a line for tests: content with no warning unless told, movements launched through the services."""

import datetime as dt
from decimal import Decimal

from tdkt.movements.inputs import (
    BasisInput,
    PhaseInput,
    PlanContent,
    PlanInput,
    ResponsibilityInput,
    SectionInput,
    TargetInput,
)
from tdkt.movements.services import movement_create, movement_publish
from tdkt.movements.validation import plan_warnings

TODAY = dt.date(2025, 11, 20)


def plan_input(**overrides) -> PlanInput:
    values = {
        "kind": "regular",
        "name": "Phát động phong trào thi đua năm 2025",
        "theme": "Đoàn kết, sáng tạo, hoàn thành vượt mức các chỉ tiêu năm 2025",
        "start": dt.date(2025, 1, 1),
        "end": dt.date(2025, 12, 31),
        "number": 12,
        "symbol": "KH-SYT",
        "issued_on": dt.date(2025, 1, 2),
        "place": "Thử nghiệm",
        "issuer_name": "SỞ Y TẾ THỬ NGHIỆM",
        "signer_title": "GIÁM ĐỐC",
        "signer_name": "Nguyễn Văn Giám",
        "purposes": "Tạo khí thế thi đua sôi nổi.",
        "distribution": "Lãnh đạo Sở;\nCác đơn vị trực thuộc;\nLưu: VT, TCCB.",
    }
    values.update(overrides)
    return PlanInput(**values)


def good_target(**overrides) -> TargetInput:
    values = {
        "indicator": "Tỷ lệ viên chức ký cam kết thi đua",
        "unit_of_measure": "%",
        "comparator": "gte",
        "threshold": Decimal("95"),
        "direction": "increase",
        "frequency": "quarterly",
    }
    values.update(overrides)
    return TargetInput(**values)


def content(
    *, phases=None, targets=None, sections=None, basis=None, responsibilities=None, **plan
) -> PlanContent:
    """A plan with no warning unless the overrides bring one."""
    return PlanContent(
        plan=plan_input(**plan),
        phases=phases
        if phases is not None
        else [
            PhaseInput(
                name="Đợt 1",
                start=dt.date(2025, 1, 1),
                end=dt.date(2025, 6, 30),
                theme="Mừng Đảng quang vinh – Mừng Sinh nhật Bác",
                commemorations=["physicians_day", "ho_chi_minh_birthday"],
            ),
            PhaseInput(
                name="Đợt 2", start=dt.date(2025, 7, 1), end=dt.date(2025, 12, 31), theme="Thi đua cao điểm"
            ),
        ],
        targets=targets if targets is not None else [good_target()],
        sections=sections
        if sections is not None
        else [SectionInput(heading="Thi đua hoàn thành nhiệm vụ", body="…")],
        basis=basis if basis is not None else [BasisInput(reference="Chỉ thị số 06/CT-UBND ngày 12/3/2025")],
        responsibilities=responsibilities
        if responsibilities is not None
        else [ResponsibilityInput(party="Phòng Tổ chức cán bộ", task="Theo dõi, tổng hợp")],
    )


def launch(*, actor, unit, parent=None, publish=False, acknowledge=True, **kwargs):
    """A movement of `unit` through the services (warnings acknowledged unless told otherwise)."""
    plan_content = kwargs.pop("plan_content", None) or content(**kwargs)
    keys = [w.key for w in plan_warnings(plan_content, parent=parent)] if acknowledge else []
    movement = movement_create(actor=actor, unit=unit, content=plan_content, parent=parent, acknowledged=keys)
    if publish:
        movement = movement_publish(actor=actor, movement=movement)
    return movement

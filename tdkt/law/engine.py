"""Evaluate cases: pick each candidate's rule version for the case date, add the cross-cutting
principles, apply local overlays, and return the answer of shared/domain/case-format.md."""

from __future__ import annotations

from collections.abc import Iterable

from tdkt.law import overlays as overlay_mod
from tdkt.law import rules  # noqa: F401  (registers every rule module)
from tdkt.law.context import Ctx
from tdkt.law.errors import CaseError
from tdkt.law.facts import Case, parse_case
from tdkt.law.parameters import Parameters, load
from tdkt.law.registry import RuleVersion, candidates_for, version_for
from tdkt.law.verdict import Condition, Result, verdict_of
from tdkt.law.vocabulary import LABELS_VI


def principles(ctx: Ctx) -> list[Condition]:
    """Law Điều 5 / ND 152 Điều 4: no award while under review; a discipline touching the year blocks it.
    Whether each applies, and its citation, are dated parameters (`principles.*`)."""
    record = ctx.this_year
    y = ctx.year
    conditions = []
    review = ctx.param("principles.not_under_review")
    if review.value:
        if record is None:
            met, text = (
                None,
                (
                    f"Không trong thời gian bị xem xét kỷ luật, điều tra, thanh tra, khiếu nại năm {y}: "
                    f"chưa có dữ liệu năm {y}"
                ),
            )
        elif record.under_review:
            met = False
            text = f"Đang bị xem xét kỷ luật, điều tra, thanh tra hoặc có khiếu nại chưa giải quyết năm {y}"
        else:
            met, text = True, f"Không trong thời gian bị xem xét kỷ luật, điều tra, khiếu nại năm {y}"
        conditions.append(ctx.condition("not_under_review", met, text, review))
    if record is not None and ctx.subject.kind == "person":
        discipline = ctx.param("principles.no_discipline_in_year")
        if discipline.value:
            touched = y in ctx.disciplined_years()
            text = (
                f"Bị kỷ luật trong năm {y}: thành tích chỉ được tính từ khi hết thời hạn kỷ luật"
                if touched
                else f"Không bị kỷ luật trong năm {y}"
            )
            conditions.append(ctx.condition("no_discipline_in_year", not touched, text, discipline))
    return conditions


def _no_rule(candidate: str, case: Case) -> Result:
    text = (
        f"Chưa có quy định «{LABELS_VI.get(candidate, candidate)}» áp dụng cho ngày "
        f"{case.as_of:%d/%m/%Y} trong hệ thống"
    )
    condition = Condition(id="rule_in_force", met=None, text=text, cite="")
    return Result(candidate, "unknown", "", False, (condition,))


def evaluate_version(
    version: RuleVersion,
    case: Case,
    *,
    table=None,
    overrides: dict | None = None,
    overlay: overlay_mod.Overlay | None = None,
) -> Result:
    """One candidate's result under `version`: its formula, the principles, the overlay's conditions;
    `verified` when every parameter read and every condition is."""
    params = Parameters(case.as_of, table, overrides)
    ctx = Ctx(case, params)
    conditions = list(version.formula(ctx))
    if version.principles:
        conditions += principles(ctx)
    if overlay:
        conditions += overlay.conditions(version.candidate, ctx)
    verified = all(v.verified for v in params.used) and all(c.verified for c in conditions)
    return Result(version.candidate, verdict_of(conditions), version.name, verified, tuple(conditions))


def evaluate_case(case: Case, *, overlay: overlay_mod.Overlay | None = None, table=None) -> dict:
    """The answer for one parsed case."""
    kind = case.subject.kind
    applicable = candidates_for(kind)
    candidates = case.candidates if case.candidates is not None else applicable
    for i, c in enumerate(candidates):
        if c not in applicable:
            raise CaseError(f"candidates[{i}]", f"{c!r} does not apply to a {kind}")
    overrides = overlay.parameter_overrides(case) if overlay else None
    results = []
    for candidate in candidates:
        version = version_for(candidate, kind, case.as_of)
        if version is None:
            results.append(_no_rule(candidate, case).as_dict())
            continue
        result = evaluate_version(version, case, table=table, overrides=overrides, overlay=overlay)
        results.append(result.as_dict())
    return {
        "as_of": case.as_of.isoformat(),
        "year": case.year,
        "subject": case.subject.id,
        "results": results,
    }


def evaluate(raw: dict, *, overlay: overlay_mod.Overlay | None = None) -> dict:
    """The answer for one case as decoded JSON; CaseError names the first wrong field."""
    return evaluate_case(parse_case(raw), overlay=overlay)


def evaluate_many(raws: Iterable[dict], *, overlay: overlay_mod.Overlay | None = None) -> list[dict]:
    """A whole population in one call (the year-end run): parameters are read once for all."""
    table = load()
    return [evaluate_case(parse_case(raw), overlay=overlay, table=table) for raw in raws]

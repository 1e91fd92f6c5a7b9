"""The bonus of each award of a decision: coefficient × base salary on the decision date, rounded up to
10,000 ₫ (tdkt.law.money); of several titles decided together for the same subject and period, only the
highest title's money is paid (Nghị định 152/2025/NĐ-CP, Điều 49)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from tdkt.law.errors import CaseError
from tdkt.law.money import payable

HIGHEST_ONLY = "Chỉ hưởng tiền thưởng của danh hiệu cao nhất (Nghị định 152/2025/NĐ-CP, Điều 49)"


def line_amounts(lines: Iterable, *, decided_on: dt.date) -> dict[int, tuple[int | None, str]]:
    """{line id: (amount in ₫ or None when the law sets none, note)} for the award lines (not revocations)."""
    groups: dict[tuple, list] = defaultdict(list)
    for line in lines:
        groups[(line.person_id, line.unit_id, line.year)].append(line)
    amounts: dict[int, tuple[int | None, str]] = {}
    for (person_id, _unit_id, _year), group in groups.items():
        collective = person_id is None
        paid: list[tuple[str, int]] = []
        missing: set[str] = set()
        try:
            paid = payable([line.candidate for line in group], decided_on=decided_on, collective=collective)
        except CaseError:  # one of them has no amount: work them out one by one
            for line in group:
                try:
                    paid += payable([line.candidate], decided_on=decided_on, collective=collective)
                except CaseError:
                    missing.add(line.candidate)
            paid = _highest_only(paid, decided_on=decided_on, collective=collective)
        remaining = list(paid)
        for line in group:
            if line.candidate in missing:
                amounts[line.pk] = (None, f"Chưa có mức thưởng theo quy định vào ngày {decided_on:%d/%m/%Y}")
                continue
            match = next((p for p in remaining if p[0] == line.candidate), None)
            if match is None:
                amounts[line.pk] = (0, HIGHEST_ONLY)
            else:
                remaining.remove(match)
                amounts[line.pk] = (match[1], "")
    return amounts


def _highest_only(paid, *, decided_on, collective):
    from tdkt.law.vocabulary import TITLES

    titles = [p for p in paid if p[0] in TITLES]
    if len(titles) <= 1:
        return paid
    best = max(titles, key=lambda p: p[1])
    return [p for p in paid if p[0] not in TITLES or p is best]

"""Bonus money: coefficient × base salary in force on the decision date, rounded up to 10,000 VND."""

from __future__ import annotations

import datetime as dt
import math

from tdkt.law.errors import CaseError
from tdkt.law.parameters import Parameters
from tdkt.law.vocabulary import CANDIDATES, TITLES

ROUND_TO = 10_000


def bonus(item: str, *, decided_on: dt.date, collective: bool = False, table=None) -> tuple[int, list]:
    """(amount in VND, parameter values used) for one award; CaseError if the law sets no amount."""
    if item not in CANDIDATES:
        raise CaseError("ITEM", f"{item!r} is not one of {', '.join(CANDIDATES)}")
    params = Parameters(decided_on, table)
    name = "bonus.collective" if collective else "bonus.individual"
    coefficients = params.value(name)
    coefficient = coefficients.value.get(item)
    if coefficient is None:
        who = "tập thể" if collective else "cá nhân"
        raise CaseError("ITEM", f"no bonus coefficient for {item} ({who}) on {decided_on.isoformat()}")
    salary = params.value("base_salary")
    amount = math.ceil(round(coefficient * salary.value, 6) / ROUND_TO) * ROUND_TO
    return amount, params.used


def highest_only(items: list[str], *, decided_on: dt.date, collective: bool = False) -> str:
    """Of several titles decided at the same time for the same period, the one whose money is paid
    (ND 152/2025 Điều 49): the highest coefficient."""
    return max(items, key=lambda i: bonus(i, decided_on=decided_on, collective=collective)[0])


def payable(items: list[str], *, decided_on: dt.date, collective: bool = False) -> list[tuple[str, int]]:
    """(item, amount) actually paid for awards decided at the same time for the same counting period
    (ND 152/2025 Điều 49 k5, k7): of several emulation titles only the highest title's money is paid
    (LĐTT + CSTĐCS for 2025 → CSTĐCS only); a commendation form is paid in full beside a title, and so is
    each form (listed twice, a form is paid twice: two achievements). Items keep their given order;
    CaseError if one has no amount."""
    titles = [i for i in items if i in TITLES]
    kept_title = highest_only(titles, decided_on=decided_on, collective=collective) if titles else None
    paid = []
    for item in items:
        if item in TITLES and (item != kept_title or any(item == p for p, _ in paid)):
            continue
        paid.append((item, bonus(item, decided_on=decided_on, collective=collective)[0]))
    return paid

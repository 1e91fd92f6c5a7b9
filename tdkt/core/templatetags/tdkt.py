"""Template filters every page uses (registered as builtins in settings)."""

import datetime as dt
from decimal import Decimal

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def number(value, decimals: int = 0):
    """1234567 → "1.234.567" (grouped by the active language's separators)."""
    if value is None or value == "":
        return ""
    return number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)


@register.filter
def vnd(value):
    """1234567 → "1.234.567 ₫"."""
    if value is None or value == "":
        return ""
    return f"{number(value)} ₫"


@register.filter
def dmy(value):
    """A date as dd/mm/yyyy whatever the language."""
    if isinstance(value, dt.datetime):
        value = value.date()
    return value.strftime("%d/%m/%Y") if value else ""


@register.filter
def figure(value):
    """A measured value without trailing zeros: Decimal("95.500") → "95,5", Decimal("1234") → "1.234"."""
    if value is None or value == "":
        return ""
    amount = Decimal(str(value)).normalize()
    return number(amount, max(-amount.as_tuple().exponent, 0))

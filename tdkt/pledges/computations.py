"""The computed targets of this area, registered in movements.computations (see its contract).

Both read the movement's tree: a hospital's plan derived from the Sở's collects the registrations
and pledges that count toward the Sở's target.
"""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from tdkt.movements.computations import register_computation, share
from tdkt.org.models import Unit
from tdkt.pledges.selectors import pledge_counts
from tdkt.pledges.selectors_registrations import registration_counts
from tdkt.pledges.staff import end_of_day


@register_computation(
    "pledge_signed_share",
    label=_("Share of staff who signed their pledge"),
    unit_of_measure="%",
)
def pledge_signed_share(*, target, units: list[Unit], period) -> dict[int, Decimal | None]:
    """Of the people posted in each unit on the period's last day (the directorate, who receive
    pledges, left out), the share who had signed by then the pledge they make in a round of this
    movement or of one derived from it; None for a unit with nobody posted."""
    counts = pledge_counts(
        movement=target.movement, units=units, day=period.end, until=end_of_day(period.end)
    )
    return {unit.pk: share(counts[unit.pk].done, counts[unit.pk].expected) for unit in units}


@register_computation(
    "registered_share",
    label=_("Share of staff who registered for a title"),
    unit_of_measure="%",
)
def registered_share(*, target, units: list[Unit], period) -> dict[int, Decimal | None]:
    """Of the people posted in each unit on the period's last day, the share who had registered by
    then for at least one title under this movement or one derived from it; None for nobody posted."""
    counts = registration_counts(
        movement=target.movement, units=units, day=period.end, until=end_of_day(period.end)
    )
    return {unit.pk: share(counts[unit.pk].done, counts[unit.pk].expected) for unit in units}

"""Reads of inspections: who sees which, a movement's inspections, one inspection's page, who may own a
follow-up action. Each read takes a fixed number of queries."""

from django.contrib.auth import get_user_model
from django.db.models import Count, Prefetch, Q, QuerySet

from tdkt.accounts.models import RoleAssignment
from tdkt.accounts.roles import INSPECTIONS_VIEW, MOVEMENTS_MANAGE, PERMISSION_ROLES
from tdkt.accounts.scope import scope_unit_ids
from tdkt.movements.models import ActionStatus, FollowUpAction, Inspection, Movement
from tdkt.movements.selectors import movements_visible
from tdkt.org.models import Unit


def inspections_visible(user) -> QuerySet[Inspection]:
    """Inspections of movements the user manages; of units in the user's inspection scope (in movements
    the user sees); and those in which the user owns a follow-up action."""
    if not user.is_authenticated:
        return Inspection.objects.none()
    manage = scope_unit_ids(user, MOVEMENTS_MANAGE)
    inspected = scope_unit_ids(user, INSPECTIONS_VIEW)
    owned = FollowUpAction.objects.filter(owner=user).values("inspection_id")
    return Inspection.objects.filter(
        Q(movement__unit_id__in=manage)
        | Q(unit_id__in=inspected, movement__in=movements_visible(user).values("pk"))
        | Q(pk__in=owned)
    )


def movement_inspections(*, movement: Movement, user) -> list[Inspection]:
    """The movement's inspections the user sees, newest first, with their unit and action counts."""
    return list(
        inspections_visible(user)
        .filter(movement=movement)
        .select_related("unit")
        .annotate(
            actions_total=Count("actions"),
            actions_open=Count("actions", filter=Q(actions__status=ActionStatus.OPEN)),
        )
        .order_by("-inspected_on", "-id")
    )


def inspection_detail_get(*, pk: int, qs: QuerySet[Inspection]) -> Inspection:
    """The inspection with its movement, unit and actions (and their owners) loaded."""
    return (
        qs.select_related("movement__unit", "movement__plan", "unit", "created_by", "closed_by")
        .prefetch_related(
            Prefetch("actions", queryset=FollowUpAction.objects.select_related("owner", "done_by"))
        )
        .get(pk=pk)
    )


def inspected_unit_choices(*, movement: Movement) -> list[Unit]:
    """Units an inspection of the movement may visit: the launching unit's current subtree, in tree order."""
    return list(
        Unit.objects.filter(path__startswith=movement.unit.path, valid_to__isnull=True).order_by("path")
    )


def _owner_roles(*, movement: Movement, unit: Unit) -> QuerySet[RoleAssignment]:
    """Roles that may own a follow-up: in the inspected unit or below it, or in the units between it and
    the unit running the movement (the inspecting side)."""
    ids = [int(part) for part in unit.path.strip("/").split("/")]
    chain = ids[ids.index(movement.unit_id) :] if movement.unit_id in ids else [unit.pk]
    return RoleAssignment.objects.filter(
        Q(unit__path__startswith=unit.path) | Q(unit_id__in=chain),
        role__in=PERMISSION_ROLES[INSPECTIONS_VIEW],
    )


def follow_up_owner_ids(*, movement: Movement, unit: Unit) -> set[int]:
    return set(_owner_roles(movement=movement, unit=unit).values_list("user_id", flat=True))


def follow_up_owners(*, movement: Movement) -> list:
    """Users who may own a follow-up of some inspection of the movement (one query), by name; the service
    checks the owner against the unit actually inspected."""
    ids = RoleAssignment.objects.filter(
        unit__path__startswith=movement.unit.path, role__in=PERMISSION_ROLES[INSPECTIONS_VIEW]
    ).values("user_id")
    users = get_user_model().objects.filter(pk__in=ids, is_active=True)
    return sorted(users, key=lambda u: ((u.get_full_name() or u.username).lower(), u.pk))

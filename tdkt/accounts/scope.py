"""Which units a user may see for a permission: the subtrees of their role units,
plus every unit those units succeeded (a merged hospital's past stays visible to its successor)."""

from django.db.models import Q

from tdkt.accounts.models import RoleAssignment
from tdkt.accounts.roles import ROLE_PERMISSIONS
from tdkt.org.models import Unit, UnitSuccession

_CACHE_ATTR = "_tdkt_scope_cache"


def _role_units(user) -> list[tuple[str, int, str]]:
    cache = getattr(user, _CACHE_ATTR, None)
    if cache is None:
        cache = {
            "roles": list(
                RoleAssignment.objects.filter(user=user).values_list("role", "unit_id", "unit__path")
            )
        }
        setattr(user, _CACHE_ATTR, cache)
    return cache["roles"]


def has_perm(user, perm: str) -> bool:
    if not user.is_authenticated:
        return False
    return any(perm in ROLE_PERMISSIONS[role] for role, _, _ in _role_units(user))


def role_unit_paths(user, perm: str) -> list[str]:
    """Paths of the units where the user holds a role granting `perm` (no query once cached)."""
    if not user.is_authenticated:
        return []
    return sorted({path for role, _, path in _role_units(user) if perm in ROLE_PERMISSIONS[role]})


def scope_unit_ids(user, perm: str) -> frozenset[int]:
    """Ids of every unit where `user` holds `perm` (empty when none). Two queries, cached per user object
    (and shared by the permissions a user holds over the same units)."""
    if not user.is_authenticated:
        return frozenset()
    paths = sorted({path for role, _, path in _role_units(user) if perm in ROLE_PERMISSIONS[role]})
    cache = getattr(user, _CACHE_ATTR)
    key = f"scope:{'|'.join(paths)}"  # permissions held over the same units share one answer
    if key in cache:
        return cache[key]
    ids: set[int] = set()
    if paths:
        cond = Q()
        for path in paths:
            cond |= Q(path__startswith=path)
        ids = set(Unit.objects.filter(cond).values_list("id", flat=True))
        ids |= predecessor_ids(ids)
    result = frozenset(ids)
    getattr(user, _CACHE_ATTR)[key] = result
    return result


def scope_and_ancestor_unit_ids(user, perm: str) -> frozenset[int]:
    """The scope for `perm` plus every unit above the user's role units: what concerns a whole unit (its
    disclosed list of nominations) reaches the staff of its departments too."""
    scope = scope_unit_ids(user, perm)
    if not scope:
        return scope
    above = {
        int(part)
        for role, _, path in _role_units(user)
        if perm in ROLE_PERMISSIONS[role]
        for part in path.strip("/").split("/")
        if part
    }
    return scope | above


def predecessor_ids(unit_ids: set[int]) -> set[int]:
    """Every unit that `unit_ids` succeeded, transitively, with their subtrees."""
    found: set[int] = set()
    frontier = set(unit_ids)
    while frontier:
        preds = (
            set(
                UnitSuccession.objects.filter(successor_id__in=frontier).values_list(
                    "predecessor_id", flat=True
                )
            )
            - found
            - unit_ids
        )
        if not preds:
            break
        paths = Unit.objects.filter(id__in=preds).values_list("path", flat=True)
        cond = Q()
        for path in paths:
            cond |= Q(path__startswith=path)
        subtree = set(Unit.objects.filter(cond).values_list("id", flat=True))
        found |= subtree
        frontier = subtree
    return found


def clear_cache(user) -> None:
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)

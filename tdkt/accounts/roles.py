"""What each role may do. Scope (which units) is separate: see accounts.scope.

One line per permission naming the roles that hold it, so areas add theirs without touching others'."""

from tdkt.accounts.models import Role

SO, OFFICER, HEAD = Role.SO_OFFICER, Role.UNIT_OFFICER, Role.UNIT_HEAD
MEMBER, SECRETARY, STAFF = Role.COUNCIL_MEMBER, Role.COUNCIL_SECRETARY, Role.STAFF

PEOPLE_VIEW = "people.view"
PEOPLE_MANAGE = "people.manage"
ORG_VIEW = "org.view"
ORG_MANAGE = "org.manage"
AUDIT_VIEW = "audit.view"
REGISTER_VIEW = "documents.register_view"  # the register of documents issued (sổ đăng ký văn bản đi)
MOVEMENTS_VIEW = "movements.view"  # published movements in scope and those launched above
MOVEMENTS_MANAGE = "movements.manage"  # launch, edit, publish, close, derive
MOVEMENTS_REPORT = "movements.report"  # report target figures for a unit
INSPECTIONS_VIEW = "movements.inspections_view"  # inspections of the units in scope and their follow-ups

PERMISSION_ROLES: dict[str, frozenset[str]] = {
    PEOPLE_VIEW: frozenset({SO, OFFICER, HEAD}),
    PEOPLE_MANAGE: frozenset({SO, OFFICER}),
    ORG_VIEW: frozenset({SO, OFFICER, HEAD, MEMBER, SECRETARY}),
    ORG_MANAGE: frozenset({SO}),
    AUDIT_VIEW: frozenset({SO, OFFICER, HEAD}),
    REGISTER_VIEW: frozenset({SO, OFFICER, HEAD, SECRETARY}),
    MOVEMENTS_VIEW: frozenset({SO, OFFICER, HEAD, MEMBER, SECRETARY, STAFF}),
    MOVEMENTS_MANAGE: frozenset({SO, OFFICER}),
    MOVEMENTS_REPORT: frozenset({SO, OFFICER, HEAD}),
    INSPECTIONS_VIEW: frozenset({SO, OFFICER, HEAD}),
}

ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    role: frozenset(perm for perm, roles in PERMISSION_ROLES.items() if role in roles) for role in Role.values
}

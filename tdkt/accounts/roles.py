"""What each role may do. Scope (which units) is separate: see accounts.scope."""

from tdkt.accounts.models import Role

PEOPLE_VIEW = "people.view"
PEOPLE_MANAGE = "people.manage"
ORG_VIEW = "org.view"
ORG_MANAGE = "org.manage"
AUDIT_VIEW = "audit.view"
MOVEMENTS_VIEW = "movements.view"  # published movements in scope and those launched above
MOVEMENTS_MANAGE = "movements.manage"  # launch, edit, publish, close, derive
MOVEMENTS_REPORT = "movements.report"  # report target figures for a unit

ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    Role.SO_OFFICER: frozenset(
        {
            PEOPLE_VIEW,
            PEOPLE_MANAGE,
            ORG_VIEW,
            ORG_MANAGE,
            AUDIT_VIEW,
            MOVEMENTS_VIEW,
            MOVEMENTS_MANAGE,
            MOVEMENTS_REPORT,
        }
    ),
    Role.UNIT_OFFICER: frozenset(
        {PEOPLE_VIEW, PEOPLE_MANAGE, ORG_VIEW, AUDIT_VIEW, MOVEMENTS_VIEW, MOVEMENTS_MANAGE, MOVEMENTS_REPORT}
    ),
    Role.UNIT_HEAD: frozenset({PEOPLE_VIEW, ORG_VIEW, AUDIT_VIEW, MOVEMENTS_VIEW, MOVEMENTS_REPORT}),
    Role.COUNCIL_MEMBER: frozenset({ORG_VIEW, MOVEMENTS_VIEW}),
    Role.COUNCIL_SECRETARY: frozenset({ORG_VIEW, MOVEMENTS_VIEW}),
    Role.STAFF: frozenset({MOVEMENTS_VIEW}),
}

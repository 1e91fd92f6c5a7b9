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
REGISTRATIONS_VIEW = "registrations.view"  # who registered which title in units in scope
REGISTRATIONS_MANAGE = "registrations.manage"  # register people and collectives of units in scope
PLEDGES_VIEW = "pledges.view"  # pledge rounds, pledges and signature progress of units in scope
PLEDGES_MANAGE = "pledges.manage"  # prepare, open and close pledge rounds of units in scope
# Registering oneself and signing one's own pledges need no permission: the subject is the user's person.

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
            REGISTRATIONS_VIEW,
            REGISTRATIONS_MANAGE,
            PLEDGES_VIEW,
            PLEDGES_MANAGE,
        }
    ),
    Role.UNIT_OFFICER: frozenset(
        {
            PEOPLE_VIEW,
            PEOPLE_MANAGE,
            ORG_VIEW,
            AUDIT_VIEW,
            MOVEMENTS_VIEW,
            MOVEMENTS_MANAGE,
            MOVEMENTS_REPORT,
            REGISTRATIONS_VIEW,
            REGISTRATIONS_MANAGE,
            PLEDGES_VIEW,
            PLEDGES_MANAGE,
        }
    ),
    Role.UNIT_HEAD: frozenset(
        {
            PEOPLE_VIEW,
            ORG_VIEW,
            AUDIT_VIEW,
            MOVEMENTS_VIEW,
            MOVEMENTS_REPORT,
            REGISTRATIONS_VIEW,
            PLEDGES_VIEW,
        }
    ),
    Role.COUNCIL_MEMBER: frozenset({ORG_VIEW, MOVEMENTS_VIEW, REGISTRATIONS_VIEW}),
    Role.COUNCIL_SECRETARY: frozenset({ORG_VIEW, MOVEMENTS_VIEW, REGISTRATIONS_VIEW}),
    Role.STAFF: frozenset({MOVEMENTS_VIEW}),
}

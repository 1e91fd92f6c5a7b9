"""What each role may do. Scope (which units) is separate: see accounts.scope."""

from tdkt.accounts.models import Role

PEOPLE_VIEW = "people.view"
PEOPLE_MANAGE = "people.manage"
ORG_VIEW = "org.view"
ORG_MANAGE = "org.manage"
AUDIT_VIEW = "audit.view"

ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    Role.SO_OFFICER: frozenset({PEOPLE_VIEW, PEOPLE_MANAGE, ORG_VIEW, ORG_MANAGE, AUDIT_VIEW}),
    Role.UNIT_OFFICER: frozenset({PEOPLE_VIEW, PEOPLE_MANAGE, ORG_VIEW, AUDIT_VIEW}),
    Role.UNIT_HEAD: frozenset({PEOPLE_VIEW, ORG_VIEW, AUDIT_VIEW}),
    Role.COUNCIL_MEMBER: frozenset({ORG_VIEW}),
    Role.COUNCIL_SECRETARY: frozenset({ORG_VIEW}),
    Role.STAFF: frozenset(),
}

# Councils (tdkt.councils). COUNCIL_VIEW: every council of the units in scope; COUNCIL_MANAGE: set councils
# up, their members and meetings; COUNCIL_SIT: sit on councils — a member or secretary sees only the
# councils they belong to, and what they may do there follows from their place on that council.
COUNCIL_VIEW = "councils.view"
COUNCIL_MANAGE = "councils.manage"
COUNCIL_SIT = "councils.sit"
ROLE_PERMISSIONS[Role.SO_OFFICER] |= {COUNCIL_VIEW, COUNCIL_MANAGE}
ROLE_PERMISSIONS[Role.UNIT_OFFICER] |= {COUNCIL_VIEW, COUNCIL_MANAGE}
ROLE_PERMISSIONS[Role.UNIT_HEAD] |= {COUNCIL_VIEW}
ROLE_PERMISSIONS[Role.COUNCIL_MEMBER] |= {COUNCIL_SIT}
ROLE_PERMISSIONS[Role.COUNCIL_SECRETARY] |= {COUNCIL_SIT}

"""What each role may do. Scope (which units) is separate: see accounts.scope."""

from tdkt.accounts.models import Role

PEOPLE_VIEW = "people.view"
PEOPLE_MANAGE = "people.manage"
ORG_VIEW = "org.view"
ORG_MANAGE = "org.manage"
AUDIT_VIEW = "audit.view"
# Keep people's and collectives' yearly records by hand (ratings, initiatives, discipline, leave,
# reviews, past awards) and their evidence files.
RECORDS_MANAGE = "records.manage"

ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    Role.SO_OFFICER: frozenset(
        {PEOPLE_VIEW, PEOPLE_MANAGE, RECORDS_MANAGE, ORG_VIEW, ORG_MANAGE, AUDIT_VIEW}
    ),
    Role.UNIT_OFFICER: frozenset({PEOPLE_VIEW, PEOPLE_MANAGE, RECORDS_MANAGE, ORG_VIEW, AUDIT_VIEW}),
    Role.UNIT_HEAD: frozenset({PEOPLE_VIEW, ORG_VIEW, AUDIT_VIEW}),
    Role.COUNCIL_MEMBER: frozenset({ORG_VIEW}),
    Role.COUNCIL_SECRETARY: frozenset({ORG_VIEW}),
    Role.STAFF: frozenset(),
}

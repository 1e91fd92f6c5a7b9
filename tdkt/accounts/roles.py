"""What each role may do. Scope (which units) is separate: see accounts.scope."""

from tdkt.accounts.models import Role

PEOPLE_VIEW = "people.view"
PEOPLE_MANAGE = "people.manage"
ORG_VIEW = "org.view"
ORG_MANAGE = "org.manage"
AUDIT_VIEW = "audit.view"
NOMINATIONS_VIEW = "nominations.view"  # rounds and nominations of the units in scope
NOMINATIONS_PREPARE = "nominations.prepare"  # open rounds, build and submit nominations (unit officer)
NOMINATIONS_VERIFY = "nominations.verify"  # verify or return the units' nominations (Sở officer)
NOMINATIONS_DECIDE = "nominations.decide"  # council outcome, decision, forwarding (unit head)
DISCLOSURE_VIEW = "nominations.disclosure"  # read the unit's disclosed lists and object (everyone)

ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    Role.SO_OFFICER: frozenset(
        {
            PEOPLE_VIEW,
            PEOPLE_MANAGE,
            ORG_VIEW,
            ORG_MANAGE,
            AUDIT_VIEW,
            NOMINATIONS_VIEW,
            NOMINATIONS_PREPARE,
            NOMINATIONS_VERIFY,
            DISCLOSURE_VIEW,
        }
    ),
    Role.UNIT_OFFICER: frozenset(
        {
            PEOPLE_VIEW,
            PEOPLE_MANAGE,
            ORG_VIEW,
            AUDIT_VIEW,
            NOMINATIONS_VIEW,
            NOMINATIONS_PREPARE,
            DISCLOSURE_VIEW,
        }
    ),
    Role.UNIT_HEAD: frozenset(
        {PEOPLE_VIEW, ORG_VIEW, AUDIT_VIEW, NOMINATIONS_VIEW, NOMINATIONS_DECIDE, DISCLOSURE_VIEW}
    ),
    Role.COUNCIL_MEMBER: frozenset({ORG_VIEW, NOMINATIONS_VIEW, DISCLOSURE_VIEW}),
    Role.COUNCIL_SECRETARY: frozenset({ORG_VIEW, NOMINATIONS_VIEW, DISCLOSURE_VIEW}),
    Role.STAFF: frozenset({DISCLOSURE_VIEW}),
}

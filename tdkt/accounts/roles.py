"""What each role may do. Scope (which units) is separate: see accounts.scope."""

from tdkt.accounts.models import Role

PEOPLE_VIEW = "people.view"
PEOPLE_MANAGE = "people.manage"
ORG_VIEW = "org.view"
ORG_MANAGE = "org.manage"
AUDIT_VIEW = "audit.view"
REGISTER_VIEW = "documents.register_view"  # the register of documents issued (sổ đăng ký văn bản đi)

ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    Role.SO_OFFICER: frozenset({PEOPLE_VIEW, PEOPLE_MANAGE, ORG_VIEW, ORG_MANAGE, AUDIT_VIEW, REGISTER_VIEW}),
    Role.UNIT_OFFICER: frozenset({PEOPLE_VIEW, PEOPLE_MANAGE, ORG_VIEW, AUDIT_VIEW, REGISTER_VIEW}),
    Role.UNIT_HEAD: frozenset({PEOPLE_VIEW, ORG_VIEW, AUDIT_VIEW, REGISTER_VIEW}),
    Role.COUNCIL_MEMBER: frozenset({ORG_VIEW}),
    Role.COUNCIL_SECRETARY: frozenset({ORG_VIEW, REGISTER_VIEW}),
    Role.STAFF: frozenset(),
}

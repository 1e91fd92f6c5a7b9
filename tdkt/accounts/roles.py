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
# keep people's and collectives' yearly records by hand (ratings, initiatives, discipline, leave,
# reviews, past awards) and their evidence files
RECORDS_MANAGE = "records.manage"
REGISTRATIONS_VIEW = "registrations.view"  # who registered which title in units in scope
REGISTRATIONS_MANAGE = "registrations.manage"  # register people and collectives of units in scope
PLEDGES_VIEW = "pledges.view"  # pledge rounds, pledges and signature progress of units in scope
PLEDGES_MANAGE = "pledges.manage"  # prepare, open and close pledge rounds of units in scope
NOMINATIONS_VIEW = "nominations.view"  # rounds and nominations of the units in scope
NOMINATIONS_PREPARE = "nominations.prepare"  # open rounds, build and submit nominations (unit officer)
NOMINATIONS_VERIFY = "nominations.verify"  # verify or return the units' nominations (Sở officer)
NOMINATIONS_DECIDE = "nominations.decide"  # council outcome, decision, forwarding (unit head)
DISCLOSURE_VIEW = "nominations.disclosure"  # read the unit's disclosed lists and object (everyone)
# councils: COUNCIL_VIEW every council of the units in scope; COUNCIL_MANAGE set councils up, their members
# and meetings; COUNCIL_SIT sit on councils — a member or secretary sees only the councils they belong to,
# and what they may do there follows from their place on that council
COUNCIL_VIEW = "councils.view"
COUNCIL_MANAGE = "councils.manage"
COUNCIL_SIT = "councils.sit"
INSPECTIONS_VIEW = "movements.inspections_view"  # inspections of the units in scope and their follow-ups
# decisions (Quyết định khen thưởng): DECISIONS_VIEW the decisions issued by units in scope, their payment
# lists and certificates; DECISIONS_PREPARE draft them; DECISIONS_ISSUE number, sign and issue them (the head)
DECISIONS_VIEW = "decisions.view"
DECISIONS_PREPARE = "decisions.prepare"
DECISIONS_ISSUE = "decisions.issue"

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
    RECORDS_MANAGE: frozenset({SO, OFFICER}),
    REGISTRATIONS_VIEW: frozenset({SO, OFFICER, HEAD, MEMBER, SECRETARY}),
    REGISTRATIONS_MANAGE: frozenset({SO, OFFICER}),
    PLEDGES_VIEW: frozenset({SO, OFFICER, HEAD}),
    PLEDGES_MANAGE: frozenset({SO, OFFICER}),
    NOMINATIONS_VIEW: frozenset({SO, OFFICER, HEAD, MEMBER, SECRETARY}),
    NOMINATIONS_PREPARE: frozenset({SO, OFFICER}),
    NOMINATIONS_VERIFY: frozenset({SO}),
    NOMINATIONS_DECIDE: frozenset({HEAD}),
    DISCLOSURE_VIEW: frozenset({SO, OFFICER, HEAD, MEMBER, SECRETARY, STAFF}),
    COUNCIL_VIEW: frozenset({SO, OFFICER, HEAD}),
    COUNCIL_MANAGE: frozenset({SO, OFFICER}),
    COUNCIL_SIT: frozenset({MEMBER, SECRETARY}),
    INSPECTIONS_VIEW: frozenset({SO, OFFICER, HEAD}),
    DECISIONS_VIEW: frozenset({SO, OFFICER, HEAD}),
    DECISIONS_PREPARE: frozenset({SO, OFFICER, HEAD}),
    DECISIONS_ISSUE: frozenset({HEAD}),
}

ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    role: frozenset(perm for perm, roles in PERMISSION_ROLES.items() if role in roles) for role in Role.values
}

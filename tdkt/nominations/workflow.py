"""The nomination workflow as one table: each step, the states it starts from, the state it leads to, the
permission it needs over the round's unit and whether a reason must be written. services.py builds one
function per step on this table; pages read it to offer the steps a user may take."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from tdkt.accounts.roles import NOMINATIONS_DECIDE, NOMINATIONS_PREPARE, NOMINATIONS_VERIFY

from .models import NominationStatus as S


@dataclass(frozen=True)
class Step:
    name: str
    sources: frozenset[str]
    target: str
    permission: str
    label: object  # lazy Vietnamese label of the action
    reason_required: bool = False
    needs_decision: bool = False  # decision number, date and issuer are recorded
    needs_outcome: bool = False  # the higher level's answer is recorded


STEPS: dict[str, Step] = {
    step.name: step
    for step in (
        Step("submit", frozenset({S.DRAFT}), S.SUBMITTED, NOMINATIONS_PREPARE, _("Submit")),
        Step(
            "return",
            frozenset({S.SUBMITTED, S.RESUBMITTED, S.VERIFIED}),
            S.RETURNED,
            NOMINATIONS_VERIFY,
            _("Return for correction"),
            reason_required=True,
        ),
        Step("resubmit", frozenset({S.RETURNED}), S.RESUBMITTED, NOMINATIONS_PREPARE, _("Resubmit")),
        Step("verify", frozenset({S.SUBMITTED, S.RESUBMITTED}), S.VERIFIED, NOMINATIONS_VERIFY, _("Verify")),
        Step(
            "send_to_council",
            frozenset({S.VERIFIED}),
            S.TO_COUNCIL,
            NOMINATIONS_PREPARE,
            _("Send to the council"),
        ),
        Step(
            "approve",
            frozenset({S.TO_COUNCIL}),
            S.APPROVED,
            NOMINATIONS_DECIDE,
            _("Record: council approves"),
        ),
        Step(
            "reject",
            frozenset({S.TO_COUNCIL}),
            S.NOT_APPROVED,
            NOMINATIONS_DECIDE,
            _("Record: council does not approve"),
            reason_required=True,
        ),
        Step(
            "decide",
            frozenset({S.APPROVED}),
            S.DECIDED,
            NOMINATIONS_DECIDE,
            _("Record the decision"),
            needs_decision=True,
        ),
        Step(
            "forward",
            frozenset({S.APPROVED}),
            S.FORWARDED,
            NOMINATIONS_DECIDE,
            _("Forward to the higher level"),
        ),
        Step(
            "record_outcome",
            frozenset({S.FORWARDED}),
            S.OUTCOME_RECORDED,
            NOMINATIONS_PREPARE,
            _("Record the higher level's outcome"),
            needs_decision=True,
            needs_outcome=True,
        ),
        Step(
            "withdraw",
            frozenset({S.DRAFT, S.SUBMITTED, S.RETURNED, S.RESUBMITTED, S.VERIFIED}),
            S.WITHDRAWN,
            NOMINATIONS_PREPARE,
            _("Withdraw"),
            reason_required=True,
        ),
    )
}

# States a nomination rests in for good (dwell time stops there).
FINAL_STATUSES = frozenset({S.NOT_APPROVED, S.DECIDED, S.OUTCOME_RECORDED, S.WITHDRAWN})
# States in which the evidence is still the officer's to change (guards are live, not frozen).
EDITABLE_STATUSES = frozenset({S.DRAFT, S.RETURNED})
# States whose nominations a disclosure lists.
DISCLOSABLE_STATUSES = frozenset({S.SUBMITTED, S.RESUBMITTED, S.VERIFIED})

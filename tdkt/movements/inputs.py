"""What a plan form hands to the services: plain typed values, no ORM instances beyond units and movements.

`id` on a row is the existing row being edited (None for a new one); rows left out are removed.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from tdkt.org.models import Unit


@dataclass
class PlanInput:
    kind: str
    name: str
    start: dt.date
    end: dt.date
    symbol: str
    issued_on: dt.date
    place: str
    issuer_name: str
    signer_title: str
    signer_name: str
    number: int | None = None
    theme: str = ""
    issuer_parent: str = ""
    signer_authority: str = ""
    preamble: str = ""
    purposes: str = ""
    requirements: str = ""
    audience: str = ""
    closing: str = ""
    distribution: str = ""


@dataclass
class PhaseInput:
    name: str
    start: dt.date
    end: dt.date
    theme: str = ""
    description: str = ""
    commemorations: list[str] = field(default_factory=list)
    id: int | None = None


@dataclass
class TargetInput:
    indicator: str
    unit_of_measure: str = ""
    comparator: str = ""
    threshold: Decimal | None = None
    direction: str = "increase"
    frequency: str = ""
    kind: str = "reported"
    computation: str = ""
    reporter: str = "units_below"
    reporter_unit: Unit | None = None
    due_days: int = 10
    source_id: int | None = None
    id: int | None = None


@dataclass
class SectionInput:
    heading: str
    body: str = ""
    id: int | None = None


@dataclass
class ResponsibilityInput:
    party: str
    task: str
    unit: Unit | None = None
    id: int | None = None


@dataclass
class BasisInput:
    verb: str = "pursuant"
    movement_id: int | None = None
    reference: str = ""
    id: int | None = None


@dataclass
class PlanContent:
    """Everything a plan form holds: the plan itself and its row lists."""

    plan: PlanInput
    phases: list[PhaseInput] = field(default_factory=list)
    targets: list[TargetInput] = field(default_factory=list)
    sections: list[SectionInput] = field(default_factory=list)
    responsibilities: list[ResponsibilityInput] = field(default_factory=list)
    basis: list[BasisInput] = field(default_factory=list)


@dataclass
class InspectionInput:
    """An inspection as its form hands it over; `actions` are its follow-up rows."""

    unit: Unit
    kind: str
    inspected_on: dt.date
    team: str
    findings: str = ""
    actions: list["FollowUpInput"] = field(default_factory=list)


@dataclass
class FollowUpInput:
    description: str
    owner: object  # a User
    due_on: dt.date
    id: int | None = None


@dataclass
class ProposalInput:
    """A role model or a commendation proposed by a review: a person or a collective (a unit)."""

    kind: str
    subject_kind: str
    summary: str
    person: object | None = None  # a people.Person
    unit: Unit | None = None
    candidate: str = ""
    id: int | None = None


@dataclass
class ReviewInput:
    """What the review form hands over: its texts, its document fields, a comment per result id, the
    proposals; `refresh` takes the figures again as of `as_of`."""

    title: str
    as_of: dt.date
    symbol: str
    issued_on: dt.date
    place: str
    issuer_name: str
    signer_title: str
    signer_name: str
    overview: str = ""
    highlights: str = ""
    shortcomings: str = ""
    lessons: str = ""
    next_steps: str = ""
    number: int | None = None
    issuer_parent: str = ""
    signer_authority: str = ""
    distribution: str = ""
    comments: dict[int, str] = field(default_factory=dict)
    proposals: list[ProposalInput] = field(default_factory=list)
    refresh: bool = False

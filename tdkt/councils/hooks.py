"""Where a closed ballot's result goes: the object the item points at is told through a handler registered
for its model. A nominations app plugs in with a thin adapter, in its AppConfig.ready():

    from tdkt.councils.hooks import on_ballot_closed

    @on_ballot_closed("nominations.nomination")
    def nomination_voted(*, obj, result, actor):
        nomination_council_decide(nomination=obj, passed=result.passed, actor=actor, minutes=result)

The handler runs inside the transaction that closes the ballot: if it raises (an ApplicationError to
refuse), the ballot stays open and nothing is written. Items that point at no object, or at a model with no
handler, are closed all the same. The registry is filled once at start-up (configuration, identical in every
process), never at run time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class BallotResult:
    """The result of one closed ballot, as reported to the object voted on and to the minutes."""

    ballot_id: int
    item_id: int
    meeting_id: int
    meeting_date: dt.date
    candidate: str
    subject_label: str
    passed: bool
    voters: int
    written_voters: int
    agree: int | None  # None: the tally is withheld (fewer voters than the minimum)
    disagree: int | None
    abstain: int | None
    base: int
    required: int
    pass_share: str  # "9/10"
    pass_base: str  # "all_members" | "present"
    text: str
    cite: str
    verified: bool
    object_label: str = ""  # "nominations.nomination", or "" when the item points at nothing
    object_id: str = ""


class BallotClosedHandler(Protocol):
    def __call__(self, *, obj, result: BallotResult, actor) -> None: ...


_HANDLERS: dict[str, BallotClosedHandler] = {}


def on_ballot_closed(model_label: str) -> Callable[[BallotClosedHandler], BallotClosedHandler]:
    """Register the handler told when a ballot on an object of `model_label` ("app.model") closes."""
    label = model_label.lower()

    def register(handler: BallotClosedHandler) -> BallotClosedHandler:
        if label in _HANDLERS and _HANDLERS[label] is not handler:
            raise ValueError(f"a ballot handler for {label} is already registered")
        _HANDLERS[label] = handler
        return handler

    return register


def unregister(model_label: str) -> None:
    _HANDLERS.pop(model_label.lower(), None)


def handler_for(model_label: str) -> BallotClosedHandler | None:
    return _HANDLERS.get(model_label.lower())


def report_ballot_closed(*, obj, result: BallotResult, actor) -> bool:
    """Tell the object's handler; False when the item points at nothing or no handler is registered."""
    if obj is None:
        return False
    handler = handler_for(obj._meta.label_lower)
    if handler is None:
        return False
    handler(obj=obj, result=result, actor=actor)
    return True

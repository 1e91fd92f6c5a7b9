"""Writes to the yearly records. Every change is audited (before → after); multi-row writes are atomic;
every change brings the stored verdicts of the unit list that it can move up to date
(eligibility.refresh), in the same transaction.

Callers check scope (accounts.access) and pass the objects; these functions check the records
themselves and refuse with an ApplicationError whose `extra["field"]` names the form field at fault."""

from tdkt.records.services.achievements import achievement_create, achievement_delete, achievement_update
from tdkt.records.services.awards import award_delete, award_record, award_revoke, award_update
from tdkt.records.services.periods import (
    discipline_create,
    discipline_delete,
    discipline_update,
    leave_create,
    leave_delete,
    leave_update,
    review_close,
    review_delete,
    review_open,
    review_update,
)
from tdkt.records.services.ratings import (
    collective_rating_create,
    collective_rating_delete,
    collective_rating_set,
    collective_rating_update,
    rating_create,
    rating_delete,
    rating_set,
    rating_update,
)

__all__ = [
    "achievement_create",
    "achievement_delete",
    "achievement_update",
    "award_delete",
    "award_record",
    "award_revoke",
    "award_update",
    "collective_rating_create",
    "collective_rating_delete",
    "collective_rating_set",
    "collective_rating_update",
    "discipline_create",
    "discipline_delete",
    "discipline_update",
    "leave_create",
    "leave_delete",
    "leave_update",
    "rating_create",
    "rating_delete",
    "rating_set",
    "rating_update",
    "review_close",
    "review_delete",
    "review_open",
    "review_update",
]

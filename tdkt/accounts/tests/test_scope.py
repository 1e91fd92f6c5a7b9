"""Who may keep records, and the scope answers a request reuses."""

import pytest

from tdkt.accounts.roles import PEOPLE_VIEW, RECORDS_MANAGE
from tdkt.accounts.scope import has_perm, scope_unit_ids

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("persona", "keeps"),
    [
        ("so_officer", True),
        ("unit_officer", True),
        ("outsider", True),
        ("unit_head", False),
        ("council_member", False),
        ("staff", False),
    ],
)
def test_records_are_kept_by_emulation_officers_only(world, persona, keeps):
    assert has_perm(getattr(world, persona), RECORDS_MANAGE) is keeps


def test_permissions_over_the_same_units_share_one_scope_answer(world, django_assert_num_queries):
    officer = world.unit_officer
    with django_assert_num_queries(3):  # the roles, the subtree, the units it took over
        people = scope_unit_ids(officer, PEOPLE_VIEW)
    with django_assert_num_queries(0):
        assert scope_unit_ids(officer, RECORDS_MANAGE) == people
    assert world.hosp_a.pk in people and world.hosp_b.pk not in people

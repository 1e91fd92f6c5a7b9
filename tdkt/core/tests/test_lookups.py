import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tdkt.org.models import Unit
from tdkt.org.services import unit_create

pytestmark = pytest.mark.django_db


def test_any_selects_the_listed_values_with_one_parameter_on_postgresql():
    units = [unit_create(actor=None, code=f"U{i}", name=f"Đơn vị {i}", kind="hospital") for i in range(5)]
    wanted = [units[1].pk, units[3].pk, 999_999]
    with CaptureQueriesContext(connection) as queries:
        found = set(Unit.objects.filter(pk__any=wanted).values_list("code", flat=True))
    assert found == {"U1", "U3"}
    if connection.vendor == "postgresql":
        assert "= ANY(" in queries.captured_queries[0]["sql"]
    assert not Unit.objects.filter(pk__any=[]).exists()
    assert set(Unit.objects.exclude(pk__any=wanted).values_list("code", flat=True)) == {"U0", "U2", "U4"}

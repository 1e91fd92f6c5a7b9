import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_unit_officer_sees_their_units_people(login, world):
    response = login("unit_officer").get(reverse("people:list"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Nguyễn Thị Hoa" in text and "Trần Văn An" in text
    assert "Lê Thị Bình" not in text


def test_search_ignores_accents(login, world):
    response = login("so_officer").get(reverse("people:list"), {"unit": world.so.pk, "q": "nguyen thi hoa"})
    text = response.content.decode()
    assert "Nguyễn Thị Hoa" in text
    assert "Trần Văn An" not in text

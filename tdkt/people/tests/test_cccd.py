import datetime as dt

from tdkt.people.cccd import cccd_problem, make_cccd


def test_a_well_formed_cccd_matching_birth_and_gender_passes():
    cccd = make_cccd(province="079", gender="female", birth_year=1985, serial=123)
    assert cccd == "079185000123"
    assert cccd_problem(cccd, birth_date=dt.date(1985, 3, 1), gender="female") is None


def test_it_rejects_other_than_twelve_digits():
    assert "12 chữ số" in cccd_problem("07918500012")
    assert "12 chữ số" in cccd_problem("07918500012A")


def test_it_rejects_an_unknown_province_code():
    assert "mã tỉnh" in cccd_problem("003185000123")


def test_it_rejects_a_birth_year_that_does_not_match():
    problem = cccd_problem("079185000123", birth_date=dt.date(1986, 1, 1))
    assert "1985" in problem and "1986" in problem


def test_it_rejects_a_gender_that_does_not_match():
    assert "giới tính" in cccd_problem("079185000123", gender="male")


def test_people_born_in_the_2000s_use_digits_2_and_3():
    cccd = make_cccd(province="001", gender="male", birth_year=2001, serial=5)
    assert cccd[3] == "2"
    assert cccd_problem(cccd, birth_date=dt.date(2001, 5, 5), gender="male") is None

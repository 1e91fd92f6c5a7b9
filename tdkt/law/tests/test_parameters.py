"""The strict parameter loader: legal numbers are dated data with citations, and a malformed file is refused
with the file, the parameter and the problem named (style.md, "Law as data")."""

import datetime as dt
import textwrap

import pytest

from tdkt.law.errors import ParameterError
from tdkt.law.parameters import DIRECTORY, Parameters, load, parse_parameters


def yaml_text(text: str) -> str:
    return textwrap.dedent(text).lstrip()


GOOD = yaml_text(
    """
    demo.months:
      description: Số tháng
      unit: tháng
      values:
        2017-10-01: {value: 10, cite: "Nghị định 91/2017/NĐ-CP, Điều 9", verified: false, note: "cũ"}
        2024-01-01: {value: 6, cite: "Thông tư 01/2024/TT-BNV, Điều 1, khoản 5, điểm d", verified: true}
    """
)


def refused(text: str) -> str:
    with pytest.raises(ParameterError) as caught:
        parse_parameters(yaml_text(text), "demo.yaml")
    return str(caught.value)


def test_a_well_formed_file_is_read_with_values_in_date_order():
    (parameter,) = parse_parameters(GOOD, "demo.yaml").values()
    assert parameter.name == "demo.months"
    assert parameter.unit == "tháng"
    assert [(v.since, v.value, v.verified) for v in parameter.values] == [
        (dt.date(2017, 10, 1), 10, False),
        (dt.date(2024, 1, 1), 6, True),
    ]
    assert parameter.values[0].note == "cũ"
    assert parameter.values[1].cite == "Thông tư 01/2024/TT-BNV, Điều 1, khoản 5, điểm d"


def test_an_unknown_key_of_a_parameter_is_refused():
    message = refused(
        """
        demo.months:
          description: Số tháng
          unitt: tháng
          values:
            2024-01-01: {value: 6, cite: "TT 01/2024", verified: true}
        """
    )
    assert message == "demo.yaml: demo.months: unknown key 'unitt'"


def test_an_unknown_key_of_a_value_is_refused():
    message = refused(
        """
        demo.months:
          description: Số tháng
          values:
            2024-01-01: {value: 6, cite: "TT 01/2024", verified: true, source: "báo"}
        """
    )
    assert message == "demo.yaml: demo.months.values.2024-01-01: unknown key 'source'"


@pytest.mark.parametrize("date", ["2024-7-1", "01/07/2024", "2024-07-01T00:00", "20240701", "'2024'"])
def test_a_date_that_is_not_iso_is_refused(date):
    message = refused(
        f"""
        demo.months:
          description: Số tháng
          values:
            {date}: {{value: 6, cite: "TT 01/2024", verified: true}}
        """
    )
    assert message.startswith("demo.yaml: demo.months.values.")
    assert message.endswith("is not an ISO date (YYYY-MM-DD)")


@pytest.mark.parametrize("date", ["2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10"])
def test_an_impossible_date_is_refused(date):
    message = refused(
        f"""
        demo.months:
          description: Số tháng
          values:
            {date}: {{value: 6, cite: "TT 01/2024", verified: true}}
        """
    )
    assert message == f"demo.yaml: demo.months.values.{date}: '{date}' is not a real date"


def test_the_same_date_twice_is_refused():
    message = refused(
        """
        demo.months:
          description: Số tháng
          values:
            2024-01-01: {value: 6, cite: "TT 01/2024", verified: true}
            2024-01-01: {value: 5, cite: "TT 01/2024", verified: true}
        """
    )
    assert message == "demo.yaml: line 5: duplicate key '2024-01-01'"


def test_the_same_parameter_twice_in_a_file_is_refused():
    message = refused(
        """
        demo.months:
          description: Số tháng
          values:
            2024-01-01: {value: 6, cite: "TT 01/2024", verified: true}
        demo.months:
          description: Số tháng (lặp)
          values:
            2025-01-01: {value: 5, cite: "TT 15/2025", verified: false}
        """
    )
    assert message == "demo.yaml: line 5: duplicate key 'demo.months'"


def test_the_same_parameter_in_two_files_is_refused(tmp_path):
    (tmp_path / "a.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(GOOD, encoding="utf-8")
    with pytest.raises(ParameterError, match=r"^b\.yaml: demo\.months is already defined in another file$"):
        load(tmp_path)


@pytest.mark.parametrize(
    "entry",
    [
        "{value: 6, verified: true}",
        '{value: 6, cite: "", verified: true}',
        "{value: 6, cite: 14, verified: true}",
    ],
)
def test_a_value_without_its_citation_is_refused(entry):
    message = refused(
        f"""
        demo.months:
          description: Số tháng
          values:
            2024-01-01: {entry}
        """
    )
    assert message == "demo.yaml: demo.months.values.2024-01-01: every value needs its citation (cite)"


@pytest.mark.parametrize(
    "entry", ['{value: 6, cite: "TT 01/2024"}', '{value: 6, cite: "TT 01/2024", verified: "có"}']
)
def test_a_value_without_verified_is_refused(entry):
    message = refused(
        f"""
        demo.months:
          description: Số tháng
          values:
            2024-01-01: {entry}
        """
    )
    assert message == "demo.yaml: demo.months.values.2024-01-01: verified must be true or false"


def test_a_missing_value_description_or_values_is_refused():
    assert refused(
        """
        demo.months:
          description: Số tháng
          values:
            2024-01-01: {cite: "TT 01/2024", verified: true}
        """
    ).endswith("value is required")
    assert refused(
        """
        demo.months:
          values:
            2024-01-01: {value: 6, cite: "TT 01/2024", verified: true}
        """
    ).endswith("description is required")
    assert refused(
        """
        demo.months:
          description: Số tháng
          values: {}
        """
    ).endswith("values must map dates to values")


def test_broken_yaml_and_bad_names_are_refused():
    assert refused("demo.months: [unclosed\n").startswith("demo.yaml: not valid YAML")
    assert refused("- a list\n") == "demo.yaml: expected a mapping of parameter names"
    assert "lower_case identifiers" in refused(
        """
        Demo.Months:
          description: Số tháng
          values:
            2024-01-01: {value: 6, cite: "TT 01/2024", verified: true}
        """
    )


def test_the_real_directory_loads_and_every_parameter_has_a_cited_value():
    table = load()
    assert table == load(DIRECTORY)
    assert table, "no parameters found"
    for name, parameter in table.items():
        assert parameter.name == name
        assert parameter.description
        assert len(parameter.values) >= 1, name
        for value in parameter.values:
            assert value.cite.strip(), f"{name} {value.since}"
            assert isinstance(value.verified, bool)
        assert [v.since for v in parameter.values] == sorted({v.since for v in parameter.values}), name


def test_at_picks_the_value_in_force_on_the_boundary_day_and_none_before_the_first():
    months = parse_parameters(GOOD)["demo.months"]
    assert months.at(dt.date(2017, 9, 30)) is None
    assert months.at(dt.date(2017, 10, 1)).value == 10
    assert months.at(dt.date(2023, 12, 31)).value == 10
    assert months.at(dt.date(2024, 1, 1)).value == 6
    assert months.at(dt.date(2030, 1, 1)).value == 6


def test_at_on_the_real_base_salary():
    salary = load()["base_salary"]
    assert salary.at(dt.date(2024, 6, 30)).value == 1_800_000
    assert salary.at(dt.date(2024, 7, 1)).value == 2_340_000
    assert salary.at(salary.values[0].since - dt.timedelta(days=1)) is None


def test_parameters_on_a_date_record_what_a_rule_used():
    params = Parameters(dt.date(2024, 1, 1), parse_parameters(GOOD))
    assert params("demo.months") == 6
    assert params("demo.months", dt.date(2020, 1, 1)) == 10
    assert [v.verified for v in params.used] == [True, False]

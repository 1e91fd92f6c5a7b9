"""Legal numbers as dated data (OpenFisca style): every value has the date it takes effect, its citation
and whether it was checked against the official text. Loaded once, strictly.

File format (parameters/*.yaml), one or more parameters per file:

    base_salary:
      description: Mức lương cơ sở (đồng/tháng)
      unit: VND
      values:
        2024-07-01: {value: 2340000, cite: "Nghị định 73/2024/NĐ-CP, Điều 3, khoản 2", verified: true}

A value may be a number, a string, a boolean, a list or a mapping of such (e.g. coefficients by item).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from tdkt.law.errors import ParameterError

DIRECTORY = Path(__file__).resolve().parent / "parameters"
_PARAM_KEYS = {"description", "unit", "values", "note"}
_VALUE_KEYS = {"value", "cite", "verified", "note"}
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NAME = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$")


@dataclass(frozen=True)
class Value:
    """One parameter value as in force on a date."""

    name: str
    value: object
    since: dt.date
    cite: str
    verified: bool
    note: str = ""


@dataclass(frozen=True)
class Parameter:
    name: str
    description: str
    unit: str
    values: tuple[Value, ...]  # ordered by `since`

    def at(self, day: dt.date) -> Value | None:
        """The value in force on `day`, or None before the first one."""
        index = bisect.bisect_right([v.since for v in self.values], day) - 1
        return self.values[index] if index >= 0 else None


class _StrictLoader(yaml.SafeLoader):
    """Safe YAML with no implicit dates (keys are checked as ISO text) and no duplicate keys."""


_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise ParameterError(f"line {key_node.start_mark.line + 1}: duplicate key {key!r}")
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def parse_parameters(text: str, source: str = "<string>") -> dict[str, Parameter]:
    """Parameters from YAML text; ParameterError names the file, the parameter and the problem."""
    try:
        raw = yaml.load(text, Loader=_StrictLoader) or {}
    except ParameterError as exc:
        raise ParameterError(f"{source}: {exc}") from None
    except yaml.YAMLError as exc:
        raise ParameterError(f"{source}: not valid YAML: {exc}") from None
    if not isinstance(raw, dict):
        raise ParameterError(f"{source}: expected a mapping of parameter names")
    result = {}
    for name, body in raw.items():
        where = f"{source}: {name}"
        if not isinstance(name, str) or not _NAME.match(name):
            raise ParameterError(f"{where}: parameter names are lower_case identifiers")
        if not isinstance(body, dict):
            raise ParameterError(f"{where}: expected a mapping with description, values")
        unknown = sorted(set(body) - _PARAM_KEYS)
        if unknown:
            raise ParameterError(f"{where}: unknown key {unknown[0]!r}")
        if not isinstance(body.get("description"), str) or not body["description"].strip():
            raise ParameterError(f"{where}: description is required")
        values_raw = body.get("values")
        if not isinstance(values_raw, dict) or not values_raw:
            raise ParameterError(f"{where}: values must map dates to values")
        values = []
        for since_text, entry in values_raw.items():
            at = f"{where}.values.{since_text}"
            if not isinstance(since_text, str) or not _ISO.match(since_text):
                raise ParameterError(f"{at}: {since_text!r} is not an ISO date (YYYY-MM-DD)")
            try:
                since = dt.date.fromisoformat(since_text)
            except ValueError:
                raise ParameterError(f"{at}: {since_text!r} is not a real date") from None
            if not isinstance(entry, dict):
                raise ParameterError(f"{at}: expected value, cite, verified")
            unknown = sorted(set(entry) - _VALUE_KEYS)
            if unknown:
                raise ParameterError(f"{at}: unknown key {unknown[0]!r}")
            if "value" not in entry:
                raise ParameterError(f"{at}: value is required")
            if not isinstance(entry.get("cite"), str) or not entry["cite"].strip():
                raise ParameterError(f"{at}: every value needs its citation (cite)")
            if not isinstance(entry.get("verified"), bool):
                raise ParameterError(f"{at}: verified must be true or false")
            values.append(
                Value(
                    name=name,
                    value=entry["value"],
                    since=since,
                    cite=entry["cite"].strip(),
                    verified=entry["verified"],
                    note=str(entry.get("note", "")),
                )
            )
        values.sort(key=lambda v: v.since)
        result[name] = Parameter(
            name=name,
            description=body["description"].strip(),
            unit=str(body.get("unit", "")),
            values=tuple(values),
        )
    return result


@cache
def load(directory: Path = DIRECTORY) -> dict[str, Parameter]:
    """Every parameter of the directory's *.yaml files (read once per process; the files are code)."""
    found: dict[str, Parameter] = {}
    for path in sorted(directory.glob("*.yaml")):
        for name, parameter in parse_parameters(path.read_text(encoding="utf-8"), path.name).items():
            if name in found:
                raise ParameterError(f"{path.name}: {name} is already defined in another file")
            found[name] = parameter
    return found


class MissingParameter(LookupError):
    pass


class Parameters:
    """The parameters as seen on one date, recording which values a rule used (for `verified`)."""

    def __init__(self, on: dt.date, table: dict[str, Parameter] | None = None, overrides: dict | None = None):
        self.on = on
        self.table = table if table is not None else load()
        self.overrides = overrides or {}  # name -> Value (local overlays)
        self.used: list[Value] = []

    def value(self, name: str, on: dt.date | None = None) -> Value:
        if name in self.overrides:
            found = self.overrides[name]
        else:
            parameter = self.table.get(name)
            if parameter is None:
                raise MissingParameter(name)
            found = parameter.at(on or self.on)
            if found is None:
                raise MissingParameter(f"{name} has no value on {(on or self.on).isoformat()}")
        self.used.append(found)
        return found

    def __call__(self, name: str, on: dt.date | None = None):
        return self.value(name, on).value

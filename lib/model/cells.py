"""One CSV cell as its typed value, by its field in data/datapackage.json, or a ValueError that says
in plain words what is wrong; and how each type's column is stored."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd

from lib.model.dates import parse_partial_date
from lib.model.schema import PUBLISHERS, SOURCES, Field, constraints

_INT = re.compile(r"-?\d+")
# Characters no text field should hold: C0 controls other than tab, line feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# What each of the descriptor's patterns asks for, in plain words.
_PATTERN_HINTS = {
    constraints(SOURCES.field("id"))["pattern"]: "ids use lowercase letters, digits, '-' and '_'",
    constraints(SOURCES.field("url"))["pattern"]: "not an http(s) address",
    constraints(SOURCES.field("path"))["pattern"]: "give a path inside data/",
    constraints(PUBLISHERS.field("host"))["pattern"]: "write a host name as a URL has it, e.g. www.mofa.go.jp",
}


def _string(value: str, field: Field) -> str:
    if _CONTROL.search(value):
        raise ValueError("holds a control character (such as a NUL byte); remove it")
    return value


def _list(value: str, field: Field) -> tuple[str, ...]:
    items = tuple(item.strip() for item in value.split(field["delimiter"]))
    allowed = field.get("itemEnum")
    for item in items:
        if not item:
            raise ValueError(
                f"is {value!r}, which has an empty item; separate items with a single {field['delimiter']!r}"
            )
        if allowed and item not in allowed:
            raise ValueError(f"has {item!r}; allowed values: {', '.join(allowed)}")
    return items


def _integer(value: str, field: Field) -> int:
    if not _INT.fullmatch(value):
        raise ValueError(f"is {value!r}, not a whole number")
    return int(value)


def _number(value: str, field: Field) -> float:
    try:
        number = float(value)
    except ValueError:
        raise ValueError(f"is {value!r}, not a number") from None
    if not math.isfinite(number):
        raise ValueError(f"is {value!r}, not a finite number")
    return number


def _boolean(value: str, field: Field) -> bool:
    if value not in (*field["trueValues"], *field["falseValues"]):
        raise ValueError(f"is {value!r}; write {' or '.join((*field['trueValues'], *field['falseValues']))}")
    return value in field["trueValues"]


_READERS: dict[str, Callable[[str, Field], Any]] = {
    "string": _string,
    "list": _list,
    "integer": _integer,
    "number": _number,
    "boolean": _boolean,
}
# An empty optional cell, by type; a string's is "".
_EMPTY: dict[str, Any] = {"list": (), "date": pd.NaT, "integer": pd.NA, "number": float("nan"), "boolean": False}
# How a column of each type is stored; text stays as Python strings (object), not pandas' Arrow-backed
# "str": filtering copies references to the strings, where an Arrow column copied all its text on
# every run. Few distinct lists, many rows: as categories, a filter tests each list once.
_DTYPES: dict[str, str] = {
    "date": "datetime64[ns]",
    "integer": "Int64",
    "number": "float64",
    "boolean": "bool",
    "list": "category",
}


def is_free_text(field: Field) -> bool:
    """Text as people write it, kept with its spaces: a string with no pattern, vocabulary or format."""
    return field["type"] == "string" and not {"pattern", "enum"} & set(constraints(field)) and "format" not in field


def is_date(field: Field) -> bool:
    """A date, or a date written at the precision another column gives (stored as a date)."""
    return field["type"] == "date" or "precisionField" in field


def empty(field: Field) -> Any:
    return pd.NaT if is_date(field) else _EMPTY.get(field["type"], "")


def dtype(field: Field) -> str | None:
    return _DTYPES["date"] if is_date(field) else _DTYPES.get(field["type"])


def _text_problem(text: str, field: Field) -> str | None:
    rules = constraints(field)
    if "enum" in rules and text not in rules["enum"]:
        return f"is {text!r}; allowed values: {', '.join(rules['enum'])}"
    pattern = rules.get("pattern")
    if pattern and not re.fullmatch(pattern, text):
        return f"is {text!r}; {_PATTERN_HINTS.get(pattern, f'it must match {pattern}')}"
    return None


def _range_problem(value: Any, field: Field) -> str | None:
    rules = constraints(field)
    if "exclusiveMinimum" in rules and value <= rules["exclusiveMinimum"]:
        return f"is {value}; it must be above {rules['exclusiveMinimum']}"
    if "minimum" in rules and value < rules["minimum"]:
        return f"is {value}, below {rules['minimum']}"
    if "maximum" in rules and value > rules["maximum"]:
        return f"is {value}, above {rules['maximum']}"
    return None


def convert(field: Field, value: str, record: Mapping[str, str]) -> Any:
    """One filled cell as its typed value; a date at a precision is read at the precision its row gives."""
    text = value if is_free_text(field) else value.strip()
    if is_date(field):
        precision = record[field["precisionField"]].strip() if "precisionField" in field else "day"
        typed = parse_partial_date(text, precision)
    else:
        typed = _READERS[field["type"]](text, field)
    numeric = field["type"] in ("integer", "number")
    problem = _text_problem(text, field) or (_range_problem(typed, field) if numeric else None)
    if problem:
        raise ValueError(problem)
    return typed

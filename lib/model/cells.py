"""A CSV cell as its typed value, by its field in datapackage.json, or a ValueError saying what is wrong in words."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

import pandas as pd
from babel.lists import format_list

from lib.i18n import N_, _, current_language
from lib.model.dates import parse_partial_date
from lib.model.schema import PUBLISHERS, SOURCES, Field, constraints

# Characters no text field should hold: C0 controls other than tab, line feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# What each of the descriptor's patterns asks for, in plain words.
_PATTERN_HINTS = {
    constraints(SOURCES.field("id"))["pattern"]: N_("ids use lowercase letters, digits, '-' and '_'"),
    constraints(SOURCES.field("url"))["pattern"]: N_("not an http(s) address"),
    constraints(SOURCES.field("path"))["pattern"]: N_("give a path inside data/"),
    constraints(PUBLISHERS.field("host"))["pattern"]: N_("write a host name as a URL has it, e.g. www.mofa.go.jp"),
}


def _string(value: str, field: Field) -> str:
    if _CONTROL.search(value):
        raise ValueError(_("holds a control character (such as a NUL byte); remove it"))
    return value


def _list(value: str, field: Field) -> tuple[str, ...]:
    items = tuple(item.strip() for item in value.split(field["delimiter"]))
    allowed = field.get("itemEnum")
    for item in items:
        if not item:
            reason = _("is {value!r}, which has an empty item; separate items with a single {delimiter!r}")
            raise ValueError(reason.format(value=value, delimiter=field["delimiter"]))
        if allowed and item not in allowed:
            raise ValueError(_("has {item!r}; allowed values: {values}").format(item=item, values=", ".join(allowed)))
    return items


def _integer(value: str, field: Field) -> int:
    if not re.fullmatch(r"-?\d+", value):
        raise ValueError(_("is {value!r}, not a whole number").format(value=value))
    return int(value)


def _number(value: str, field: Field) -> float:
    try:
        number = float(value)
    except ValueError:
        raise ValueError(_("is {value!r}, not a number").format(value=value)) from None
    if not math.isfinite(number):
        raise ValueError(_("is {value!r}, not a finite number").format(value=value))
    return number


def _boolean(value: str, field: Field) -> bool:
    if value not in (*field["trueValues"], *field["falseValues"]):
        words = format_list([*field["trueValues"], *field["falseValues"]], style="or", locale=current_language())
        raise ValueError(_("is {value!r}; write {words}").format(value=value, words=words))
    return value in field["trueValues"]


_READERS = {"string": _string, "list": _list, "integer": _integer, "number": _number, "boolean": _boolean}
# An empty optional cell, by type; a string's is "", a date's NaT.
_EMPTY: dict[str, Any] = {"list": (), "integer": pd.NA, "number": float("nan"), "boolean": False}
# How a column of each type is stored. Text stays Python strings (object): a filter copies references, where
# pandas' Arrow-backed "str" copied all its text every run. Lists as categories: a filter tests each one once.
_DTYPES = {"date": "datetime64[ns]", "integer": "Int64", "number": "float64", "boolean": "bool", "list": "category"}


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


def _range_problem(value: Any, field: Field) -> str | None:
    rules = constraints(field)
    if "exclusiveMinimum" in rules and value <= rules["exclusiveMinimum"]:
        return _("is {value}; it must be above {minimum}").format(value=value, minimum=rules["exclusiveMinimum"])
    if "minimum" in rules and value < rules["minimum"]:
        return _("is {value}, below {minimum}").format(value=value, minimum=rules["minimum"])
    if "maximum" in rules and value > rules["maximum"]:
        return _("is {value}, above {maximum}").format(value=value, maximum=rules["maximum"])
    return None


def read_cell(field: Field, record: Mapping[str, str], broken: set[str]) -> Any:
    """A record's cell, typed, or ValueError; `broken` names columns already reported (a date's precision too).
    A date at a precision is read at the precision its row gives."""
    value = record[field["name"]]
    precision = field.get("precisionField")
    if not value.strip():
        # The date a precision column is named for (date_precision: date) is empty only when unknown.
        dated = precision == f"{field['name']}_precision" and record[precision].strip() != "unknown"
        if constraints(field).get("required") or dated:
            raise ValueError(_("is empty but required"))
        return empty(field)
    if precision in broken:
        return empty(field)  # the precision is reported; a date cannot be read without it
    text = value if is_free_text(field) else value.strip()
    if is_date(field):
        typed = parse_partial_date(text, record[precision].strip() if precision else "day")
    else:
        typed = _READERS[field["type"]](text, field)
    rules = constraints(field)
    if "enum" in rules and text not in rules["enum"]:
        allowed = ", ".join(rules["enum"])
        raise ValueError(_("is {value!r}; allowed values: {values}").format(value=text, values=allowed))
    pattern = rules.get("pattern")
    if pattern and not re.fullmatch(pattern, text):
        hint = _(_PATTERN_HINTS[pattern]) if pattern in _PATTERN_HINTS else _("it must match {pattern}")
        raise ValueError(_("is {value!r}; {hint}").format(value=text, hint=hint.format(pattern=pattern)))
    if field["type"] in ("integer", "number") and (problem := _range_problem(typed, field)):
        raise ValueError(problem)
    return typed

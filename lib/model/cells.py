"""One CSV cell as its typed value, by column type: a table of small converters, each raising
ValueError with what is wrong, and how each type's column is stored once the rows are good."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pandas as pd

from lib.model.dates import parse_partial_date
from lib.model.schema import Column, ColumnType

_ID = re.compile(r"[a-z0-9][a-z0-9_-]*")
_INT = re.compile(r"-?\d+")
_HOST = re.compile(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")
# Characters no text field should hold: C0 controls other than tab, line feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# A converter reads the stripped cell (text keeps its spaces), its column and its whole row.
Converter = Callable[[str, Column, dict[str, str]], Any]


def _text(value: str, column: Column, record: dict[str, str]) -> str:
    if _CONTROL.search(value):
        raise ValueError("holds a control character (such as a NUL byte); remove it")
    return value


def _id(value: str, column: Column, record: dict[str, str]) -> str:
    if not _ID.fullmatch(value):
        raise ValueError(f"is {value!r}; ids use lowercase letters, digits, '-' and '_'")
    return value


def _enum(value: str, column: Column, record: dict[str, str]) -> str:
    if value not in column.allowed:
        raise ValueError(f"is {value!r}; allowed values: {', '.join(column.allowed)}")
    return value


def _list(value: str, column: Column, record: dict[str, str]) -> tuple[str, ...]:
    items = tuple(item.strip() for item in value.split(";"))
    for item in items:
        if not item:
            raise ValueError(f"is {value!r}, which has an empty item; separate items with a single ';'")
        if column.allowed and item not in column.allowed:
            raise ValueError(f"has {item!r}; allowed values: {', '.join(column.allowed)}")
    return items


def _date(value: str, column: Column, record: dict[str, str]) -> pd.Timestamp:
    return parse_partial_date(value, record.get("date_precision", "day").strip())


def _int(value: str, column: Column, record: dict[str, str]) -> int:
    if not _INT.fullmatch(value):
        raise ValueError(f"is {value!r}, not a whole number")
    return int(value)


def _float(value: str, column: Column, record: dict[str, str]) -> float:
    try:
        number = float(value)
    except ValueError:
        raise ValueError(f"is {value!r}, not a number") from None
    if not math.isfinite(number):
        raise ValueError(f"is {value!r}, not a finite number")
    return number


def _bool(value: str, column: Column, record: dict[str, str]) -> bool:
    if value not in ("true", "false"):
        raise ValueError(f"is {value!r}; write true or false")
    return value == "true"


def _url(value: str, column: Column, record: dict[str, str]) -> str:
    parsed = urlparse(value)
    if parsed.scheme not in ("http", "https") or not parsed.netloc or re.search(r"\s", value):
        raise ValueError(f"is {value!r}, not an http(s) address")
    return value


def _path(value: str, column: Column, record: dict[str, str]) -> str:
    if Path(value).is_absolute() or ".." in Path(value).parts:
        raise ValueError(f"is {value!r}; give a path inside data/")
    return value


def _host(value: str, column: Column, record: dict[str, str]) -> str:
    if not _HOST.fullmatch(value):
        raise ValueError(f"is {value!r}; write a host name as a URL has it, e.g. www.mofa.go.jp")
    return value


CONVERTERS: dict[ColumnType, Converter] = {
    "text": _text,
    "id": _id,
    "enum": _enum,
    "list": _list,
    "date": _date,
    "int": _int,
    "float": _float,
    "bool": _bool,
    "url": _url,
    "path": _path,
    "host": _host,
}
# An empty optional cell, by type; every other type is "".
EMPTY: dict[ColumnType, Any] = {"list": (), "date": pd.NaT, "int": pd.NA, "float": float("nan"), "bool": False}
# How a column of each type is stored; text stays as Python strings (object), not pandas' Arrow-backed
# "str": filtering copies references to the strings, where an Arrow column copied all its text on
# every run. Few distinct lists, many rows: as categories, a filter tests each list once.
DTYPES: dict[ColumnType, str] = {
    "date": "datetime64[ns]",
    "int": "Int64",
    "float": "float64",
    "bool": "bool",
    "list": "category",
}


def convert(column: Column, value: str, record: dict[str, str]) -> Any:
    """One cell as its typed value; raises ValueError naming what is wrong."""
    return CONVERTERS[column.type](value if column.type == "text" else value.strip(), column, record)


def check_bounds(column: Column, value: Any) -> None:
    """Raises ValueError when a number lies outside its column's range."""
    if column.positive and value <= 0:
        raise ValueError(f"is {value}; it must be above zero")
    low, high = column.bounds
    if low is not None and value < low:
        raise ValueError(f"is {value}, below {low}")
    if high is not None and value > high:
        raise ValueError(f"is {value}, above {high}")

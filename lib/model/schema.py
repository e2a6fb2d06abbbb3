"""The dataset's schema, read once from data/datapackage.json, the one statement of every file. Its
fields may carry the project's own `precisionField` (a date at the precision another column gives),
`translated` (a text the translation files translate) and, on a `;`-separated list, `itemEnum` and
`itemReference`: what a Table Schema cannot say."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
PACKAGE_FILE = "datapackage.json"
PACKAGE: dict[str, Any] = json.loads((DATA_DIR / PACKAGE_FILE).read_text(encoding="utf-8"))
_FILES = {resource["name"]: resource["path"] for resource in PACKAGE["resources"]}

Field = dict[str, Any]  # a field of the descriptor, as it is written there


# eq=False: a table is itself, hashed by identity, as a key of the loader's dictionaries.
@dataclass(frozen=True, eq=False)
class Table:
    name: str  # the resource's name as a Dataset attribute: "event_sources"
    file: str
    fields: tuple[Field, ...]
    primary_key: str | None
    references: dict[str, tuple[str, str]]  # column -> (file, column) each value (or list item) names

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(field["name"] for field in self.fields)

    @property
    def url_columns(self) -> tuple[str, ...]:
        """The columns that cite a page."""
        return tuple(field["name"] for field in self.fields if field.get("format") == "uri")

    def field(self, name: str) -> Field:
        return next(field for field in self.fields if field["name"] == name)


def constraints(field: Field) -> dict[str, Any]:
    return field.get("constraints", {})


def _table(resource: dict[str, Any]) -> Table:
    schema = resource["schema"]
    references = {
        # A reference with no resource names the same file (Data Package v2).
        key["fields"][0]: (
            _FILES.get(key["reference"].get("resource"), resource["path"]),
            key["reference"]["fields"][0],
        )
        for key in schema.get("foreignKeys", [])
    }
    for field in schema["fields"]:
        if "itemReference" in field:
            references[field["name"]] = (_FILES[field["itemReference"]["resource"]], field["itemReference"]["field"])
    key = schema.get("primaryKey", [])
    primary_key = key[0] if len(key) == 1 else None  # the loader checks a key of one column
    return Table(resource["name"].replace("-", "_"), resource["path"], tuple(schema["fields"]), primary_key, references)


_SCHEMAS = [resource for resource in PACKAGE["resources"] if "schema" in resource]
TABLES: tuple[Table, ...] = tuple(_table(r) for r in _SCHEMAS if not r["path"].startswith("translations/"))
# Each language's translations of the texts the descriptor marks "translated": "ja" -> translations/ja.csv.
TRANSLATIONS = {Path(r["path"]).stem: _table(r) for r in _SCHEMAS if r["path"].startswith("translations/")}
TRANSLATED = {t.name: names for t in TABLES if (names := tuple(f["name"] for f in t.fields if f.get("translated")))}
_BY_NAME = {table.name: table for table in TABLES}
_NAMES = "publishers sources islands island_figures statements events event_sources readings positions story"
PUBLISHERS, SOURCES, ISLANDS, ISLAND_FIGURES, STATEMENTS, EVENTS, EVENT_SOURCES, READINGS, POSITIONS, STORY = (
    _BY_NAME[name] for name in _NAMES.split()
)
GEOJSON_FILE = _FILES["islands-geojson"]


def vocabulary(table: Table, column: str) -> tuple[str, ...]:
    """The values a column (or each item of a list column) may hold."""
    field = table.field(column)
    return tuple(field.get("itemEnum") or constraints(field)["enum"])


COUNTRIES = vocabulary(STATEMENTS, "country")
EVENT_TYPES = vocabulary(EVENTS, "event_type")
EVENT_PRECISIONS = vocabulary(EVENTS, "date_precision")
SIDES = vocabulary(POSITIONS, "side")  # the two governments whose positions and readings the data gives
# Not a column of the files: the loader gives each event "article" when an article states it.
ORIGINS: tuple[str, ...] = ("article", "context")

"""The dataset's schema: every file, its columns, their types and allowed values.

This is the single source of truth for the vocabularies (countries, kinds, event types);
the validator, the check command, the filters and the tests all read them from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from lib.model.dates import PRECISIONS

COUNTRIES: tuple[str, ...] = ("Japan", "Russia", "USSR", "USA", "UK", "Allies")
STATEMENT_KINDS: tuple[str, ...] = ("direct", "reported")
EVENT_TYPES: tuple[str, ...] = (
    "treaty",
    "declaration",
    "summit",
    "ministerial",
    "military",
    "legislative",
    "suspension",
    "other",
)
ORIGINS: tuple[str, ...] = ("article", "context")
ISLAND_KINDS: tuple[str, ...] = ("island", "island_group", "islet", "islet_group", "rock")
EVENT_PRECISIONS: tuple[str, ...] = tuple(p for p in PRECISIONS if p != "unknown")

ColumnType = Literal["id", "text", "enum", "list", "date", "int", "float", "bool", "url", "path"]


@dataclass(frozen=True)
class Column:
    name: str
    type: ColumnType
    meaning: str
    required: bool = True
    allowed: tuple[str, ...] = ()
    references: str | None = None  # "file.column" that every value must exist in


@dataclass(frozen=True)
class Table:
    file: str
    columns: tuple[Column, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)


SOURCES = Table(
    "sources.csv",
    (
        Column("id", "id", "Short unique id of the source, e.g. tass-2018-07-23."),
        Column("publisher", "text", "Who published it."),
        Column("title", "text", "Headline, verbatim."),
        Column("dateline", "text", "Place and date line as printed."),
        Column("published", "date", "Publication day, YYYY-MM-DD."),
        Column("url", "url", "Where the original is published."),
        Column("path", "path", "The full text, relative to data/, stored unchanged."),
    ),
)

STATEMENTS = Table(
    "statements.csv",
    (
        Column("id", "id", "Unique id of the statement."),
        Column(
            "date", "date", "When it was said, written at its precision (YYYY-MM-DD, YYYY-MM, YYYY); empty if unknown."
        ),
        Column("date_precision", "enum", "How much of the date the source supports.", allowed=PRECISIONS),
        Column("speaker", "text", "Person or body who said it."),
        Column("role", "text", "The speaker's role at the time."),
        Column("country", "enum", "Country the speaker spoke for.", allowed=COUNTRIES),
        Column(
            "quote", "text", "The words said, verbatim from the source (for a reported statement, the reported words)."
        ),
        Column(
            "kind", "enum", "direct: quoted words; reported: the source reports what was said.", allowed=STATEMENT_KINDS
        ),
        Column(
            "islands",
            "list",
            "Islands the statement is about, ';'-separated island ids.",
            required=False,
            references="islands.csv.id",
        ),
        Column("source_id", "id", "The source it comes from.", references="sources.csv.id"),
        Column("evidence", "text", "The whole sentence of the source it comes from, verbatim."),
        Column("role_source_url", "url", "Where the speaker's role was checked.", required=False),
    ),
)

EVENTS = Table(
    "events.csv",
    (
        Column("id", "id", "Unique id of the event."),
        Column("date", "date", "When it happened (or began), written at its precision."),
        Column(
            "end_date", "date", "Last day of a multi-day event, at the same precision; empty otherwise.", required=False
        ),
        Column("date_precision", "enum", "How much of the date is known.", allowed=EVENT_PRECISIONS),
        Column("title", "text", "Short title, in our own words."),
        Column("description", "text", "One or two sentences, in our own words."),
        Column("countries", "list", "Countries involved, ';'-separated.", allowed=COUNTRIES),
        Column("event_type", "enum", "What kind of event it was.", allowed=EVENT_TYPES),
        Column(
            "islands",
            "list",
            "Islands concerned, ';'-separated island ids.",
            required=False,
            references="islands.csv.id",
        ),
        Column(
            "origin", "enum", "article: taken from a source in sources.csv; context: from elsewhere.", allowed=ORIGINS
        ),
        Column(
            "source_id",
            "id",
            "The article it comes from (origin article).",
            required=False,
            references="sources.csv.id",
        ),
        Column(
            "evidence", "text", "The sentence of the article it comes from, verbatim (origin article).", required=False
        ),
        Column("source_url", "url", "Page the fact was checked against (required for origin context).", required=False),
    ),
)

ISLANDS = Table(
    "islands.csv",
    (
        Column("id", "id", "Island id, also the feature id in islands.geojson."),
        Column("name_en", "text", "English name."),
        Column("name_ja", "text", "Japanese name, 'romaji (kanji)'.", required=False),
        Column("name_ja_romaji", "text", "Japanese name in romaji.", required=False),
        Column("name_ja_kanji", "text", "Japanese name in kanji.", required=False),
        Column("name_ru", "text", "Russian name, 'Latin (Cyrillic)'."),
        Column("name_ru_latin", "text", "Russian name in Latin letters."),
        Column("name_ru_cyrillic", "text", "Russian name in Cyrillic."),
        Column(
            "group",
            "id",
            "Island id of the group it belongs to (itself when it is not in a group).",
            references="islands.csv.id",
        ),
        Column("kind", "enum", "What sort of land it is.", allowed=ISLAND_KINDS),
        Column("lat", "float", "Latitude of a representative point on it (WGS84)."),
        Column("lon", "float", "Longitude of a representative point on it (WGS84)."),
        Column("area_km2", "float", "Published area in km².", required=False),
        Column("population", "int", "Published population (0: no permanent civilian population).", required=False),
        Column("population_year", "int", "Year of that population figure.", required=False),
        Column("administered_by", "enum", "State that administers it.", allowed=COUNTRIES),
        Column("claimed_by", "enum", "State that claims it; empty if none.", required=False, allowed=COUNTRIES),
        Column(
            "in_1956_declaration",
            "bool",
            "true if the 1956 Joint Declaration promised it to Japan after a peace treaty.",
        ),
        Column("source_url", "url", "Where the facts were checked."),
    ),
)

TABLES: tuple[Table, ...] = (SOURCES, ISLANDS, STATEMENTS, EVENTS)
GEOJSON_FILE = "islands.geojson"

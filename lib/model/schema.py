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
# What a source can state of an event: its date (at the event's precision), its place, who took part, what happened.
EVENT_PARTS: tuple[str, ...] = ("date", "place", "people", "what")
# Only these kinds of publisher are cited: primary and reputable ones, never mirrors or aggregators.
PUBLISHER_KINDS: tuple[str, ...] = (
    "government",
    "parliament",
    "treaty database",
    "news agency",
    "newspaper",
    "broadcaster",
    "reference work",
    "archive",
)
FIGURES: tuple[str, ...] = ("area_km2", "population")
ISLAND_KINDS: tuple[str, ...] = ("island", "island_group", "islet", "islet_group", "rock")
EVENT_PRECISIONS: tuple[str, ...] = tuple(p for p in PRECISIONS if p != "unknown")

ColumnType = Literal["id", "text", "enum", "list", "date", "int", "float", "bool", "url", "path", "host"]


@dataclass(frozen=True)
class Column:
    name: str
    type: ColumnType
    meaning: str
    required: bool = True
    allowed: tuple[str, ...] = ()
    references: str | None = None  # "file.column" that every value must exist in
    bounds: tuple[float | None, float | None] = (None, None)  # a number's least and greatest value
    positive: bool = False  # a number must be above zero


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
    ),
)

EVENT_SOURCES = Table(
    "event_sources.csv",
    (
        Column("event_id", "id", "The event.", references="events.csv.id"),
        Column(
            "source_id",
            "id",
            "A source article in sources.csv that states it; empty for a page.",
            required=False,
            references="sources.csv.id",
        ),
        Column("url", "url", "A page that states it; empty for an article.", required=False),
        Column("supports", "list", "What of the event this source states, ';'-separated.", allowed=EVENT_PARTS),
        Column(
            "evidence",
            "text",
            "The whole sentence that states it, verbatim: from the article's stored text, or as the page prints it.",
        ),
    ),
)

PUBLISHERS = Table(
    "publishers.csv",
    (
        Column("host", "host", "A web host the data cites, as its URLs write it (www. included)."),
        Column("name", "text", "The publisher as a reader knows it, e.g. Ministry of Foreign Affairs of Japan."),
        Column("kind", "enum", "What sort of publisher it is.", allowed=PUBLISHER_KINDS),
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
        Column("lat", "float", "Latitude of a representative point on it (WGS84).", bounds=(-90, 90)),
        Column("lon", "float", "Longitude of a representative point on it (WGS84).", bounds=(-180, 180)),
        Column(
            "area_km2",
            "float",
            "The area shown, in km²; island_figures.csv names the page that states it.",
            required=False,
            positive=True,
        ),
        Column(
            "population",
            "int",
            "The population shown (0: no permanent civilian population); island_figures.csv names its page.",
            required=False,
            bounds=(0, None),
        ),
        Column("population_year", "int", "Year of that population figure.", required=False, bounds=(1800, None)),
        Column("administered_by", "enum", "State that administers it.", allowed=COUNTRIES),
        Column("claimed_by", "enum", "State that claims it; empty if none.", required=False, allowed=COUNTRIES),
        Column(
            "in_1956_declaration",
            "bool",
            "true if the 1956 Joint Declaration promised it to Japan after a peace treaty.",
        ),
        Column("source_url", "url", "The page that states its names, who administers and who claims it."),
    ),
)

ISLAND_FIGURES = Table(
    "island_figures.csv",
    (
        Column("island_id", "id", "The island.", references="islands.csv.id"),
        Column("figure", "enum", "Which figure of islands.csv the page gives.", allowed=FIGURES),
        Column("value", "float", "The figure as the page states it.", bounds=(0, None)),
        Column("year", "int", "The year the figure is for (a population).", required=False, bounds=(1800, None)),
        Column("url", "url", "The page that states it."),
        Column("evidence", "text", "What the page prints, verbatim."),
    ),
)

STORY = Table(
    "story.csv",
    (
        Column("id", "id", "Unique id of the chapter, as a link names it: /story?chapter=<id>."),
        Column(
            "order",
            "int",
            "Where the chapter comes in the story: 1 for the first, each chapter its own.",
            bounds=(1, None),
        ),
        Column("title", "text", "The chapter's title, in our own words."),
        Column(
            "text",
            "text",
            "What happened, in our own words and about 80 words at most, each claim stated by its events' rows "
            "and sources; words in “ ” are quoted verbatim from a source article.",
        ),
        Column(
            "events",
            "list",
            "The events the chapter tells, ';'-separated event ids; its dates are their span.",
            references="events.csv.id",
        ),
        Column(
            "islands",
            "list",
            "The islands the chapter's map highlights, ';'-separated island ids; empty for none.",
            required=False,
            references="islands.csv.id",
        ),
    ),
)

TABLES: tuple[Table, ...] = (PUBLISHERS, SOURCES, ISLANDS, ISLAND_FIGURES, STATEMENTS, EVENTS, EVENT_SOURCES, STORY)
GEOJSON_FILE = "islands.geojson"

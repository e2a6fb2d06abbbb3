"""Facts about the islands as the map and its details panel show them, from islands.csv; outlines, and
the context coasts islands.csv does not list (eastern Hokkaido), from islands.geojson. Pure functions."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from babel.numbers import get_group_symbol

from lib.i18n import N_, _, current_language, format_number
from lib.model.dataset import Dataset, own_name
from lib.model.filters import related_islands
from lib.model.frames import names_any
from lib.views.markdown import escape_markdown, markdown_link
from lib.views.provenance import FigureSource, figure_sources
from lib.views.statements import reader_frame
from lib.views.theme import country_name

CLAIMED = "claimed"
PROMISED_1956 = "promised_1956"
UNCONTESTED = "uncontested"
# What the map's table, the details and the popups say of a figure no page publishes.
NOT_PUBLISHED = N_("not published")


@dataclass(frozen=True)
class Island:
    """One island, islet, group or context coast."""

    id: str
    name: str  # in the reader's language (island_name)
    name_en: str
    name_ja_romaji: str
    name_ja_kanji: str
    name_ru_latin: str
    name_ru_cyrillic: str
    group: str
    kind: str
    administered_by: str
    claimed_by: str
    lat: float
    lon: float
    geometry: dict[str, Any] | None  # None for a group: its members are drawn
    listed: bool  # in islands.csv; False for a context coast only the GeoJSON has (eastern Hokkaido)
    in_1956_declaration: bool = False
    area_km2: float | None = None
    population: int | None = None
    population_year: int | None = None
    source_url: str = ""
    clipped: bool = False  # cut to a box: the straight edges of the cut are not coast

    @property
    def status(self) -> str:
        return island_status(self.administered_by, self.claimed_by, self.in_1956_declaration)

    @property
    def is_point(self) -> bool:
        return self.geometry is not None and self.geometry.get("type") == "Point"


def island_status(administered_by: str, claimed_by: str, in_1956_declaration: bool) -> str:
    """`claimed`, `promised_1956` (claimed, and promised by the 1956 declaration) or `uncontested`."""
    if claimed_by and claimed_by != administered_by:
        return PROMISED_1956 if in_1956_declaration else CLAIMED
    return UNCONTESTED


# The fields an Island takes as islands.csv, or a context coast's GeoJSON properties, name them.
_NAMES = ("name_en", "name_ja_romaji", "name_ja_kanji", "name_ru_latin", "name_ru_cyrillic")
_NAMES_AND_STATES = (*_NAMES, "administered_by", "claimed_by")


def _listed_island(row: Mapping[str, Any], feature: Mapping[str, Any] | None) -> Island:
    return Island(
        **{field: row[field] for field in ("id", "group", "kind", "source_url", *_NAMES_AND_STATES)},
        name=own_name(row, current_language()),
        in_1956_declaration=bool(row["in_1956_declaration"]),
        **{
            figure: None if pd.isna(row[figure]) else row[figure]
            for figure in ("area_km2", "population", "population_year")
        },
        lat=float(row["lat"]),
        lon=float(row["lon"]),
        geometry=feature["geometry"] if feature else None,
        listed=True,
    )


def _context_coast(feature: Mapping[str, Any]) -> Island:
    """Land only the GeoJSON has (eastern Hokkaido), its names and status the feature's checked properties."""
    props = feature["properties"]
    return Island(
        **{field: str(props.get(field) or "") for field in _NAMES_AND_STATES},
        id=props["id"],
        name=own_name(props, current_language()) or props["id"],
        group=props["id"],
        kind="context",
        lat=float(props["geom_centroid_lat"]),
        lon=float(props["geom_centroid_lon"]),
        geometry=feature["geometry"],
        listed=False,
        clipped="clipped" in str(props.get("feature_kind", "")),
    )


def island_records(islands: pd.DataFrame, geojson: Mapping[str, Any]) -> list[Island]:
    """The context coasts only the GeoJSON has, then every island of islands.csv with its outline."""
    features = {feature["properties"]["id"]: feature for feature in geojson.get("features", [])}
    listed = [_listed_island(row, features.get(row["id"])) for row in islands.to_dict("records")]
    ids = set(islands["id"])
    return [_context_coast(feature) for feature_id, feature in features.items() if feature_id not in ids] + listed


def members_of(island_id: str, groups: Mapping[str, str]) -> set[str]:
    return {island_id} | {member for member, group in groups.items() if group == island_id}


def naming(frame: pd.DataFrame, island_id: str, groups: Mapping[str, str]) -> pd.DataFrame:
    """Rows of events or statements that name the island, its group or (for a group) its members."""
    wanted = related_islands(island_id, groups)
    return frame[names_any(frame["islands"], wanted)]


def naming_counts(frame: pd.DataFrame, island_ids: Iterable[str], groups: Mapping[str, str]) -> dict[str, int]:
    """Per island, how many rows of `frame` name it, as `naming` counts them: each distinct list of islands once."""
    codes, distinct_lists = pd.factorize(frame["islands"], use_na_sentinel=False)
    rows_per_list = np.bincount(codes, minlength=len(distinct_lists))
    counts = {}
    for island_id in island_ids:
        wanted = related_islands(island_id, groups)
        counts[island_id] = int(rows_per_list[[not wanted.isdisjoint(ids) for ids in distinct_lists]].sum())
    return counts


def format_area(area_km2: float | None) -> str:
    """ "3,166.6 km²", to at most two decimals, as the reader's language writes it."""
    if area_km2 is None:
        return _(NOT_PUBLISHED)
    return _("{area} km²").format(area=format_number(area_km2, 2).rstrip("0").rstrip(".,"))


def area_format() -> str:
    """The islands table's area format, which the table still sorts as numbers: grouped as the page's language
    groups figures, not as the browser's (Streamlit's "localized"). The decimal mark stays a point: 3 166.6."""
    return f"%'{get_group_symbol(current_language())},g"


def format_population(population: int | None, year: int | None) -> str:
    """ "6,799 (2021)"; "no permanent civilian population" for 0."""
    if population is None:
        return _(NOT_PUBLISHED)
    text = _("no permanent civilian population") if population == 0 else format_number(population)
    # Translators: a population, and the year it was counted
    return _("{population} ({year})").format(population=text, year=year) if year is not None else text


def japanese_name(island: Island) -> str:
    return " ".join(part for part in (island.name_ja_romaji, island.name_ja_kanji) if part)


def russian_name(island: Island) -> str:
    return " ".join(part for part in (island.name_ru_latin, island.name_ru_cyrillic) if part)


def part_of(island: Island, by_id: Mapping[str, Island]) -> str:
    return "" if island.group == island.id or island.group not in by_id else by_id[island.group].name


def claimant_name(island: Island) -> str:
    return country_name(island.claimed_by) if island.claimed_by else _("not claimed")


def in_declaration_text(island: Island) -> str:
    """Whether the 1956 declaration promised the island, in a word, for a table."""
    return _("promised") if island.in_1956_declaration else _("not included")


def island_facts(island: Island, group_name: str = "") -> list[tuple[str, str]]:
    """(fact, value) pairs, each fact's name in English, marked for the catalogs, to translate where it is shown."""
    promised = _("Promised to Japan after a peace treaty")
    if not island.in_1956_declaration:
        promised = _("Not among the islands the 1956 declaration promised")
    facts = [
        (N_("Area"), format_area(island.area_km2)),
        (N_("Population"), format_population(island.population, island.population_year)),
        (N_("Administered by"), country_name(island.administered_by)),
        (N_("Claimed by"), claimant_name(island)),
        (N_("1956 declaration"), promised),
    ]
    return [*facts, (N_("Part of"), group_name)] if group_name else facts


@dataclass(frozen=True)
class IslandDetails:
    island: Island
    facts: list[tuple[str, str]]  # its names, then island_facts
    figures: Mapping[str, tuple[FigureSource, ...]]  # "area_km2" and "population": the shown figure's page first
    events: pd.DataFrame  # the events naming it, in date order
    statements: pd.DataFrame  # the CSV's columns a reader scans, the source's URL as "Source"


def island_details(dataset: Dataset, events: pd.DataFrame, statements: pd.DataFrame, island_id: str) -> IslandDetails:
    """An island's facts, and the events and statements of the given (filtered) frames `naming` it."""
    by_id = {island.id: island for island in island_records(dataset.islands, dataset.geojson)}
    island = by_id[island_id]
    names = [
        (N_("English name"), island.name_en),
        (N_("Japanese name"), japanese_name(island) or _("not recorded")),
        (N_("Russian name"), russian_name(island)),
    ]
    figures = dataset.derived(figure_sources)
    return IslandDetails(
        island=island,
        facts=names + island_facts(island, part_of(island, by_id)),
        figures={figure: figures.get((island_id, figure), ()) for figure in ("area_km2", "population")},
        events=naming(events, island_id, dataset.island_groups),
        statements=reader_frame(
            naming(statements, island_id, dataset.island_groups), dataset.sources_by_id, dataset.island_names
        )[["Date", N_("Speaker"), N_("Country"), "Quote", "Source URL"]].rename(columns={"Source URL": "Source"}),
    )


FIGURE_OF_FACT: dict[str, str] = {"Area": "area_km2", "Population": "population"}


def figure_text(figure: str, source: FigureSource) -> str:
    """A published figure as the facts show it: the area in km², the population with its year."""
    return format_area(source.value) if figure == "area_km2" else format_population(int(source.value), source.year)


def facts_markdown(details: IslandDetails) -> str:
    """The facts as a Markdown list, each figure with its page, and any other published figure with its
    own: where reputable sources disagree, the reader sees both."""
    lines = []
    for fact, value in details.facts:
        line = f"- **{escape_markdown(_(fact))}:** {escape_markdown(value)}"
        figure = FIGURE_OF_FACT.get(fact)
        if figure and details.figures[figure]:
            stated, *others = details.figures[figure]
            line += f" ({markdown_link(stated.publisher, stated.url)})"
            also = [
                f"{escape_markdown(figure_text(figure, other))} ({markdown_link(other.publisher, other.url)})"
                for other in others
            ]
            if also:
                line += _("; also published: {figures}").format(figures=", ".join(also))
        lines.append(line)
    return "\n".join(lines)


def islands_table(islands: pd.DataFrame, geojson: Mapping[str, Any]) -> pd.DataFrame:
    """The map as a table (its text alternative): one row per island of islands.csv."""
    rows = [island for island in island_records(islands, geojson) if island.listed]
    by_id = {island.id: island for island in rows}
    return pd.DataFrame(
        {
            N_("Island"): island.name,
            N_("Part of"): part_of(island, by_id),
            N_("Japanese"): japanese_name(island),
            N_("Russian"): russian_name(island),
            N_("Area (km²)"): island.area_km2,
            N_("Population"): format_population(island.population, island.population_year),
            N_("Administered by"): country_name(island.administered_by),
            N_("Claimed by"): claimant_name(island),
            N_("1956 declaration"): in_declaration_text(island),
            N_("Source"): island.source_url,
        }
        for island in rows
    )

"""The events', islands' and positions' CSVs for a reader's spreadsheet, headers in the reader's language (the data
package keeps the files' column names). Pure functions; the statements' is lib.views.statements' `statements_csv`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from lib.i18n import N_, _, format_number, ngettext
from lib.views.islands import (
    Island,
    claimant_name,
    figure_text,
    in_declaration_text,
    island_records,
    japanese_name,
    part_of,
    russian_name,
)
from lib.views.provenance import EventSource, FigureSource, event_when
from lib.views.statements import defused, iso_dates
from lib.views.theme import country_name
from lib.views.wording import LIST_SEPARATOR

# Between the sentences of several sources: a sentence may hold a semicolon itself.
SENTENCE_SEPARATOR = " | "
DATA_PACKAGE_LABEL = N_("the data package (ZIP, Frictionless)")


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """`frame` as UTF-8 CSV with a BOM (spreadsheets then show ’ and Cyrillic), cells as text, none a formula."""
    text = frame.astype(object).where(frame.notna(), "").astype(str)
    return text.apply(defused).to_csv(index=False).encode("utf-8-sig")


def events_frame(
    events: pd.DataFrame, citations: Mapping[str, Sequence[EventSource]], island_names: Mapping[str, str]
) -> pd.DataFrame:
    """The events in date order, dates as written and in ISO form, their sources flattened into columns."""
    ordered = events.sort_values(["date", "id"], kind="stable", na_position="last")
    cited = [citations.get(event_id, ()) for event_id in ordered["id"]]
    return pd.DataFrame(
        {
            _("Date"): [event_when(event) for event in ordered.to_dict("records")],
            _("Date (ISO, at its precision)"): iso_dates(ordered["date"], ordered["date_precision"]),
            _("End date (ISO)"): iso_dates(ordered["end_date"], ordered["date_precision"]),
            _("Title"): ordered["title"],
            _("Description"): ordered["description"],
            _("Countries"): ordered["countries"].map(LIST_SEPARATOR.join),
            _("Islands"): ordered["islands"].map(lambda ids: LIST_SEPARATOR.join(island_names.get(i, i) for i in ids)),
            _("Type"): ordered["event_type"],
            _("Sources"): [LIST_SEPARATOR.join(f"{source.publisher}: {source.url}" for source in row) for row in cited],
            _("What each source states"): [
                LIST_SEPARATOR.join(f"{source.publisher}: {', '.join(source.states)}" for source in row)
                for row in cited
            ],
            _("Evidence"): [SENTENCE_SEPARATOR.join(source.evidence for source in row) for row in cited],
            _("Event id"): ordered["id"],
        }
    )


def _figure_sources_text(sources: Sequence[FigureSource], figure: str) -> str:
    return LIST_SEPARATOR.join(f"{source.publisher}: {figure_text(figure, source)}, {source.url}" for source in sources)


def _island_row(island: Island, by_id: Mapping[str, Island], figures: Mapping[tuple[str, str], Any]) -> dict:
    return {
        _("Island"): island.name,
        _("Part of"): part_of(island, by_id),
        _("Japanese name"): japanese_name(island),
        _("Russian name"): russian_name(island),
        _("Area (km²)"): island.area_km2,
        _("Area stated by"): _figure_sources_text(figures.get((island.id, "area_km2"), ()), "area_km2"),
        _("Population"): island.population,
        _("Population year"): island.population_year,
        _("Population stated by"): _figure_sources_text(figures.get((island.id, "population"), ()), "population"),
        _("Administered by"): country_name(island.administered_by),
        _("Claimed by"): claimant_name(island),
        _("1956 declaration"): in_declaration_text(island),
        _("Names and status checked at"): island.source_url,
        _("Island id"): island.id,
    }


def islands_frame(
    islands: pd.DataFrame, geojson: Mapping[str, Any], figures: Mapping[tuple[str, str], Sequence[FigureSource]]
) -> pd.DataFrame:
    """Every island of islands.csv, as the map's table lists them, with every page that publishes a figure."""
    rows = [island for island in island_records(islands, geojson) if island.listed]
    by_id = {island.id: island for island in rows}
    frame = pd.DataFrame([_island_row(island, by_id, figures) for island in rows])
    return frame.astype({_("Population"): "Int64", _("Population year"): "Int64"})


def positions_frame(positions: pd.DataFrame) -> pd.DataFrame:
    """Each government's positions as the Overview shows them: summary, quote, who says it, where and when."""
    ordered = positions.sort_values(["side", "order"], kind="stable")
    return pd.DataFrame(
        {
            _("Side"): ordered["side"],
            _("Summary"): ordered["summary"],
            _("Quote"): ordered["quote"],
            _("Speaker"): ordered["speaker"],
            _("Page title"): ordered["title"],
            _("Page"): ordered["url"],
            _("Published (ISO)"): ordered["published"].dt.strftime("%Y-%m-%d"),
            _("Position id"): ordered["id"],
        }
    )


def download_label(count: int, noun: str) -> str:
    """ "Download 42 events (CSV)": a sentence per `noun`, as languages inflect a verb's object differently."""
    labels = {
        "event": ngettext("Download {count} event (CSV)", "Download {count} events (CSV)", count),
        "island": ngettext("Download {count} island (CSV)", "Download {count} islands (CSV)", count),
        "position": ngettext("Download {count} position (CSV)", "Download {count} positions (CSV)", count),
        "statement": ngettext("Download {count} statement (CSV)", "Download {count} statements (CSV)", count),
    }
    return labels[noun].format(count=format_number(count))

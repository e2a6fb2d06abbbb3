"""The dataset as the pages read it, with what every page derives from it the same way."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

import pandas as pd

from lib.i18n import ENGLISH
from lib.model.filters import Filters, Years, events_kept, island_groups, statements_kept, year_bounds
from lib.model.link import host_of

T = TypeVar("T")
# The column of islands.csv with each side's own names, in its language.
ISLAND_NAME_COLUMNS = {"ja": "name_ja_kanji", "ru": "name_ru_cyrillic"}


def own_name(names: Mapping[str, Any], language: str) -> str:
    """An island's name in `language`: in Japanese and Russian each side's own, else (or if none) English."""
    own = names.get(ISLAND_NAME_COLUMNS.get(language, "name_en"))
    return own if isinstance(own, str) and own else str(names.get("name_en") or "")


# eq=False: a dataset is itself, compared and hashed by identity, as the one copy every session shares.
@dataclass(frozen=True, eq=False)
class Dataset:
    publishers: pd.DataFrame  # the web hosts the data cites, each with its publisher's name
    sources: pd.DataFrame  # the source articles
    islands: pd.DataFrame
    island_figures: pd.DataFrame  # every published area and population, each with its page
    statements: pd.DataFrame
    events: pd.DataFrame  # in date order, each with its origin: "article" or "context"
    event_sources: pd.DataFrame  # what states each event: an article's sentence or a page
    readings: pd.DataFrame  # each side's reading of an event whose "contested" is True, with its page
    positions: pd.DataFrame  # each government's position in its own words, by side, then "order"
    story: pd.DataFrame  # the story's chapters, in their order
    geojson: dict[str, Any]
    texts: dict[str, str]  # source id -> full text of the source
    language: str = ENGLISH  # the language of its translated texts and island names
    _derived: dict[Callable[[Dataset], Any], Any] = field(default_factory=dict, init=False, repr=False)

    def derived(self, build: Callable[[Dataset], T]) -> T:
        """`build(self)`, worked out once per dataset and function: what a page shows whatever the filters."""
        if build not in self._derived:
            self._derived[build] = build(self)
        return self._derived[build]

    # Worked out on first use and kept with the dataset, which every session shares.
    @cached_property
    def year_bounds(self) -> Years:
        return year_bounds(self.events["date"], self.events["end_date"], self.statements["date"])

    @cached_property
    def island_groups(self) -> dict[str, str]:
        return island_groups(self.islands)

    @cached_property
    def island_names(self) -> dict[str, str]:
        return {row["id"]: own_name(row, self.language) for row in self.islands.to_dict("records")}

    @cached_property
    def sources_by_id(self) -> pd.DataFrame:
        """The sources indexed by id, the id kept as a column: the one lookup of a source."""
        return self.sources.set_index("id", drop=False)

    @cached_property
    def publisher_names(self) -> dict[str, str]:
        return dict(zip(self.publishers["host"], self.publishers["name"], strict=True))

    def publisher_of(self, url: str) -> str:
        """The publisher of a cited page, by its host; the host itself when publishers.csv does not list it."""
        host = host_of(url)
        return self.publisher_names.get(host, host)

    @cached_property
    def events_by_id(self) -> pd.DataFrame:
        return self.events.set_index("id", drop=False)

    def events_kept(self, filters: Filters) -> pd.Series:
        """Which events the filters keep, row by row: counting them needs no copy of the rows."""
        return events_kept(self.events, filters, self.year_bounds, self.island_groups)

    def statements_kept(self, filters: Filters) -> pd.Series:
        return statements_kept(self.statements, filters, self.year_bounds, self.island_groups)

    def filtered_events(self, filters: Filters) -> pd.DataFrame:
        return self.events[self.events_kept(filters)]

    def filtered_statements(self, filters: Filters) -> pd.DataFrame:
        return self.statements[self.statements_kept(filters)]

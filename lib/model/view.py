"""What a page is drawn from in one run, the rows the filters keep worked out once for the sidebar and the page."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property

import pandas as pd

from lib.model.dataset import Dataset
from lib.model.filters import Filters
from lib.model.link import Params

# What a page keeps in its address: its own parameters, a list repeating its key; empty ones are left out.
PageParams = Mapping[str, str | Sequence[str] | None]


@dataclass(frozen=True, eq=False)
class View:
    dataset: Dataset
    filters: Filters
    query: Params  # the address's query as this run found it: on a session's first run, the shared link
    # Framed in an article (?embed=true): no sidebar, so the filters are the link's, and controls that set them hide.
    embedded: bool = False

    @cached_property
    def events_kept(self) -> pd.Series:
        return self.dataset.events_kept(self.filters)

    @cached_property
    def statements_kept(self) -> pd.Series:
        return self.dataset.statements_kept(self.filters)

    @cached_property
    def events(self) -> pd.DataFrame:
        return self.dataset.events[self.events_kept]

    @cached_property
    def statements(self) -> pd.DataFrame:
        return self.dataset.statements[self.statements_kept]

    @cached_property
    def on_the_map(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """What a map counts: the filters' rows but for the island filter, which would empty other islands' popups."""
        if self.filters.island is None:
            return self.events, self.statements
        scope = replace(self.filters, island=None)
        return self.dataset.filtered_events(scope), self.dataset.filtered_statements(scope)

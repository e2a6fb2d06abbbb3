"""The one filter model every page uses: a country, years and an island, applied to rows and described in words."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from lib.i18n import N_, _
from lib.model.frames import names_any

# Values of the link and the data, shown translated.
COUNTRY_CHOICES: tuple[str, ...] = (N_("Japan"), N_("Russia"))
# Soviet-era rows count as Russia when filtering.
COUNTRY_ALIASES: dict[str, str] = {"USSR": "Russia"}
Years = tuple[int, int]  # a first and a last year, both included


@dataclass(frozen=True)
class Filters:
    year_from: int
    year_to: int
    country: str | None = None  # None: every country
    island: str | None = None  # an island id from islands.csv, None: every island

    def is_full_range(self, bounds: Years) -> bool:
        return (self.year_from, self.year_to) == bounds


def year_bounds(*dates: pd.Series) -> Years:
    named = pd.concat(dates)
    return named.min().year, named.max().year


def counted_as(country: str) -> set[str]:
    """The values of a country column that count as `country`: itself and its aliases."""
    return {country} | {alias for alias, target in COUNTRY_ALIASES.items() if target == country}


def island_groups(islands: pd.DataFrame) -> dict[str, str]:
    """Each island id's group id (its own id when it is in no group), from islands.csv's rows."""
    return dict(zip(islands["id"], islands["group"], strict=True))


def related_islands(island: str, groups: Mapping[str, str]) -> set[str]:
    """Ids that count as naming `island`: itself, its group, and its group's members."""
    group = groups.get(island, island)
    related = {island, group}
    if group == island:
        related |= {member for member, member_group in groups.items() if member_group == island}
    return related


def _in_years(starts: pd.Series, ends: pd.Series, filters: Filters, bounds: Years) -> pd.Series:
    """Rows whose span meets the years; undated rows only while the years are untouched."""
    # Compared as dates, not as .dt.year: no column of years is built on every run.
    keep = (starts < pd.Timestamp(filters.year_to + 1, 1, 1)) & (
        ends.fillna(starts) >= pd.Timestamp(filters.year_from, 1, 1)
    )
    return keep | starts.isna() if filters.is_full_range(bounds) else keep


def _names_island(frame: pd.DataFrame, filters: Filters, groups: Mapping[str, str]) -> pd.Series | bool:
    return names_any(frame["islands"], related_islands(filters.island, groups)) if filters.island else True


def events_kept(events: pd.DataFrame, filters: Filters, bounds: Years, groups: Mapping[str, str]) -> pd.Series:
    """Which events the filters keep: any of their days in the years, involving the country, naming the island."""
    keep = _in_years(events["date"], events["end_date"], filters, bounds) & _names_island(events, filters, groups)
    if filters.country:
        keep &= names_any(events["countries"], counted_as(filters.country))
    return keep


def statements_kept(statements: pd.DataFrame, filters: Filters, bounds: Years, groups: Mapping[str, str]) -> pd.Series:
    """Which statements the filters keep: said in the years, for the country, naming the island."""
    keep = _in_years(statements["date"], statements["date"], filters, bounds)
    keep &= _names_island(statements, filters, groups)
    if filters.country:
        keep &= statements["country"].isin(counted_as(filters.country))
    return keep


def years_text(year_from: int, year_to: int) -> str:
    """ "1956" or "1950–2000"."""
    return str(year_from) if year_from == year_to else f"{year_from}–{year_to}"


def describe_filters(filters: Filters, bounds: Years, island_names: Mapping[str, str]) -> str:
    """The filters in words, e.g. "Japan · 1950–2000 · Shikotan"; "" for none."""
    parts = [
        _(filters.country) if filters.country else "",
        "" if filters.is_full_range(bounds) else years_text(filters.year_from, filters.year_to),
        island_names.get(filters.island, filters.island) if filters.island else "",
    ]
    return " · ".join(filter(None, parts))

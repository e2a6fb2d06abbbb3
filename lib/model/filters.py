"""The one filter model every page uses: what the reader picked, in the URL and in the data.

Pure functions: parse query parameters (never failing: a bad value falls back to its default
and yields a notice), write them back, and apply the filters to events and statements.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

import numpy as np
import pandas as pd

from lib.model.frames import each_distinct

COUNTRY_CHOICES: tuple[str, ...] = ("Japan", "Russia")
# Soviet-era rows count as Russia when filtering.
COUNTRY_ALIASES: dict[str, str] = {"USSR": "Russia"}
MAX_QUERY_LENGTH = 200
PARAMS: tuple[str, ...] = ("country", "from", "to", "island", "q")
# What a page has chosen, beside the shared filters, so that a link opens with it chosen:
# the Timeline's event, the Statements table's row. Each page keeps its own; another page's is dropped.
EVENT_PARAM = "event"
STATEMENT_PARAM = "statement"
CHOICE_PARAMS: tuple[str, ...] = (EVENT_PARAM, STATEMENT_PARAM)
# ASCII digits only: str.isdigit() also accepts "²" and other scripts' digits.
_YEAR = re.compile(r"[0-9]{1,4}")
# A notice repeats what the link said, but never more than this much of it.
_ECHO_LENGTH = 40


@dataclass(frozen=True)
class Filters:
    year_from: int
    year_to: int
    country: str | None = None  # None: every country
    island: str | None = None  # an island id from islands.csv, None: every island
    q: str = ""  # statements search

    def is_full_range(self, bounds: tuple[int, int]) -> bool:
        return (self.year_from, self.year_to) == bounds


def year_bounds(*dates: pd.Series) -> tuple[int, int]:
    """First and last year named by any of the date columns."""
    # Earliest and latest dates first: a year per row would cost a pass over every row each run.
    firsts = [series.min() for series in dates]
    lasts = [series.max() for series in dates]
    return min(date.year for date in firsts if pd.notna(date)), max(date.year for date in lasts if pd.notna(date))


def default_filters(bounds: tuple[int, int]) -> Filters:
    return Filters(year_from=bounds[0], year_to=bounds[1])


def _echo(key: str, value: str) -> str:
    """`key=value` as a notice quotes it: printable, and short even when the link was not."""
    shown = "".join(char if char.isprintable() else "\N{REPLACEMENT CHARACTER}" for char in value)
    if len(shown) > _ECHO_LENGTH:
        shown = shown[: _ECHO_LENGTH - 1] + "…"
    return f"“{key}={shown}”"


def _single(params: Mapping[str, Sequence[str]], key: str, notices: list[str]) -> str | None:
    """The one value of `key`, stripped; None (and a notice) when it is repeated or too long."""
    values = [value for value in params.get(key, ()) if value is not None]
    if not values:
        return None
    if len(values) > 1:
        notices.append(f"“{key}” was given {len(values)} times; ignored it.")
        return None
    value = values[0].strip()
    if len(value) > MAX_QUERY_LENGTH:
        notices.append(f"“{key}” was longer than {MAX_QUERY_LENGTH} characters; ignored it.")
        return None
    return value


def _year(value: str | None, key: str, bounds: tuple[int, int], notices: list[str]) -> int | None:
    if not value:
        return None
    if not _YEAR.fullmatch(value):
        notices.append(f"{_echo(key, value)} is not a year; ignored it.")
        return None
    year = int(value)
    if not bounds[0] <= year <= bounds[1]:
        notices.append(f"{_echo(key, value)} is outside {bounds[0]}–{bounds[1]}; ignored it.")
        return None
    return year


def _country_choice(country: str) -> str | None:
    """The country choice a link's value names, in any case; "USSR" names Russia."""
    named = {choice.casefold(): choice for choice in COUNTRY_CHOICES}
    named |= {alias.casefold(): target for alias, target in COUNTRY_ALIASES.items()}
    return named.get(country.casefold())


def filters_from_query(
    params: Mapping[str, Sequence[str]], bounds: tuple[int, int], island_ids: Collection[str]
) -> tuple[Filters, list[str]]:
    """Filters read from URL query parameters, and a notice for every value ignored."""
    notices: list[str] = []
    filters = default_filters(bounds)

    country = _single(params, "country", notices)
    if country:
        match = _country_choice(country)
        if match is None:
            notices.append(
                f"{_echo('country', country)} is not one of {', '.join(COUNTRY_CHOICES)}; showing both countries."
            )
        filters = replace(filters, country=match)

    island = _single(params, "island", notices)
    if island:
        if island.casefold() in island_ids:
            filters = replace(filters, island=island.casefold())
        else:
            notices.append(f"{_echo('island', island)} is not a known island; showing every island.")

    year_from = _year(_single(params, "from", notices), "from", bounds, notices)
    year_to = _year(_single(params, "to", notices), "to", bounds, notices)
    if year_from is not None and year_to is not None and year_from > year_to:
        notices.append(f"“from={year_from}” is after “to={year_to}”; showing every year.")
        year_from = year_to = None
    filters = replace(
        filters,
        year_from=bounds[0] if year_from is None else year_from,
        year_to=bounds[1] if year_to is None else year_to,
    )

    q = _single(params, "q", notices)
    if q:
        filters = replace(filters, q=q)
    return filters, notices


def choice_from_query(
    params: Mapping[str, Sequence[str]], key: str, known_ids: Iterable[str], noun: str
) -> tuple[str | None, list[str]]:
    """The id a link chose on a page (`key`, e.g. event), if `known_ids` has it; a notice otherwise.
    `noun` names what the id would be ("an event"). `known_ids` is read only when a link chose one."""
    notices: list[str] = []
    chosen = _single(params, key, notices)
    if chosen and chosen not in set(known_ids):
        notices.append(f"{_echo(key, chosen)} is not {noun} in the data; none is chosen.")
        chosen = None
    return chosen or None, notices


def search_text(typed: str) -> str:
    """The statements search as the filters keep it: trimmed, and short enough for a link to carry."""
    return typed.strip()[:MAX_QUERY_LENGTH].strip()


def filters_to_query(filters: Filters, bounds: tuple[int, int]) -> dict[str, str]:
    """Query parameters for a link to exactly this view; defaults are left out."""
    params: dict[str, str] = {}
    if filters.country:
        params["country"] = filters.country
    if filters.year_from != bounds[0]:
        params["from"] = str(filters.year_from)
    if filters.year_to != bounds[1]:
        params["to"] = str(filters.year_to)
    if filters.island:
        params["island"] = filters.island
    if filters.q:
        params["q"] = filters.q
    return params


def describe_filters(filters: Filters, bounds: tuple[int, int], island_names: Mapping[str, str]) -> str:
    """The filters in words, e.g. "Japan · 1950–2000 · Shikotan · search “impetus”"; "" for none."""
    parts = []
    if filters.country:
        parts.append(filters.country)
    if not filters.is_full_range(bounds):
        parts.append(
            str(filters.year_from) if filters.year_from == filters.year_to else f"{filters.year_from}–{filters.year_to}"
        )
    if filters.island:
        parts.append(island_names.get(filters.island, filters.island))
    if filters.q:
        parts.append(f"search “{filters.q}”")
    return " · ".join(parts)


def share_link(page_url: str, params: Mapping[str, str]) -> str:
    """`page_url` with `params` as its query string: the link that opens exactly this view."""
    parts = urlsplit(page_url)
    if parts.netloc and not parts.path:
        page_url = parts._replace(path="/").geturl()  # the home page: "https://host/", not "https://host"
    if not params:
        return page_url
    # %20 rather than +: both decode to a space, but %20 reads the same everywhere a link is pasted.
    return f"{page_url}?{urlencode(params, quote_via=quote)}"


def canonical_country(country: str) -> str:
    return COUNTRY_ALIASES.get(country, country)


def related_islands(island: str, groups: Mapping[str, str]) -> set[str]:
    """Ids that count as naming `island`: itself, its group, and its group's members."""
    group = groups.get(island, island)
    related = {island, group}
    if group == island:
        related |= {member for member, member_group in groups.items() if member_group == island}
    return related


@dataclass(frozen=True)
class FilterIndex:
    """What the filters test in each row of events or statements, worked out once per data version
    (`events_filter_index`, `statements_filter_index`). Filtering with it is a few array operations
    and one copy of the kept rows, however many rows there are."""

    first_year: np.ndarray  # float; NaN where the row is undated
    last_year: np.ndarray  # the end date's year, else first_year
    country_sets: tuple[frozenset[str], ...]  # the distinct sets of canonical countries
    country_codes: np.ndarray  # per row, its set's position in country_sets
    island_lists: tuple[tuple[str, ...], ...]  # the distinct lists of island ids
    island_codes: np.ndarray
    search_text: np.ndarray | None = None  # statements: quote, speaker and role, normalised for search

    def rows(self, filters: Filters, bounds: tuple[int, int], groups: Mapping[str, str]) -> np.ndarray:
        """Which rows the filters keep, as a boolean array."""
        # NaN compares false, so undated rows show only while the year range is untouched.
        keep = (self.first_year <= filters.year_to) & (self.last_year >= filters.year_from)
        if filters.is_full_range(bounds):
            keep |= np.isnan(self.first_year)
        if filters.country:
            wanted = [code for code, countries in enumerate(self.country_sets) if filters.country in countries]
            keep &= np.isin(self.country_codes, wanted)
        if filters.island:
            related = related_islands(filters.island, groups)
            wanted = [code for code, ids in enumerate(self.island_lists) if not related.isdisjoint(ids)]
            keep &= np.isin(self.island_codes, wanted)
        if filters.q and self.search_text is not None:
            needle = _normalise(filters.q)
            keep &= np.fromiter((needle in text for text in self.search_text), dtype=bool, count=len(keep))
        return keep


def _years(dates: pd.Series) -> np.ndarray:
    return dates.dt.year.to_numpy(dtype=float, na_value=np.nan)


def _filter_index(
    frame: pd.DataFrame,
    ends: pd.Series | None,
    countries: pd.Series,
    countries_of: Callable[[Any], frozenset[str]],
    search_text: np.ndarray | None = None,
) -> FilterIndex:
    first_year = _years(frame["date"])
    last_year = first_year if ends is None else np.where(ends.isna(), first_year, _years(ends))
    country_codes, distinct_countries = pd.factorize(countries, use_na_sentinel=False)
    island_codes, distinct_islands = pd.factorize(frame["islands"], use_na_sentinel=False)
    return FilterIndex(
        first_year=first_year,
        last_year=last_year,
        country_sets=tuple(countries_of(value) for value in distinct_countries),
        country_codes=country_codes,
        island_lists=tuple(tuple(ids) for ids in distinct_islands),
        island_codes=island_codes,
        search_text=search_text,
    )


def events_filter_index(events: pd.DataFrame) -> FilterIndex:
    return _filter_index(
        events,
        events["end_date"],
        events["countries"],
        lambda countries: frozenset(canonical_country(country) for country in countries),
    )


def _normalise(text: str) -> str:
    return text.casefold().replace("’", "'").replace("‘", "'")


def statements_filter_index(statements: pd.DataFrame) -> FilterIndex:
    searched = each_distinct(statements["quote"] + "\n" + statements["speaker"] + "\n" + statements["role"], _normalise)
    return _filter_index(
        statements,
        None,
        statements["country"],
        lambda country: frozenset({canonical_country(country)}),
        searched.to_numpy(dtype=object),
    )


def _kept(frame: pd.DataFrame, keep: np.ndarray) -> pd.DataFrame:
    if len(keep) != len(frame):
        raise ValueError(f"the filter index has {len(keep)} rows, the frame {len(frame)}: build it from this frame")
    return frame[keep]


def filter_events(
    events: pd.DataFrame,
    filters: Filters,
    bounds: tuple[int, int],
    groups: Mapping[str, str],
    index: FilterIndex | None = None,
) -> pd.DataFrame:
    """The events the filters keep. Pass `events_filter_index(events)`, kept per data version, to
    filter without a pass over the rows."""
    index = index or events_filter_index(events)
    return _kept(events, index.rows(filters, bounds, groups))


def filter_statements(
    statements: pd.DataFrame,
    filters: Filters,
    bounds: tuple[int, int],
    groups: Mapping[str, str],
    index: FilterIndex | None = None,
) -> pd.DataFrame:
    """The statements the filters (the search too) keep; `index` as for filter_events."""
    index = index or statements_filter_index(statements)
    return _kept(statements, index.rows(filters, bounds, groups))

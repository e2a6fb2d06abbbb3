"""The Streamlit layer shared by every page: the cached loader, the error panel, the filters.

Everything here renders; the logic it calls lives in pure modules (lib.model.load, lib.model.filters).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

import pandas as pd
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from lib.model.load import DATA_DIR, Dataset, LoadResult, Problem, read_dataset
from lib.model.filters import (
    CHOICE_PARAMS,
    COUNTRY_CHOICES,
    PARAMS,
    FilterIndex,
    Filters,
    choice_from_query,
    describe_filters,
    events_filter_index,
    filter_events,
    filter_statements,
    filters_from_query,
    filters_to_query,
    search_text,
    share_link,
    statements_filter_index,
    year_bounds,
)
from lib.views.text import escape_markdown

# Tests and benchmarks point the app at another data folder through this variable.
DATA_DIR_VARIABLE = "KURILS_DATA_DIR"
ALL_COUNTRIES = "Both"
T = TypeVar("T")

_COUNTRY_KEY = "filter_country"
_YEARS_KEY = "filter_years"
_ISLAND_KEY = "filter_island"
SEARCH_KEY = "filter_q"
_PENDING_ISLAND_KEY = "pending_island"
_NOTICES_KEY = "filter_notices"
_LINKED_FILTERS_KEY = "filters_from_link"
_SIDEBAR_RAN_KEY = "filter_sidebar_ran"
_LINKED_CHOICES_KEY = "linked_choices"


def data_dir() -> Path:
    return Path(os.environ.get(DATA_DIR_VARIABLE) or DATA_DIR)


def _fingerprint(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Changes whenever a data file does, so edits show without restarting the server."""
    if not folder.is_dir():
        return ()
    return tuple(
        (str(path.relative_to(folder)), path.stat().st_mtime_ns, path.stat().st_size)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    )


# cache_resource, not cache_data: every session shares the one validated copy instead of unpickling
# its own on every rerun (about 75 ms a run at 1000 times today's rows). Nothing writes to it, and a
# test runs every page and checks the shared copy is unchanged afterwards.
@st.cache_resource(show_spinner=False, max_entries=2)
def _cached_dataset(folder: str, fingerprint: tuple[tuple[str, int, int], ...]) -> LoadResult:
    return read_dataset(Path(folder))


# Room for every build the pages ask for (six today) at the two data versions the dataset cache keeps.
@st.cache_resource(show_spinner=False, max_entries=16)
def _derived(
    folder: str, fingerprint: tuple[tuple[str, int, int], ...], name: str, _build: Callable[[Dataset], T]
) -> T:
    dataset = _cached_dataset(folder, fingerprint).dataset
    if dataset is None:
        raise ValueError("nothing can be derived from a dataset with problems")
    return _build(dataset)


def per_data_version(build: Callable[[Dataset], T]) -> T:
    """`build(dataset)`, worked out once per version of the data files and shared by every session,
    like the dataset itself. For what a page shows of the whole dataset, whatever the filters."""
    folder = data_dir()
    return _derived(str(folder), _fingerprint(folder), f"{build.__module__}.{build.__qualname__}", build)


def load_dataset() -> LoadResult:
    """The validated dataset, read and checked once per change of the files."""
    folder = data_dir()
    return _cached_dataset(str(folder), _fingerprint(folder))


def problems_frame(problems: tuple[Problem, ...]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "file": [problem.file for problem in problems],
            "row": [problem.row for problem in problems],
            "column": [problem.column or "" for problem in problems],
            "problem": [problem.reason for problem in problems],
        }
    ).astype({"row": "Int64"})


def show_problems(problems: tuple[Problem, ...]) -> None:
    st.error(
        f"The dataset has {len(problems)} problem(s), so nothing is drawn from it until they are fixed. "
        "Run `python -m lib.check` to list them in a terminal.",
        icon=":material/error:",
    )
    # A dataframe shows every reason as plain text, whatever the CSV holds.
    st.dataframe(problems_frame(problems), hide_index=True, width="stretch")


def dataset_or_stop() -> Dataset:
    """The dataset, or the error panel and an end to this run."""
    result = load_dataset()
    if result.dataset is None:
        show_problems(result.problems)
        st.stop()
    return result.dataset


def island_groups(dataset: Dataset) -> dict[str, str]:
    return dict(zip(dataset.islands["id"], dataset.islands["group"], strict=True))


def island_names(dataset: Dataset) -> dict[str, str]:
    """Each island id's English name."""
    return dict(zip(dataset.islands["id"], dataset.islands["name_en"], strict=True))


def dataset_year_bounds(dataset: Dataset) -> tuple[int, int]:
    return year_bounds(dataset.events["date"], dataset.events["end_date"], dataset.statements["date"])


def _events_filter_index(dataset: Dataset) -> FilterIndex:
    return events_filter_index(dataset.events)


def _statements_filter_index(dataset: Dataset) -> FilterIndex:
    return statements_filter_index(dataset.statements)


def filtered_events(dataset: Dataset, filters: Filters) -> pd.DataFrame:
    """The events `filters` keep, through the filter index kept per data version."""
    return filter_events(
        dataset.events,
        filters,
        dataset_year_bounds(dataset),
        island_groups(dataset),
        per_data_version(_events_filter_index),
    )


def filtered_statements(dataset: Dataset, filters: Filters) -> pd.DataFrame:
    """The statements `filters` keep (the search too), as filtered_events."""
    return filter_statements(
        dataset.statements,
        filters,
        dataset_year_bounds(dataset),
        island_groups(dataset),
        per_data_version(_statements_filter_index),
    )


def select_island(island: str | None) -> None:
    """Make `island` the selected island on every page (from a map click, say), then rerun."""
    st.session_state[_PENDING_ISLAND_KEY] = island or ""
    st.rerun()


def reset_filters(bounds: tuple[int, int]) -> None:
    """Put the shared filters and the search back to their defaults; a button's on_click callback
    (callbacks run before any widget exists in the run, so the widgets' values may be set)."""
    st.session_state[_COUNTRY_KEY] = ALL_COUNTRIES
    st.session_state[_YEARS_KEY] = bounds
    st.session_state[_ISLAND_KEY] = ""
    st.session_state[SEARCH_KEY] = ""


def _init_from_url(dataset: Dataset, bounds: tuple[int, int]) -> None:
    params = {key: st.query_params.get_all(key) for key in PARAMS}
    filters, notices = filters_from_query(params, bounds, set(dataset.islands["id"]))
    st.session_state[_COUNTRY_KEY] = filters.country or ALL_COUNTRIES
    st.session_state[_YEARS_KEY] = (filters.year_from, filters.year_to)
    st.session_state[_ISLAND_KEY] = filters.island or ""
    st.session_state[SEARCH_KEY] = filters.q
    st.session_state[_NOTICES_KEY] = notices
    st.session_state[_LINKED_FILTERS_KEY] = filters
    st.session_state[_LINKED_CHOICES_KEY] = {key: st.query_params.get_all(key) for key in CHOICE_PARAMS}


def linked_choice(key: str, known_ids: Iterable[str], noun: str) -> str | None:
    """What the link that opened the app chose on this page (`key`, e.g. event), the first time the
    page asks: after that the reader's own choice counts. An id that names nothing gets a notice."""
    linked = st.session_state.get(_LINKED_CHOICES_KEY, {})
    chosen, notices = choice_from_query({key: linked.pop(key, [])}, key, known_ids, noun)
    _show_notices(notices)
    return chosen


def keep_choice_in_url(key: str, chosen: str | None) -> None:
    """Put what the page has chosen into the address, beside the filters (which replace the whole
    query at the start of every run, so a choice is only there while its page keeps it)."""
    if chosen:
        st.query_params[key] = chosen


def _show_link_notices(filters: Filters) -> None:
    """Say, above the page, what the opening link asked for that could not be used.

    Above the page rather than in the sidebar, which a narrow screen keeps closed. The notice
    stays until the reader changes a filter, then it has done its job.
    """
    if filters != st.session_state.get(_LINKED_FILTERS_KEY):
        st.session_state.pop(_NOTICES_KEY, None)
    _show_notices(st.session_state.get(_NOTICES_KEY, []))


def _show_notices(notices: list[str]) -> None:
    if notices:
        lines = "\n".join(f"- {escape_markdown(notice)}" for notice in notices)
        st.warning(f"Part of this link could not be used:\n{lines}", icon=":material/link_off:")


def share_this_view() -> None:
    """The sidebar's link to what the reader sees: the filters and what the page has chosen. Called
    once the page has run, as the page may have added its choice to the address."""
    # The browser reports its address (without the query); a client that does not gets a relative link.
    link = share_link(st.context.url or "", st.query_params.to_dict()) or "?"
    with st.sidebar:
        st.subheader("Share this view")
        # A plain link, not st.code: its copy button costs every page a code highlighter (~0.3 s of script).
        st.markdown(f"[{escape_markdown(link)}]({escape_markdown(link)})")
        st.caption("This link opens this page as you see it: copy it, or open it in a new tab.")


def filter_sidebar(dataset: Dataset) -> Filters:
    """Render the shared filters in the sidebar and keep the URL in step with them (the link to
    share comes after the page: `share_this_view`)."""
    bounds = dataset_year_bounds(dataset)
    if _COUNTRY_KEY not in st.session_state:
        _init_from_url(dataset, bounds)
    if _PENDING_ISLAND_KEY in st.session_state:
        st.session_state[_ISLAND_KEY] = st.session_state.pop(_PENDING_ISLAND_KEY)
    # The search box lives on one page only; re-storing it keeps it when another page is shown.
    st.session_state[SEARCH_KEY] = st.session_state.get(SEARCH_KEY, "")

    names = island_names(dataset)
    with st.sidebar:
        st.header("Filters")
        country = st.radio("Country", (ALL_COUNTRIES, *COUNTRY_CHOICES), key=_COUNTRY_KEY, horizontal=True)
        st.caption("Soviet-era rows count as Russia.")
        year_from, year_to = st.slider("Years", bounds[0], bounds[1], key=_YEARS_KEY)
        island = st.selectbox(
            "Island",
            ("", *names),
            key=_ISLAND_KEY,
            format_func=lambda island_id: names.get(island_id, "All islands"),
        )
    filters = Filters(
        year_from=year_from,
        year_to=year_to,
        country=None if country == ALL_COUNTRIES else country,
        island=island or None,
        q=search_text(st.session_state[SEARCH_KEY]),
    )
    _show_link_notices(filters)
    st.query_params.from_dict(filters_to_query(filters, bounds))
    st.session_state["filters"] = filters
    st.session_state[_SIDEBAR_RAN_KEY] = True
    return filters


def show_filters_in_use(dataset: Dataset, filters: Filters) -> None:
    """A line naming the sidebar's filters in use, if any: on a phone the sidebar is folded away,
    and a shared link may open the page filtered. (The search has its own box, on its own page.)"""
    described = describe_filters(replace(filters, q=""), dataset_year_bounds(dataset), island_names(dataset))
    if described:
        st.caption(f":material/filter_alt: Filters: {escape_markdown(described)}")


def page_context() -> tuple[Dataset, Filters]:
    """What every page starts with: the dataset and the filters app.py set in this run."""
    # Taken, not read: it must be this run's app.py that set the filters, not an earlier run's.
    if not st.session_state.pop(_SIDEBAR_RAN_KEY, False):
        _enter_through_app()
    return dataset_or_stop(), st.session_state["filters"]


def _enter_through_app() -> None:
    """Run app.py first when a page was opened without it.

    Streamlit decides on a server's first request whether the app uses the old pages/
    folder mode, and only a run of app.py (which calls st.navigation) turns that off.
    When a shared deep link is that first request, the page runs alone; clearing the
    flag and rerunning sends this and every later run through app.py. (AppTest makes
    that decision afresh on every run, so there every run after the first comes here.)
    """
    PagesManager.uses_pages_directory = False
    st.rerun()

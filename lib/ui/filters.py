"""The sidebar's shared filters: country, years and island. The widgets hold the state, so nothing is kept in step;
the opening link gives their defaults, and callbacks (a click on the map, the Timeline's period) set them."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import streamlit as st

from lib.i18n import N_, _
from lib.model.dataset import Dataset
from lib.model.filters import COUNTRY_CHOICES, Filters, Years, describe_filters
from lib.model.view import View
from lib.site import SitePage
from lib.views.markdown import escape_markdown
from lib.views.overview import data_runs_to, latest_event
from lib.views.wording import filters_in_use, join_names, share_of

ALL_COUNTRIES = N_("Both")
COUNTRIES = (ALL_COUNTRIES, *COUNTRY_CHOICES)
COUNTRY_KEY = "filter_country"
FROM_KEY = "filter_from"
TO_KEY = "filter_to"
ISLAND_KEY = "filter_island"


def choose_years(first: int, last: int) -> None:
    """Make `first` to `last` the years on every page: for a callback, which runs before the widgets."""
    st.session_state.update({FROM_KEY: first, TO_KEY: last})


def choose_island(island: str) -> None:
    """Make `island` the selected island on every page: for a callback, which runs before the widgets."""
    st.session_state[ISLAND_KEY] = island


def reset_filters(bounds: Years, page_defaults: Mapping[str, Any]) -> None:
    """Back to every country, year and island, and the page's own widgets (key: value) to theirs."""
    everything = {COUNTRY_KEY: ALL_COUNTRIES, FROM_KEY: bounds[0], TO_KEY: bounds[1], ISLAND_KEY: ""}
    st.session_state.update({**everything, **page_defaults})


def _keep_order(moved: str) -> None:
    """After one year input moves past the other, the other follows, so the range is never empty."""
    if st.session_state[FROM_KEY] > st.session_state[TO_KEY]:
        st.session_state[TO_KEY if moved == FROM_KEY else FROM_KEY] = st.session_state[moved]


def sidebar_filters() -> Filters:
    state = st.session_state
    country = None if state[COUNTRY_KEY] == ALL_COUNTRIES else state[COUNTRY_KEY]
    return Filters(state[FROM_KEY], state[TO_KEY], country=country, island=state[ISLAND_KEY] or None)


def filter_sidebar(dataset: Dataset, page: SitePage, start: Filters) -> Filters:
    """The shared filters in the sidebar, starting at the link's (`start`) unless the browser sends its own values:
    a session taking over from a replica that died has the address before the reader's last change."""
    first, last = dataset.year_bounds
    names = dataset.island_names
    with st.sidebar:
        st.header(_("Filters"))
        _country_radio(page, COUNTRY_KEY, index=COUNTRIES.index(start.country or ALL_COUNTRIES))
        st.caption(_("Russia includes the Soviet Union (USSR) before 1992."))
        # Kept within the years of the data, which may have changed since the link was read.
        within = [min(max(year, first), last) for year in (start.year_from, start.year_to)]
        _year_inputs(first, last, "", _keep_order, within)
        _island_box(names, ISLAND_KEY, index=("", *names).index(start.island) if start.island in names else 0)
    return sidebar_filters()


def _country_radio(page: SitePage, key: str, **options: Any) -> None:
    """The country filter, labels translated as drawn: a format_func calling _() reads the calling thread's language."""
    names = {country: _(country) for country in COUNTRIES}
    hint = _(page.country_help)
    st.radio(_(page.country_label), COUNTRIES, format_func=names.get, key=key, horizontal=True, help=hint, **options)


def _year_inputs(
    first: int, last: int, prefix: str, on_change: Callable[[str], None], values: Sequence[int | str] = ("min", "min")
) -> None:
    """From and To side by side, keyed `prefix` and the filter's key: the sidebar's and the page panel's."""
    keys = (prefix + FROM_KEY, prefix + TO_KEY)
    for column, label, key, value in zip(st.columns(2), (_("From"), _("To")), keys, values, strict=True):
        column.number_input(label, first, last, value=value, step=1, key=key, on_change=on_change, args=(key,))


def _island_box(names: Mapping[str, str], key: str, **options: Any) -> None:
    """The island filter, every island first; the sidebar's and the page panel's."""
    every_island = _("All islands")
    st.selectbox(
        _("Island"), ("", *names), key=key, format_func=lambda island: names.get(island) or every_island, **options
    )


# The page's own Filters button on a phone (static/app/app.css shows it below 768 px, where the sidebar
# folds away behind an unlabelled »): widgets of their own, each setting the sidebar's widget it mirrors.
PAGE_FILTERS_KEY = "page_filters"
_MIRRORS = {f"page_{key}": key for key in (COUNTRY_KEY, FROM_KEY, TO_KEY, ISLAND_KEY)}


def _set_from_page(page_key: str) -> None:
    """A page filter's on_change: the sidebar's widget takes its value, and the panel closes on the result."""
    st.session_state[_MIRRORS[page_key]] = st.session_state[page_key]
    _keep_order(_MIRRORS[page_key])
    st.session_state[PAGE_FILTERS_KEY] = False


def page_filters(dataset: Dataset, page: SitePage, filters: Filters) -> None:
    """A button labelled with the filters in use, opening the same filters: widgets of their own, as a widget is
    drawn once a run, taking the sidebar's values; a change sets the sidebar's and closes the panel."""
    names = dataset.island_names
    described = describe_filters(filters, dataset.year_bounds, names)
    label = _("Filters: {filters}").format(filters=described) if described else _("Filters: none in use")
    with (
        st.container(key="page_filters_bar"),
        st.popover(
            label, icon=":material/filter_alt:", key=PAGE_FILTERS_KEY, on_change="rerun", width="stretch"
        ) as panel,
    ):
        if panel.open:  # drawn only while open: the popover reruns the app as it opens
            for page_key, key in _MIRRORS.items():
                st.session_state[page_key] = st.session_state[key]
            _country_radio(page, f"page_{COUNTRY_KEY}", on_change=_set_from_page, args=(f"page_{COUNTRY_KEY}",))
            _year_inputs(*dataset.year_bounds, "page_", _set_from_page)
            _island_box(names, f"page_{ISLAND_KEY}", on_change=_set_from_page, args=(f"page_{ISLAND_KEY}",))


# What a page lists, by the noun it passes: each sentence whole, for the catalogs.
# Translators: {narrowing} lists what narrows the page: its search, its speakers, the filters.
_NONE_MATCHES = {"event": N_("No event matches {narrowing}."), "statement": N_("No statement matches {narrowing}.")}
_NONE_YET = {"event": N_("The data has no event yet."), "statement": N_("The data has no statement yet.")}


def show_nothing_matches(
    view: View, noun: str, own: Sequence[str] = (), page_defaults: Mapping[str, Any] | None = None
) -> None:
    """No `noun` matches: what narrows the page (`own`, then the filters), and, unless embedded (its filters are its
    link's), a button back to everything, the page's own widgets (key: value) too."""
    described = describe_filters(view.filters, view.dataset.year_bounds, view.dataset.island_names)
    narrowing = [*own, *([_("the filters ({filters})").format(filters=described)] if described else [])]
    said = _(_NONE_MATCHES[noun]).format(narrowing=join_names(narrowing)) if narrowing else _(_NONE_YET[noun])
    st.info(escape_markdown(said), icon=":material/filter_alt_off:")
    if not view.embedded:
        reset_to = (view.dataset.year_bounds, page_defaults or {})
        st.button(_("Clear every filter"), on_click=reset_filters, args=reset_to, icon=":material/filter_alt_off:")


def show_what_filters_keep(view: View) -> None:
    """On a phone the sidebar covers the page: what the filters keep is said where they are, in the sidebar."""
    # Translators: {latest} is a sentence of its own: "Events up to 23 Jul 2018."
    said = _("These filters keep {events} and {statements}. {latest}").format(
        events=share_of(int(view.events_kept.sum()), len(view.dataset.events), "event"),
        statements=share_of(int(view.statements_kept.sum()), len(view.dataset.statements), "statement"),
        latest=data_runs_to(latest_event(view.dataset.events)),
    )
    st.sidebar.caption(said)


def show_filters_in_use(view: View, then: str = "") -> None:
    """The filters in use, then `then`; hidden on a phone, where the Filters button names them, unless `then` adds."""
    if in_use := filters_in_use(view.filters, view.dataset.year_bounds, view.dataset.island_names, then):
        phone_has_button = not (then or view.embedded)
        st.container(key="filters_in_use" if phone_has_button else None).caption(in_use)

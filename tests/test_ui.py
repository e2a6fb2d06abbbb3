"""The shared sidebar through AppTest: a link sets the filters, the filters set the link."""

from __future__ import annotations

import html
import re

import pytest
from streamlit.testing.v1 import AppTest

from lib.model.load import Dataset
from lib.ui import load_dataset, per_data_version
from lib.views.map.popups import dataset_popup_index
from tests.test_pages import run_page

LINK = {"country": "Japan", "from": "1950", "to": "2000", "island": "shikotan", "q": "impetus"}


def sidebar_filters(app: AppTest) -> tuple[str, tuple[int, int], str]:
    return (
        app.sidebar.radio(key="filter_country").value,
        app.sidebar.slider(key="filter_years").value,
        app.sidebar.selectbox(key="filter_island").value,
    )


def share_link(app: AppTest) -> str:
    """The sidebar's share link, read back from its Markdown: the text shown is the address it opens."""
    [link] = [block.value for block in app.sidebar.markdown if block.value.startswith("[")]
    shown, target = re.fullmatch(r"\[(.*)\]\((.*)\)", link).groups()
    assert shown == target
    return html.unescape(re.sub(r"\\(.)", r"\1", target))  # as Markdown reads it


def test_a_link_sets_every_filter_and_the_share_link_repeats_it() -> None:
    app = run_page("pages/home.py", **LINK)
    assert not app.exception
    assert sidebar_filters(app) == ("Japan", (1950, 2000), "shikotan")
    assert app.session_state["filter_q"] == "impetus"
    assert dict(app.query_params) == LINK
    # AppTest's client reports no address, so the link is relative: the page itself with this query.
    assert share_link(app) == "?country=Japan&from=1950&to=2000&island=shikotan&q=impetus"
    assert not app.warning


def test_a_link_is_written_back_in_its_canonical_form() -> None:
    app = run_page("pages/home.py", country="ussr", island="Kunashir", to="2025")
    assert sidebar_filters(app)[0] == "Russia"
    assert dict(app.query_params) == {"country": "Russia", "island": "kunashir"}


def test_changing_a_filter_changes_the_url_and_the_share_link() -> None:
    app = run_page("pages/home.py", country="Japan")
    app.sidebar.radio(key="filter_country").set_value("Russia").run()
    app.sidebar.slider(key="filter_years").set_range(1945, 1956).run()
    app.sidebar.selectbox(key="filter_island").set_value("habomai").run()
    assert dict(app.query_params) == {"country": "Russia", "from": "1945", "to": "1956", "island": "habomai"}
    assert share_link(app) == "?country=Russia&from=1945&to=1956&island=habomai"
    app.sidebar.radio(key="filter_country").set_value("Both").run()
    years = app.sidebar.slider(key="filter_years")
    years.set_range(int(years.min), int(years.max)).run()
    app.sidebar.selectbox(key="filter_island").set_value("").run()
    assert dict(app.query_params) == {}


@pytest.mark.parametrize("page", ["pages/map.py", "pages/timeline.py", "pages/statements.py"])
def test_switching_pages_keeps_the_filters(page: str) -> None:
    app = run_page("pages/home.py", **LINK)
    app.switch_page(page).run()
    assert not app.exception
    filters = app.session_state["filters"]
    assert (filters.country, filters.year_from, filters.year_to, filters.island, filters.q) == (
        "Japan",
        1950,
        2000,
        "shikotan",
        "impetus",
    )
    assert dict(app.query_params) == LINK
    app.switch_page("pages/home.py").run()
    assert sidebar_filters(app) == ("Japan", (1950, 2000), "shikotan")


def test_every_ignored_parameter_is_named_above_the_page_until_a_filter_changes() -> None:
    app = run_page("pages/home.py", country="France", to="1800", island="kunashir")
    [warning] = app.main.warning
    assert "country=France" in warning.value and "to=1800" in warning.value
    assert sidebar_filters(app)[2] == "kunashir"  # the good parameter still applies
    app.run()
    assert app.main.warning, "the notice stays while the filters are the link's"
    app.sidebar.radio(key="filter_country").set_value("Japan").run()
    assert not app.main.warning


def test_a_notice_shows_a_markdown_link_in_the_url_as_text() -> None:
    app = run_page("pages/home.py", country="[Claim your prize](https://example.org)")
    [warning] = app.main.warning
    assert "](https" not in warning.value
    assert r"\[Claim your prize\]" in warning.value


def test_what_is_derived_from_the_data_is_built_once_and_shared() -> None:
    calls: list[object] = []

    def event_count(dataset: Dataset) -> int:
        calls.append(dataset)
        return len(dataset.events)

    first, second = per_data_version(event_count), per_data_version(event_count)
    assert first == second == len(load_dataset().dataset.events)
    assert calls == [load_dataset().dataset], "built once, from the one shared dataset"
    assert per_data_version(dataset_popup_index) is per_data_version(dataset_popup_index)

"""The app around every page, through AppTest: a link starts the filters, the filters and the page's
choices make the address, and the share link repeats the address."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest

import lib.model.dataset
import lib.ui.data
import lib.ui.filters
from lib.model.dataset import Dataset
from lib.model.filters import Filters
from lib.site import PAGES
from lib.ui.data import load_dataset
from tests.apptest import PAGE_FILES, run_page, share_link, sidebar_filters

LINK = {"country": "Japan", "from": "1950", "to": "2000", "island": "shikotan"}


@pytest.mark.parametrize("page_file", ["pages/home.py", "pages/map.py", "pages/timeline.py", "pages/statements.py"])
def test_a_link_sets_every_filter_and_the_share_link_repeats_it(page_file: str) -> None:
    app = run_page(page_file, **LINK)
    assert not app.exception
    assert sidebar_filters(app) == ("Japan", 1950, 2000, "shikotan")
    assert dict(app.query_params) == LINK
    # AppTest's client reports no address, so the link is relative: the page itself with this query.
    page_path = next(page.url_path for page in PAGES if page_file.endswith(f"/{page.module}.py"))
    assert share_link(app) == f"{page_path}?country=Japan&from=1950&to=2000&island=shikotan"
    assert not app.warning


def test_a_link_is_written_back_in_its_canonical_form(dataset: Dataset) -> None:
    last_year = dataset.year_bounds[1]  # the default, so not written back
    app = run_page("pages/home.py", country="ussr", island="Kunashir", to=str(last_year))
    assert sidebar_filters(app)[0] == "Russia"
    assert dict(app.query_params) == {"country": "Russia", "island": "kunashir"}


def test_changing_a_filter_changes_the_address_and_the_share_link(dataset: Dataset) -> None:
    app = run_page("pages/home.py", country="Japan")
    app.sidebar.radio(key="filter_country").set_value("Russia").run()
    app.sidebar.number_input(key="filter_from").set_value(1945).run()
    app.sidebar.number_input(key="filter_to").set_value(1956).run()
    app.sidebar.selectbox(key="filter_island").set_value("habomai").run()
    assert dict(app.query_params) == {"country": "Russia", "from": "1945", "to": "1956", "island": "habomai"}
    assert share_link(app) == "?country=Russia&from=1945&to=1956&island=habomai"
    app.sidebar.radio(key="filter_country").set_value("Both").run()
    app.sidebar.number_input(key="filter_from").set_value(1855).run()
    app.sidebar.number_input(key="filter_to").set_value(dataset.year_bounds[1]).run()
    app.sidebar.selectbox(key="filter_island").set_value("").run()
    assert dict(app.query_params) == {}


def test_years_are_typed_exactly_and_never_cross() -> None:
    app = run_page("pages/home.py", **{"from": "1991", "to": "2001"})
    assert sidebar_filters(app)[1:3] == (1991, 2001)
    app.sidebar.number_input(key="filter_from").set_value(2010).run()  # past the last year
    assert sidebar_filters(app)[1:3] == (2010, 2010), "the last year follows the first"
    app.sidebar.number_input(key="filter_to").set_value(1956).run()  # before the first year
    assert sidebar_filters(app)[1:3] == (1956, 1956), "the first year follows the last"


def test_every_ignored_parameter_is_named_above_the_page_until_a_filter_changes() -> None:
    app = run_page("pages/home.py", country="France", to="1800", island="kunashir")
    [warning] = app.main.warning
    assert "country=France" in warning.value and "to=1800" in warning.value
    assert sidebar_filters(app)[3] == "kunashir"  # the good parameter still applies
    app.run()
    assert app.main.warning, "the notice stays while the filters are the link's"
    app.sidebar.radio(key="filter_country").set_value("Japan").run()
    assert not app.main.warning


def test_a_notice_shows_a_markdown_link_in_the_address_as_text() -> None:
    app = run_page("pages/home.py", country="[Claim your prize](https://example.org)")
    [warning] = app.main.warning
    assert "](https" not in warning.value
    assert r"\[Claim your prize\]" in warning.value


@pytest.mark.parametrize(
    ("page_file", "query", "dropped"),
    [
        ("pages/timeline.py", {"q": "impetus"}, "q=impetus"),
        ("pages/map.py", {"event": "1956-joint-declaration"}, "event=1956-joint-declaration"),
        ("pages/home.py", {"statement": "matviyenko-strong-impetus"}, "statement=matviyenko-strong-impetus"),
    ],
)
def test_another_page_s_parameter_is_named_and_left_out_of_the_address(
    page_file: str, query: dict[str, str], dropped: str
) -> None:
    app = run_page(page_file, country="Japan", **query)
    [warning] = app.main.warning
    assert f"{dropped}” does nothing on this page" in warning.value.replace("\\", "")
    assert dict(app.query_params) == {"country": "Japan"}


def test_a_parameter_the_app_does_not_know_is_dropped_without_a_word() -> None:
    app = run_page("pages/timeline.py", utm_source="newsletter", country="Japan")
    assert not app.warning
    assert dict(app.query_params) == {"country": "Japan"}


@pytest.mark.parametrize(
    ("page_file", "label"),
    [("pages/timeline.py", "Events involving"), ("pages/statements.py", "Said by"), ("pages/map.py", "Country")],
)
def test_the_country_filter_says_what_it_means_on_each_page(page_file: str, label: str) -> None:
    radio = run_page(page_file).sidebar.radio(key="filter_country")
    assert radio.label == label
    assert radio.help


def test_the_sidebar_says_what_the_filters_keep_where_a_phone_reader_sets_them() -> None:
    app = run_page("pages/map.py", country="Japan", **{"from": "2018", "to": "2018"})
    dataset = load_dataset().dataset
    filters = Filters(year_from=2018, year_to=2018, country="Japan")
    events, statements = dataset.filtered_events(filters), dataset.filtered_statements(filters)
    said = [caption.value for caption in app.sidebar.caption if caption.value.startswith("These filters keep")]
    latest = max(dataset.events["end_date"].fillna(dataset.events["date"]))
    assert said == [
        f"These filters keep {len(events)} of {len(dataset.events)} events "
        f"and {len(statements)} of {len(dataset.statements)} statements. "
        f"Events up to {latest.day} {latest:%b %Y}."
    ]
    assert 0 < len(events) < len(dataset.events)


@pytest.mark.parametrize("page_file", PAGE_FILES)
def test_a_run_reads_the_data_and_works_out_the_filters_once(page_file: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """One pass per run: the data folder is scanned, the filters read and their rows kept once, on the
    session's first run and on a rerun after a filter changes."""
    calls: Counter[str] = Counter()
    for module, name in [
        (lib.ui.data, "_fingerprint"),
        (lib.ui.filters, "sidebar_filters"),
        (lib.model.dataset, "events_kept"),
        (lib.model.dataset, "statements_kept"),
    ]:
        monkeypatch.setattr(module, name, counting(getattr(module, name), name, calls))
    app = run_page(page_file, country="Japan")
    assert calls == dict.fromkeys(("_fingerprint", "sidebar_filters", "events_kept", "statements_kept"), 1)
    calls.clear()
    app.sidebar.radio(key="filter_country").set_value("Russia").run()
    assert calls == dict.fromkeys(("_fingerprint", "sidebar_filters", "events_kept", "statements_kept"), 1)


def counting(function: Callable[..., Any], name: str, calls: Counter[str]) -> Callable[..., Any]:
    def counted(*args: Any, **kwargs: Any) -> Any:
        calls[name] += 1
        return function(*args, **kwargs)

    return counted

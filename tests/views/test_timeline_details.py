"""lib/views/timeline/details.py: the details of one event as inert Markdown, with each of its
sources (what it states and its sentence) and its islands on the map."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

import pytest

from lib.model.dataset import Dataset
from lib.model.load import read_dataset
from lib.views.markdown import escape_markdown
from lib.views.timeline.details import details_markdown, event_details
from tests.views.timeline_data import DECLARATION


def details_of(dataset: Dataset, event_id: str, view_params: Mapping[str, str] | None = None) -> str:
    details = event_details(event_id, dataset.events, dataset)
    assert details is not None
    return details_markdown(details, view_params)


def link_targets(markdown: str) -> list[str]:
    return [part.split(")", 1)[0] for part in markdown.split("](")[1:]]


def test_details_show_every_source_with_what_it_states(dataset: Dataset) -> None:
    """The 1956 declaration: the article states the year and what happened; a page states the rest."""
    text = details_of(dataset, DECLARATION)
    rows = dataset.event_sources[dataset.event_sources["event_id"] == DECLARATION]
    article, pages = rows[rows["source_id"] != ""], rows[rows["source_id"] == ""]
    assert len(article) >= 1 and len(pages) >= 1
    for evidence in article["evidence"]:
        assert escape_markdown(evidence) in text
    assert "](https://tass.com/world/1014523) (the year" in text
    for url, evidence in zip(pages["url"], pages["evidence"], strict=True):
        assert url.split("(")[0] in text and escape_markdown(evidence) in text
    assert "(the day" in text, "a page states the day the article does not"
    assert escape_markdown(dataset.events.set_index("id").loc[DECLARATION, "description"]) in text


def test_details_link_each_island_to_the_map_with_it_selected(dataset: Dataset) -> None:
    text = details_of(dataset, DECLARATION)
    assert "[Shikotan](map?island=shikotan)" in text
    assert "[Habomai Islands](map?island=habomai)" in text


def test_island_links_keep_the_readers_other_filters(dataset: Dataset) -> None:
    text = details_of(dataset, DECLARATION, {"country": "Japan", "from": "1950", "island": "kunashir"})
    assert "[Shikotan](map?country=Japan&from=1950&island=shikotan)" in text


@pytest.mark.parametrize(
    ("url", "target"),
    [
        ("https://example.org/a_(b)", "https://example.org/a_%28b%29"),  # ")" would end the link early
        ("https://example.org/x y", "https://example.org/x%20y"),
        ('https://example.org/"q"<b>', "https://example.org/%22q%22%3Cb%3E"),
        ("https://example.org/a?b=c&d=e#f", "https://example.org/a?b=c&d=e#f"),
    ],
)
def test_a_source_link_keeps_the_address_and_encodes_what_would_break_markdown(
    dataset: Dataset, url: str, target: str
) -> None:
    rows = dataset.event_sources
    changed = replace(dataset, event_sources=rows.assign(url=rows["url"].where(rows["url"] == "", url)))
    text = details_of(changed, "1875-treaty-of-saint-petersburg")
    assert target in link_targets(text)


def test_details_list_the_statements_made_that_day(dataset: Dataset) -> None:
    text = details_of(dataset, "2018-date-matviyenko-meeting")
    assert text.count("\n- **") == 6  # the six statements dated 23 July 2018
    assert "Chuichi Date" in text
    assert "Valentina Matviyenko" in text
    assert "Zakharova" not in text, "dated only to the year 2018"
    assert "No statement" in details_of(dataset, DECLARATION)


def test_details_of_an_event_known_only_to_the_year_claim_no_day(dataset: Dataset) -> None:
    text = details_of(dataset, "1946-ussr-annexes-kurils")
    assert "Said on" not in text


def test_details_of_an_unknown_event_are_none(dataset: Dataset) -> None:
    assert event_details("no-such-event", dataset.events, dataset) is None


def test_hostile_details_are_inert_markdown(hostile_dir: Path) -> None:
    hostile = read_dataset(hostile_dir).dataset
    assert hostile is not None
    for event_id in hostile.events["id"]:
        text = details_of(hostile, event_id)
        assert "<" not in text, "every angle bracket is escaped"
        assert "](javascript" not in text
        targets = link_targets(text)
        assert all(target.startswith(("https://", "http://", "map?island=")) for target in targets), targets
        assert all(" " not in target and "(" not in target for target in targets)

"""lib/views/timeline/details.py (and sources.py): the details of one event as inert Markdown, with
links to its article, its source and its islands on the map."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest

from lib.model.dataset import Dataset
from lib.model.load import read_dataset
from lib.views.markdown import escape_markdown
from lib.views.timeline.details import details_markdown, event_details
from lib.views.timeline.sources import url_domain
from tests.views.timeline_data import DECLARATION, one_event


def details_of(dataset: Dataset, event_id: str, view_params: Mapping[str, str] | None = None) -> str:
    details = event_details(event_id, dataset.events, dataset.sources, dataset.islands, dataset.statements)
    assert details is not None
    return details_markdown(details, view_params)


def link_targets(markdown: str) -> list[str]:
    return [part.split(")", 1)[0] for part in markdown.split("](")[1:]]


def test_details_of_an_article_event_quote_its_sentence_and_link_the_article(dataset: Dataset) -> None:
    text = details_of(dataset, DECLARATION)
    sentence = "In 1956, the Soviet Union and Japan signed a joint declaration on ceasing the state of war."
    assert escape_markdown(sentence) in text
    assert "](https://tass.com/world/1014523)" in text
    assert escape_markdown("Article 9") in text, "the description is shown"


def test_details_link_each_island_to_the_map_with_it_selected(dataset: Dataset) -> None:
    text = details_of(dataset, DECLARATION)
    assert "[Shikotan](map?island=shikotan)" in text
    assert "[Habomai Islands](map?island=habomai)" in text


def test_island_links_keep_the_readers_other_filters(dataset: Dataset) -> None:
    text = details_of(
        dataset, DECLARATION, {"country": "Japan", "from": "1950", "island": "kunashir", "q": "two words"}
    )
    assert "[Shikotan](map?country=Japan&from=1950&island=shikotan&q=two%20words)" in text


def test_details_of_a_context_event_link_its_source_with_brackets_encoded(dataset: Dataset) -> None:
    text = details_of(dataset, "1875-treaty-of-saint-petersburg")
    assert "Source: [en\\.wikipedia\\.org](https://en.wikipedia.org/wiki/Treaty_of_Saint_Petersburg_%281875%29)" in text
    assert "From the article" not in text


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
    events = one_event(dataset, id="context-event", origin="context", source_id="", source_url=url)
    details = event_details("context-event", events, dataset.sources, dataset.islands, dataset.statements)
    assert details is not None
    assert link_targets(details_markdown(details))[0] == target


def test_details_list_the_statements_made_that_day(dataset: Dataset) -> None:
    text = details_of(dataset, "2018-date-matviyenko-meeting")
    assert text.count("\n- **") == 6  # the six statements dated 23 July 2018
    assert "Chuichi Date" in text
    assert "Valentina Matviyenko" in text
    assert "Zakharova" not in text, "dated only to the year 2018"
    assert "No statement" in details_of(dataset, DECLARATION)


def test_details_of_an_event_known_only_to_the_year_claim_no_day(dataset: Dataset) -> None:
    text = details_of(dataset, "2018-two-ministerial-meetings")
    assert "Said on" not in text
    assert "No statement" not in text


def test_details_of_an_unknown_event_are_none(dataset: Dataset) -> None:
    events = dataset.events
    assert event_details("no-such-event", events, dataset.sources, dataset.islands, dataset.statements) is None


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


@pytest.mark.parametrize(
    ("url", "domain"),
    [
        ("https://tass.com/politics/1014420", "tass.com"),
        ("https://www.mofa.go.jp/region/europe/russia/territory/", "mofa.go.jp"),
        ("http://WWW.Example.org:8080/a?b=c", "example.org"),
        ("not an address", ""),
    ],
)
def test_a_source_is_named_by_its_host_without_www(url: str, domain: str) -> None:
    assert url_domain(url) == domain

"""lib/views/provenance.py: each event's sources as a reader sees them, publisher first."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest

from lib.model.dataset import Dataset
from lib.views.provenance import citations_markdown, event_citations, event_publishers

EVENT = "1956-joint-declaration"
ARTICLE_SENTENCE = "In 1956, the Soviet Union and Japan signed a joint declaration on ceasing the state of war."


def with_sources(dataset: Dataset, *rows: dict[str, object]) -> Dataset:
    """The dataset with `rows` as the 1956 declaration's only sources."""
    others = dataset.event_sources[dataset.event_sources["event_id"] != EVENT]
    new = pd.DataFrame([{"event_id": EVENT, "source_id": "", "url": "", "evidence": "", **row} for row in rows])
    return replace(dataset, event_sources=pd.concat([others, new], ignore_index=True))


def page(supports: tuple[str, ...], url: str = "https://en.wikipedia.org/wiki/x") -> dict[str, object]:
    return {"url": url, "supports": supports, "evidence": "Signed in Moscow on 19 October 1956."}


ARTICLE = {"source_id": "tass-2018-07-23", "supports": ("what",), "evidence": ARTICLE_SENTENCE}


@pytest.mark.parametrize(
    ("rows", "states"),
    [
        # The article names only the year, whatever its row lists; a page states what its row lists.
        ([ARTICLE, page(("date", "place"))], [("the year", "what happened"), ("the day", "the place")]),
        ([page(("people",)), ARTICLE], [("the year", "what happened"), ("who took part",)]),
        ([ARTICLE], [("the year", "what happened")]),
    ],
)
def test_each_source_says_what_it_states_articles_first(
    dataset: Dataset, rows: list[dict[str, object]], states: list[tuple[str, ...]]
) -> None:
    citations = with_sources(dataset, *rows).derived(event_citations)[EVENT]
    assert [citation.states for citation in citations] == states
    assert citations[0].article and citations[0].publisher == "TASS"


def test_a_page_is_named_by_its_publisher_and_an_unlisted_host_by_itself(dataset: Dataset) -> None:
    names = dict(zip(dataset.publishers["host"], dataset.publishers["name"], strict=True))
    assert dataset.publisher_of("https://tass.com/world/1014523") == names["tass.com"]
    assert dataset.publisher_of("https://unlisted.example/x") == "unlisted.example"


def test_an_event_s_publishers_are_named_once_each(dataset: Dataset) -> None:
    changed = with_sources(dataset, ARTICLE, page(("date",)), page(("place",), "https://en.wikipedia.org/wiki/y"))
    wikipedia = dataset.publisher_of("https://en.wikipedia.org/wiki/x")
    assert changed.derived(event_publishers)[EVENT] == f"TASS and {wikipedia}"


def test_the_list_links_each_source_and_quotes_its_sentence_as_text(dataset: Dataset) -> None:
    hostile = {**page(("date",)), "evidence": "[click](javascript:alert(1)) <b>"}
    text = citations_markdown(with_sources(dataset, ARTICLE, hostile).derived(event_citations)[EVENT])
    first, second = text.splitlines()
    assert first.startswith("- [TASS, “Japan hopes for progress") and "(the year and what happened)" in first
    assert second.startswith("- [") and "(the day)" in second
    assert "](javascript" not in text and "<b>" not in text

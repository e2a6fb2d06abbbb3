"""data/story.csv as written: short chapters in date order, from the first event to the latest,
quoting only in typographic marks (which the loader checks against the articles)."""

from __future__ import annotations

import pandas as pd

from lib.model.dataset import Dataset

MOST_WORDS = 80


def chapter_events(dataset: Dataset) -> list[pd.DataFrame]:
    events = dataset.events.set_index("id")
    return [events.loc[list(ids)] for ids in dataset.story["events"]]


def test_every_chapter_is_short(dataset: Dataset) -> None:
    words = {row.id: len(row.text.split()) for row in dataset.story.itertuples()}
    long = {chapter_id: count for chapter_id, count in words.items() if count > MOST_WORDS}
    assert long == {}


def test_a_quotation_is_written_in_typographic_marks_so_that_the_loader_checks_it(dataset: Dataset) -> None:
    assert not [text for text in dataset.story["text"] if '"' in text]
    assert all(text.count("“") == text.count("”") for text in dataset.story["text"])


def test_the_chapters_tell_their_events_in_date_order(dataset: Dataset) -> None:
    starts = []
    for events in chapter_events(dataset):
        assert events["date"].is_monotonic_increasing, list(events.index)
        starts.append(events["date"].iloc[0])
    assert pd.Series(starts).is_monotonic_increasing


def test_the_story_runs_from_the_first_treaty_to_the_latest_event(dataset: Dataset) -> None:
    told = chapter_events(dataset)
    treaties = dataset.events[dataset.events["event_type"] == "treaty"]
    assert treaties["id"].iloc[0] in told[0].index
    assert dataset.events["id"].iloc[-1] in told[-1].index

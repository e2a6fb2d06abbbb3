"""lib/views/timeline/listing.py: what the Event box lists, and the notes that say what a gathered
mark holds and what the box leaves out."""

from __future__ import annotations

import pandas as pd
import pytest

from lib.model.dataset import Dataset
from lib.views.provenance import event_publishers
from lib.views.timeline.listing import MAX_LISTED, event_choices, event_listing, grouping_note, listing_note
from lib.views.timeline.marks import MAX_EVENT_MARKS, event_marks
from tests.views.timeline_data import DECLARATION, FULL_RANGE, copies_of_today, spread_events


@pytest.fixture(scope="module")
def many(dataset: Dataset) -> pd.DataFrame:
    """42,000 events: today's a thousand times."""
    return copies_of_today(dataset, 1000)


def test_today_s_event_box_lists_every_event_and_says_nothing_more(dataset: Dataset) -> None:
    marks = event_marks(dataset.events, dataset.derived(event_publishers), FULL_RANGE)
    assert grouping_note(marks) is None
    listing = event_listing(dataset.events, marks.period, DECLARATION)
    assert len(listing.events) == listing.total == len(dataset.events)
    assert listing_note(listing) is None


def test_the_grouping_note_counts_the_events_and_names_the_period(dataset: Dataset) -> None:
    events = spread_events(dataset, 5000)
    note = grouping_note(event_marks(events, dataset.derived(event_publishers), FULL_RANGE))
    assert note is not None
    assert f"{len(events):,} events" in note
    assert "same decade" in note
    assert f"{MAX_EVENT_MARKS:,} events or fewer" in note


def test_a_click_on_a_gathered_mark_lists_its_events_first_one_first(dataset: Dataset, many: pd.DataFrame) -> None:
    period = event_marks(many, dataset.derived(event_publishers), FULL_RANGE).period
    listing = event_listing(many, period, DECLARATION)
    assert listing.total == 1000
    assert len(listing.events) == MAX_LISTED
    assert listing.events["id"].iloc[0] == DECLARATION
    assert set(listing.events["title"]) == {"Soviet-Japanese Joint Declaration signed in Moscow"}
    assert listing.mark == "Declaration · from the article · 19 Oct 1956"
    assert next(iter(event_choices(listing.events))) == DECLARATION
    note = listing_note(listing)
    assert note is not None
    assert "The mark you clicked gathers 1,000 events" in note
    assert f"the first {MAX_LISTED} of them" in note


def test_without_a_click_the_event_box_lists_the_latest_events(dataset: Dataset, many: pd.DataFrame) -> None:
    period = event_marks(many, dataset.derived(event_publishers), FULL_RANGE).period
    listing = event_listing(many, period, None)
    assert listing.total == len(many)
    assert len(listing.events) == MAX_LISTED
    expected = many.sort_values(["date", "id"]).tail(MAX_LISTED)
    assert list(listing.events["id"]) == list(expected["id"])
    assert f"the {MAX_LISTED} latest of {len(many):,} events" in (listing_note(listing) or "")
    assert event_listing(many, period, "no-such-event").mark is None


def test_event_choices_are_in_date_order_with_dates_at_their_precision(dataset: Dataset) -> None:
    choices = event_choices(dataset.events)
    assert next(iter(choices)) == "1855-treaty-of-shimoda"
    assert choices["2018-two-ministerial-meetings"] == "2018 · Two ministerial meetings already held in 2018"
    assert choices["1973-tanaka-brezhnev-summit"].startswith("7–10 Oct 1973 · ")

"""lib/views/timeline/listing.py: what the Event box lists, and the notes that say what a gathered
mark holds and what the box leaves out."""

from __future__ import annotations

import pandas as pd

from lib.model.dataset import Dataset
from lib.views.markdown import escape_markdown
from lib.views.provenance import event_publishers
from lib.views.timeline.listing import (
    chosen_mark_id,
    event_choices,
    event_listing,
    event_rows,
    grouping_note,
    list_height,
    listing_note,
)
from lib.views.timeline.marks import MAX_EVENT_MARKS, event_marks
from lib.views.wording import MAX_LISTED
from tests.views.timeline_data import DECLARATION, FULL_RANGE, one_event, spread_events


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
    assert listing.mark == "Declaration · from the TASS article · 19 Oct 1956"
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
    year_only = dataset.events.set_index("id").loc["1946-ussr-annexes-kurils", "title"]
    assert choices["1946-ussr-annexes-kurils"] == f"1946 · {year_only}"
    assert choices["1973-tanaka-brezhnev-summit"].startswith("7–10 Oct 1973 · ")


def test_each_row_reads_by_date_and_title_in_date_order(dataset: Dataset) -> None:
    rows = event_rows(dataset.events)
    assert list(rows) == list(dataset.events.sort_values(["date", "id"])["id"])
    title = dataset.events.set_index("id").loc[DECLARATION, "title"]
    assert rows[DECLARATION] == f"**19 Oct 1956** · {escape_markdown(title)}"
    assert rows["1973-tanaka-brezhnev-summit"].startswith("**7–10 Oct 1973** · ")


def test_a_row_s_title_is_escaped_for_markdown(dataset: Dataset) -> None:
    events = one_event(dataset, title="*Bold* [link](https://example.com) <b>")
    [row] = event_rows(events).values()
    title = row.split(" · ", 1)[1]
    assert title == escape_markdown("*Bold* [link](https://example.com) <b>")
    assert "*Bold*" not in title and "](" not in title


def test_the_ring_goes_on_the_chosen_event_s_own_mark(dataset: Dataset) -> None:
    marks = event_marks(dataset.events, dataset.derived(event_publishers), FULL_RANGE)
    listing = event_listing(dataset.events, marks.period, DECLARATION)
    assert chosen_mark_id(listing, marks.period, DECLARATION) == DECLARATION
    assert chosen_mark_id(listing, marks.period, None) is None
    assert chosen_mark_id(listing, marks.period, "no-such-event") is None


def test_past_the_threshold_the_ring_goes_on_the_mark_that_gathers_the_chosen_event(
    dataset: Dataset, many: pd.DataFrame
) -> None:
    marks = event_marks(many, dataset.derived(event_publishers), FULL_RANGE)
    copy = f"{DECLARATION}-copy-1"  # second in date and id order, so listed
    listing = event_listing(many, marks.period, copy)
    ringed = chosen_mark_id(listing, marks.period, copy)
    assert ringed == DECLARATION, "the mark takes its first event's id"
    assert ringed in set(marks.table["id"])


def test_a_long_list_scrolls_within_a_height_and_a_short_one_does_not() -> None:
    assert list_height(1) is None
    heights = {list_height(rows) for rows in (50, MAX_LISTED, MAX_EVENT_MARKS)}
    assert len(heights) == 1 and None not in heights, "one height, however many rows"

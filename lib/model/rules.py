"""Rules between cells of a row or rows of different files: dates in order and past, every fact traced to a sentence
or a page, every cited page at its own address and from a listed publisher. Each takes (row number, record) pairs and yields Problems."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import urlsplit

import pandas as pd

from lib.i18n import _
from lib.model import schema
from lib.model.cells import is_date
from lib.model.dates import PRECISIONS
from lib.model.evidence import article_sentence_problem, finer, supported_precision
from lib.model.link import host_of
from lib.model.problems import Problem
from lib.model.schema import Table

Record = dict[str, Any]  # a typed row, by column
Rows = list[tuple[int, Record]]
Published = Mapping[str, pd.Timestamp]  # each article's day of publication, by source id
Texts = Mapping[str, str]  # each article's full text, by source id
# Each table's file by the table's name, for the messages that name one ("add a row to {event_sources}").
_FILES = {table.name: table.file for table in schema.TABLES}
# A host's labels that name a copy of a page (AMP, mobile, for the visually impaired), not the page itself.
COPY_HOST_LABELS = {"amp", "m", "mobile", "special"}


def _missing(value: Any) -> bool:
    return value is None or value is pd.NA or (not isinstance(value, (str, tuple)) and pd.isna(value))


def date_rules(table: Table, rows: Rows, today: pd.Timestamp) -> Iterator[Problem]:
    """An end is not before its start; nothing is dated after today."""
    dates = [field["name"] for field in table.fields if is_date(field)]
    for number, record in rows:
        for name in dates:
            if not _missing(record[name]) and record[name] > today:
                yield Problem(table.file, number, name, _("is {date}, in the future").format(date=record[name].date()))
        end = record.get("end_date")
        if not _missing(end) and not _missing(record["date"]) and end < record["date"]:
            # Translators: "date" is the name of a column.
            yield Problem(table.file, number, "end_date", _("is before date"))


def year_rules(table: Table, rows: Rows, today: pd.Timestamp) -> Iterator[Problem]:
    """A figure's year is not in the future, and a population year comes with its population."""
    for number, record in rows:
        for name in ("population_year", "year"):
            year = record.get(name)
            if not _missing(year) and year > today.year:
                yield Problem(table.file, number, name, _("is {year}, in the future").format(year=year))
        if table is schema.ISLANDS and not _missing(record["population_year"]) and _missing(record["population"]):
            yield Problem(table.file, number, "population_year", _("is given, but population is empty"))


def statement_rules(rows: Rows, texts: Texts) -> Iterator[Problem]:
    """A statement's sentence is in its article, and its quote is in its sentence."""
    for number, record in rows:
        text = texts.get(record["source_id"])
        problem = None if text is None else article_sentence_problem(text, record["evidence"], record["source_id"])
        if problem:
            yield Problem(schema.STATEMENTS.file, number, "evidence", problem)
        if record["quote"] not in record["evidence"]:
            reason = _("is not found verbatim inside its evidence sentence")
            yield Problem(schema.STATEMENTS.file, number, "quote", reason)


def _source_row_problems(
    record: Record, event: Record | None, texts: Texts, published: Published
) -> Iterator[tuple[str, str]]:
    """A row is an article's sentence, found in its text, or a page; an article's sentence that
    claims the date names it as precisely as the event is dated."""
    article = record["source_id"]
    if bool(article) == bool(record["url"]):
        yield "url", _("give either source_id (an article) or url (a page), not both or neither")
    elif article in texts and (problem := article_sentence_problem(texts[article], record["evidence"], article)):
        yield "evidence", problem
    elif article in published and event is not None and "date" in record["supports"]:
        dated = supported_precision(record["evidence"], published[article], event["date"])
        if finer(event["date_precision"], dated):
            # Translators: "date" is a value of the column supports; {precision} is day, month or year.
            only = _("lists date, but the sentence dates the event only to the {precision}").format(precision=dated)
            yield "supports", only if dated else _("lists date, but the sentence does not date the event")


def event_source_rules(events: Rows, sources: Rows, texts: Texts, published: Published) -> Iterator[Problem]:
    """Every event has a source; an event dated more precisely than its article's sentence has a page that does."""
    events_by_id = {record["id"]: record for _, record in events}
    by_event: dict[str, list[Record]] = defaultdict(list)
    for number, record in sources:
        by_event[record["event_id"]].append(record)
        for column, reason in _source_row_problems(record, events_by_id.get(record["event_id"]), texts, published):
            yield Problem(schema.EVENT_SOURCES.file, number, column, reason)
    for number, event in events:
        rows = by_event.get(event["id"], [])
        if not rows:
            reason = _("has no source: add a row to {event_sources}").format(**_FILES)
            yield Problem(schema.EVENTS.file, number, "id", reason)
            continue
        if _missing(event["date"]) or any(row["url"] and "date" in row["supports"] for row in rows):
            continue  # undated, or dated by a page
        supported = [
            supported_precision(row["evidence"], published[row["source_id"]], event["date"])
            for row in rows
            if row["source_id"] in published
        ]
        # The event may be dated no more precisely than the finest of its articles' sentences.
        finest = min(filter(None, supported), default=None, key=PRECISIONS.index)
        if not supported or not finer(event["date_precision"], finest):
            continue
        values = {"precision": event["date_precision"], "finest": finest, **_FILES}
        if finest:
            reason = _(
                "is dated to the {precision}, but the article's sentence dates it only to the {finest}: "
                "add a page that states the date to {event_sources}"
            )
        else:
            reason = _(
                "is dated to the {precision}, but the article's sentence does not date it: add a page that states the date to {event_sources}"
            )
        yield Problem(schema.EVENTS.file, number, "date", reason.format(**values))


def is_copy_address(url: str) -> bool:
    """An AMP, mobile or accessibility copy's address (amp., m., en.special., /amp/), not the page's own."""
    path = urlsplit(url).path
    return bool(COPY_HOST_LABELS & set(host_of(url).split("."))) or "amp" in path.split("/") or "amphtml" in path


def publisher_rules(cited: Mapping[Table, Rows], publishers: Rows) -> Iterator[Problem]:
    """Every cited page is at its standard address, and its host is in publishers.csv, where someone has judged it
    a primary or reputable publisher."""
    listed = {record["host"] for _, record in publishers}
    for table, rows in cited.items():
        for column in table.url_columns:
            for number, record in rows:
                host = host_of(record[column])
                if host and is_copy_address(record[column]):
                    reason = _("is an AMP, mobile or accessibility copy: cite the page at its standard address")
                    yield Problem(table.file, number, column, reason)
                if host and host not in listed:
                    reason = _(
                        "cites {host!r}, which is not in {publishers}: add it with its publisher's name "
                        "once you have checked it is a primary or reputable publisher"
                    ).format(host=host, **_FILES)
                    yield Problem(table.file, number, column, reason)


def _figure_key(island: str, figure: str, value: float, year: Any) -> tuple[str, str, float, Any]:
    """What names a figure: an area whatever its year, a population with its year (None when not given)."""
    return island, figure, value, None if figure != "population" or _missing(year) else year


def figure_rules(islands: Rows, figures: Rows) -> Iterator[Problem]:
    """The area and population an island shows are stated by a page in island_figures.csv."""
    stated = {
        _figure_key(record["island_id"], record["figure"], record["value"], record["year"]) for _, record in figures
    }
    for number, island in islands:
        for figure in ("area_km2", "population"):
            value = island[figure]
            if _missing(value):
                continue
            if _figure_key(island["id"], figure, float(value), island["population_year"]) not in stated:
                reason = _("is {value}, but no page in {island_figures} states that figure")
                reason = reason.format(value=value, **_FILES)
                yield Problem(schema.ISLANDS.file, number, figure, reason)


def story_rules(rows: Rows, texts: Texts) -> Iterator[Problem]:
    """What a chapter quotes is in a source article."""
    for number, record in rows:
        # Words a chapter quotes: between typographic quotation marks, as the data writes a quotation.
        for quoted in re.findall(r"“([^”]*)”", record["text"]):
            if not any(quoted in text for text in texts.values()):
                reason = _("quotes “{quoted}”, which is not found verbatim in any source article").format(quoted=quoted)
                yield Problem(schema.STORY.file, number, "text", reason)


def reading_rules(events: Rows, readings: Rows) -> Iterator[Problem]:
    """An event marked contested has a reading of each side; a reading's event is marked contested."""
    read = {(record["event_id"], record["side"]) for _, record in readings}
    for number, event in events:
        for side in schema.SIDES:
            if event["contested"] is True and (event["id"], side) not in read:
                reason = _("is true, but {readings} has no reading of {side}'s").format(side=side, **_FILES)
                yield Problem(schema.EVENTS.file, number, "contested", reason)
    uncontested = {record["id"] for _, record in events if record["contested"] is not True}
    for number, record in readings:
        if record["event_id"] in uncontested:
            reason = _("names {event_id!r}, which {events} does not mark contested").format(**record, **_FILES)
            yield Problem(schema.READINGS.file, number, "event_id", reason)


def position_rules(positions: Rows) -> Iterator[Problem]:
    """Each side has a position, and each of a side's positions its own order."""
    seen: dict[tuple[str, int], int] = {}
    for number, record in positions:
        key = (record["side"], record["order"])
        if key in seen and not _missing(record["order"]):
            reason = _("{order} is already {side}'s in row {row}").format(**record, row=seen[key])
            yield Problem(schema.POSITIONS.file, number, "order", reason)
        seen.setdefault(key, number)
    for side in schema.SIDES:
        if not any(record["side"] == side for _, record in positions):
            reason = _("no position of {side}'s: each side needs at least one").format(side=side)
            yield Problem(schema.POSITIONS.file, None, "side", reason)

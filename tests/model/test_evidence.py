"""What an article's sentence says of a date, read against the day it was published (Monday 23 July 2018),
and whether a sentence is the article's, whole."""

from __future__ import annotations

import pandas as pd
import pytest

from lib.model.evidence import article_sentence_problem, finer, sentence_dates, supported_precision

PUBLISHED = pd.Timestamp("2018-07-23")  # a Monday


@pytest.mark.parametrize(
    ("sentence", "date", "precision"),
    [
        ("Chuichi Date said on Monday at a meeting", "2018-07-23", "day"),
        ("the talks were held on Friday", "2018-07-20", "day"),  # the Friday before
        ("would hold talks in Moscow on July 31.", "2018-07-31", "day"),
        ("In 1956, the Soviet Union and Japan signed a joint declaration", "1956-10-19", "year"),
        ("Two ministerial meetings have already been held this year.", "2018-05-01", "year"),
        ("In 1956 they signed it, and on Monday he said so.", "1956-10-19", "year"),
        ("After the end of World War II, all Kuril Islands were incorporated", "1946-02-02", None),
        ("said on Monday", "2018-07-24", None),  # the sentence names another day
        ("on July 31", "2017-07-31", None),  # July 31 of the article's year
        ("on February 30", "2018-02-28", None),  # no such day
    ],
)
def test_a_sentence_dates_an_event_as_precisely_as_it_names_it(sentence: str, date: str, precision: str | None) -> None:
    assert supported_precision(sentence, PUBLISHED, pd.Timestamp(date)) == precision


def test_every_date_a_sentence_names_is_found() -> None:
    named = sentence_dates("On Monday, as in 1956 and on July 31, this year", PUBLISHED)
    assert set(named) == {
        (pd.Timestamp("2018-07-23"), "day"),
        (pd.Timestamp("1956-01-01"), "year"),
        (pd.Timestamp("2018-07-31"), "day"),
        (pd.Timestamp("2018-01-01"), "year"),
    }


@pytest.mark.parametrize(
    ("precision", "than", "says_more"),
    [("day", "year", True), ("year", "year", False), ("year", "day", False), ("month", None, True)],
)
def test_finer(precision: str, than: str | None, says_more: bool) -> None:
    assert finer(precision, than) is says_more


ARTICLE = 'MOSCOW, July 23. /TASS/.\nTokyo hopes for progress, Date said. She hailed contacts. "Two meetings were held. We are glad," she said.'


@pytest.mark.parametrize(
    ("sentence", "problem"),
    [
        ("MOSCOW, July 23. /TASS/.", None),
        ("Tokyo hopes for progress, Date said.", None),
        ("Two meetings were held.", None),  # behind an opening quote
        ('"Two meetings were held. We are glad," she said.', None),
        ("hopes for progress, Date said.", "not as a whole sentence"),  # starts mid-sentence
        ("She hailed contacts", "not as a whole sentence"),  # stops short of its end
        ("She hailed all contacts.", "not found verbatim"),
    ],
)
def test_an_article_sentence_must_be_there_whole(sentence: str, problem: str | None) -> None:
    found = article_sentence_problem(ARTICLE, sentence, "tass")
    assert found is None if problem is None else problem in found

"""What an article's sentence says of a date ("on Monday", "on July 31", "In 1956", "this year"), read against the day
it was published: an event taken from it is dated only as precisely as it says, unless a page states the rest."""

from __future__ import annotations

import calendar
import re

import pandas as pd

from lib.i18n import _
from lib.model.dates import PRECISIONS

_MONTHS = {name: number for number, name in enumerate(calendar.month_name) if name}
_WEEKDAY = re.compile(r"\b(" + "|".join(calendar.day_name) + r")\b")
_MONTH_DAY = re.compile(r"\b(" + "|".join(calendar.month_name[1:]) + r")\s+([0-9]{1,2})\b")
_YEAR = re.compile(r"\b(1[7-9][0-9]{2}|20[0-9]{2})\b")
_THIS_YEAR = re.compile(r"\bthis year\b", re.IGNORECASE)
_PERIODS = {"day": "D", "month": "M", "year": "Y"}  # pandas' period of each precision
# A sentence ends with . ! or ?, perhaps inside closing quotes; the next starts after white space.
_SENTENCE_END = re.compile(r"[.!?][\"”’]*$")


def sentence_dates(sentence: str, published: pd.Timestamp) -> list[tuple[pd.Timestamp, str]]:
    """Every date the sentence names, with its precision; a weekday is the last such day on or before publication."""
    named = []
    for match in _WEEKDAY.finditer(sentence):
        back = (published.weekday() - list(calendar.day_name).index(match.group(1))) % 7
        named.append((published.normalize() - pd.Timedelta(days=back), "day"))
    for match in _MONTH_DAY.finditer(sentence):
        try:
            named.append((pd.Timestamp(published.year, _MONTHS[match.group(1)], int(match.group(2))), "day"))
        except ValueError:  # "February 30": no day at all
            continue
    named += [(pd.Timestamp(int(year), 1, 1), "year") for year in _YEAR.findall(sentence)]
    if _THIS_YEAR.search(sentence):
        named.append((pd.Timestamp(published.year, 1, 1), "year"))
    return named


def supported_precision(sentence: str, published: pd.Timestamp, date: pd.Timestamp) -> str | None:
    """The finest precision ("day", "month", "year") to which the sentence dates `date`; None if it names none."""
    matching = [
        precision
        for named, precision in sentence_dates(sentence, published)
        if date.to_period(_PERIODS[precision]) == named.to_period(_PERIODS[precision])
    ]
    return min(matching, key=PRECISIONS.index) if matching else None


def finer(precision: str, than: str | None) -> bool:
    """Whether `precision` says more than `than` (None: no date at all)."""
    return than is None or PRECISIONS.index(precision) < PRECISIONS.index(than)


def _starts_a_sentence(text: str, start: int) -> bool:
    """At the text's or a line's start, or after a sentence that ended, perhaps behind an opening quote."""
    before = text[:start].rstrip('"“')
    return (
        not before.strip()
        or before.endswith("\n")
        or (before[-1].isspace() and bool(_SENTENCE_END.search(before.rstrip())))
    )


def article_sentence_problem(text: str, sentence: str, article: str) -> str | None:
    """What is wrong with `sentence` as a whole sentence of `article`'s `text`, found verbatim, if anything."""
    if sentence not in text:
        return _("is not found verbatim in the text of {article!r}").format(article=article)
    starts = [match.start() for match in re.finditer(re.escape(sentence), text)]
    if not _SENTENCE_END.search(sentence) or not any(_starts_a_sentence(text, start) for start in starts):
        return _("is in the text of {article!r}, but not as a whole sentence").format(article=article)
    return None

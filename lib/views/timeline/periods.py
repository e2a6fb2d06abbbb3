"""The periods a reader jumps to with one tap: spans of whole years that set the sidebar's years, so the
chart, the list, the count, the shared link and the filter line all show it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lib.i18n import N_, _

ALL_YEARS = N_("All years")

# The year each period of the talks starts; each runs to the start of the next, the last to the
# latest event: the first treaty (1855), the war's end and the Soviet years (1945), the years after
# the USSR (1991), the Abe–Putin years (2012), and since the talks stalled (2019).
PERIOD_STARTS: tuple[int, ...] = (1855, 1945, 1991, 2012, 2019)


@dataclass(frozen=True)
class YearSpan:
    label: str
    first: int
    last: int


def year_spans(bounds: tuple[int, int], this_year: int) -> tuple[YearSpan, ...]:
    """Every year of the data, then each period that has years in `bounds`, cut to them. A period's first year
    is the last of the one before (1945 ends the war and starts the Soviet years); the last period runs to the
    data's last year, named "today" only if it is `this_year`."""
    first_year, last_year = bounds
    ends = (*PERIOD_STARTS[1:], last_year)
    spans = [YearSpan(_(ALL_YEARS), first_year, last_year)]
    for start, end in zip(PERIOD_STARTS, ends, strict=True):
        first, last = max(start, first_year), min(end, last_year)
        if first < last and (first, last) != bounds:
            # Translators: the end of the latest period of the talks, as in "2019–today"
            until = _("today") if end == last_year == last == this_year else str(last)
            spans.append(YearSpan(f"{first}–{until}", first, last))
    return tuple(spans)


def span_of(spans: Sequence[YearSpan], years: tuple[int, int]) -> YearSpan | None:
    """The span that covers exactly `years`, if one does."""
    return next((span for span in spans if (span.first, span.last) == years), None)

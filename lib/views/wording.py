"""Small pieces of wording every view shares: lists of names, counts, shortened text, and how
long a list a reader is offered."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from lib.model.filters import Filters, describe_filters
from lib.views.markdown import escape_markdown

# A select box or a list offers at most this many (the Statement box, the Timeline's Event box and
# list): one of thousands is slow to send and to scroll.
MAX_LISTED = 200


def join_names(names: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def counted(number: int, noun: str) -> str:
    """ "1 event", "42 events" (noun in the singular)."""
    return f"{number:,} {noun}" if number == 1 else f"{number:,} {noun}s"


def share_of(shown: int, total: int, noun: str) -> str:
    """ "all 42 events", "10 of 42 events", "1 of 8 statements" (noun in the singular)."""
    if shown == total:
        return f"all {counted(total, noun)}" if total > 1 else counted(total, noun)
    return f"{shown:,} of {counted(total, noun)}"


def shorten(text: str, limit: int) -> str:
    """The text on one line, cut at a word to at most `limit` characters."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:.") + "…"


def filters_in_use(filters: Filters, bounds: tuple[int, int], island_names: Mapping[str, str], then: str = "") -> str:
    """The sidebar's filters in use as a Markdown line, e.g. ":material/filter_alt: Filters: Japan ·
    1950–2000 · Shikotan", then `then`; "" when none is: on a phone the sidebar is folded away, and a
    shared link may open a page filtered."""
    described = describe_filters(filters, bounds, island_names)
    return f":material/filter_alt: Filters: {escape_markdown(described)}{then}" if described else ""

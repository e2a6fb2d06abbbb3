"""Wording every view shares: lists of names, counts, shortened text, and how long a list a reader is offered."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import pandas as pd
from babel.lists import format_list

from lib.i18n import ENGLISH, _, current_language, format_number, ngettext
from lib.model.filters import Filters, describe_filters
from lib.views.markdown import escape_markdown

# The Statement box offers at most this many, and the Timeline's list (and Event box) when its marks gather
# events: one of thousands is slow to send and to scroll.
MAX_LISTED = 200
LIST_SEPARATOR = "; "  # between the items of a list in a CSV cell
# Each noun a count names, its messages marked here (a noun passed by name cannot be), plural forms and all.
COUNTED: dict[str, Callable[[int], str]] = {
    "event": lambda count: ngettext("{count} event", "{count} events", count),
    "statement": lambda count: ngettext("{count} statement", "{count} statements", count),
    "source article": lambda count: ngettext("{count} source article", "{count} source articles", count),
    "other page": lambda count: ngettext("{count} other page", "{count} other pages", count),
}
_SHARE_OF: dict[str, Callable[[int], str]] = {
    "event": lambda total: ngettext("{shown} of {count} event", "{shown} of {count} events", total),
    "statement": lambda total: ngettext("{shown} of {count} statement", "{shown} of {count} statements", total),
}
# The islands each side names in its own language, in the order the dispute lists them.
MAIN_ISLANDS = ("iturup", "kunashir", "shikotan", "habomai")
_OTHER_SIDES_NAMES = {"ja": "name_ru_cyrillic", "ru": "name_ja_kanji"}


def join_names(names: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C" as the reader's language lists them ("A、B、C", "A, B и C")."""
    language = current_language()
    return format_list(list(names), locale="en_GB" if language == ENGLISH else language) if names else ""


def counted(number: int, noun: str) -> str:
    """ "1 event", "42 events" (`noun` one of COUNTED's)."""
    return COUNTED[noun](number).format(count=format_number(number))


def share_of(shown: int, total: int, noun: str) -> str:
    """ "all 42 events", "10 of 42 events", "1 of 8 statements" (`noun` one of _SHARE_OF's)."""
    if shown == total:
        return _("all {counted}").format(counted=counted(total, noun)) if total > 1 else counted(total, noun)
    return _SHARE_OF[noun](total).format(shown=format_number(shown), count=format_number(total))


def shorten(text: str, limit: int) -> str:
    """The text on one line, cut at a word to at most `limit` characters."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:.") + "…"


def filters_in_use(filters: Filters, bounds: tuple[int, int], island_names: Mapping[str, str], then: str = "") -> str:
    """The filters in use as a Markdown line, then `then` ("" for none): a phone folds the sidebar away."""
    described = describe_filters(filters, bounds, island_names)
    in_use = _("Filters: {filters}").format(filters=escape_markdown(described))
    return f":material/filter_alt: {in_use}{then}" if described else ""


def other_sides_names(islands: pd.DataFrame, language: str) -> str:
    """In a translation, what the other side calls the islands; "" in English, whose names are neither side's own."""
    column = _OTHER_SIDES_NAMES.get(language)
    if column is None:
        return ""
    names = islands.set_index("id").loc[list(MAIN_ISLANDS), column].tolist()
    # Translators: {names} lists the islands' names in the other side's language (Russian in ja, Japanese in ru).
    return _("What the other side calls the islands: {names}.").format(names=join_names(names))

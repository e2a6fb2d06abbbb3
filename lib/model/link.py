"""A link to exactly what a reader sees: the filters and a page's choices as URL query parameters.
Reading never fails: an unusable value falls back to its default with a notice that quotes it."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from urllib.parse import quote, urlencode, urlsplit

from lib.i18n import ENGLISH, LANGUAGES, N_, _, language_of_locale
from lib.model.filters import COUNTRY_ALIASES, COUNTRY_CHOICES, Filters, Years, years_text

# A query string's values per key, as st.query_params.get_all gives them.
Params = Mapping[str, Sequence[str]]

FILTER_PARAMS: tuple[str, ...] = ("country", "from", "to", "island")
MAX_QUERY_LENGTH = 200
# ASCII digits only: str.isdigit() also accepts "²" and other scripts' digits.
_YEAR = re.compile(r"[0-9]{1,4}")
# A notice repeats what the link said, but never more than this much of it.
_ECHO_LENGTH = 40
NONE_CHOSEN = N_("none is chosen")


def _echo(message: str, key: str, value: str, **more: object) -> str:
    """`message` with its {param} the link's `key=value`, quoted, printable and short even when the link was not."""
    shown = "".join(char if char.isprintable() else "\N{REPLACEMENT CHARACTER}" for char in value)
    if len(shown) > _ECHO_LENGTH:
        shown = shown[: _ECHO_LENGTH - 1] + "…"
    return message.format(param=f"“{key}={shown}”", **more)


def _values(params: Params, key: str, notices: list[str]) -> list[str]:
    """Every value of `key`, stripped, without empty ones; none (and a notice) if one is too long."""
    values = [value.strip() for value in params.get(key, ()) if value is not None and value.strip()]
    if any(len(value) > MAX_QUERY_LENGTH for value in values):
        too_long = _("“{param}” was longer than {limit} characters; ignored it.")
        notices.append(too_long.format(param=key, limit=MAX_QUERY_LENGTH))
        return []
    return values


def _single(params: Params, key: str, notices: list[str]) -> str | None:
    """The one value of `key`; None (and a notice) when it is repeated or too long."""
    values = _values(params, key, notices)
    if len(values) > 1:
        notices.append(_("“{param}” was given {count} times; ignored it.").format(param=key, count=len(values)))
        return None
    return values[0] if values else None


def _year(params: Params, key: str, bounds: Years, default: int, notices: list[str]) -> int:
    value = _single(params, key, notices)
    if value is None:
        return default
    if not _YEAR.fullmatch(value):
        notices.append(_echo(_("{param} is not a year; ignored it."), key, value))
        return default
    if not bounds[0] <= int(value) <= bounds[1]:
        notices.append(_echo(_("{param} is outside {years}; ignored it."), key, value, years=years_text(*bounds)))
        return default
    return int(value)


def _country(params: Params, notices: list[str]) -> str | None:
    """The country choice a link names, in any case; "USSR" names Russia."""
    named = {choice.casefold(): choice for choice in COUNTRY_CHOICES}
    named |= {alias.casefold(): target for alias, target in COUNTRY_ALIASES.items()}
    message = _("{param} is not one of {countries}; showing both countries.")
    countries = ", ".join(COUNTRY_CHOICES)
    chosen = _known(_single(params, "country", notices), "country", named, message, notices, True, countries=countries)
    return named.get(chosen) if chosen else None


def language_from_query(params: Params, browser_locale: str | None) -> tuple[str, list[str]]:
    """The language a link asks for (lang=ja), else the browser's; English and a notice for one the app lacks."""
    notices: list[str] = []
    if (asked := _single(params, "lang", notices)) is None:  # none asked, or not readably: the browser's
        return language_of_locale(browser_locale) or ENGLISH, notices
    message = _("{param} is not one of {languages}; showing English.")
    return _known(asked, "lang", LANGUAGES, message, notices, True, languages=", ".join(LANGUAGES)) or ENGLISH, notices


def filters_from_query(params: Params, bounds: Years, island_ids: Collection[str]) -> tuple[Filters, list[str]]:
    """Filters read from URL query parameters, and a notice for every value ignored."""
    notices: list[str] = []
    country = _country(params, notices)
    message = _("{param} is not a known island; showing every island.")
    island = _known(_single(params, "island", notices), "island", island_ids, message, notices, fold=True)
    year_from = _year(params, "from", bounds, bounds[0], notices)
    year_to = _year(params, "to", bounds, bounds[1], notices)
    if year_from > year_to:  # only both given can be: each defaults to its end of the bounds
        reversed_years = _("“from={start}” is after “to={end}”; showing every year.")
        notices.append(reversed_years.format(start=year_from, end=year_to))
        year_from, year_to = bounds
    return Filters(year_from, year_to, country=country, island=island), notices


def filters_to_query(filters: Filters, bounds: Years) -> dict[str, str]:
    """Query parameters for a link to exactly these filters; defaults are left out."""
    params = {
        "country": filters.country or "",
        "from": str(filters.year_from) if filters.year_from != bounds[0] else "",
        "to": str(filters.year_to) if filters.year_to != bounds[1] else "",
        "island": filters.island or "",
    }
    return {key: value for key, value in params.items() if value}


def _known(
    value: str | None, key: str, known: Iterable[str], message: str, notices: list[str], fold: bool = False, **more: str
) -> str | None:
    """`value` of `key` (case-folded if `fold`) if `known` has it; else None, and `message` if a value was given."""
    chosen = value.casefold() if value is not None and fold else value
    if value is not None and chosen not in set(known):
        notices.append(_echo(message, key, value, **more))
        return None
    return chosen


def choice_from_query(
    params: Params, key: str, known_ids: Iterable[str], noun: str, instead: str = NONE_CHOSEN
) -> tuple[str | None, list[str]]:
    """The id a page's link chose (`key`, e.g. event) if `known_ids` has it; `noun` names what the id
    would be ("an event"), `instead` what the page shows in its place (both marked N_, translated here)."""
    # Translators: e.g. “event=x” is not an event in the data; none is chosen.
    message = _("{param} is not {noun} in the data; {instead}.")
    notices: list[str] = []
    chosen = _known(_single(params, key, notices), key, known_ids, message, notices, noun=_(noun), instead=_(instead))
    return chosen, notices


def tab_from_query(params: Params, key: str, tabs: Collection[str]) -> tuple[str | None, list[str]]:
    """The tab a link opens a page on (`key`, e.g. tab=article), if the page has it."""
    notices: list[str] = []
    message = _("{param} is not a tab of this page; it opens on its first tab.")
    return _known(_single(params, key, notices), key, tabs, message, notices), notices


def hidden_choice_notice(key: str, chosen: str) -> str:
    """What to say of a link's choice (`key`, e.g. statement) that the link's own filters hide."""
    return _echo(_("{param} is hidden by the link's other filters; none is chosen."), key, chosen)


def choices_from_query(params: Params, key: str, known: Collection[str], noun: str) -> tuple[list[str], list[str]]:
    """Every value of a repeated parameter (e.g. speaker) that `known` has, each once; a notice for the rest."""
    notices: list[str] = []
    chosen = list(dict.fromkeys(_values(params, key, notices)))
    ignored = _("{param} is not {noun} in the data; ignored it.")
    notices += [_echo(ignored, key, value, noun=_(noun)) for value in chosen if value not in known]
    return [value for value in chosen if value in known], notices


def search_text(typed: str) -> str:
    """A search as a link keeps it: trimmed, and short enough for a link to carry."""
    return typed.strip()[:MAX_QUERY_LENGTH].strip()


def search_from_query(params: Params, key: str) -> tuple[str, list[str]]:
    """The search a link carries (`key`, e.g. q); "" and a notice when it is repeated or too long."""
    notices: list[str] = []
    return _single(params, key, notices) or "", notices


def misplaced_params(params: Params, used: Collection[str], known: Collection[str]) -> list[str]:
    """A notice for each parameter of another page (`known`, not `used` here); unknown ones (utm_source=…) pass."""
    return [
        _echo(_("{param} does nothing on this page; ignored it."), key, values[0])
        for key, values in params.items()
        if key in known and key not in used and any(value.strip() for value in values)
    ]


def page_address(url: str, page_path: str) -> str:
    """The browser's address with its last segment `page_path`: after an unknown address (`/nosuchpage`, which
    shows the default page) the link names the page shown. A base path the app is served under stays."""
    if not url:
        return page_path
    parts = urlsplit(url)
    folder = parts.path[: parts.path.rfind("/") + 1] or "/"
    return parts._replace(path=folder + page_path, query="", fragment="").geturl()


def share_link(page_url: str, params: Mapping[str, str | Sequence[str]]) -> str:
    """`page_url` with `params` as its query string (a list repeats its key)."""
    parts = urlsplit(page_url)
    if parts.netloc and not parts.path:
        page_url = parts._replace(path="/").geturl()  # the home page: "https://host/", not "https://host"
    if not params:
        return page_url
    # %20 rather than +: both decode to a space, but %20 reads the same everywhere a link is pasted.
    return f"{page_url}?{urlencode(params, doseq=True, quote_via=quote)}"


def host_of(url: str) -> str:
    """The host a URL names, in lower case ("www.mofa.go.jp")."""
    return (urlsplit(url).hostname or "").lower()

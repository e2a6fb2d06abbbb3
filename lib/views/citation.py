"""A view cited as APA (7th edition, a dataset's web page) and BibTeX (@misc, as biblatex and natbib read it)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pandas as pd
from babel.dates import format_date

from lib.i18n import _, current_language
from lib.model.dates import format_partial_date
from lib.site import SITE_NAME
from lib.views.overview import last_day, latest_event


@dataclass(frozen=True)
class Citation:
    title: str  # the page's tab title, e.g. "Timeline · Southern Kurils dispute"
    link: str  # the view's share link
    coverage: str  # the latest event's date, as the data states it: "23 Jul 2018", "Oct 1956"
    coverage_year: str  # its year, for the citation's date: "2018"
    accessed: dt.date
    page: str  # the page's name in English ("Timeline"), for the BibTeX key: one key in every language


def coverage_of(events: pd.DataFrame) -> tuple[str, str]:
    """The latest event's date ("23 Jul 2018") and year ("2018"); ("no events", "n.d.") when there are none."""
    latest = latest_event(events)
    if latest is None:
        return _("no events"), _("n.d.")
    day = last_day(latest)
    return format_partial_date(day, latest["date_precision"]), str(day.year)


def apa(citation: Citation) -> str:
    """Author. (Year). *Title* [Data set; events up to …]. Retrieved 6 December 2026, from link"""
    # Translators: a Babel (CLDR) date pattern, the month in words, unambiguous wherever it is read: "y年M月d日".
    accessed = format_date(citation.accessed, _("d MMMM y"), locale=current_language())
    return _(
        "{author}. ({coverage_year}). {title} [Interactive dashboard; events up to {coverage}]. "
        "Retrieved {accessed}, from {link}"
    ).format_map({**vars(citation), "author": _(SITE_NAME), "accessed": accessed})


# What TeX reads as a command or a group, as text: most escaped by a backslash, three spelled out.
_TEX_SPECIAL = str.maketrans(
    {char: "\\" + char for char in "{}#$%&_"} | {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}
)


def bibtex_text(text: str) -> str:
    """`text` as a BibTeX field's value reads it: every special character as itself, no line breaks."""
    return " ".join(text.split()).translate(_TEX_SPECIAL)


def bibtex_url(link: str) -> str:
    """A link for BibTeX's url field, read verbatim: percent-encoded where TeX would read a group or a comment."""
    # A % that begins a percent-escape (%20) stays as it is.
    return re.sub(r"[{}\\ \n\r\t]|%(?![0-9A-Fa-f]{2})", lambda match: f"%{ord(match.group()):02X}", link)


def bibtex_key(citation: Citation) -> str:
    """A key of plain letters, digits and hyphens: "kurils-timeline-2026"."""
    page = re.sub(r"[^a-z0-9]+", "-", citation.page.casefold()).strip("-") or "view"
    return f"kurils-{page}-{citation.accessed.year}"


def bibtex(citation: Citation) -> str:
    """A @misc entry, every field escaped."""
    fields = {
        "author": "{" + bibtex_text(_(SITE_NAME)) + "}",  # one corporate author, not "Dispute, Southern Kurils"
        "title": "{" + bibtex_text(citation.title) + "}",
        "year": bibtex_text(citation.coverage_year),
        "howpublished": bibtex_text(_("Interactive dashboard")),
        "note": _("Events up to {coverage}; accessed {date}").format(
            coverage=bibtex_text(citation.coverage), date=citation.accessed.isoformat()
        ),
        "url": bibtex_url(citation.link),
        "urldate": citation.accessed.isoformat(),
    }
    lines = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items())
    return f"@misc{{{bibtex_key(citation)},\n{lines}\n}}"

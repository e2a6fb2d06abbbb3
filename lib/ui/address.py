"""The page's address: the link that opened the session, what a page reads of it, and the link to share. It is
written once a run, after the page (`write_address`): the filters, then what the page returned of its own."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

import streamlit as st

from lib.i18n import ENGLISH, _, current_language
from lib.model.dataset import Dataset
from lib.model.filters import Filters
from lib.model.link import (
    FILTER_PARAMS,
    NONE_CHOSEN,
    Params,
    choice_from_query,
    filters_from_query,
    filters_to_query,
    language_from_query,
    misplaced_params,
    page_address,
    share_link,
)
from lib.model.view import PageParams
from lib.site import SitePage, all_params, site_page
from lib.views.citation import Citation, apa, bibtex, coverage_of
from lib.views.embed import embed_height, embed_link, embed_snippet
from lib.views.markdown import escape_markdown, markdown_link
from lib.views.share import copy_button_html, copyable_html

_OPENING_LINK_KEY = "opening_link"


def opening_link(dataset: Dataset, page: SitePage, query: Params) -> tuple[Filters, list[str]]:
    """The link that opened the session (kept from its first run, with its page): the filters it asks for,
    and what it asked in vain, in the language of this run."""
    opening_query, opening_page = st.session_state.setdefault(_OPENING_LINK_KEY, (query, page))
    filters, notices = filters_from_query(opening_query, dataset.year_bounds, dataset.island_groups.keys())
    notices += language_from_query(opening_query, None)[1]
    known = all_params() | set(FILTER_PARAMS)
    notices += misplaced_params(opening_query, {*opening_page.params, *FILTER_PARAMS}, known)
    return filters, notices


def show_notices(notices: Sequence[str]) -> None:
    if notices:
        lines = "\n".join(f"- {escape_markdown(notice)}" for notice in notices)
        st.warning(_("Part of this link could not be used:") + f"\n{lines}", icon=":material/link_off:")


def linked_choice(
    query: Params, key: str, known_ids: Iterable[str], noun: str, instead: str = NONE_CHOSEN
) -> str | None:
    """What the address chose on this page (`key`, e.g. event); a notice for an id that names nothing."""
    chosen, notices = choice_from_query(query, key, known_ids, noun, instead)
    show_notices(notices)
    return chosen


def write_address(filters: Filters, bounds: tuple[int, int], own: PageParams) -> dict[str, str | list[str]]:
    """The address of this view, written once: the language unless English, the filters, then the page's own."""
    kept = {key: value if isinstance(value, str) else list(value) for key, value in own.items() if value}
    language = {"lang": current_language()} if current_language() != ENGLISH else {}
    address = {**language, **filters_to_query(filters, bounds), **kept}
    st.query_params.from_dict(address)
    return address


def view_address(page: SitePage) -> str:
    """The address of the page shown; a client that reports none (AppTest) gets the page's relative path."""
    return page_address(st.context.url or "", page.url_path)


def map_page_links(dataset: Dataset, filters: Filters) -> dict[str, str]:
    """By island, the Map page's address on it with `filters`: a popup that leaves its lists out links there."""
    map_url, query = view_address(site_page("map")), filters_to_query(filters, dataset.year_bounds)
    return {island: share_link(map_url, {**query, "island": island}) for island in dataset.islands["id"]}


def _coverage(dataset: Dataset) -> tuple[str, str]:
    return coverage_of(dataset.events)


def _copyable(text: str, label: str, copied: str, name: str) -> None:
    st.html(copyable_html(text, label, copied, name), unsafe_allow_javascript=True)


def share_this_view(page: SitePage, address: dict[str, str | list[str]], dataset: Dataset) -> None:
    """The sidebar's link to what the reader sees, the snippet that frames it in an article, and its citation."""
    page_url = view_address(page)
    link = share_link(page_url, address) or "?"
    with st.sidebar:
        st.subheader(_("Share this view"))
        # A plain link, not st.code: its copy button costs every page a code highlighter (~0.3 s of script).
        st.markdown(markdown_link(link, link))
        st.html(copy_button_html(link), unsafe_allow_javascript=True)
        st.caption(_("This link opens this page as you see it: copy it, or open it in a new tab."))
        with st.expander(_("Embed this view"), icon=":material/code:"):
            st.caption(
                _("Paste this into an article's HTML: it shows this view, without the filters, and a link here.")
            )
            snippet = embed_snippet(embed_link(page_url, address), page.tab_title, embed_height(page.url_path))
            _copyable(snippet, _("Copy embed code"), _("Embed code copied."), "copy-embed")
        with st.expander(_("Cite this view"), icon=":material/format_quote:"):
            today = dt.datetime.now(dt.UTC).date()
            citation = Citation(page.tab_title, link, *dataset.derived(_coverage), accessed=today, page=page.title)
            st.caption("APA")
            _copyable(apa(citation), _("Copy APA"), _("APA citation copied."), "copy-apa")
            st.caption("BibTeX")
            _copyable(bibtex(citation), _("Copy BibTeX"), _("BibTeX entry copied."), "copy-bibtex")

"""The app around every page, whose `render(view)` draws it and returns what it keeps in its address. A page module
runs the whole app when Streamlit runs it alone, as its legacy multipage mode does for a fresh server's first
request (streamlit/streamlit#9624): st.navigation then ends that mode (tests/browser/test_pages_in_browser.py)."""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field

import streamlit as st

from lib.i18n import _, use_language
from lib.model.link import share_link
from lib.model.view import PageParams, View
from lib.site import PAGES, STATIC_DIR, SitePage, site_page
from lib.ui.address import opening_link, share_this_view, show_notices, view_address, write_address
from lib.ui.data import dataset_or_stop
from lib.ui.filters import filter_sidebar, page_filters, show_what_filters_keep
from lib.ui.language import language_switch, reader_language, show_translation_notes
from lib.views.embed import full_view_link_html

# What the app adjusts in Streamlit's own elements: tap targets on touch screens, one CSV download.
APP_CSS = (STATIC_DIR / "app" / "app.css").read_text(encoding="utf-8")


@dataclass
class PageRun:
    """One run: the view the page is drawn from, and what the page keeps in its address. The filters are drawn
    outside the page's own run, so that their widgets, and the reader's choices, are the same on every page."""

    view: View | None = None
    own: PageParams = field(default_factory=dict)

    def page(self, page: SitePage) -> st.Page:
        """The st.Page at `page`'s address, which draws it from this run's view."""

        def render() -> None:
            self.own = importlib.import_module(f"pages.{page.module}").render(self.view)

        return st.Page(
            render, title=_(page.title), icon=page.icon, url_path=page.url_path or None, default=not page.url_path
        )


def streamlit_page(module: str) -> st.Page:
    """The st.Page at the address of the page in `module`, for a link to it."""
    return PageRun().page(site_page(module))


def run_app() -> None:
    """One pass; embedded (embed=true), no sidebar: the filters are the link's, and one link opens the full view."""
    embedded = bool(st.context.is_embedded)
    query = {key: st.query_params.get_all(key) for key in st.query_params}
    use_language(reader_language(query))
    run = PageRun()
    current = st.navigation([run.page(page) for page in PAGES], position="hidden" if embedded else "sidebar")
    shown = next(page for page in PAGES if page.url_path == current.url_path)
    # The tab names the page, so a shared link reads well wherever it is pasted or bookmarked. An emoji icon:
    # a Material icon as favicon would be fetched from a font server, and fail offline.
    st.set_page_config(page_title=shown.tab_title, page_icon="🗺️", layout="wide")
    st.html(f"<style>{APP_CSS}</style>")
    dataset = dataset_or_stop()
    linked, notices = opening_link(dataset, shown, query)
    if embedded:
        filters = linked
    else:
        language_switch()
        filters = filter_sidebar(dataset, shown, linked)
    run.view = View(dataset, filters, query, embedded)
    if not embedded:
        show_what_filters_keep(run.view)
        page_filters(dataset, shown, filters)
    # What the link asked in vain, until a filter changes: above the page, as a phone hides the sidebar.
    if filters == linked:
        show_notices(notices)
    # The embedded view's link to the full view, above the page, drawn once the page has said its address.
    top = st.empty() if embedded else None
    current.run()
    show_translation_notes(dataset.islands)
    address = write_address(filters, dataset.year_bounds, run.own)
    if top is None:
        share_this_view(shown, address, dataset)
    else:
        top.html(full_view_link_html(share_link(view_address(shown), address) or "?"))

"""The app around every page: navigation, the dataset or its error panel, the shared filters,
the page, then its address and the link to share.

Each page is a module of pages/ whose `render` function st.Page runs. A page module ends by
running the whole app when Streamlit runs it as a script: with a pages/ folder beside app.py,
Streamlit starts in its legacy multipage mode and, when a shared link to a page is a fresh
server's first request, runs that page's file alone (streamlit/streamlit#9624). Running the app
there calls st.navigation, which ends that mode for the server, and draws the page the link names.
tests/browser/test_pages_in_browser.py opens such a link on a fresh server.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import streamlit as st

from lib.model.dataset import Dataset
from lib.model.filters import Filters
from lib.site import PAGES, SitePage
from lib.ui.address import opening_link, share_this_view, show_link_notices, write_address
from lib.ui.data import dataset_or_stop
from lib.ui.filters import filter_sidebar, sidebar_filters

# An emoji icon: a Material icon as favicon would be fetched from a font server, and fail offline.
FAVICON = "🗺️"
# What the app adjusts in Streamlit's own elements: tap targets on touch screens, one CSV download.
APP_CSS = (Path(__file__).resolve().parents[2] / "static" / "app" / "app.css").read_text(encoding="utf-8")


def streamlit_page(page: SitePage) -> st.Page:
    """The st.Page that draws `page`: its module's render function, at its URL path."""
    render = importlib.import_module(f"pages.{page.module}").render
    return st.Page(render, title=page.title, icon=page.icon, url_path=page.url_path or None, default=not page.url_path)


def page_context() -> tuple[Dataset, Filters]:
    """What every page starts with: the dataset and the filters the sidebar holds."""
    return dataset_or_stop(), sidebar_filters()


def run_app() -> None:
    pages = {page.url_path: page for page in PAGES}
    current = st.navigation([streamlit_page(page) for page in PAGES])
    shown = pages[current.url_path]
    # The tab names the page, so a shared link reads well wherever it is pasted or bookmarked.
    st.set_page_config(page_title=shown.tab_title, page_icon=FAVICON, layout="wide")
    st.html(f"<style>{APP_CSS}</style>")
    dataset = dataset_or_stop()
    opening = opening_link(dataset, shown)
    filters = filter_sidebar(dataset, shown, opening.filters)
    show_link_notices(opening, filters)
    current.run()
    write_address(filters, dataset.year_bounds, shown)
    share_this_view(shown)

"""Running pages through streamlit.testing.v1.AppTest, as a shared link opens them."""

from __future__ import annotations

import html
import re

from streamlit.testing.v1 import AppTest

from lib.site import PAGES
from tests.conftest import ROOT

PAGE_FILES = [f"pages/{page.module}.py" for page in PAGES]


def run_page(page: str, **query: str) -> AppTest:
    """Run app.py on `page` (e.g. "pages/map.py"), opened directly with `query` in its address."""
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in query.items():
        app.query_params[key] = value
    app.switch_page(page)
    app.run()
    return app


def sidebar_filters(app: AppTest) -> tuple[str, int, int, str]:
    """Country, first and last year, island, as the sidebar's widgets hold them."""
    return (
        app.sidebar.radio(key="filter_country").value,
        app.sidebar.number_input(key="filter_from").value,
        app.sidebar.number_input(key="filter_to").value,
        app.sidebar.selectbox(key="filter_island").value,
    )


def share_link(app: AppTest) -> str:
    """The sidebar's share link, read back from its Markdown: the text shown is the address it opens."""
    [link] = [block.value for block in app.sidebar.markdown if block.value.startswith("[")]
    shown, target = re.fullmatch(r"\[(.*)\]\((.*)\)", link).groups()
    shown = html.unescape(re.sub(r"\\(.)", r"\1", shown))  # as Markdown reads it
    assert shown == target.replace("%20", " ") or shown == target, (shown, target)
    return shown


def markdown_text(app: AppTest) -> str:
    return "\n".join(element.value for element in app.main.markdown)

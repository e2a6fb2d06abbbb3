"""Embed and cite, through AppTest: every page's sidebar offers the embed snippet and the citation of
exactly its view, and an embedded view (st.context.is_embedded) draws the page without the sidebar,
its filters from the link alone, with one link to the same view in the full dashboard."""

from __future__ import annotations

import html
import re

import pytest
from streamlit.testing.v1 import AppTest

from lib.site import PAGES
from lib.views.embed import FULL_VIEW_TEXT
from tests.apptest import PAGE_FILES, share_link
from tests.conftest import ROOT


def run(page: str, embedded: bool = False, **query: str) -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    if embedded:
        app.context = {"is_embedded": True}
    for key, value in query.items():
        app.query_params[key] = value
    app.switch_page(page)
    app.run()
    assert not app.exception
    return app


def copyable_texts(app: AppTest) -> dict[str, str]:
    """Each copy button's label and the text it copies: its data-link, or the text of the element it names."""
    texts = {}
    for block in app.get("html"):
        body = block.proto.body
        shown = {name: text for name, text in re.findall(r'<pre id="([^"]*)"[^>]*>(.*?)</pre>', body, re.DOTALL)}
        for kind, value, label in re.findall(
            r'<button[^>]*data-(link|copy-from)="([^"]*)"[^>]*>([^<]*)</button>', body
        ):
            texts[label] = html.unescape(value if kind == "link" else shown[value])
    return texts


@pytest.mark.parametrize("page_file", PAGE_FILES)
def test_every_page_offers_its_view_to_share_embed_and_cite(page_file: str) -> None:
    page = next(page for page in PAGES if page_file.endswith(f"/{page.module}.py"))
    app = run(page_file, country="Japan", **{"from": "1950"})
    assert [expander.label for expander in app.sidebar.expander] == ["Embed this view", "Cite this view"]
    link = share_link(app)
    assert link.startswith(f"{page.url_path}?country=Japan&from=1950")  # the Story adds its chapter
    copied = copyable_texts(app)
    assert set(copied) == {"Copy link", "Copy embed code", "Copy APA", "Copy BibTeX"}
    assert copied["Copy link"] == link
    assert f'src="{html.escape(link)}&amp;embed=true"' in copied["Copy embed code"]
    assert f'title="{page.tab_title}"' in copied["Copy embed code"]
    assert re.match(rf"Southern Kurils dispute\. \(\d{{4}}\)\. {re.escape(page.tab_title)} \[", copied["Copy APA"])
    assert copied["Copy APA"].endswith(f", from {link}")
    assert re.search(r"events up to \d{1,2} \w{3} \d{4}", copied["Copy APA"])
    assert f"  url = {{{link}}}," in copied["Copy BibTeX"]
    assert f"  title = {{{{{page.tab_title}}}}}," in copied["Copy BibTeX"]
    assert re.search(r"urldate = \{\d{4}-\d{2}-\d{2}\}", copied["Copy BibTeX"])


def test_the_snippet_carries_a_page_s_own_choices() -> None:
    app = run("pages/statements.py", country="Russia", q="impetus")
    assert 'src="statements?country=Russia&amp;q=impetus&amp;embed=true"' in copyable_texts(app)["Copy embed code"]


def test_an_embedded_view_has_no_sidebar_and_a_link_to_the_full_view() -> None:
    app = run("pages/timeline.py", embedded=True, country="Japan", event="1973-tanaka-brezhnev-summit")
    assert len(app.sidebar) == 0, "no filters, share, embed or cite widgets"
    assert not app.warning, "embed is not another page's parameter"
    links = [block.proto.body for block in app.main.get("html") if FULL_VIEW_TEXT in block.proto.body]
    assert links == [
        '<p class="full-view-link" style="margin:0;font-size:0.875rem;">'
        '<a href="timeline?country=Japan&amp;event=1973-tanaka-brezhnev-summit" target="_blank" rel="noopener noreferrer">'
        f"{FULL_VIEW_TEXT} ↗</a></p>"
    ]
    assert dict(app.query_params) == {"country": "Japan", "event": "1973-tanaka-brezhnev-summit"}
    app.run()  # a rerun keeps the link's filters
    assert dict(app.query_params) == {"country": "Japan", "event": "1973-tanaka-brezhnev-summit"}


@pytest.mark.parametrize("page_file", PAGE_FILES)
def test_every_page_can_be_embedded(page_file: str) -> None:
    app = run(page_file, embedded=True, island="shikotan")
    assert len(app.sidebar) == 0
    assert not app.warning


def test_an_embedded_view_still_names_a_bad_parameter() -> None:
    app = run("pages/home.py", embedded=True, country="France")
    [warning] = app.main.warning
    assert "country=France" in warning.value


def test_the_embed_parameter_is_no_other_page_s_parameter() -> None:
    app = run("pages/map.py", embedded=True, embed="true", country="Japan")
    assert not app.warning, "embed=true does not get the 'does nothing on this page' notice"
    assert len(app.sidebar) == 0

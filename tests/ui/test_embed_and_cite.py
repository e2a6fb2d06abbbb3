"""Embed and cite, through AppTest: every page's sidebar offers the embed snippet and the citation of
exactly its view, and an embedded view (st.context.is_embedded) draws the page without the sidebar,
its filters from the link alone, with one link to the same view in the full dashboard."""

from __future__ import annotations

import html
import json
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


def widget_keys(app: AppTest) -> set[str]:
    """The keys of every widget and keyed container on the page, the sidebar left out."""
    keys, blocks = set(), [app.main]
    while blocks:
        block = blocks.pop()
        for child in getattr(block, "children", {}).values():
            keys.add(getattr(child, "key", None))
            blocks.append(child)
    return keys - {None}


def labels(app: AppTest) -> list[str]:
    return [button.label for button in app.main.button]


def test_an_embedded_timeline_has_no_period_control_and_its_caption_offers_none() -> None:
    full, embedded = run("pages/timeline.py", country="Japan"), run("pages/timeline.py", embedded=True, country="Japan")
    assert "timeline_period" in widget_keys(full)
    assert "timeline_period" not in widget_keys(embedded)
    assert "A period" in " ".join(caption.value for caption in full.main.caption)
    assert "A period" not in " ".join(caption.value for caption in embedded.main.caption)
    # What the reader of the embedded view needs stays: the event box and list, and the download.
    assert {"timeline_event", "timeline_rows", "timeline_csv"} <= widget_keys(embedded)


@pytest.mark.parametrize(
    ("page_file", "query"),
    [("pages/timeline.py", {"from": "1860", "to": "1870"}), ("pages/statements.py", {"q": "no such words"})],
)
def test_an_embedded_view_matching_nothing_says_so_without_a_button_to_clear_the_filters(
    page_file: str, query: dict[str, str]
) -> None:
    full, embedded = run(page_file, **query), run(page_file, embedded=True, **query)
    assert "Clear every filter" in labels(full)
    assert "Clear every filter" not in labels(embedded)
    assert [info.value for info in embedded.main.info] == [info.value for info in full.main.info]


def test_an_embedded_map_asks_for_no_click_and_links_each_island_to_the_full_map() -> None:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    app.context = {"is_embedded": True, "url": "http://127.0.0.1:8501/map"}
    app.query_params["country"] = "Japan"
    app.switch_page("pages/map.py")
    app.run()
    assert not app.exception
    assert not app.main.info, "no 'click an island' prompt: a click there chooses nothing"
    [island_map] = app.get("component_instance")
    script = json.loads(island_map.proto.json_args)["script"]
    assert "http://127.0.0.1:8501/map?country=Japan\\u0026amp;island=shikotan" in script
    full = run("pages/map.py", country="Japan")
    assert (
        full.main.info
        and "island=shikotan" not in json.loads(full.get("component_instance")[0].proto.json_args)["script"]
    )


def test_an_embedded_view_keeps_the_page_s_own_choices() -> None:
    statements = run("pages/statements.py", embedded=True, q="impetus")
    assert {"statements_q", "statements_speakers", "statements_tab"} <= widget_keys(statements)
    story = run("pages/story.py", embedded=True)
    assert {"story_chapter", "story_next", "story_next_end"} <= widget_keys(story)

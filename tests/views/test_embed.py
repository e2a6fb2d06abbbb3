"""lib/views/embed.py: the snippet that frames exactly this view, and the embedded view's link out."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from lib.model.link import FILTER_PARAMS, misplaced_params
from lib.site import all_params
from lib.views.embed import (
    EMBED_HEIGHT_PX,
    FULL_VIEW_TEXT,
    embed_height,
    embed_link,
    embed_snippet,
    full_view_link_html,
)
from tests.hostile import PAYLOADS
from tests.views.parsed_html import parse_html


def test_the_embed_link_is_the_view_s_address_with_embed_true() -> None:
    address = {"country": "Japan", "from": "1950", "event": "1973-tanaka-brezhnev-summit", "speaker": ["A", "B C"]}
    link = embed_link("https://kurils.example/timeline", address)
    parts = urlsplit(link)
    assert parts.path == "/timeline"
    assert parse_qs(parts.query) == {
        "country": ["Japan"],
        "from": ["1950"],
        "event": ["1973-tanaka-brezhnev-summit"],
        "speaker": ["A", "B C"],
        "embed": ["true"],
    }
    assert link.endswith("&embed=true")


def test_the_embed_link_of_the_overview_and_of_an_unfiltered_view() -> None:
    assert embed_link("https://kurils.example", {}) == "https://kurils.example/?embed=true"
    assert embed_link("https://kurils.example/map", {"embed": "false"}) == "https://kurils.example/map?embed=true"


def test_the_snippet_is_one_iframe_with_the_link_a_title_and_a_height() -> None:
    link = "https://kurils.example/timeline?country=Japan&embed=true"
    [(tag, attributes)] = parse_html(embed_snippet(link, "Timeline · Southern Kurils dispute", 760)).tags
    assert tag == "iframe"
    assert attributes["src"] == link
    assert attributes["title"] == "Timeline · Southern Kurils dispute"
    assert attributes["height"] == "760"
    assert attributes["width"] == "100%"


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_a_hostile_address_or_title_cannot_leave_its_attribute(name: str) -> None:
    hostile = PAYLOADS[name][:500]
    link = embed_link(f"https://kurils.example/{hostile}", {"q": hostile, hostile: "x"})
    snippet = embed_snippet(link, hostile, 700)
    [(tag, attributes)] = parse_html(snippet).tags
    assert tag == "iframe"
    assert set(attributes) == {"src", "title", "width", "height", "style", "loading"}
    assert attributes["src"] == link and attributes["title"] == hostile
    assert "<" not in snippet.removeprefix("<iframe").removesuffix("</iframe>")


def test_each_page_has_a_sensible_height() -> None:
    assert embed_height("") == EMBED_HEIGHT_PX
    assert all(400 <= embed_height(path) <= 1000 for path in ("", "story", "map", "timeline", "statements"))


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_the_full_view_link_opens_in_a_new_tab_whatever_its_address(name: str) -> None:
    link = f"https://kurils.example/statements?q={PAYLOADS[name][:200]}"
    tags = parse_html(full_view_link_html(link))
    assert [tag for tag, _ in tags.tags] == ["p", "a"]
    attributes = tags.tags[1][1]
    assert attributes == {"href": link, "target": "_blank", "rel": "noopener noreferrer"}
    assert "".join(tags.text).startswith(FULL_VIEW_TEXT)


def test_embed_is_not_a_parameter_a_page_could_misplace() -> None:
    known = all_params() | set(FILTER_PARAMS)
    assert misplaced_params({"embed": ["true"], "embed_options": ["light_theme"]}, FILTER_PARAMS, known) == []

"""lib/views/markdown.py: text from data shown literally in Markdown, and one way to link a URL."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest

from lib.views.markdown import escape_markdown, markdown_link, markdown_url


@pytest.mark.parametrize(
    "hostile",
    ["[click](javascript:alert(1))", "**bold**", "<b>x</b>", "`code`", "$x^2$", "# heading", "&lt;b&gt;", "a\\*b"],
)
def test_markdown_escaping_disarms_syntax(hostile: str) -> None:
    escaped = escape_markdown(hostile)
    unescaped = re.sub(r"\\.", "", escaped)  # drop every backslash-escaped character
    assert not set(unescaped) & set("[]()*`$#<>\\"), escaped


def test_markdown_escaping_shows_entities_as_typed_and_keeps_plain_text() -> None:
    assert escape_markdown("&lt;b&gt;").startswith("&amp;lt;")
    assert escape_markdown("Kunashir") == "Kunashir"
    assert escape_markdown("two\nlines") == "two lines"


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/x)](javascript:alert(1))",
        'https://example.org/a"onmouseover="alert(1)',
        "https://example.org/a b<c>",
        "https://en.wikipedia.org/wiki/Treaty_of_Saint_Petersburg_(1875)",
    ],
)
def test_a_link_target_cannot_close_the_link_and_still_leads_to_the_address(url: str) -> None:
    target = markdown_url(url)
    assert not set(target) & set("()[]<> \"'"), target
    assert unquote(target) == url


def test_a_link_shows_its_label_as_text_and_refuses_other_schemes() -> None:
    assert markdown_link("**TASS**", "https://tass.com/x") == r"[\*\*TASS\*\*](https://tass.com/x)"
    assert markdown_link("map", "map?island=shikotan") == "[map](map?island=shikotan)"
    assert markdown_link("click", "javascript:alert(1)") == "click"

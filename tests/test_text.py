import html
import re

import pytest

from lib.views.text import escape_html, escape_markdown


@pytest.mark.parametrize(
    "hostile",
    ["<script>alert(1)</script>", '<img src=x onerror="alert(1)">', '"><b>x</b>', "&lt;script&gt;", "{{7*7}}{%x%}"],
)
def test_html_escaping_leaves_no_markup(hostile: str) -> None:
    escaped = escape_html(hostile)
    assert not set(escaped) & set('<>"{}'), escaped
    assert html.unescape(escaped) == hostile


@pytest.mark.parametrize(
    "hostile",
    ["[click](javascript:alert(1))", "**bold**", "<b>x</b>", "`code`", "$x^2$", "# heading", "&lt;b&gt;", "a\\*b"],
)
def test_markdown_escaping_disarms_syntax(hostile: str) -> None:
    escaped = escape_markdown(hostile)
    unescaped = re.sub(r"\\.", "", escaped)  # drop every backslash-escaped character
    assert not set(unescaped) & set("[]()*`$#<>\\"), escaped


def test_markdown_escaping_shows_entities_as_typed() -> None:
    assert escape_markdown("&lt;b&gt;").startswith("&amp;lt;")


def test_escaping_keeps_plain_text_readable() -> None:
    assert escape_html("Russia’s ownership") == "Russia’s ownership"
    assert escape_markdown("Kunashir") == "Kunashir"

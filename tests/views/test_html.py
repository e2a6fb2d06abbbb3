"""lib/views/html.py: every value put into HTML is escaped unless it is HTML built here."""

from __future__ import annotations

import html as stdlib_html

import pytest

from lib.views.html import Markup, html, join, link

HOSTILE = ["<script>alert(1)</script>", '<img src=x onerror="alert(1)">', '"><b>x</b>', "&lt;script&gt;", "'q'"]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_a_value_put_into_a_template_is_text(hostile: str) -> None:
    built = html('<p title="{title}">{text}</p>', title=hostile, text=hostile)
    body = built.removeprefix('<p title="').removesuffix("</p>")
    attribute, _, text = body.partition('">')
    assert not set(text) & set("<>\"'") and not set(attribute) & set("<>\"'")
    assert stdlib_html.unescape(text) == stdlib_html.unescape(attribute) == hostile


def test_html_built_here_is_kept_and_plain_text_is_escaped_when_joined() -> None:
    assert join([html("<b>{}</b>", "x"), "<i>"]) == "<b>x</b>&lt;i&gt;"
    assert isinstance(join([]), Markup)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://tass.com/a?b=1&c=2",
            '<a href="https://tass.com/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">TASS</a>',
        ),
        ("javascript:alert(1)", "TASS"),
        (
            'https://example.org/"><script>',
            '<a href="https://example.org/&#34;&gt;&lt;script&gt;" target="_blank" rel="noopener noreferrer">TASS</a>',
        ),
    ],
)
def test_a_link_opens_only_http_addresses(url: str, expected: str) -> None:
    assert link(url, "TASS") == expected

"""lib/views/share.py: the copy buttons carry their text as text, never as markup."""

from __future__ import annotations

import html

import pytest

from lib.views.share import copy_button_html, copyable_html
from tests.hostile import PAYLOADS


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_a_hostile_text_is_shown_and_copied_as_text(name: str) -> None:
    text = PAYLOADS[name]
    built = str(copyable_html(text, "Copy it", "Copied.", "copy-test"))
    shown = built.split('margin:0 0 0.4rem;">', 1)[1].split("</pre>", 1)[0]
    assert "<" not in shown and html.unescape(shown) == text
    assert built.count("<button") == 1 and 'data-copy-from="copy-test-text"' in built
    assert 'aria-describedby="copy-test-status"' in built and 'id="copy-test-status"' in built


def test_the_share_link_travels_in_its_attribute() -> None:
    built = str(copy_button_html('https://k.example/?q="><script>'))
    assert 'data-link="https://k.example/?q=&#34;&gt;&lt;script&gt;"' in built
    assert ">Copy link</button>" in built

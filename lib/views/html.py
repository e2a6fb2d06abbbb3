"""HTML from data, the one way: templates are ours, values escaped by markupsafe unless already `Markup`."""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup, escape

__all__ = ["Markup", "escape", "html", "join", "link"]


def html(template: str, /, *args: object, **values: object) -> Markup:
    """`template` (ours, trusted) with every value escaped into it, as str.format places them."""
    return Markup(template).format(*args, **values)


def join(pieces: Iterable[object], separator: str = "") -> Markup:
    """The pieces one after the other, each escaped unless it is Markup already."""
    return Markup(separator).join(pieces)


def link(url: str, text: object) -> Markup:
    """A link that opens in a new tab; just the text when the address is not http(s)."""
    if not url.startswith(("https://", "http://")):
        return escape(text)
    return html('<a href="{}" target="_blank" rel="noopener noreferrer">{}</a>', url, text)

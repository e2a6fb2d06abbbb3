"""Escaping for text from data: every CSV field is treated as hostile wherever it lands."""

from __future__ import annotations

import html
import re

# Characters that Streamlit's Markdown would treat as syntax (links, emphasis, HTML, maths).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~$:])")


# branca compiles every rendered folium script once more as a Jinja template, so "{{ ... }}" or
# "{% ... %}" from a CSV cell would run as Python on the server: braces never reach it raw.
# Chained str.replace, not str.translate: several times faster on the long popup and article texts.
_BRACES = (("{", "&#123;"), ("}", "&#125;"))


def _replace_each(text: str, pairs: tuple[tuple[str, str], ...]) -> str:
    for old, new in pairs:
        text = text.replace(old, new)
    return text


def escape_html(text: object) -> str:
    """Text for an HTML context (folium tooltips, popups and labels, raw HTML blocks)."""
    return _replace_each(html.escape("" if text is None else str(text), quote=True), _BRACES)


def escape_markdown(text: object) -> str:
    """Text for st.markdown and friends: shown literally, never as links, HTML or formatting."""
    plain = html.escape("" if text is None else str(text), quote=False)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", plain).replace("\n", " ")

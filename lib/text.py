"""Escaping for text from data: every CSV field is treated as hostile wherever it lands."""

from __future__ import annotations

import html
import re

# Characters that Streamlit's Markdown would treat as syntax (links, emphasis, HTML, maths).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~$:])")


def escape_html(text: object) -> str:
    """Text for an HTML context (folium tooltips and popups, raw HTML blocks)."""
    return html.escape("" if text is None else str(text), quote=True)


def escape_markdown(text: object) -> str:
    """Text for st.markdown and friends: shown literally, never as links, HTML or formatting."""
    plain = html.escape("" if text is None else str(text), quote=False)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", plain).replace("\n", " ")

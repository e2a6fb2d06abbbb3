"""Escaping for text from data: every CSV field is treated as hostile wherever it lands."""

from __future__ import annotations

import html
import json
import re

# Characters that Streamlit's Markdown would treat as syntax (links, emphasis, HTML, maths).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~$:])")


# branca compiles every rendered folium script once more as a Jinja template, so "{{ ... }}" or
# "{% ... %}" from a CSV cell would run as Python on the server: braces never reach it raw.
_BRACES = str.maketrans({"{": "&#123;", "}": "&#125;"})
_SCRIPT_STRING = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "'": "\\u0027", "{": "\\u007b", "}": "\\u007d"}
)


def escape_html(text: object) -> str:
    """Text for an HTML context (folium tooltips, popups and labels, raw HTML blocks)."""
    return html.escape("" if text is None else str(text), quote=True).translate(_BRACES)


def script_string(text: str) -> str:
    """`text` as a JavaScript string literal for a folium template: it cannot end the <script>,
    and holds no brace for Jinja to read (see _BRACES)."""
    return json.dumps(text, ensure_ascii=False).translate(_SCRIPT_STRING)


def escape_markdown(text: object) -> str:
    """Text for st.markdown and friends: shown literally, never as links, HTML or formatting."""
    plain = html.escape("" if text is None else str(text), quote=False)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", plain).replace("\n", " ")

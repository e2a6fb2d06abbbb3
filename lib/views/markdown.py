"""Text from data for st.markdown and friends: shown as it is, never as links, HTML or formatting."""

from __future__ import annotations

import html
import re
from urllib.parse import quote, urlsplit

# Characters that Streamlit's Markdown would treat as syntax (links, emphasis, HTML, maths).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~$:])")


def escape_markdown(text: object) -> str:
    """Text shown literally, on one line."""
    plain = html.escape("" if text is None else str(text), quote=False)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", plain).replace("\n", " ")


def markdown_url(url: str) -> str:
    """An address as a Markdown link target: brackets, parentheses, quotes and spaces percent-encoded."""
    return quote(url, safe=":/?#@!$&*+,;=%~-._")


def markdown_link(label: object, url: str) -> str:
    """A link whose label is text from data; just the label when the address is not http(s) or relative."""
    if urlsplit(url).scheme not in ("", "http", "https"):
        return escape_markdown(label)
    return f"[{escape_markdown(label)}]({markdown_url(url)})"

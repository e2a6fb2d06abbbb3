"""HTML read back as a browser's parser reads it, for the views' tests: every start tag with its
attributes, and the text between them."""

from __future__ import annotations

from html.parser import HTMLParser


class ParsedHtml(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse_html(markup: str) -> ParsedHtml:
    tags = ParsedHtml()
    tags.feed(markup)
    tags.close()
    return tags

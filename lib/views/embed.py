"""A view in an article: the `<iframe>` snippet, its link with `embed=true` (no chrome, no sidebar), a link back."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from lib.i18n import N_, _
from lib.model.link import share_link
from lib.views.html import Markup, html

EMBED_PARAM = "embed"
# Tall enough for a page's heading, its filters in use and its first chart or map without a scroll
# inside the article; the frame scrolls for the rest.
EMBED_HEIGHT_PX = 800
EMBED_HEIGHTS_PX: dict[str, int] = {"map": 720, "timeline": 760}
FULL_VIEW_TEXT = N_("Open this view in the full dashboard")


def embed_height(page_path: str) -> int:
    """The frame's height for the page at `page_path` ("" for the overview)."""
    return EMBED_HEIGHTS_PX.get(page_path, EMBED_HEIGHT_PX)


def embed_link(page_url: str, address: Mapping[str, str | Sequence[str]]) -> str:
    """The address of this view embedded: its own parameters (filters and choices), then `embed=true`."""
    view = {key: value for key, value in address.items() if key != EMBED_PARAM}
    return share_link(page_url, {**view, EMBED_PARAM: "true"})


def embed_snippet(link: str, title: str, height: int) -> str:
    """The HTML an article pastes to frame the view at `link`: every value escaped into its attribute."""
    return str(
        html(
            '<iframe src="{link}" title="{title}" width="100%" height="{height}" '
            'style="border:1px solid #ddd;max-width:100%;" loading="lazy"></iframe>',
            link=link,
            title=title,
            height=int(height),
        )
    )


def full_view_link_html(link: str) -> Markup:
    """The embedded view's one link: the same view in the full dashboard, in a new tab."""
    return html(
        '<p class="full-view-link" style="margin:0;font-size:0.875rem;">'
        '<a href="{link}" target="_blank" rel="noopener noreferrer">{text} ↗</a></p>',
        link=link,
        text=_(FULL_VIEW_TEXT),
    )

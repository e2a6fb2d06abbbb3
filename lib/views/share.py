"""The button that copies the share link: the link as data, the behaviour in static/share/copy-link.js."""

from __future__ import annotations

from lib.views.html import Markup, html

# Relative to the page, so that it is found under whatever base path the app is served at.
COPY_SCRIPT = "app/static/share/copy-link.js"
# A finger's width: the smallest target a phone reader can tap without missing.
TAP_TARGET_PX = 44


def copy_button_html(link: str) -> Markup:
    """A button that puts `link` on the clipboard, a live line that says it did, and its script."""
    return html(
        '<button type="button" class="copy-link" data-link="{link}" aria-describedby="copy-link-status" '
        'style="min-height:{px}px;min-width:{px}px;padding:0 1em;border:1px solid rgba(49,51,63,0.3);'
        'border-radius:0.5rem;background:white;color:inherit;font:inherit;cursor:pointer;">Copy link</button>'
        '<span id="copy-link-status" role="status" aria-live="polite" style="margin-left:0.6em;"></span>'
        '<script src="{script}"></script>',
        link=link,
        px=TAP_TARGET_PX,
        script=COPY_SCRIPT,
    )

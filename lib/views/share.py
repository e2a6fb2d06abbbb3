"""The buttons that copy a text in one tap (the share link, the embed snippet, a citation): the text
as data, the behaviour in static/share/copy-link.js, one script for all of them."""

from __future__ import annotations

from lib.views.html import Markup, html

# Relative to the page, so that it is found under whatever base path the app is served at.
COPY_SCRIPT = "app/static/share/copy-link.js"
# A finger's width: the smallest target a phone reader can tap without missing.
TAP_TARGET_PX = 44


def copy_button_html(
    text: str, label: str = "Copy link", copied: str = "Link copied.", name: str = "copy-link"
) -> Markup:
    """A button labelled `label` that puts `text` on the clipboard, a live line that says `copied`
    when it did, and its script. `name` (ours, one per button on a page) ties the button to its line."""
    return html(
        '<button type="button" class="copy-link" data-link="{text}" data-copied="{copied}" '
        'aria-describedby="{name}-status" '
        'style="min-height:{px}px;min-width:{px}px;padding:0 1em;border:1px solid rgba(49,51,63,0.3);'
        'border-radius:0.5rem;background:white;color:inherit;font:inherit;cursor:pointer;">{label}</button>'
        '<span id="{name}-status" role="status" aria-live="polite" style="margin-left:0.6em;"></span>'
        '<script src="{script}"></script>',
        text=text,
        copied=copied,
        label=label,
        name=name,
        px=TAP_TARGET_PX,
        script=COPY_SCRIPT,
    )

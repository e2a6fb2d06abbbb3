"""Buttons that copy a text in one tap: the text as data, the behaviour in static/share/copy-link.js for all."""

from __future__ import annotations

from lib.i18n import _
from lib.views.html import Markup, html

# Relative to the page, so that it is found under whatever base path the app is served at.
COPY_SCRIPT = "app/static/share/copy-link.js"
# A finger's width: the smallest target a phone reader can tap without missing.
TAP_TARGET_PX = 44


def _button(source: Markup, label: str, copied: str, name: str) -> Markup:
    """A button copying what the attribute `source` names, a live line saying `copied` (or that copying is blocked),
    and the script; `name` (one per button on a page) ties the button to its line."""
    return html(
        '<button type="button" class="copy-link" {source} data-copied="{copied}" data-blocked="{blocked}" '
        'aria-describedby="{name}-status" '
        'style="min-height:{px}px;min-width:{px}px;padding:0 1em;border:1px solid rgba(49,51,63,0.3);'
        'border-radius:0.5rem;background:white;color:inherit;font:inherit;cursor:pointer;">{label}</button>'
        '<span id="{name}-status" role="status" aria-live="polite" style="margin-left:0.6em;"></span>'
        '<script src="{script}"></script>',
        source=source,
        copied=copied,
        blocked=_("Copying is blocked here: press and hold the text above to copy it."),
        label=label,
        name=name,
        px=TAP_TARGET_PX,
        script=COPY_SCRIPT,
    )


def copy_button_html(link: str) -> Markup:
    """A button that puts `link` on the clipboard, a live line that says it did, and its script."""
    return _button(html('data-link="{}"', link), _("Copy link"), _("Link copied."), "copy-link")


def copyable_html(text: str, label: str, copied: str, name: str) -> Markup:
    """`text` and a button copying it from the page: Streamlit's sanitizer drops an attribute that looks like markup."""
    return html(
        '<pre id="{name}-text" class="copyable" style="white-space:pre-wrap;overflow-wrap:anywhere;'
        'font-size:0.75rem;margin:0 0 0.4rem;">{text}</pre>{button}',
        name=name,
        text=text,
        button=_button(html('data-copy-from="{}-text"', name), label, copied, name),
    )

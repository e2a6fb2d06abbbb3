"""The reader's language: the link's (lang=), else the browser's, on a session's first run; then the switch's."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lib.i18n import ENGLISH, LANGUAGES, N_, _, current_language
from lib.model.link import Params, language_from_query
from lib.views.markdown import escape_markdown
from lib.views.wording import other_sides_names

LANGUAGE_KEY = "language"
TRANSLATED = N_(
    "The English text is the reference; this page is a translation. Quotes stay in the language they were published in."
)


def reader_language(query: Params) -> str:
    """The switch's language; before it is first drawn, the link's or the browser's."""
    return st.session_state.setdefault(LANGUAGE_KEY, language_from_query(query, st.context.locale)[0])


def language_switch() -> None:
    """Each language named in itself, so a reader finds theirs whatever the page is in."""
    st.sidebar.radio(
        _("Language"), tuple(LANGUAGES), format_func=LANGUAGES.__getitem__, key=LANGUAGE_KEY, horizontal=True
    )


def show_translation_notes(islands: pd.DataFrame) -> None:
    """At the end of a translated page (embedded too), once: that it is one, and the other side's names."""
    if current_language() != ENGLISH:
        st.caption(f"{_(TRANSLATED)}  \n{escape_markdown(other_sides_names(islands, current_language()))}")

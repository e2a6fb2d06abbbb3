"""The reader's language: chosen by the link (lang=), else the browser's, on a session's first run;
then by the switch at the top of the sidebar, which every page draws."""

from __future__ import annotations

import streamlit as st

from lib.i18n import LANGUAGES, _
from lib.model.link import Params, language_from_query

LANGUAGE_KEY = "language"


def reader_language(query: Params) -> str:
    """The switch's language; before it is first drawn, the link's or the browser's."""
    if LANGUAGE_KEY not in st.session_state:
        st.session_state[LANGUAGE_KEY] = language_from_query(query, st.context.locale)[0]
    return st.session_state[LANGUAGE_KEY]


def language_switch() -> None:
    """Each language named in itself, so a reader finds theirs whatever the page is in."""
    st.sidebar.radio(
        _("Language"), tuple(LANGUAGES), format_func=LANGUAGES.__getitem__, key=LANGUAGE_KEY, horizontal=True
    )

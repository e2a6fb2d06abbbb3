"""Story: the negotiations chapter by chapter, each with its dates, text, map, events and their sources."""

from typing import Any

import streamlit as st
from streamlit_folium import st_folium

from lib.i18n import N_, _
from lib.model.dataset import Dataset
from lib.model.view import PageParams, View
from lib.ui.address import linked_choice
from lib.ui.app import run_app
from lib.ui.downloads import events_download
from lib.ui.filters import show_filters_in_use
from lib.ui.sides import show_both_positions
from lib.views.map.build import build_island_map
from lib.views.map.legend import legend_in_words
from lib.views.markdown import escape_markdown
from lib.views.provenance import event_citations, events_markdown
from lib.views.sides import contested_readings
from lib.views.statements import statements_markdown
from lib.views.story import (
    Chapter,
    chapter_label,
    highlighted_text,
    neighbours,
    progress_text,
    sources_said_markdown,
    span_text,
    statements_of_time,
    story_chapters,
    story_intro,
)

CHAPTER_KEY = "story_chapter"
CHAPTER_PARAM = "chapter"
# How Previous and Next look, by the name in their keys: Next leads, its arrow after its label.
STEPS: dict[str, dict[str, Any]] = {
    "previous": {"icon": ":material/arrow_back:"},
    "next": {"type": "primary", "icon": ":material/arrow_forward:", "icon_position": "right"},
}


def go_to(chapter_id: str) -> None:
    """Previous and Next's on_click: the chooser shows `chapter_id` when the page is drawn again."""
    st.session_state[CHAPTER_KEY] = chapter_id


def render(view: View) -> PageParams:
    dataset = view.dataset
    chapters = dataset.derived(story_chapters)
    ids = list(chapters)
    st.title(_("The story of the negotiations"))
    st.caption(story_intro(list(chapters.values())))
    # Translators: follows "Filters: Japan · 1950–2000": the filters leave the story whole, and the line says so.
    whole = _(". The story is told whole, whatever the filters; the Timeline, the Map and the Statements follow them.")
    show_filters_in_use(view, whole)
    # Translators: they fill "“chapter=x” is not {noun} in the data; {instead}."
    linked = linked_choice(view.query, CHAPTER_PARAM, ids, N_("a chapter"), N_("the story opens at its first chapter"))
    if st.session_state.get(CHAPTER_KEY) not in chapters:  # the page's first run: the link's chapter, or the first
        st.session_state[CHAPTER_KEY] = linked or ids[0]
    chosen = st.selectbox(_("Chapter"), ids, key=CHAPTER_KEY, format_func=lambda key: chapter_label(chapters[key]))
    number = ids.index(chosen) + 1
    st.progress(number / len(ids), text=progress_text(number, len(ids)))
    step_buttons(ids, chosen)
    if chosen == ids[0]:  # the story starts with where each side stands today
        show_both_positions(dataset)
    chapter_view(dataset, chapters[chosen])
    # At the chapter's end too: on a phone the top is a long scroll back up.
    step_buttons(ids, chosen, "_end")
    return {CHAPTER_PARAM: chosen}


def step_buttons(ids: list[str], chosen: str, suffix: str = "") -> None:
    """Previous and Next, to the chapters either side of `chosen`; `suffix` tells a second pair's keys apart."""
    labels = (_("Previous"), _("Next"))
    with st.container(horizontal=True, horizontal_alignment="distribute", key=f"story_steps{suffix}"):
        for (name, look), label, target in zip(STEPS.items(), labels, neighbours(ids, chosen), strict=True):
            st.button(
                label, key=f"story_{name}{suffix}", on_click=go_to, args=(target,), disabled=target is None, **look
            )


def chapter_view(dataset: Dataset, chapter: Chapter) -> None:
    """The chapter: title, dates, its text beside its map, its events with their sources, statements of its time."""
    statements = statements_of_time(dataset.statements, chapter.span)
    st.header(escape_markdown(chapter.title), anchor=False)
    st.caption(span_text(chapter.span))
    text_column, map_column = st.columns(2, gap="medium")
    text_column.markdown(escape_markdown(chapter.text))
    with map_column:
        island_map = build_island_map(dataset, chapter.events, statements, compact=True, highlighted=chapter.islands)
        # A picture, not a control: nothing it returns reruns the page.
        st_folium(island_map, key="story_map", height=320, use_container_width=True, returned_objects=[], render=False)
        highlighted = highlighted_text(chapter.islands, dataset.island_names)
        st.caption(escape_markdown(f"{highlighted} {legend_in_words(dataset)}"))
    citations = dataset.derived(event_citations)
    st.subheader(_("Events in this chapter"), anchor=False)
    st.markdown(events_markdown(chapter.events, citations, len(chapter.events)))
    with st.expander(_("What each source says")):
        st.markdown(sources_said_markdown(chapter.events, citations, dataset.derived(contested_readings)))
    events_download(dataset, chapter.events, name=f"story-{chapter.id}", key="story_csv")
    if not statements.empty:
        st.subheader(_("Said at the time"), anchor=False)
        st.markdown(statements_markdown(statements, dataset.sources_by_id))


if __name__ == "__main__":
    run_app()  # Streamlit ran this file alone: see lib/ui/app.py

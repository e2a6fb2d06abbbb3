"""Who said what: every statement, found by search and filters, read in the article's own words,
and the article itself with everything the dataset took from it marked."""

from functools import partial

import numpy as np
import pandas as pd
import streamlit as st

from lib.i18n import N_, _, current_language, format_number, ngettext
from lib.model.dataset import Dataset
from lib.model.link import choices_from_query, hidden_choice_notice, search_from_query, search_text, tab_from_query
from lib.model.view import PageParams, View
from lib.ui.address import linked_choice, show_notices
from lib.ui.app import run_app
from lib.ui.downloads import csv_download, package_download
from lib.ui.filters import show_filters_in_use, show_nothing_matches
from lib.views.article import (
    article_html,
    evidence_spans,
    highlight_legend_html,
    paragraphs_with_spans,
    show_chosen_html,
    source_html,
    split_paragraphs,
)
from lib.views.markdown import escape_markdown
from lib.views.statements import (
    SOURCE_LINK_TEXT,
    TABLE_COLUMNS,
    TABLE_LAYOUTS,
    filter_speakers,
    search_statements,
    shown_date,
    speaker_choices,
    statement_choices,
    statement_html,
    statement_labels,
    statements_csv,
    statements_table,
    table_height,
)
from lib.views.wording import join_names

SEARCH_KEY = "statements_q"
SPEAKERS_KEY = "statements_speakers"
STATEMENT_KEY = "statements_statement"
TAB_KEY = "statements_tab"
TABLE_TAB = N_("Statements")
ARTICLE_TAB = N_("The article, annotated")
TAB_PARAM = "tab"
# The tab the link names, by its value in the link; the first tab, the table, is the default and is left out.
ARTICLE_IN_LINK = "article"
TABS_IN_LINK: dict[str, str] = {ARTICLE_IN_LINK: ARTICLE_TAB}


def start_from_link(view: View) -> None:
    """The page's first run in the session: the link's search, speakers and statement, unless its filters hide it."""
    if SEARCH_KEY in st.session_state:
        return
    statements = view.dataset.statements
    q, notices = search_from_query(view.query, "q")
    speakers, speaker_notices = choices_from_query(view.query, "speaker", speaker_choices(statements), N_("a speaker"))
    linked = linked_choice(view.query, "statement", statements["id"], N_("a statement"))
    tab, tab_notices = tab_from_query(view.query, TAB_PARAM, TABS_IN_LINK)
    notices += tab_notices
    shown = filter_speakers(search_statements(view.statements, q), speakers)
    if linked is not None and linked not in set(shown["id"]):
        notices.append(hidden_choice_notice("statement", linked))
        linked = None
    show_notices(notices + speaker_notices)
    opening_tab = _(TABS_IN_LINK[tab] if tab else TABLE_TAB)
    st.session_state.update({SEARCH_KEY: q, SPEAKERS_KEY: speakers, STATEMENT_KEY: linked, TAB_KEY: opening_tab})


def select_row(table_key: str, ids: np.ndarray) -> None:
    """The table's on_select: the row ticked becomes the chosen statement (none when it is unticked)."""
    rows = st.session_state[table_key].selection.rows
    st.session_state[STATEMENT_KEY] = ids[rows[0]] if rows else None


def render(view: View) -> PageParams:
    dataset = view.dataset
    st.title(_("Statements"))
    st.caption(_("Who said what, when and for which country, each taken word for word from a source article."))
    show_filters_in_use(view)
    start_from_link(view)
    # The article is built only while its tab is open: most readers never open it.
    table_tab, article_tab = st.tabs([_(TABLE_TAB), _(ARTICLE_TAB)], key=TAB_KEY, on_change="rerun")
    with table_tab:
        search_column, speaker_column = st.columns([3, 2])
        q = search_text(
            search_column.text_input(
                _("Search quotes, speakers and roles"),
                key=SEARCH_KEY,
                placeholder=_("e.g. impetus, Matviyenko, spokeswoman"),
                persist_state="session",
            )
        )
        speakers = speaker_column.multiselect(
            _("Speakers"),
            speaker_choices(dataset.statements),
            key=SPEAKERS_KEY,
            placeholder=_("All speakers"),
            persist_state="session",
        )
        shown = filter_speakers(search_statements(view.statements, q), speakers)
        if shown.empty:
            picked = None
            said_by = ngettext("the speaker {names}", "the speakers {names}", len(speakers))
            own = [_("the search “{q}”").format(q=q)] if q else []
            own += [said_by.format(names=join_names(speakers))] if speakers else []
            show_nothing_matches(view, "statement", own, {SEARCH_KEY: "", SPEAKERS_KEY: []})
        else:
            picked = table_and_choice(dataset, shown)
        csv_column, zip_column = st.columns(2)
        with csv_column:
            build = partial(statements_csv, shown, dataset.sources_by_id, dataset.island_names)
            csv_download(len(shown), "statement", build, name="statements", key="statements_csv")
        with zip_column:
            package_download(dataset, key="statements_package")
    if article_tab.open:
        with article_tab:
            annotated_article(dataset, shown, picked)
    return {"q": q, "speaker": speakers, "statement": picked, TAB_PARAM: ARTICLE_IN_LINK if article_tab.open else None}


def table_and_choice(dataset: Dataset, shown: pd.DataFrame) -> str | None:
    """The count, the table, the Statement box, and the chosen statement in context; the one chosen."""
    choices = statement_choices(dataset.derived(statement_labels), shown, st.session_state.get(STATEMENT_KEY))
    if st.session_state.get(STATEMENT_KEY) not in choices:  # hidden by the filters or the search: let it go
        st.session_state[STATEMENT_KEY] = None
    total, count = len(dataset.statements), len(shown)
    showing = (
        ngettext("Showing all {total} statement.", "Showing all {total} statements.", total)
        if count == total
        else ngettext("Showing {count} of {total} statement.", "Showing {count} of {total} statements.", total)
    ).format(count=format_number(count), total=format_number(total))
    # On a phone the statement in context is a long scroll away: the count says it is there.
    below = " " + _("The selected one is shown in context below the table.") if st.session_state[STATEMENT_KEY] else ""
    st.caption(showing + below)
    with st.container(key="statements_table"):
        statements_dataframe(dataset, shown, st.session_state[STATEMENT_KEY])
    if len(choices) < len(shown):
        listed = _("The Statement box lists the first {count}: search or filter to narrow the table.")
        st.caption(listed.format(count=format_number(len(choices))))
    picked = st.selectbox(
        _("Statement"),
        list(choices),
        key=STATEMENT_KEY,
        format_func=choices.__getitem__,
        placeholder=_("Tick a row of the table, or choose a statement here"),
        help=_("Read the statement in the article's own words, below."),
    )
    if picked:
        statement = shown[shown["id"] == picked].iloc[0]
        source = dataset.sources_by_id.loc[statement["source_id"]]
        st.subheader(_("In context"))
        st.html(statement_html(statement, source, dataset.texts.get(statement["source_id"])))
    return picked


def statements_dataframe(dataset: Dataset, shown: pd.DataFrame, chosen: str | None) -> None:
    rows = dataset.derived(statements_table).showing(shown)
    # The key names the chosen statement: choosing one in the Statement box redraws the table with its row ticked.
    table_key = f"{rows.key}_{chosen or ''}"
    chosen_row = rows.position(chosen)
    layout = TABLE_LAYOUTS[current_language()]
    st.dataframe(
        rows.data,
        on_select=partial(select_row, table_key, rows.ids),
        selection_mode="single-row",
        key=table_key,
        hide_index=True,
        width="stretch",
        row_height=layout.row_px,
        height=table_height(len(rows.ids), layout.row_px),
        placeholder=_("date unknown"),  # only a date can be missing
        selection_default=None if chosen_row is None else {"selection": {"rows": [chosen_row]}},
        column_order=TABLE_COLUMNS,
        column_config={
            # A read-only selectbox draws each ISO date by its label ("23 Jul 2018") but sorts and copies
            # the ISO text; the labels are worked out once per distinct date, not once per cell.
            "date": st.column_config.SelectboxColumn(
                _("Date"),
                help=_("As precise as the source allows"),
                width=layout.date_px,
                options=rows.date_options,
                format_func=shown_date,
            ),
            # Widths that fit the table in the width a laptop gives the page, the quote widest.
            "quote": st.column_config.TextColumn(_("Quote"), width=layout.quote_px),
            "speaker": st.column_config.TextColumn(_("Speaker"), width=105, pinned=True),
            "country": st.column_config.TextColumn(_("Country"), width=70),
            "role": st.column_config.TextColumn(_("Role at the time"), width=160),
            "source": st.column_config.LinkColumn(
                _("Source"), help=_("Opens the article"), display_text=SOURCE_LINK_TEXT, width=70
            ),
        },
    )


def annotated_article(dataset: Dataset, shown: pd.DataFrame, picked: str | None) -> None:
    """The article, every extraction marked; the statement chosen on the table's tab ringed and brought into view."""
    sources = dataset.sources_by_id
    chosen = shown[shown["id"] == picked].iloc[0] if picked else None
    source_id = st.selectbox(
        _("Article"),
        sources.index,
        index=0 if chosen is None else sources.index.get_loc(chosen["source_id"]),
        format_func=lambda key: f"{sources.loc[key, 'publisher']}: {sources.loc[key, 'title']}",
    )
    text = dataset.texts[source_id]
    spans = evidence_spans(dataset, source_id)
    paragraphs = split_paragraphs(text)
    st.caption(
        _(
            "The full text, with every statement and event taken from it marked, whatever the filters. "
            "What is not marked is what the dataset leaves out."
        )
    )
    st.html(highlight_legend_html())
    marked = _("**{marked} of {count} paragraphs** have something extracted.")
    st.markdown(marked.format(marked=paragraphs_with_spans(paragraphs, spans), count=len(paragraphs)))
    in_this_article = chosen is not None and chosen["source_id"] == source_id
    if in_this_article:
        ringed = _("The statement chosen, by {speaker}, is ringed below.")
        st.caption(ringed.format(speaker=escape_markdown(chosen["speaker"])))
    sentence = str(chosen["evidence"]) if in_this_article else ""
    st.html(source_html(sources.loc[source_id]) + article_html(text, spans, sentence))
    if in_this_article:
        st.html(show_chosen_html(), unsafe_allow_javascript=True)


if __name__ == "__main__":
    run_app()  # Streamlit ran this file alone: see lib/ui/app.py

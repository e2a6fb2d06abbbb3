"""Who said what: every statement, found by search and filters, read in the article's own words,
and the article itself with everything the dataset took from it marked."""

import streamlit as st

from lib.views.article import (
    article_html,
    evidence_spans,
    legend_html,
    paragraphs_with_spans,
    source_html,
    split_paragraphs,
)
from lib.model.load import Dataset
from lib.model.archive import ARCHIVE_NAME, dataset_zip
from lib.model.filters import STATEMENT_PARAM
from lib.views.statements import (
    SOURCE_LINK_TEXT,
    TABLE_ROW_PX,
    StatementsTable,
    active_filters,
    filter_speakers,
    shown_date,
    speaker_choices,
    statement_html,
    statements_csv,
    statements_table,
    table_height,
)
from lib.views.text import escape_markdown
from lib.ui import (
    SEARCH_KEY,
    data_dir,
    dataset_year_bounds,
    filtered_statements,
    island_names,
    keep_choice_in_url,
    linked_choice,
    page_context,
    per_data_version,
    reset_filters,
    show_filters_in_use,
)

SPEAKERS_KEY = "statements_speakers"
TAB_KEY = "statements_tab"
TABLE_TAB = "Statements"
ARTICLE_TAB = "The article, annotated"


def dataset_table(dataset: Dataset) -> StatementsTable:
    """The table of every statement; a run shows the rows the filters keep."""
    return statements_table(dataset.statements, dataset.sources)


dataset, filters = page_context()
bounds = dataset_year_bounds(dataset)
names = island_names(dataset)
sources = dataset.sources.set_index("id", drop=False)


def clear_every_filter() -> None:
    reset_filters(bounds)
    st.session_state[SPEAKERS_KEY] = []


st.title("Statements")
st.caption("Who said what, when and for which country, each taken word for word from a source article.")
show_filters_in_use(dataset, filters)
linked = linked_choice(STATEMENT_PARAM, dataset.statements["id"], "a statement")
# The article is built only while its tab is open: most readers never open it.
table_tab, article_tab = st.tabs([TABLE_TAB, ARTICLE_TAB], key=TAB_KEY, on_change="rerun")

with table_tab:
    search_column, speaker_column = st.columns([3, 2])
    search_column.text_input(
        "Search quotes, speakers and roles", key=SEARCH_KEY, placeholder="e.g. impetus, Matviyenko, spokeswoman"
    )
    speakers = speaker_column.multiselect(
        "Speakers", speaker_choices(dataset.statements), key=SPEAKERS_KEY, placeholder="All speakers"
    )
    shown = filter_speakers(filtered_statements(dataset, filters), speakers)
    total = len(dataset.statements)
    showing = (
        f"Showing all {total} statements." if len(shown) == total else f"Showing {len(shown)} of {total} statements."
    )
    # Above the table, as the count, once the table says whether a row is selected: on a phone the
    # statement in context is a long scroll away.
    count = st.empty()
    count.caption(showing)

    if shown.empty:
        active = active_filters(filters, bounds, names, speakers)
        steps = "\n".join(f"- {escape_markdown(item.what)}: {escape_markdown(item.how_to_clear)}" for item in active)
        st.info(f"No statement matches all of these filters:\n\n{steps}", icon=":material/search_off:")
        st.button("Clear every filter", on_click=clear_every_filter, icon=":material/filter_alt_off:")
    else:
        rows = per_data_version(dataset_table).showing(shown)
        linked_row = rows.position(linked)
        table = st.dataframe(
            rows.data,
            on_select="rerun",
            selection_mode="single-row",
            key=rows.key,
            hide_index=True,
            width="stretch",
            row_height=TABLE_ROW_PX,
            height=table_height(len(rows.ids)),
            placeholder="date unknown",  # only a date can be missing
            # A statement the opening link chose starts selected (a default, applied on the first run only).
            selection_default=None if linked_row is None else {"selection": {"rows": [linked_row]}},
            column_config={
                # A read-only selectbox draws each ISO date by its label ("23 Jul 2018") but sorts and copies
                # the ISO text; the labels are worked out once per distinct date, not once per cell.
                "date": st.column_config.SelectboxColumn(
                    "Date",
                    help="As precise as the source allows",
                    width=100,
                    options=rows.date_options,
                    format_func=shown_date,
                ),
                "speaker": st.column_config.TextColumn("Speaker", width=120),
                "role": st.column_config.TextColumn("Role at the time", width="medium"),
                "country": st.column_config.TextColumn("Country", width="small"),
                "quote": st.column_config.TextColumn("Quote", width=380),
                "kind": st.column_config.TextColumn(
                    "Kind", width="small", help="direct: quoted words; reported: reported speech"
                ),
                "source": st.column_config.LinkColumn(
                    "Source", help="Opens the article", display_text=SOURCE_LINK_TEXT, width=80
                ),
            },
        )
        if table.selection.rows:
            chosen = rows.ids[table.selection.rows[0]]
            keep_choice_in_url(STATEMENT_PARAM, chosen)
            statement = shown[shown["id"] == chosen].iloc[0]
            count.caption(f"{showing} The selected one is shown in context below the table.")
            st.subheader("In context")
            st.html(
                statement_html(
                    statement, sources.loc[statement["source_id"]], dataset.texts.get(statement["source_id"])
                )
            )
        else:
            st.caption("Select a row (the box at its left) to read the statement in the article's own words.")

    csv_column, zip_column = st.columns(2)
    csv_column.download_button(
        f"Download {len(shown)} statement{'' if len(shown) == 1 else 's'} (CSV)",
        data=lambda: statements_csv(shown, dataset.sources, names),
        file_name="kurils-statements.csv",
        mime="text/csv",
        on_click="ignore",
        disabled=shown.empty,
        icon=":material/download:",
        width="stretch",
    )
    zip_column.download_button(
        "Download the whole dataset (ZIP)",
        data=lambda: dataset_zip(data_dir(), dataset.sources["path"]),
        file_name=ARCHIVE_NAME,
        mime="application/zip",
        on_click="ignore",
        help="Every table as CSV, islands.geojson, the schema README and the source texts",
        icon=":material/folder_zip:",
        width="stretch",
    )

if article_tab.open:
    with article_tab:
        source_id = st.selectbox(
            "Article",
            sources.index,
            format_func=lambda key: f"{sources.loc[key, 'publisher']}: {sources.loc[key, 'title']}",
        )
        text = dataset.texts[source_id]
        spans = evidence_spans(text, dataset.statements, dataset.events, source_id)
        paragraphs = split_paragraphs(text)
        st.caption(
            "The full text, with every statement and event taken from it marked, whatever the filters. "
            "What is not marked is what the dataset leaves out."
        )
        st.html(legend_html())
        st.markdown(
            f"**{paragraphs_with_spans(paragraphs, spans)} of {len(paragraphs)} paragraphs** have something extracted."
        )
        st.html(source_html(sources.loc[source_id]) + article_html(text, spans))

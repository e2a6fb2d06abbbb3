"""Reference for the Statements page (pages/statements.py): a title and a caption, two tabs (the second
drawn only when open), a text input beside a multiselect, a caption, a dataframe with a row selection,
a select box, two download buttons in a row."""

import streamlit as st
from components import DATA, _, ngettext, read

statements = read("statements.csv")
st.title(_("Statements"))
st.caption(_("Who said what, when and for which country, each taken word for word from a source article."))
table_tab, article_tab = st.tabs(["Table", "The article"], key="tab", on_change="rerun")
with table_tab:
    search_column, speaker_column = st.columns([3, 2])
    search_column.text_input(_("Search quotes, speakers and roles"), placeholder="e.g. impetus, Matviyenko")
    speaker_column.multiselect(_("Speakers"), sorted(statements["speaker"].unique()), placeholder=_("All speakers"))
    st.caption(
        ngettext("Showing all {total} statement.", "Showing all {total} statements.", len(statements)).format(
            total=len(statements)
        )
    )
    st.dataframe(
        statements[["date", "quote", "speaker", "country", "role", "role_source_url"]],
        hide_index=True,
        width="stretch",
        on_select="rerun",
        selection_mode="single-row",
        column_config={"role_source_url": st.column_config.LinkColumn(_("Source"), display_text=_("source"))},
    )
    st.selectbox(_("Statement"), statements["quote"], index=None, placeholder="Pick a statement to read it in context")
    csv_column, zip_column = st.columns(2)
    csv_column.download_button(
        ngettext("Download {count} statement (CSV)", "Download {count} statements (CSV)", len(statements)).format(
            count=len(statements)
        ),
        data=lambda: statements.to_csv(index=False),
        file_name="statements.csv",
        mime="text/csv",
        on_click="ignore",
        icon=":material/download:",
        width="stretch",
    )
    zip_column.download_button(
        _("Download {package}").format(package=_("the data package (ZIP, Frictionless)")),
        data=lambda: (DATA / "events.csv").read_bytes(),
        file_name="dataset.zip",
        mime="application/zip",
        on_click="ignore",
        icon=":material/folder_zip:",
        width="stretch",
    )
if article_tab.open:
    with article_tab:
        st.markdown("The article, drawn only while its tab is open.")

"""The Statements page through AppTest: the table, the search and speakers, the empty state, the article tab."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from lib.model.dataset import Dataset
from lib.model.load import read_dataset
from lib.ui.data import DATA_DIR_VARIABLE
from lib.views.article import evidence_spans, paragraphs_with_spans, split_paragraphs
from lib.views.markdown import escape_markdown
from lib.views.statements import SOURCE_LINK_TEXT
from tests.apptest import run_page, share_link
from tests.views.test_article import assert_only_own_markup
from tests.views.test_statements import DATE

PAGE = "pages/statements.py"
SEARCH_KEY = "statements_q"
SPEAKERS_KEY = "statements_speakers"
STATEMENT_KEY = "statements_statement"


def table_quotes(app: AppTest) -> list[str]:
    return list(app.dataframe[0].value["quote"])


def captions(app: AppTest) -> str:
    return " ".join(caption.value for caption in app.caption)


def test_the_page_lists_every_statement_with_a_count() -> None:
    app = run_page(PAGE)
    assert not app.exception
    assert list(app.dataframe[0].value.columns) == ["speaker", "quote", "date", "source", "country", "role"]
    assert len(table_quotes(app)) == 8
    assert "Showing all 8 statements." in captions(app)
    labels = [button.label for button in app.get("download_button")]
    assert labels == ["Download 8 statements (CSV)", "Download the data package (ZIP, Frictionless)"]


def test_the_table_labels_each_date_and_names_each_link_by_its_host() -> None:
    app = run_page(PAGE)
    table = app.dataframe[0]
    columns = json.loads(table.proto.columns)
    date = columns["date"]["type_config"]
    assert date["type"] == "selectbox"
    assert date["options"] == [{"value": "2018-07-23", "label": "23 Jul 2018"}]
    assert list(table.value["date"].fillna("date unknown")) == [*["2018-07-23"] * 6, *["date unknown"] * 2]
    assert table.proto.placeholder == "date unknown"
    assert columns["source"]["type_config"] == {"type": "link", "display_text": SOURCE_LINK_TEXT}


def test_a_search_in_the_url_fills_the_box_and_narrows_the_table(statement) -> None:
    app = run_page(PAGE, q="impetus")
    assert app.text_input(key=SEARCH_KEY).value == "impetus"
    assert table_quotes(app) == [statement("matviyenko-strong-impetus")["quote"]]
    assert "Showing 1 of 8 statements." in captions(app)


def test_typing_a_search_narrows_the_table_and_goes_into_the_url() -> None:
    app = run_page(PAGE)
    app.text_input(key=SEARCH_KEY).input("Matviyenko").run()
    assert len(table_quotes(app)) == 3
    assert app.query_params["q"] == "Matviyenko"


def test_picking_a_speaker_narrows_the_table(statement) -> None:
    app = run_page(PAGE)
    app.multiselect(key=SPEAKERS_KEY).select("Chuichi Date").run()
    assert set(table_quotes(app)) == {statement(statement_id)["quote"] for statement_id in DATE}
    assert "Showing 3 of 8 statements." in captions(app)


def test_nothing_matching_names_the_search_and_the_filters_and_offers_a_way_out() -> None:
    app = run_page(PAGE, q="impetus", country="Japan", speaker="Chuichi Date")
    assert not app.dataframe
    (info,) = app.info
    said = re.sub(r"\\(.)", r"\1", info.value)  # as Markdown reads it
    assert "the search “impetus”" in said and "the speaker Chuichi Date" in said
    # The filters as the line above the page names them, not in words of the message's own.
    [in_use] = [re.sub(r"\\(.)", r"\1", caption.value) for caption in app.main.caption if "Filters:" in caption.value]
    assert f"({in_use.split('Filters: ')[1]})" in said
    assert app.get("download_button")[0].proto.disabled
    app.button[0].click().run()
    assert len(table_quotes(app)) == 8
    assert app.text_input(key=SEARCH_KEY).value == ""
    assert app.session_state["filter_country"] == "Both"
    assert app.query_params == {}


def open_the_article(app: AppTest) -> AppTest:
    """Click the article's tab: its content is built only while it is open."""
    app.session_state["statements_tab"] = "The article, annotated"
    return app.run()


def in_context(app: AppTest) -> str:
    """The statement shown in context, as HTML; "" when none is."""
    return next((html.proto.body for html in app.html if 'class="kd-statement"' in html.proto.body), "")


def test_a_link_opens_the_page_with_its_statement_in_context_and_the_share_link_keeps_it() -> None:
    app = run_page(PAGE, country="Russia", statement="matviyenko-strong-impetus")
    assert not app.exception and not app.warning
    assert "In context" in [subheader.value for subheader in app.subheader]
    assert "will give a strong impetus to the development" in in_context(app)
    assert "statements. The selected one is shown in context below the table." in captions(app)
    assert dict(app.query_params) == {"country": "Russia", "statement": "matviyenko-strong-impetus"}
    assert share_link(app) == "statements?country=Russia&statement=matviyenko-strong-impetus"


@pytest.mark.parametrize(
    ("link", "notices"),
    [
        ({"statement": "no-such-statement"}, ["“statement=no-such-statement” is not a statement in the data"]),
        (
            {"country": "Japan", "statement": "matviyenko-strong-impetus"},  # a Russian statement
            ["“statement=matviyenko-strong-impetus” is hidden by the link's other filters; none is chosen."],
        ),
        (
            {"q": "treaty", "statement": "matviyenko-strong-impetus"},  # a statement the search leaves out
            ["“statement=matviyenko-strong-impetus” is hidden by the link's other filters"],
        ),
    ],
    ids=["unknown", "hidden by the filters", "hidden by the search"],
)
def test_a_link_to_a_statement_not_shown_selects_none(link: dict[str, str], notices: list[str]) -> None:
    app = run_page(PAGE, **link)
    assert not app.exception
    assert in_context(app) == ""
    assert "statement" not in app.query_params
    assert "The selected one" not in captions(app)
    assert len(app.warning) == len(notices)
    for warning, notice in zip(app.warning, notices, strict=True):
        assert escape_markdown(notice) in warning.value


def test_the_article_is_built_only_once_its_tab_is_opened() -> None:
    app = run_page(PAGE)
    assert [tab.label for tab in app.tabs] == ["Statements", "The article, annotated"]
    assert not app.main.html and [box.label for box in app.main.selectbox] == ["Statement"]
    open_the_article(app)
    assert any('class="kd-article"' in html.proto.body for html in app.html)
    assert [box.label for box in app.main.selectbox] == ["Statement", "Article"]
    assert len(table_quotes(app)) == 8, "the table is still there behind its tab"


def test_the_article_section_counts_the_paragraphs_with_something_extracted(dataset: Dataset) -> None:
    app = open_the_article(run_page(PAGE))
    spans = evidence_spans(dataset, "tass-2018-07-23")
    used = paragraphs_with_spans(split_paragraphs(dataset.texts["tass-2018-07-23"]), spans)
    assert any(
        f"{used} of 11 paragraphs" in markdown.value and "have something extracted" in markdown.value
        for markdown in app.markdown
    )
    article = next(html.proto.body for html in app.html if 'class="kd-article"' in html.proto.body)
    assert article.count('class="hl-label hl-label-statement"') == len(dataset.statements)
    assert article.count('class="hl-label hl-label-event"') == sum(span.kind == "event" for span in spans) > 0


def test_the_page_shows_hostile_data_as_text(hostile_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(hostile_dir))
    app = open_the_article(run_page(PAGE))
    assert not app.exception
    assert app.html, "the legend and the article are drawn"
    for html in app.main.html:
        assert_only_own_markup(html.proto.body)
    hostile = read_dataset(hostile_dir).dataset
    assert hostile is not None
    assert set(table_quotes(app)) == set(hostile.statements["quote"]), "table cells show the attacks as text"


def article_body(app: AppTest) -> str:
    return next((html.proto.body for html in app.html if 'class="kd-article"' in html.proto.body), "")


def test_a_link_with_tab_article_opens_the_article_with_its_statement_ringed() -> None:
    app = run_page(PAGE, statement="matviyenko-strong-impetus", tab="article")
    assert not app.exception and not app.warning
    assert app.session_state["statements_tab"] == "The article, annotated"
    body = article_body(app)
    assert 'id="kd-chosen-statement"' in body and body.count("hl-chosen") >= 1
    assert any("show-chosen.js" in html.proto.body for html in app.html)
    assert "The statement chosen, by Valentina Matviyenko, is ringed below." in captions(app)
    assert dict(app.query_params) == {"statement": "matviyenko-strong-impetus", "tab": "article"}
    assert share_link(app) == "statements?statement=matviyenko-strong-impetus&tab=article"


def test_opening_and_closing_the_article_tab_goes_into_the_link() -> None:
    app = run_page(PAGE)
    assert "tab" not in app.query_params
    assert "kd-chosen-statement" not in article_body(open_the_article(app))
    assert app.query_params["tab"] == "article"
    app.session_state["statements_tab"] = "Statements"
    app.run()
    assert "tab" not in app.query_params and not article_body(app)


@pytest.mark.parametrize("tab", ["table", "ARTICLE", "x" * 500])
def test_a_link_to_a_tab_the_page_has_not_opens_on_the_table_with_a_notice(tab: str) -> None:
    app = run_page(PAGE, tab=tab)
    assert not app.exception
    [warning] = app.warning
    assert "is not a tab of this page" in warning.value or "was longer than" in warning.value
    assert not article_body(app)
    assert "tab" not in app.query_params


def test_the_tab_parameter_belongs_to_the_statements_page_alone() -> None:
    app = run_page("pages/timeline.py", tab="article")
    [warning] = app.warning
    assert "tab" in warning.value and "tab" not in app.query_params


def test_in_japanese_the_page_s_words_are_japanese_and_the_quotes_stay_as_published(statement) -> None:
    app = run_page(PAGE, lang="ja")
    assert not app.exception
    assert [title.value for title in app.title] == ["発言"]
    assert [tab.label for tab in app.tabs] == ["発言", "注釈付きの記事"]
    assert "全8件の発言を表示しています。" in captions(app)
    assert "Who said what" not in captions(app) and "Showing" not in captions(app)
    assert statement("matviyenko-strong-impetus")["quote"] in table_quotes(app)


def test_in_russian_the_count_takes_the_form_its_number_needs() -> None:
    app = run_page(PAGE, lang="ru", q="impetus")
    assert "Показано 1 из 8 заявлений." in captions(app)
    app.text_input(key=SEARCH_KEY).input("").run()
    assert "Показаны все 8 заявлений." in captions(app)


def test_the_date_column_widens_for_longer_dates_and_the_table_keeps_its_width() -> None:
    widths = {}
    for language in ("en", "ja", "ru"):
        columns = json.loads(run_page(PAGE, lang=language).dataframe[0].proto.columns)
        widths[language] = (columns["date"]["width"], columns["quote"]["width"])
    assert widths["en"][0] < widths["ja"][0] < widths["ru"][0]
    assert len({sum(pair) for pair in widths.values()}) == 1

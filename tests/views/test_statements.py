"""lib.views.statements: search and filters, the table as shown, the empty state, a statement in
context, the CSV. The page itself: tests/test_statements_page.py."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import replace

import pandas as pd
import pytest
from markupsafe import escape

from lib.i18n import ENGLISH, use_language
from lib.model.dataset import Dataset
from lib.model.filters import Filters
from lib.views.markdown import escape_markdown
from lib.views.statements import (
    SOURCE_LINK_TEXT,
    TABLE_COLUMNS,
    export_frame,
    filter_speakers,
    iso_date,
    iso_dates,
    search_statements,
    shown_date,
    speaker_choices,
    statement_html,
    statements_csv,
    statements_markdown,
    statements_table,
    table_frame,
    table_height,
)
from tests.hostile import PAYLOADS
from tests.views.parsed_html import parse_html
from tests.views.test_article import assert_only_own_markup

SOURCE_ID = "tass-2018-07-23"

DATE = {"date-hopes-for-progress", "date-unsettled-territorial-problem", "date-trust-abe-putin"}
# The rows in table order, read off statements.csv by hand: oldest first, the undated one last.
TABLE_ORDER = [
    "date-hopes-for-progress",
    "date-unsettled-territorial-problem",
    "date-trust-abe-putin",
    "matviyenko-strong-impetus",
    "matviyenko-close-contacts",
    "matviyenko-ministerial-meetings",
    "zakharova-2plus2-july-31",  # said "earlier": date unknown
    "mfa-ownership-fixed",  # date unknown
]


Statement = Callable[[str], pd.Series]


@pytest.fixture(scope="module")
def source(dataset: Dataset) -> pd.Series:
    return dataset.sources.set_index("id").loc[SOURCE_ID]


@pytest.fixture(scope="module")
def text(dataset: Dataset) -> str:
    return dataset.texts[SOURCE_ID]


def shown_ids(dataset: Dataset, q: str, speakers: list[str], **changes: object) -> set[str]:
    first, last = dataset.year_bounds
    filters = Filters(**{"year_from": first, "year_to": last, **changes})
    return set(filter_speakers(search_statements(dataset.filtered_statements(filters), q), speakers)["id"])


@pytest.mark.parametrize(
    ("q", "speakers", "changes", "expected"),
    [
        ("impetus", [], {}, {"matviyenko-strong-impetus"}),
        ("IMPETUS", [], {}, {"matviyenko-strong-impetus"}),
        ("Councillors", [], {}, DATE),  # in the role
        ("foreign ministry", [], {}, {"mfa-ownership-fixed"}),  # in the speaker
        (
            "foreign",
            [],
            {},
            {"matviyenko-close-contacts", "matviyenko-ministerial-meetings", "zakharova-2plus2-july-31"}
            | {"mfa-ownership-fixed"},
        ),
        ("nations' foreign", [], {}, {"matviyenko-close-contacts"}),  # typed ' finds ’
        ("nations’ foreign", [], {}, {"matviyenko-close-contacts"}),
        ("", ["Chuichi Date"], {}, DATE),
        ("progress", ["Chuichi Date"], {}, {"date-hopes-for-progress", "date-trust-abe-putin"}),
        ("progress", ["Valentina Matviyenko"], {}, set()),
        ("", ["Maria Zakharova", "Russian Foreign Ministry"], {}, {"zakharova-2plus2-july-31", "mfa-ownership-fixed"}),
        ("", ["Russian Foreign Ministry"], {"year_to": 2024}, set()),  # undated: hidden once years narrow
        ("", [], {"country": "Japan"}, DATE),
        ("ministerial", ["Valentina Matviyenko"], {"country": "Russia"}, {"matviyenko-ministerial-meetings"}),
        ("", [], {"island": "habomai"}, {"date-unsettled-territorial-problem", "mfa-ownership-fixed"}),
        ("no such words", [], {}, set()),
    ],
)
def test_search_speakers_and_shared_filters_together(
    q: str, speakers: list[str], changes: dict[str, object], expected: set[str], dataset: Dataset
) -> None:
    assert shown_ids(dataset, q, speakers, **changes) == expected


def test_no_speaker_picked_means_every_speaker(dataset: Dataset) -> None:
    assert filter_speakers(dataset.statements, []).equals(dataset.statements)


def test_speaker_choices_are_each_speaker_once_alphabetically(dataset: Dataset) -> None:
    assert speaker_choices(dataset.statements) == [
        "Chuichi Date",
        "Maria Zakharova",
        "Russian Foreign Ministry",
        "Valentina Matviyenko",
    ]
    assert speaker_choices(pd.DataFrame({"speaker": ["zed", "Amy", "bob", "Amy"]})) == ["Amy", "bob", "zed"]


def test_the_table_is_in_date_order_with_the_undated_last(dataset: Dataset, source: pd.Series) -> None:
    frame = table_frame(dataset.statements, dataset.sources_by_id)
    assert list(frame["id"]) == TABLE_ORDER
    assert list(frame["date"][:-2]) == ["2018-07-23"] * 6
    assert frame["date"].iloc[-2:].isna().all()
    assert set(frame["source"]) == {"https://tass.com/world/1014523"}


@pytest.mark.parametrize(
    "kept",
    [
        lambda statements: statements,
        lambda statements: statements.iloc[::2],
        lambda statements: statements.iloc[::-3],  # in another order than the table's
        lambda statements: statements[statements["speaker"] == "Chuichi Date"],
        lambda statements: statements.iloc[:0],
    ],
    ids=["all", "every other", "reversed thirds", "one speaker", "none"],
)
def test_the_rows_showing_some_statements_are_the_table_of_those_statements(kept, dataset: Dataset) -> None:
    statements = kept(dataset.statements)
    rows = statements_table(dataset).showing(statements)
    # Filters keep the CSV's order (the index), which orders the rows of one date.
    expected = table_frame(statements.sort_index(), dataset.sources_by_id)
    assert list(rows.ids) == list(expected["id"])
    # Values, not dtypes: Arrow's strings come back as "str", and columns of no rows as "object".
    pd.testing.assert_frame_equal(rows.data.to_pandas(), expected[list(TABLE_COLUMNS)], check_dtype=False)


def test_a_statement_s_position_is_its_row_in_the_rows_shown(dataset: Dataset) -> None:
    table = statements_table(dataset)
    assert [table.position(statement_id) for statement_id in TABLE_ORDER] == list(range(len(TABLE_ORDER)))
    russian = table.showing(dataset.statements[dataset.statements["country"] == "Russia"])
    assert russian.position("date-hopes-for-progress") is None  # not shown
    assert russian.position("matviyenko-strong-impetus") == 0
    assert table.position("no-such-statement") is None and table.position(None) is None


def test_the_table_key_changes_with_its_rows_and_only_with_them(dataset: Dataset) -> None:
    whole = statements_table(dataset)
    assert whole.key == statements_table(replace(dataset)).key
    fewer = whole.showing(dataset.statements.iloc[1:])
    assert fewer.key != whole.key
    assert whole.showing(dataset.statements).key == whole.key


def test_the_table_shows_dates_at_their_precision_and_sources_by_host(dataset: Dataset, source: pd.Series) -> None:
    frame = table_frame(dataset.statements, dataset.sources_by_id)
    options = statements_table(dataset).date_options
    assert [shown_date(date) for date in options] == ["23 Jul 2018"]
    assert {link_text(url) for url in frame["source"]} == {"tass.com"}


def link_text(url: str) -> str:
    """What the table shows for a link: the regular expression's first group, else the URL
    (the same expression means the same in Python and in JavaScript)."""
    match = re.match(SOURCE_LINK_TEXT, url)
    return match.group(1) if match else url


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://tass.com/world/1014523", "tass.com"),
        ("http://www.kremlin.ru/events/president/news/58537", "kremlin.ru"),
        ("https://www.mofa.go.jp:443/region/europe/russia/territory/", "mofa.go.jp"),
        ("https://example.org?q=1", "example.org"),
        # The browser goes to the host after the user name and reads a backslash as a slash:
        # the text names where the link goes, never a host written to mislead.
        ("https://tass.com@example.org/", "example.org"),
        ("https://user:secret@tass.com@example.org/", "example.org"),
        ("https://example.org\\@tass.com/", "example.org"),
    ],
)
def test_a_source_link_is_named_by_the_host_it_opens(url: str, shown: str) -> None:
    assert link_text(url) == shown


@pytest.mark.parametrize(
    ("date", "precision", "iso"),
    [
        ("1956-10-19", "day", "1956-10-19"),
        ("2018-07-01", "month", "2018-07"),
        ("2018-01-01", "year", "2018"),
        (None, "unknown", None),
    ],
)
def test_iso_dates_keep_their_precision(date: str | None, precision: str, iso: str | None) -> None:
    assert iso_date(pd.Timestamp(date) if date else pd.NaT, precision) == iso


def test_iso_dates_of_a_column_are_each_rows_iso_date() -> None:
    dates = pd.Series(
        pd.to_datetime(["2018-07-23", None, "2018-07-23", "2018-07-23", "1956-10-19"]), index=[5, 3, 1, 0, 9]
    )
    precisions = pd.Series(["day", "unknown", "month", "day", "year"], index=[5, 3, 1, 0, 9])
    iso = iso_dates(dates, precisions)
    assert list(iso.index) == [5, 3, 1, 0, 9]
    one_by_one = [iso_date(date, precision) for date, precision in zip(dates, precisions, strict=True)]
    assert list(iso.fillna("unknown")) == [date or "unknown" for date in one_by_one]
    assert list(iso.fillna("unknown")) == ["2018-07-23", "unknown", "2018-07", "2018-07-23", "1956"]


def test_the_date_column_sorts_as_text_in_date_order(dataset: Dataset, text: str) -> None:
    """The table sorts the date column by its ISO text and shows each date's label; the text must sort like the dates."""
    statements = dataset.statements.iloc[[0, 0, 0, 0]].assign(
        id=["a", "b", "c", "d"],
        date=pd.to_datetime(["2018-07-23", "2018-07-01", "1956-10-19", "2018-01-01"]),
        date_precision=["day", "month", "day", "year"],
    )
    frame = table_frame(statements, dataset.sources_by_id)
    assert sorted(frame["date"]) == list(frame["date"]) == ["1956-10-19", "2018", "2018-07", "2018-07-23"]
    assert statements_table(replace(dataset, statements=statements)).date_options == list(frame["date"])
    assert [shown_date(date) for date in frame["date"]] == ["19 Oct 1956", "2018", "Jul 2018", "23 Jul 2018"]


BOUNDS = (1855, 2025)
NAMES = {"habomai": "Habomai Islands"}


def read_csv(data: bytes) -> list[dict[str, str]]:
    assert data.startswith("\ufeff".encode()), "a byte-order mark, for spreadsheets"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_the_csv_holds_the_shown_statements_in_readable_columns(dataset: Dataset, statement: Statement) -> None:
    shown = dataset.statements[dataset.statements["id"].isin(["mfa-ownership-fixed", "zakharova-2plus2-july-31"])]
    rows = read_csv(statements_csv(shown, dataset.sources_by_id, dataset.island_names))
    assert [row["Statement id"] for row in rows] == ["zakharova-2plus2-july-31", "mfa-ownership-fixed"]
    zakharova, ministry = rows
    assert (zakharova["Date"], zakharova["Date (ISO, at its precision)"]) == ("date unknown", "")
    assert (ministry["Date"], ministry["Date (ISO, at its precision)"]) == ("date unknown", "")
    assert ministry["Quote"] == statement("mfa-ownership-fixed")["quote"]  # ’ kept
    assert ministry["Islands"] == "Iturup; Kunashir; Shikotan; Habomai Islands"
    assert ministry["Kind"] == "reported speech"
    assert (ministry["Source"], ministry["Source URL"]) == ("TASS", "https://tass.com/world/1014523")
    assert zakharova["Role checked at"] == statement("zakharova-2plus2-july-31")["role_source_url"]


@pytest.mark.parametrize(
    ("quote", "in_csv"),
    [
        ('=HYPERLINK("https://example.org")', '\'=HYPERLINK("https://example.org")'),
        ("+1 more", "'+1 more"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("<script>alert(1)</script>", "<script>alert(1)</script>"),  # CSV is not HTML: kept as written
        ("A plain quote, with “quotes”", "A plain quote, with “quotes”"),
    ],
)
def test_the_csv_cannot_run_a_formula_in_a_spreadsheet(quote: str, in_csv: str, dataset: Dataset) -> None:
    shown = dataset.statements.iloc[[0]].assign(quote=quote)
    assert export_frame(shown, dataset.sources_by_id, dataset.island_names)["Quote"].tolist() == [in_csv]


def test_a_statement_in_context_shows_its_paragraph_role_and_links(
    statement: Statement, source: pd.Series, text: str
) -> None:
    html = statement_html(statement("date-unsettled-territorial-problem"), source, text)
    parsed = parse_html(html)
    shown = "".join(parsed.text)
    assert "“An unsettled territorial problem has been in place" in shown  # direct: in quotation marks
    assert "President (speaker) of the House of Councillors" in shown
    assert "Diet (role at the time; where the role was checked)" in shown  # one pair of brackets
    assert "Japan · 23 Jul 2018 · direct quote" in shown
    evidence = statement("date-unsettled-territorial-problem")["evidence"]
    assert f">{escape(evidence)}</mark>" in html
    assert [tag for tag, _ in parsed.tags].count("mark") == 1
    links = {attrs["href"] for tag, attrs in parsed.tags if tag == "a"}
    assert links == {source["url"], statement("date-unsettled-territorial-problem")["role_source_url"]}


def test_an_undated_statement_without_a_role_link_still_reads_well(
    statement: Statement, source: pd.Series, text: str
) -> None:
    row = statement("mfa-ownership-fixed")
    row["role_source_url"] = ""
    shown = "".join(parse_html(statement_html(row, source, text)).text)
    assert "Russia · date unknown · reported speech" in shown
    assert "where the role was checked" not in shown
    assert "(role at the time)" in shown


def test_a_sentence_missing_from_the_text_is_shown_alone_highlighted(statement: Statement, source: pd.Series) -> None:
    html = statement_html(statement("date-trust-abe-putin"), source, None)
    assert f">{escape(statement('date-trust-abe-putin')['evidence'])}</mark>" in html


@pytest.mark.parametrize("hostile", ["<script>alert(1)</script>", '<img src=x onerror="alert(1)">', '"><b>x</b>'])
def test_a_statement_in_context_escapes_everything_from_data(
    hostile: str, statement: Statement, source: pd.Series, text: str
) -> None:
    row = statement("date-trust-abe-putin")
    for column in ("speaker", "role", "quote", "country", "kind"):
        row[column] = hostile
    row["evidence"] = f"{hostile} said it."
    row["role_source_url"] = f"javascript:alert(1)//{hostile}"
    hostile_source = source.copy()
    for column in ("publisher", "title", "dateline"):
        hostile_source[column] = hostile
    html = statement_html(row, hostile_source, f"Before.\n\n{hostile} said it.")
    assert_only_own_markup(html)
    assert "javascript:" not in {attrs.get("href") for _, attrs in parse_html(html).tags}
    assert "".join(parse_html(html).text).count(hostile) >= 7


def test_the_table_is_as_tall_as_its_rows_up_to_ten_then_scrolls() -> None:
    assert table_height(8, 120) - table_height(7, 120) == 120
    assert table_height(10, 120) == table_height(11, 120) == table_height(8000, 120)
    assert table_height(10, 120) > 10 * 120  # and the header above the rows
    assert table_height(0, 120) == table_height(1, 120)  # the empty state shows no table; never a zero height


def test_each_statement_says_who_when_and_links_its_article_and_its_context() -> None:
    said = pd.DataFrame(
        {
            "id": ["direct-one", "reported-one"],
            "date": [pd.Timestamp("2018-07-23")] * 2,
            "date_precision": ["day", "day"],
            "speaker": ["Chuichi Date", PAYLOADS["script"]],
            "country": ["Japan", "Russia"],
            "quote": ["We hope for *serious* progress", PAYLOADS["markdown link"]],
            "kind": ["direct", "reported"],
            "source_id": ["tass", "tass"],
        }
    )
    sources = pd.DataFrame({"id": ["tass"], "publisher": ["TASS"], "url": ["https://tass.com/world/1014523"]})
    direct, reported = statements_markdown(said, sources.set_index("id")).splitlines()
    assert direct.startswith("- **Chuichi Date** (Japan, 23 Jul 2018): “We hope for \\*serious\\* progress” — ")
    assert "[TASS](https://tass.com/world/1014523)" in direct
    assert "[in context](statements?statement=direct-one)" in direct
    assert f"{escape_markdown(PAYLOADS['markdown link'])} (reported)" in reported
    assert escape_markdown(PAYLOADS["script"]) in reported and "<script" not in reported
    assert "](javascript:" not in reported


def test_a_statement_line_can_name_the_speaker_s_role_and_leave_out_its_links() -> None:
    said = pd.DataFrame(
        {
            "id": ["one"],
            "date": [pd.Timestamp("2018-07-23")],
            "date_precision": ["day"],
            "speaker": ["Chuichi Date"],
            "role": ["President of the House of Councillors"],
            "country": ["Japan"],
            "quote": ["Progress"],
            "kind": ["reported"],
            "source_id": ["tass"],
        }
    )
    line = statements_markdown(said, roles=True)
    assert line == "- **Chuichi Date** (President of the House of Councillors, Japan, 23 Jul 2018): Progress (reported)"


def test_search_finds_cyrillic_in_any_case_and_japanese_and_speakers_sort_in_either_case() -> None:
    statements = pd.DataFrame(
        {
            "id": ["ru", "ja", "en"],
            "quote": ["Мы надеемся на прогресс", "平和条約の締結を目指します", "We hope for progress"],
            "speaker": ["Мария Захарова", "河野太郎", "Chuichi Date"],
            "role": ["официальный представитель МИД", "外務大臣", "President"],
        }
    )
    for q, expected in [
        ("ЗАХАРОВА", ["ru"]),
        ("Надеемся", ["ru"]),
        ("МИД", ["ru"]),
        ("平和条約", ["ja"]),
        ("外務", ["ja"]),
    ]:
        assert list(search_statements(statements, q)["id"]) == expected, q
    speakers = pd.DataFrame({"speaker": ["Юрий", "борис", "Анна"]})
    assert speaker_choices(speakers) == ["Анна", "борис", "Юрий"]


@pytest.fixture
def english_afterwards():
    yield
    use_language(ENGLISH)


@pytest.mark.usefixtures("english_afterwards")
def test_in_russian_the_csv_s_headers_and_words_are_russian_and_the_quote_is_as_published(
    dataset: Dataset, statement: Statement
) -> None:
    use_language("ru")
    shown = dataset.statements[dataset.statements["id"] == "mfa-ownership-fixed"]
    [row] = read_csv(statements_csv(shown, dataset.sources_by_id, dataset.island_names))
    assert (row["ID заявления"], row["Цитата"]) == ("mfa-ownership-fixed", statement("mfa-ownership-fixed")["quote"])
    assert (row["Дата"], row["Вид"]) == ("дата неизвестна", "косвенная речь")


@pytest.mark.usefixtures("english_afterwards")
def test_in_japanese_a_statement_in_context_says_where_it_is_from_in_japanese(
    statement: Statement, source: pd.Series, text: str
) -> None:
    use_language("ja")
    shown = "".join(parse_html(statement_html(statement("date-unsettled-territorial-problem"), source, text)).text)
    assert "“An unsettled territorial problem has been in place" in shown
    assert "日本 · 2018年7月23日 · 直接引用" in shown
    assert "記事の中で" in shown and "出典：TASS: “Japan hopes for progress" in shown
    assert [words for words in ("In the article", "Source:", "published", "role at the time") if words in shown] == []


@pytest.mark.parametrize(("language", "script"), [("ja", "[\u3040-\u30ff\u4e00-\u9fff]"), ("ru", "[\u0400-\u04ff]")])
def test_the_link_to_a_statement_in_context_is_in_the_reader_s_language(
    dataset: Dataset, language: str, script: str
) -> None:
    use_language(language)
    try:
        line = statements_markdown(dataset.statements.head(1), dataset.sources_by_id)
    finally:
        use_language(ENGLISH)
    link_text = re.findall(r", \[([^\]]+)\]\(statements\?statement=", line)
    assert link_text and re.search(script, link_text[0]), line


def test_in_russian_the_statements_table_names_each_country_in_russian(dataset: Dataset) -> None:
    use_language("ru")
    try:
        countries = set(table_frame(dataset.statements, dataset.sources_by_id)["country"])
        listed = statements_markdown(dataset.statements)
    finally:
        use_language(ENGLISH)
    assert countries == {"Япония", "Россия"}
    assert "(Япония, " in listed and "(Россия, " in listed

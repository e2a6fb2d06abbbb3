"""The statements page in headless Chromium: search, a row in context, the article (a link opens it on
the chosen statement), the downloads."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from deploy.harness import Server, start_server, stop_server
from lib.model.archive import ARCHIVE_FOLDER
from lib.model.load import read_dataset
from lib.views.article import evidence_spans, paragraphs_with_spans, split_paragraphs
from lib.views.statements import TABLE_LAYOUTS
from tests.browser.conftest import focus_by_tab, open_app, wait_for_app
from tests.hostile import CANARY, write_hostile_dataset
from tests.pages.test_home_page import csv_rows

pytestmark = pytest.mark.browser

SEARCH_LABEL = "Search quotes, speakers and roles"
# Glide draws the table on a canvas and keeps its cells, as text, in a table inside it.
CELLS = '[data-testid="data-grid-canvas"] tbody'
HEADER_HEIGHT = 35
DATE_HEADER_X = 35 + 290 + 105 + 92 // 2  # past the row boxes, Quote and Speaker: the middle of Date


def search(page: Page, words: str) -> None:
    page.get_by_label(SEARCH_LABEL).fill(words)
    page.get_by_label(SEARCH_LABEL).press("Enter")


def select_first_row(page: Page) -> None:
    """Tick the box at the left of the first row (drawn on the canvas, so clicked by position)."""
    grid = page.get_by_test_id("data-grid-canvas")
    box = grid.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + 16, box["y"] + HEADER_HEIGHT + TABLE_LAYOUTS["en"].row_px / 2)


def test_a_search_shows_the_matching_rows(page: Page, app_server: Server) -> None:
    open_app(page, f"{app_server.url}/statements")
    expect(page.get_by_text("Showing all 8 statements.")).to_be_visible()
    search(page, "impetus")
    expect(page.get_by_text("Showing 1 of 8 statements.")).to_be_visible()
    rows = page.locator(f"{CELLS} tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("will give a strong impetus to the development")
    expect(rows.first).to_contain_text("Valentina Matviyenko")
    expect(page).to_have_url(re.compile(r"[?&]q=impetus(&|$)"))


def test_the_date_header_sorts_by_date_with_the_undated_last(page: Page, app_server: Server) -> None:
    """Each date is drawn as "23 Jul 2018", but the cells hold (and screen readers get) the ISO text the sort uses."""
    open_app(page, f"{app_server.url}/statements")
    dates = page.locator(f"{CELLS} tr td:nth-child(3)")  # after Quote and Speaker
    stored = [row["date"] for row in csv_rows("statements.csv")]
    expect(dates).to_have_text(stored)
    grid = page.get_by_test_id("data-grid-canvas")
    box = grid.bounding_box()
    assert box is not None
    for _ in range(2):  # ascending, then descending
        page.mouse.click(box["x"] + DATE_HEADER_X, box["y"] + HEADER_HEIGHT / 2)
    dated = sorted((date for date in stored if date), reverse=True)
    expect(dates).to_have_text([*dated, *[date for date in stored if not date]])


def test_a_search_with_no_match_says_so_and_clears(page: Page, app_server: Server) -> None:
    open_app(page, f"{app_server.url}/statements?q=no+such+words")
    expect(page.get_by_text("No statement matches the search “no such words”.")).to_be_visible()
    page.get_by_role("button", name="Clear every filter").click()
    expect(page.get_by_text("Showing all 8 statements.")).to_be_visible()
    expect(page.get_by_label(SEARCH_LABEL)).to_have_value("")


def test_a_selection_ends_when_the_rows_change(page: Page, app_server: Server) -> None:
    """A selected row is not carried over to whatever row takes its place after a search."""
    open_app(page, f"{app_server.url}/statements")
    select_first_row(page)
    expect(page.locator(".kd-statement")).to_be_visible()
    search(page, "impetus")
    expect(page.get_by_text("Showing 1 of 8 statements.")).to_be_visible()
    wait_for_app(page)
    expect(page.locator(".kd-statement")).to_have_count(0)
    expect(page.get_by_role("combobox", name="Statement")).to_have_value("")


def test_a_selected_row_shows_the_statement_in_the_article(page: Page, app_server: Server) -> None:
    open_app(page, f"{app_server.url}/statements?q=unsettled")
    expect(page.locator(f"{CELLS} tr")).to_have_count(1)
    select_first_row(page)
    context = page.locator(".kd-statement")
    expect(context.locator("mark")).to_have_text(
        '"An unsettled territorial problem has been in place between our countries for 70 years. '
        'A top-level contact is needed to resolve it," he said.'
    )
    expect(context).to_contain_text("President (speaker) of the House of Councillors")
    [said] = [row for row in csv_rows("statements.csv") if row["id"] == "date-unsettled-territorial-problem"]
    expect(context.get_by_role("link", name="where the role was checked")).to_have_attribute(
        "href", said["role_source_url"]
    )
    expect(context.get_by_role("link", name="TASS: “Japan hopes for progress")).to_have_attribute(
        "href", "https://tass.com/world/1014523"
    )


def test_a_link_to_a_statement_opens_with_it_selected_and_in_context(page: Page, app_server: Server) -> None:
    link = f"{app_server.url}/statements?statement=matviyenko-strong-impetus"
    open_app(page, link)
    expect(page.locator(".kd-statement mark")).to_contain_text("will give a strong impetus to the development")
    expect(page).to_have_url(link)
    expect(page.get_by_test_id("stSidebar").get_by_role("link", name=link)).to_be_visible()
    search(page, "unsettled")  # the rows change: the selection, and the link's choice, end
    expect(page.locator(".kd-statement")).to_have_count(0)
    expect(page).to_have_url(f"{app_server.url}/statements?q=unsettled")


def test_the_article_marks_every_statement_and_event(page: Page, app_server: Server) -> None:
    open_app(page, f"{app_server.url}/statements")
    page.get_by_role("tab", name="The article, annotated").click()
    article = page.locator(".kd-article")
    dataset = read_dataset().dataset
    spans = evidence_spans(dataset, "tass-2018-07-23")
    paragraphs = split_paragraphs(dataset.texts["tass-2018-07-23"])
    used = paragraphs_with_spans(paragraphs, spans)
    expect(article.locator(".hl-label-statement")).to_have_count(len(dataset.statements))
    expect(article.locator(".hl-label-event")).to_have_count(sum(span.kind == "event" for span in spans))
    expect(article.locator(".kd-paragraph-unused")).to_have_count(len(paragraphs) - used)
    expect(page.get_by_text(f"{used} of {len(paragraphs)} paragraphs")).to_be_visible()


@pytest.mark.parametrize("width", [1280, 390])
def test_a_link_to_the_article_tab_opens_it_with_the_statement_ringed_and_in_view(
    page: Page, app_server: Server, width: int
) -> None:
    link = f"{app_server.url}/statements?statement=matviyenko-strong-impetus&tab=article"
    page.set_viewport_size({"width": width, "height": 800})
    open_app(page, link)
    expect(page.get_by_role("tab", name="The article, annotated")).to_have_attribute("aria-selected", "true")
    chosen = page.locator(".kd-article #kd-chosen-statement")
    expect(chosen).to_have_class(re.compile(r"\bhl-chosen\b"))
    expect(chosen).to_contain_text("will give a strong impetus")
    expect(chosen).to_have_attribute("data-shown", "")  # static/article/show-chosen.js scrolled to it
    expect(chosen).to_be_in_viewport()
    expect(page.locator(".kd-article mark.hl-chosen").first).to_have_id("kd-chosen-statement")
    expect(page).to_have_url(link)
    page.get_by_role("tab", name="Statements").click()
    expect(page).to_have_url(f"{app_server.url}/statements?statement=matviyenko-strong-impetus")


def test_the_downloads_hold_what_they_say(page: Page, app_server: Server, tmp_path: Path) -> None:
    open_app(page, f"{app_server.url}/statements?q=impetus")
    with page.expect_download() as csv_download:
        page.get_by_role("button", name="Download 1 statement (CSV)").click()
    rows = list(csv.DictReader(io.StringIO(Path(csv_download.value.path()).read_text(encoding="utf-8-sig"))))
    assert [row["Statement id"] for row in rows] == ["matviyenko-strong-impetus"]

    with page.expect_download() as zip_download:
        page.get_by_role("button", name="Download the data package (ZIP, Frictionless)").click()
    assert zip_download.value.suggested_filename == f"{ARCHIVE_FOLDER}.zip"
    with zipfile.ZipFile(zip_download.value.path()) as archive:
        assert archive.testzip() is None
        assert f"{ARCHIVE_FOLDER}/statements.csv" in archive.namelist()


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    server = start_server(write_hostile_dataset(tmp_path_factory.mktemp("hostile") / "data"))
    yield server
    stop_server(server)


def test_hostile_data_runs_nothing_in_context_or_in_the_article(page: Page, hostile_server: Server) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_app(page, hostile_server.url + "/statements")
    select_first_row(page)
    expect(page.locator(".kd-statement mark")).to_have_count(1)
    page.get_by_role("tab", name="The article, annotated").click()
    expect(page.locator(".kd-article mark").first).to_be_visible()
    wait_for_app(page)
    assert page.evaluate(f"window.{CANARY}") is None
    assert dialogs == []
    expect(page.locator(".kd-article script, .kd-article img, .kd-statement script, .kd-statement img")).to_have_count(
        0
    )


def test_a_statement_is_chosen_with_the_keyboard_alone_and_goes_into_the_link(page: Page, app_server: Server) -> None:
    open_app(page, f"{app_server.url}/statements")
    focus_by_tab(page, ".st-key-statements_statement input")
    page.keyboard.type("Zakharova")
    page.keyboard.press("Enter")
    wait_for_app(page)
    expect(page).to_have_url(re.compile(r"statement=zakharova-2plus2-july-31"))
    expect(page.locator(".kd-statement")).to_contain_text("Maria Zakharova")


def test_speakers_and_exact_years_go_into_the_share_link_and_a_fresh_reader_sees_the_same(
    page: Page, browser: Browser, app_server: Server
) -> None:
    open_app(page, f"{app_server.url}/statements")
    sidebar = page.get_by_test_id("stSidebar")
    for name, year in (("From", "2018"), ("To", "2019")):
        box = sidebar.get_by_role("spinbutton", name=name)
        box.fill(year)
        box.press("Enter")
        wait_for_app(page)
    speakers = page.get_by_role("combobox", name="Speakers")
    for speaker in ("Chuichi Date", "Maria Zakharova"):
        speakers.click()
        page.get_by_role("option", name=speaker).click()
        wait_for_app(page)
    page.keyboard.press("Escape")
    share_link = sidebar.get_by_test_id("stMarkdownContainer").get_by_role("link")
    expect(share_link).to_contain_text("speaker=Maria%20Zakharova")  # the last choice's run has ended
    wait_for_app(page)
    shown = page.get_by_text(re.compile(r"^Showing \d+ of 8 statements")).inner_text()
    link = share_link.inner_text()
    assert "from=2018" in link and "to=2019" in link
    assert "speaker=Chuichi%20Date" in link and "speaker=Maria%20Zakharova" in link
    fresh = browser.new_context().new_page()
    try:
        open_app(fresh, link)
        expect(fresh.get_by_text(re.compile(r"^Showing \d+ of 8 statements"))).to_have_text(shown)
        expect(fresh.get_by_test_id("stSidebar").get_by_role("spinbutton", name="From")).to_have_value("2018")
        expect(fresh.get_by_test_id("stMultiSelect")).to_contain_text("Maria Zakharova")
        assert parse_qs(urlsplit(fresh.url).query) == parse_qs(urlsplit(link).query)  # %20 or +, the same view
    finally:
        fresh.context.close()

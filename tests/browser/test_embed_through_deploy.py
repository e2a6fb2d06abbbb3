"""A view put in an article, served through `python -m deploy` (nginx in front of two replicas) with
its frame-ancestors setting naming one article site (issue 23, item 1): a plain HTML page on that
site frames the view, its map's own frame included, at a desktop's and a phone's width, without the
sidebar and with a working link to the full view; a page on any other site is refused, and every
answer of the server carries the same policy.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from deploy import settings
from deploy.harness import MAP_FRAME, wait_for_app
from deploy.replicas import free_port
from deploy.serve import Deployment, serve
from lib.site import PAGES
from lib.views.embed import FULL_VIEW_TEXT, embed_height, embed_link, embed_snippet
from tests.browser.conftest import static_site
from tests.browser.test_map_in_browser import FEATURES, TIMEOUT_MS
from tests.browser.test_proxy import fetch

pytestmark = pytest.mark.browser

VIEW = "/map?island=shikotan"


@dataclass
class ArticleSites:
    folder: Path  # served by both sites
    allowed: str  # the origin the deployment lets frame its pages
    refused: str  # any other origin


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ArticleSites]:
    folder = tmp_path_factory.mktemp("article")
    with static_site(folder) as allowed, static_site(folder) as refused:
        yield ArticleSites(folder, allowed, refused)


@pytest.fixture(scope="module")
def framed_deployment(sites: ArticleSites) -> Iterator[Deployment]:
    """`python -m deploy` as a newsroom sets it up: its own pages ('self', which the map's frame inside
    a page needs) and one article site may frame the pages."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(settings, "FRAME_ANCESTORS", ("'self'", sites.allowed))
        with serve(2, free_port(), output=lambda number: lambda line: None) as running:
            yield running


def article_url(sites: ArticleSites, origin: str, deployment: Deployment, name: str) -> str:
    """An article on `origin` that frames the view with the snippet the app offers."""
    link = embed_link(f"{deployment.url}/map", {"island": "shikotan"})
    snippet = embed_snippet(link, "The southern Kurils, Shikotan chosen", embed_height("map"))
    (sites.folder / f"{name}.html").write_text(
        f"<!doctype html><meta charset=utf-8><title>An article</title><h1>An article</h1>{snippet}<p>The end.</p>",
        encoding="utf-8",
    )
    return f"{origin}/{name}.html"


@pytest.mark.parametrize("width", [1000, 390])
def test_an_allowed_site_frames_the_view_without_the_sidebar_and_opens_the_full_view(
    browser: Browser, framed_deployment: Deployment, sites: ArticleSites, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        page.goto(article_url(sites, sites.allowed, framed_deployment, f"allowed-{width}"))
        frame = page.frame_locator("iframe")
        link = frame.get_by_role("link", name=FULL_VIEW_TEXT)
        expect(link).to_be_visible(timeout=60_000)
        # The map's own frame, two levels below the article, is drawn too.
        islands = frame.frame_locator(MAP_FRAME).locator("path.island-shape")
        expect(islands).to_have_count(len(FEATURES), timeout=TIMEOUT_MS)
        expect(frame.get_by_role("heading", name="Shikotan", level=3)).to_be_visible()
        expect(frame.get_by_test_id("stSidebar")).to_have_count(0)
        expect(frame.get_by_test_id("stExpandSidebarButton")).to_have_count(0)
        full_view = f"{framed_deployment.url}{VIEW}"
        expect(link).to_have_attribute("href", full_view)
        with context.expect_page() as opened:
            link.click()
        dashboard: Page = opened.value
        wait_for_app(dashboard)
        expect(dashboard).to_have_url(full_view)
        expect(dashboard.get_by_test_id("stSidebar")).to_be_attached()
        expect(dashboard.get_by_role("heading", name="Shikotan", level=3)).to_be_visible()
    finally:
        context.close()


def test_any_other_site_is_refused(browser: Browser, framed_deployment: Deployment, sites: ArticleSites) -> None:
    page = browser.new_page()
    try:
        with page.expect_console_message(lambda message: "frame-ancestors" in message.text) as refusal:
            page.goto(article_url(sites, sites.refused, framed_deployment, "refused"))
        assert "blocked" in refusal.value.text
        # Chromium shows its error page in the frame instead of the view.
        [_, framed] = page.frames
        framed.wait_for_url(re.compile(r"^chrome-error://"))
        expect(page.frame_locator("iframe").get_by_test_id("stApp")).to_have_count(0)
    finally:
        page.close()


def frame_ancestors(policy: str) -> list[str]:
    [directive] = [part.split()[1:] for part in policy.split(";") if part.split()[:1] == ["frame-ancestors"]]
    return directive


def test_every_answer_names_only_the_allowed_sites(framed_deployment: Deployment, sites: ArticleSites) -> None:
    paths = [
        *(f"/{page.url_path}" for page in PAGES),
        "/_stcore/health",
        "/robots.txt",
        "/app/static/leaflet/leaflet.js",
        "/component/streamlit_folium.st_folium/index.html",
        "/no-such-page",
        "/static/no-such-bundle.js",
    ]
    for path in paths:
        _, headers, _ = fetch(f"{framed_deployment.url}{path}")
        policies = headers.get_all("Content-Security-Policy") or []
        assert [frame_ancestors(policy) for policy in policies] == [["'self'", sites.allowed]], path

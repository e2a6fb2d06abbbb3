"""The app through nginx (`python -m deploy`, two replicas), over plain HTTP as a link-preview bot or a
search engine reads it: each page's title, description and picture, Lighthouse's SEO checks, robots.txt,
Streamlit's endpoints, compression, long caching of the hashed bundles, and the affinity cookie.

No browser: a bot runs no JavaScript. Marked `browser` because it starts the servers.
"""

from __future__ import annotations

import gzip
import re
import struct
import urllib.error
import urllib.request
from email.message import Message
from html.parser import HTMLParser
from urllib.robotparser import RobotFileParser

import pytest

from deploy.nginx import AFFINITY_COOKIE, BROTLI_MODULE, PREVIEW_SIZE, preview_url
from deploy.serve import Deployment
from lib.site import PAGES, SitePage

pytestmark = pytest.mark.browser

PREVIEW_BOT = "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)"
BROWSER_ENCODINGS = "gzip, deflate, br, zstd"
YEAR_S = 365 * 24 * 3600
# Lighthouse's robots-txt audit: the directives it knows, and the patterns it accepts.
ROBOTS_DIRECTIVES = {
    "user-agent", "disallow", "allow", "sitemap", "crawl-delay", "clean-param", "host", "request-rate",
    "visit-time", "noindex",
}  # fmt: skip


def fetch(url: str, **headers: str) -> tuple[int, Message, bytes]:
    """Status, headers and body, whatever the status (urllib raises on 4xx and 5xx)."""
    request = urllib.request.Request(url, headers={name.replace("_", "-"): value for name, value in headers.items()})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


class HeadReader(HTMLParser):
    """What a link-preview bot reads: the title, every <meta>, the document's language."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.title = ""
        self.meta: dict[str, str] = {}
        self.lang: str | None = None
        self._in_title = False
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "html":
            self.lang = attributes.get("lang")
        elif tag == "title":
            self._in_title = True
        elif tag == "meta" and (key := attributes.get("property") or attributes.get("name")):
            self.meta[key] = attributes.get("content") or ""

    def handle_endtag(self, tag: str) -> None:
        self._in_title = self._in_title and tag != "title"

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def robots_txt_errors(text: str) -> list[str]:
    """The problems Lighthouse's robots-txt audit reports, line by line."""
    errors: list[str] = []
    seen_user_agent = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        directive, colon, value = (part.strip() for part in line.partition(":"))
        directive = directive.lower()
        if not colon:
            errors.append(f"line {number}: syntax not understood")
        elif directive not in ROBOTS_DIRECTIVES:
            errors.append(f"line {number}: unknown directive {directive}")
        elif directive == "user-agent":
            seen_user_agent = seen_user_agent or bool(value)
        elif directive in {"allow", "disallow"} and not seen_user_agent:
            errors.append(f"line {number}: no user-agent specified")
        elif directive in {"allow", "disallow"} and value and not re.fullmatch(r"[/*][^$]*\$?", value):
            errors.append(f"line {number}: pattern should be empty or start with / or *, with $ only at its end")
        elif directive == "sitemap" and not re.match(r"https?://", value):
            errors.append(f"line {number}: sitemap must be an absolute http(s) URL")
    return errors


def test_the_robots_txt_checker_reports_what_lighthouse_does() -> None:
    bad = "Disallow: /early\nUser-agent: *\nAllow: nope\nDisallow: /a$b\nCrawl delay 5\nFoo: bar\nSitemap: /map.xml\n"
    assert len(robots_txt_errors(bad)) == 6
    assert robots_txt_errors("# fine\nUser-agent: *\nDisallow:\nAllow: /*.png$\n") == []


def page_url(deployment: Deployment, page: SitePage) -> str:
    return f"{deployment.url}/{page.url_path}"


@pytest.mark.parametrize("page", PAGES, ids=[page.module for page in PAGES])
def test_a_link_preview_shows_the_pages_title_description_and_picture(deployment: Deployment, page: SitePage) -> None:
    # A shared link carries its view in the query; the preview is the page's.
    status, _, body = fetch(f"{page_url(deployment, page)}?country=Japan", User_Agent=PREVIEW_BOT)
    assert status == 200
    head = HeadReader(body.decode())
    image = preview_url(page, deployment.url)
    assert head.title == page.tab_title
    assert head.meta["description"] == page.description
    assert head.meta["og:title"] == head.meta["twitter:title"] == page.tab_title
    assert head.meta["og:description"] == head.meta["twitter:description"] == page.description
    assert head.meta["og:image"] == head.meta["twitter:image"] == image
    assert head.meta["twitter:card"] == "summary_large_image"
    status, headers, picture = fetch(image, User_Agent=PREVIEW_BOT)
    assert (status, headers.get_content_type()) == (200, "image/png")
    assert picture[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", picture[16:24]) == PREVIEW_SIZE


def robots(deployment: Deployment) -> RobotFileParser:
    parser = RobotFileParser(f"{deployment.url}/robots.txt")
    parser.parse(fetch(f"{deployment.url}/robots.txt")[2].decode().splitlines())
    return parser


def test_robots_txt_is_a_valid_robots_file(deployment: Deployment) -> None:
    status, headers, body = fetch(f"{deployment.url}/robots.txt")
    assert (status, headers.get_content_type()) == (200, "text/plain")
    assert robots_txt_errors(body.decode()) == []
    assert not robots(deployment).can_fetch("*", f"{deployment.url}/_stcore/health")


@pytest.mark.parametrize("page", PAGES, ids=[page.module for page in PAGES])
def test_lighthouse_seo_checks_pass(deployment: Deployment, page: SitePage) -> None:
    """http-status-code, document-title, meta-description, is-crawlable, and the page's language and viewport."""
    status, headers, body = fetch(page_url(deployment, page))
    head = HeadReader(body.decode())
    assert status == 200
    assert head.title.strip()
    assert head.meta.get("description", "").strip()
    assert "noindex" not in head.meta.get("robots", "") + (headers.get("X-Robots-Tag") or "")
    assert head.lang
    assert "width=device-width" in head.meta["viewport"]
    crawlers = robots(deployment)
    for agent in ("*", "Googlebot", "Twitterbot"):
        assert crawlers.can_fetch(agent, page_url(deployment, page))
        assert crawlers.can_fetch(agent, preview_url(page, deployment.url))


def replica_url(deployment: Deployment, number: int) -> str:
    return f"http://127.0.0.1:{deployment.replicas[number - 1].port}"


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/_stcore/health"),
        ("GET", "/_stcore/host-config"),
        ("GET", "/component/streamlit_folium.st_folium/index.html"),
        ("PUT", "/_stcore/upload_file/no-session/no-file"),  # refused by Streamlit itself: no XSRF token
        ("GET", "/media/no-such-file.csv"),
    ],
)
def test_streamlits_endpoints_answer_through_the_proxy_as_from_a_replica(
    deployment: Deployment, method: str, path: str
) -> None:
    def answer(base: str) -> tuple[int, bytes]:
        request = urllib.request.Request(f"{base}{path}", method=method, data=b"" if method == "PUT" else None)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    assert answer(deployment.url) == answer(replica_url(deployment, 1))


def bundle_path(deployment: Deployment) -> str:
    """The app's main script bundle, as the HTML names it: its name carries a hash of its content."""
    match = re.search(r'src="\./(static/js/index\.[^"]+\.js)"', fetch(deployment.url)[2].decode())
    assert match
    return match.group(1)


def test_text_is_compressed_and_the_hashed_bundles_are_cached_for_a_year(deployment: Deployment) -> None:
    plain = fetch(f"{replica_url(deployment, 1)}/{bundle_path(deployment)}")[2]
    status, headers, body = fetch(f"{deployment.url}/{bundle_path(deployment)}", Accept_Encoding="gzip")
    assert (status, headers["Content-Encoding"]) == (200, "gzip")
    assert gzip.decompress(body) == plain
    assert "Accept-Encoding" in headers["Vary"]
    cache = headers["Cache-Control"]
    assert "immutable" in cache
    assert int(re.search(r"max-age=(\d+)", cache).group(1)) >= YEAR_S
    _, headers, body = fetch(f"{deployment.url}/{bundle_path(deployment)}", Accept_Encoding=BROWSER_ENCODINGS)
    assert headers["Content-Encoding"] == ("br" if BROTLI_MODULE.exists() else "gzip")
    assert len(body) < len(plain) / 3
    _, headers, _ = fetch(f"{deployment.url}/timeline", Accept_Encoding="gzip")
    assert headers["Content-Encoding"] == "gzip"
    assert headers["Cache-Control"] == "no-cache"  # the page itself is checked again on every visit


def replica_named(headers: Message) -> str:
    cookies = [value for value in headers.get_all("Set-Cookie") or [] if value.startswith(f"{AFFINITY_COOKIE}=")]
    assert len(cookies) == 1, cookies
    return cookies[0].split(";")[0].split("=")[1]


def test_new_readers_are_spread_over_the_replicas_and_each_keeps_to_its_own(deployment: Deployment) -> None:
    new_readers = {replica_named(fetch(f"{deployment.url}/_stcore/health")[1]) for _ in range(4)}
    assert new_readers == {"1", "2"}
    for number in ("1", "2"):
        for _ in range(3):
            _, headers, _ = fetch(f"{deployment.url}/_stcore/health", Cookie=f"{AFFINITY_COOKIE}={number}")
            assert replica_named(headers) == number

"""deploy/: the nginx configuration it writes, checked by nginx itself, and what it builds from lib/site.py."""

from __future__ import annotations

import html
import http.server
import re
import struct
import subprocess
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from deploy import nginx, settings
from deploy.nginx import (
    BROTLI_MODULE,
    NGINX,
    PREVIEW_SIZE,
    inline_script_hashes,
    link_preview,
    link_preview_head,
    nginx_string,
    preview_file,
    render_config,
)
from deploy.replicas import free_port, stop
from deploy.serve import start_nginx
from lib.i18n import ENGLISH, current_language
from lib.site import PAGES, SitePage

PUBLIC_URL = "https://kurils.example"
CHRONICLE = SitePage("chronicle", "chronicle", "Chronicle", ":material/book:", "The dispute told from 1855 to today.")
TIMELINE = next(page for page in PAGES if page.module == "timeline")
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def meta(head: str, name: str) -> str:
    """The content of the <meta> named `name` (property or name) in `head`, unescaped."""
    return html.unescape(re.search(rf'<meta (?:property|name)="{name}" content="([^"]*)">', head).group(1))


def config_for(tmp_path: Path, brotli_module: Path | None = None) -> str:
    return render_config(8080, [9001, 9002], tmp_path, PUBLIC_URL, brotli_module)


@pytest.mark.nginx
@pytest.mark.parametrize("brotli_module", [None, BROTLI_MODULE], ids=["gzip", "gzip and brotli"])
def test_nginx_accepts_the_configuration(tmp_path: Path, brotli_module: Path | None) -> None:
    if brotli_module is not None and not brotli_module.exists():
        pytest.fail(f"{brotli_module} is missing: apt-get install -y libnginx-mod-http-brotli-filter")
    config = tmp_path / "nginx.conf"
    config.write_text(config_for(tmp_path, brotli_module), encoding="utf-8")
    checked = subprocess.run(
        [str(NGINX), "-t", "-p", f"{tmp_path}/", "-c", str(config), "-e", "stderr"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr


def test_brotli_is_configured_only_with_its_module(tmp_path: Path) -> None:
    without, with_module = config_for(tmp_path), config_for(tmp_path, BROTLI_MODULE)
    assert "load_module" not in without
    assert "brotli on;" not in without
    assert f"load_module {BROTLI_MODULE};" in with_module
    assert "brotli on;" in with_module


def test_each_replica_has_its_cookie_value_its_pool_and_the_others_as_backup(tmp_path: Path) -> None:
    config = config_for(tmp_path)
    assert '"1" replica_1;' in config
    assert '"127.0.0.1:9002" "kd_replica=2; Path=/; HttpOnly; SameSite=Lax; Secure";' in config
    pool = config.split("upstream replica_2 {", 1)[1].split("}", 1)[0].split()
    assert pool == [
        "server",
        "127.0.0.1:9002",
        "max_fails=1",
        "fail_timeout=5s;",
        "server",
        "127.0.0.1:9001",
        "backup;",
    ]


def test_every_page_of_the_site_list_gets_its_link_preview(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(nginx, "PAGES", (*PAGES, CHRONICLE))
    config = config_for(tmp_path)
    for page in (*PAGES, CHRONICLE):
        location = config.split(f"location = /{page.url_path} {{", 1)[1].split("}", 1)[0]
        variable = location.split('sub_filter "<title>Streamlit</title>" ', 1)[1].split(";", 1)[0]
        english = config.split(f"map $arg_lang {variable} {{", 1)[1].split("\n    }", 1)[0].split("default ", 1)[1]
        assert f"<title>{page.tab_title}</title>" in english.split("~*^", 1)[0]
        assert f"{PUBLIC_URL}/app/static/previews/{page.module}.png" in english


@pytest.mark.parametrize(("language", "script"), [("ja", JAPANESE), ("ru", CYRILLIC)])
def test_a_link_preview_is_in_the_language_its_link_asks_for(language: str, script: re.Pattern[str]) -> None:
    for page in PAGES:
        preview = link_preview(page, PUBLIC_URL)
        assert f"<title>{page.tab_title}</title>" in preview.heads["en"]
        title, description = (meta(preview.heads[language], name) for name in ("og:title", "og:description"))
        assert script.search(title) and script.search(description), (title, description)
        assert f"/app/static/previews/{page.module}.png" in preview.heads[language]
    assert current_language() == ENGLISH  # as it was before


@pytest.fixture
def upstream_of_streamlit_s_page() -> Iterator[int]:
    """A stand-in for a replica: Streamlit's own index.html at every address, on a free port."""

    class Index(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = nginx.STREAMLIT_INDEX.read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), Index)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.mark.nginx
def test_nginx_serves_the_preview_in_the_link_s_language(upstream_of_streamlit_s_page: int, tmp_path: Path) -> None:
    port = free_port()
    proxy = start_nginx(port, [upstream_of_streamlit_s_page], tmp_path, PUBLIC_URL)
    try:
        timeline = f"http://127.0.0.1:{port}/timeline"
        fetched = {query: urllib.request.urlopen(f"{timeline}?{query}", timeout=30).read().decode() for query in (
            "lang=ja&country=Japan", "lang=RU", "lang=xx", "country=Japan"
        )}  # fmt: skip
    finally:
        stop(proxy)
    assert JAPANESE.search(meta(fetched["lang=ja&country=Japan"], "og:title"))
    assert JAPANESE.search(meta(fetched["lang=ja&country=Japan"], "og:description"))
    assert CYRILLIC.search(meta(fetched["lang=RU"], "og:title"))
    english = meta(fetched["country=Japan"], "og:title")
    assert english == meta(fetched["lang=xx"], "og:title") == TIMELINE.tab_title


def test_the_link_preview_head_escapes_what_html_and_nginx_would_read() -> None:
    hostile = SitePage("odd", "odd", "A \"<b>\" 'page'", ":material/home:", "Costs $5 \\ more & <script>")
    head = link_preview_head(hostile, PUBLIC_URL)
    assert "<b>" not in head
    assert "<script>" not in head
    assert "&lt;script&gt;" in head
    assert "&#36;5 &#92; more &amp;" in head
    nginx_string(head)  # raises on anything nginx would not take literally


@pytest.mark.parametrize("text", ["costs $5", 'it\'s "both"', "a \\ b"])
def test_nginx_strings_refuse_what_nginx_would_not_take_literally(text: str) -> None:
    with pytest.raises(ValueError, match="cannot quote"):
        nginx_string(text)


@pytest.mark.parametrize("page", PAGES, ids=[page.module for page in PAGES])
def test_every_page_has_its_preview_picture(page: SitePage) -> None:
    """Made by `python -m deploy.previews`: rerun it when a page is added."""
    header = preview_file(page).read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", header[16:24]) == PREVIEW_SIZE


def test_the_affinity_cookie_is_secure_only_when_readers_use_https(tmp_path: Path) -> None:
    plain = render_config(8080, [9001], tmp_path, "http://127.0.0.1:8080", None)
    assert '"kd_replica=1; Path=/; HttpOnly; SameSite=Lax";' in plain
    assert "Secure" not in plain


def content_security_policies(config: str) -> dict[str, str]:
    """The policy of each `map $uri $content_security_policy` entry: default, and the map's frame."""
    block = config.split("map $uri $content_security_policy {", 1)[1].split("}", 1)[0]
    entries = [line.strip().rstrip(";").split(" ", 1) for line in block.strip().splitlines()]
    return {key: value.strip("\"'") for key, value in entries}


def directives(policy: str) -> dict[str, list[str]]:
    return {name: sources for name, *sources in (part.split() for part in policy.split(";"))}


def test_the_content_security_policy_names_only_this_origin_and_the_exceptions(tmp_path: Path) -> None:
    policies = content_security_policies(config_for(tmp_path))
    page, frame = directives(policies["default"]), directives(policies['"~^/component/streamlit_folium\\."'])
    for policy in (page, frame):
        for directive in ("default-src", "connect-src", "frame-src"):
            assert policy[directive] == ["'self'"]
        assert policy["font-src"] == ["'self'", "data:"]
        assert policy["img-src"] == ["'self'", "data:", "blob:"]
        assert "worker-src" not in policy  # default-src 'self' covers them
        assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
        assert policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == list(settings.FRAME_ANCESTORS)
    index = nginx.STREAMLIT_INDEX.read_text(encoding="utf-8")
    assert page["script-src"] == ["'self'", *inline_script_hashes(index), "'wasm-unsafe-eval'"]
    assert frame["script-src"] == ["'self'", "'unsafe-inline'", "'unsafe-eval'", "'wasm-unsafe-eval'"]


def test_inline_scripts_are_allowed_by_their_hash() -> None:
    html = "<script src='x.js'></script><script>\n  window.a = 1\n</script>"
    # printf '\n  window.a = 1\n' | openssl dgst -sha256 -binary | base64
    assert inline_script_hashes(html) == ["'sha256-OYo7JPmHIm8f3LiGAXQwc2srNzmDDJ0FvIsrNQDCxZU='"]


def test_frame_ancestors_is_one_setting(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(settings, "FRAME_ANCESTORS", ("'self'", "https://news.example"))
    for policy in content_security_policies(config_for(tmp_path)).values():
        assert directives(policy)["frame-ancestors"] == ["'self'", "https://news.example"]


def test_the_limits_and_time_outs_come_from_the_settings(tmp_path: Path) -> None:
    config = config_for(tmp_path)
    assert f"rate={settings.REQUESTS_PER_SECOND}r/s;" in config
    assert f"limit_req zone=per_client_requests burst={settings.REQUEST_BURST} nodelay;" in config
    assert f"limit_conn per_client_connections {settings.CONNECTIONS_PER_CLIENT};" in config
    assert f"limit_conn per_client_websockets {settings.WEBSOCKETS_PER_CLIENT};" in config
    assert "limit_req_status 429;" in config
    assert "limit_conn_status 429;" in config
    assert f"add_header Retry-After {settings.RETRY_AFTER_S} always;" in config
    assert f"client_header_timeout {settings.CLIENT_HEADER_TIMEOUT_S}s;" in config
    assert f"large_client_header_buffers {settings.LARGE_CLIENT_HEADER_BUFFERS};" in config
    assert "server_tokens off;" in config
    assert "set_real_ip_from 127.0.0.1;" in config
    assert "limit_req_zone $per_client zone=per_client_requests" in config


def test_the_pages_nginx_answers_itself_exist() -> None:
    for name in ("busy.html", "restarting.html"):
        page = (nginx.PAGES_ROOT / name).read_text(encoding="utf-8")
        assert '<html lang="en">' in page
        assert '<a href=""' in page
    assert "restarting" in (nginx.PAGES_ROOT / "restarting.html").read_text(encoding="utf-8")


def test_nginx_answers_its_own_pages_from_its_runtime_folder(tmp_path: Path) -> None:
    """Its workers may run as a user who cannot enter the checkout (a 0700 folder): a 429 became a 403."""
    roots = set(re.findall(r"^\s*root (\S+);", config_for(tmp_path), re.MULTILINE))
    assert roots == {str(tmp_path / "pages")}

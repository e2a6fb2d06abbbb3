"""Issue 24 through `python -m deploy` (two replicas behind nginx): the security headers on every kind of
route, the per-client limits, hostile requests and what readers get while no replica answers.

Every request goes to nginx on 127.0.0.1, from a source address of the loopback range (127.0.0.2 is
the abusive client, 127.0.0.3 the reader, 127.0.0.4 the health check, 127.0.0.5 a client opening
too many pages), so that nginx sees each as its
own client. Each test counts its requests and stops by itself, well within a minute; none asserts a
time. The figures they measure are printed (`pytest -s`) and quoted in README.
"""

from __future__ import annotations

import base64
import http.client
import os
import re
import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from deploy import settings
from deploy.nginx import AFFINITY_COOKIE, FAIL_TIMEOUT_S
from deploy.replicas import free_port
from deploy.serve import Deployment, serve
from lib.site import PAGES

pytestmark = pytest.mark.nginx

ABUSER, READER, MONITOR = "127.0.0.2", "127.0.0.3", "127.0.0.4"
TAB_HOARDER = "127.0.0.5"  # opens more pages than the limit: its own address, its own request budget
WEBSOCKETS_PER_CLIENT = 3  # lowered for this module: opening 100 Streamlit sessions would only cost time
ABUSIVE_REQUESTS = 3000
IDLE_CONNECTIONS = 200
TIMEOUT_S = 10  # on every socket: a request that gets no answer fails the test instead of hanging it
HEADERS_EVERYWHERE = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
}


# Every health check's seconds in this module, for the figure README quotes (printed at its end).
HEALTH_SECONDS: list[float] = []


@pytest.fixture(scope="module")
def deployment() -> Iterator[Deployment]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(settings, "WEBSOCKETS_PER_CLIENT", WEBSOCKETS_PER_CLIENT)
        with serve(2, free_port(), output=lambda number: lambda line: None) as running:
            yield running
    if HEALTH_SECONDS:
        print(f"\nhealth checks during the abuse: {len(HEALTH_SECONDS)}, slowest {max(HEALTH_SECONDS):.3f} s")


def port_of(deployment: Deployment) -> int:
    return int(deployment.url.rsplit(":", 1)[1])


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: bytes


def get(deployment: Deployment, path: str, source: str = READER, **headers: str) -> Answer:
    """One GET to nginx from `source`, on its own connection."""
    connection = http.client.HTTPConnection("127.0.0.1", port_of(deployment), TIMEOUT_S, (source, 0))
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        return Answer(response.status, response.headers, response.read())
    finally:
        connection.close()


def send_raw(deployment: Deployment, data: bytes, source: str = ABUSER) -> bytes:
    """`data` as it is, on a new connection; the head of nginx's answer (or what came before it closed)."""
    with socket.create_connection(("127.0.0.1", port_of(deployment)), TIMEOUT_S, (source, 0)) as connection:
        answer = b""
        try:
            connection.sendall(data)
            while b"\r\n\r\n" not in answer and (chunk := connection.recv(65536)):
                answer += chunk
        except ConnectionResetError:  # nginx may close once it has answered, before reading the rest
            pass
        return answer


def status_of(answer: bytes) -> int:
    match = re.match(rb"HTTP/1\.1 (\d{3}) ", answer)
    assert match, answer[:200]
    return int(match.group(1))


@dataclass
class HealthWatch:
    """Asks for /_stcore/health from MONITOR every 0.2 s while a test abuses the server."""

    deployment: Deployment
    answers: list[int] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        while not self.stop.wait(0.2):
            started = time.monotonic()
            try:
                self.answers.append(get(self.deployment, "/_stcore/health", MONITOR).status)
            except OSError as error:
                self.answers.append(-1)
                print(f"health check failed: {error!r}")
            self.seconds.append(time.monotonic() - started)
            HEALTH_SECONDS.append(self.seconds[-1])

    def report(self, what: str) -> str:
        return f"{what}: health answered {Counter(self.answers)}, slowest {max(self.seconds, default=0):.3f} s"


@pytest.fixture
def health(deployment: Deployment) -> Iterator[HealthWatch]:
    watch = HealthWatch(deployment)
    thread = threading.Thread(target=watch.run, daemon=True)
    thread.start()
    yield watch
    watch.stop.set()
    thread.join()


def websocket_handshake(deployment: Deployment, source: str) -> tuple[socket.socket, bytes]:
    """A WebSocket to Streamlit's /_stcore/stream; the connection and nginx's answer's head."""
    connection = socket.create_connection(("127.0.0.1", port_of(deployment)), TIMEOUT_S, (source, 0))
    key = base64.b64encode(os.urandom(16)).decode()
    connection.sendall(
        f"GET /_stcore/stream HTTP/1.1\r\nHost: {deployment.url.removeprefix('http://')}\r\nUpgrade: websocket\r\n"
        f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
        "Sec-WebSocket-Protocol: streamlit\r\n\r\n".encode()
    )
    head = b""
    while b"\r\n\r\n" not in head:
        chunk = connection.recv(4096)
        assert chunk, head
        head += chunk
    return connection, head.split(b"\r\n\r\n", 1)[0]


def header_lines(head: bytes) -> dict[str, str]:
    lines = head.decode("latin-1").split("\r\n")[1:]
    return {name.strip().lower(): value.strip() for name, _, value in (line.partition(":") for line in lines)}


def check_security_headers(headers: dict[str, str], where: str) -> None:
    headers = {name.lower(): value for name, value in headers.items()}
    for name, value in HEADERS_EVERYWHERE.items():
        assert headers.get(name.lower()) == value, where
    policy = headers.get("content-security-policy", "")
    assert policy.startswith("default-src 'self';"), where
    assert f"frame-ancestors {' '.join(settings.FRAME_ANCESTORS)}" in policy, where
    assert "camera=()" in headers.get("permissions-policy", ""), where
    assert headers.get("server") == "nginx", where  # no version


def bundle_path(deployment: Deployment) -> str:
    match = re.search(rb'src="\./(static/js/index\.[^"]+\.js)"', get(deployment, "/").body)
    assert match
    return "/" + match.group(1).decode()


@pytest.mark.parametrize(
    "path",
    ["/", "/timeline?country=Japan", "/app/static/leaflet/leaflet.js", "/robots.txt", "/_stcore/health", "bundle"],
)
def test_the_security_headers_are_on_html_static_and_streamlits_routes(deployment: Deployment, path: str) -> None:
    path = bundle_path(deployment) if path == "bundle" else path
    answer = get(deployment, path)
    assert answer.status == 200
    check_security_headers(dict(answer.headers), path)


def test_the_security_headers_and_the_cookie_are_on_the_websocket(deployment: Deployment) -> None:
    connection, head = websocket_handshake(deployment, READER)
    connection.close()
    assert head.startswith(b"HTTP/1.1 101 ")
    headers = header_lines(head)
    check_security_headers(headers, "/_stcore/stream")
    assert re.fullmatch(rf"{AFFINITY_COOKIE}=[12]; Path=/; HttpOnly; SameSite=Lax", headers["set-cookie"])


def test_the_map_frame_alone_may_run_inline_and_evaluated_scripts(deployment: Deployment) -> None:
    frame = get(deployment, "/component/streamlit_folium.st_folium/index.html")
    page = get(deployment, "/map")

    def scripts(answer: Answer) -> list[str]:
        return answer.headers["Content-Security-Policy"].split("script-src", 1)[1].split(";")[0].split()

    assert {"'unsafe-inline'", "'unsafe-eval'"} <= set(scripts(frame))
    assert not {"'unsafe-inline'", "'unsafe-eval'"} & set(scripts(page))


def test_an_abusive_client_gets_429s_while_another_gets_every_page(deployment: Deployment, health: HealthWatch) -> None:
    refused: Counter[int] = Counter()
    retry_after: set[str | None] = set()
    reader: Counter[int] = Counter()
    done = threading.Event()

    def abuse(requests: int) -> None:
        """The overview's HTML, as fast as one keep-alive connection goes."""
        connection = http.client.HTTPConnection("127.0.0.1", port_of(deployment), TIMEOUT_S, (ABUSER, 0))
        for _ in range(requests):
            connection.request("GET", "/")
            response = connection.getresponse()
            response.read()
            refused[response.status] += 1
            if response.status == 429:
                retry_after.add(response.headers["Retry-After"])
        connection.close()

    abusers = [threading.Thread(target=abuse, args=(ABUSIVE_REQUESTS // 4,)) for _ in range(4)]
    for thread in abusers:
        thread.start()

    def read() -> None:
        while not done.is_set():
            for page in PAGES:
                reader[get(deployment, f"/{page.url_path}").status] += 1

    reading = threading.Thread(target=read)
    reading.start()
    for thread in abusers:
        thread.join()
    done.set()
    reading.join()
    print(f"\nabusive client: {dict(refused)}; other client's pages: {dict(reader)}; {health.report('meanwhile')}")
    assert sum(refused.values()) == ABUSIVE_REQUESTS
    assert refused[429] > 0
    assert all(status in (200, 429) for status in refused), refused
    assert retry_after == {str(settings.RETRY_AFTER_S)}
    assert set(reader) == {200}
    assert set(health.answers) == {200}


def statuses_of_requests(deployment: Deployment, requests: int, headers: dict[str, str]) -> Counter[int]:
    """`requests` GETs of the overview from 127.0.0.1 on one keep-alive connection, by status."""
    connection = http.client.HTTPConnection("127.0.0.1", port_of(deployment), TIMEOUT_S)
    statuses: Counter[int] = Counter()
    for _ in range(requests):
        connection.request("GET", "/", headers=headers)
        response = connection.getresponse()
        response.read()
        statuses[response.status] += 1
    connection.close()
    return statuses


def test_readers_behind_the_proxy_in_front_are_limited_by_their_own_address(deployment: Deployment) -> None:
    """A proxy on this machine (127.0.0.1) names each reader in X-Forwarded-For; the machine's own
    requests, which name none, are not limited (the tests, the benchmark, health checks)."""
    through_proxy = statuses_of_requests(deployment, 1000, {"X-Forwarded-For": "198.51.100.7"})
    own = statuses_of_requests(deployment, 600, {})
    print(f"\na reader through the proxy: {dict(through_proxy)}; the machine itself: {dict(own)}")
    assert through_proxy[429] > 0
    assert set(through_proxy) == {200, 429}
    assert set(own) == {200}


def test_websockets_over_the_limit_get_429_with_retry_after(deployment: Deployment) -> None:
    opened = [websocket_handshake(deployment, TAB_HOARDER) for _ in range(WEBSOCKETS_PER_CLIENT + 2)]
    try:
        statuses = [status_of(head) for _, head in opened]
        assert statuses == [101] * WEBSOCKETS_PER_CLIENT + [429, 429]
        assert header_lines(opened[-1][1])["retry-after"] == str(settings.RETRY_AFTER_S)
        other, head = websocket_handshake(deployment, READER)  # another client is not counted with it
        other.close()
        assert status_of(head) == 101
    finally:
        for connection, _ in opened:
            connection.close()


HOSTILE = {
    "a 100 KB query string": (b"GET /?q=" + b"a" * 100_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414),
    "a 64 KB header": (b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 65_536 + b"\r\n\r\n", 400),
    "a body on a GET": (b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello", 400),
    "a chunked body on a GET": (
        b"GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
        400,
    ),
    "an unknown method": (b"FOO / HTTP/1.1\r\nHost: x\r\n\r\n", 405),
    "a POST": (b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n", 405),
    "a path with ..": (b"GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n", 400),
    "a path with encoded ..": (b"GET /app/static/%2e%2e/%2e%2e/app.py HTTP/1.1\r\nHost: x\r\n\r\n", 400),
    "a path with encoded slashes and ..": (b"GET /static/..%2f..%2fapp.py HTTP/1.1\r\nHost: x\r\n\r\n", 400),
    "a path with an encoded NUL": (b"GET /app/static/leaflet/leaflet.js%00.png HTTP/1.1\r\nHost: x\r\n\r\n", 400),
    "a query with an encoded NUL": (b"GET /timeline?country=%00 HTTP/1.1\r\nHost: x\r\n\r\n", 400),
    "a body larger than the limit": (
        b"PUT /_stcore/upload_file/a/b HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n\r\n",
        413,
    ),
}


@pytest.mark.parametrize(("request_bytes", "status"), HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_request_gets_a_4xx_and_the_replicas_keep_answering(
    deployment: Deployment, health: HealthWatch, request_bytes: bytes, status: int
) -> None:
    assert status_of(send_raw(deployment, request_bytes)) == status
    assert all(replica.running for replica in deployment.replicas)
    assert get(deployment, "/_stcore/health", MONITOR).status == 200
    assert set(health.answers) <= {200}


def test_idle_connections_are_closed_and_the_health_check_answers_meanwhile(
    deployment: Deployment, health: HealthWatch
) -> None:
    """Slowloris: connections that send half a request line and wait."""
    idle = []
    for _ in range(IDLE_CONNECTIONS):
        connection = socket.create_connection(("127.0.0.1", port_of(deployment)), TIMEOUT_S, (ABUSER, 0))
        connection.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
        idle.append(connection)
    pages_meanwhile = [get(deployment, f"/{page.url_path}").status for page in PAGES]
    closed = 0
    for connection in idle:  # nginx closes each after client_header_timeout: recv sees the end
        connection.settimeout(settings.CLIENT_HEADER_TIMEOUT_S + TIMEOUT_S)
        try:
            closed += connection.recv(1024) in (b"", b"HTTP/1.1 408")  # nginx closes without answering
        except ConnectionResetError:
            closed += 1
        connection.close()
    print(f"\n{IDLE_CONNECTIONS} idle connections: {closed} closed by nginx; {health.report('meanwhile')}")
    assert closed == IDLE_CONNECTIONS
    assert pages_meanwhile == [200] * len(PAGES)
    assert health.answers
    assert set(health.answers) == {200}


@pytest.mark.parametrize("garbage", ["bytes that are no WebSocket frame", "a frame that is no Streamlit message"])
def test_a_websocket_sending_garbage_is_closed_and_its_replica_keeps_running(
    deployment: Deployment, health: HealthWatch, garbage: str
) -> None:
    connection, head = websocket_handshake(deployment, ABUSER)
    with connection:
        assert status_of(head) == 101
        if garbage.startswith("bytes"):
            connection.sendall(os.urandom(4096))
        else:
            payload, mask = os.urandom(100), os.urandom(4)
            masked = bytes(byte ^ mask[index % 4] for index, byte in enumerate(payload))
            connection.sendall(bytes([0x82, 0x80 | len(payload)]) + mask + masked)  # binary, final, masked
        answer = connection.recv(2)
    assert answer[:1] == b"\x88"  # a Close frame: the replica ends the session
    assert all(replica.running for replica in deployment.replicas)
    assert get(deployment, "/_stcore/health", MONITOR).status == 200
    assert set(health.answers) <= {200}


def test_while_no_replica_answers_readers_get_the_restarting_page_and_the_replica_rejoins() -> None:
    with serve(1, free_port(), output=lambda number: lambda line: None) as alone:
        nginx_pid = alone.nginx.pid
        alone.replicas[0].stop()
        for path in ("/", "/timeline?country=Japan", "/_stcore/health"):
            answer = get(alone, path)
            assert answer.status == 503
            assert b"The dashboard is restarting" in answer.body
            assert b'<meta http-equiv="refresh"' in answer.body
            assert answer.headers["Retry-After"] == str(settings.RETRY_AFTER_S)
            check_security_headers(dict(answer.headers), path)
        assert alone.restart_stopped_replicas() == [1]
        # nginx tries the replica again after FAIL_TIMEOUT_S, without a reload: the same process.
        tries = 0
        while (answer := get(alone, "/_stcore/health")).status != 200 and tries < (FAIL_TIMEOUT_S + 10) * 5:
            tries += 1
            time.sleep(0.2)
        assert answer.status == 200
        assert alone.nginx.pid == nginx_pid
        assert alone.nginx.poll() is None

"""One abusive client beside a reader, through nginx (`python -m deploy`): what each is served, and how
the health check answers meanwhile. Each client has a loopback address of its own (nginx limits per
address); every request is counted, and the run stops by itself when its fixed count is sent."""

from __future__ import annotations

import http.client
import threading
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from deploy.replicas import free_port
from deploy.serve import serve
from lib.site import PAGES

ABUSER, READER, MONITOR = "127.0.0.2", "127.0.0.3", "127.0.0.4"
ABUSIVE_REQUESTS = 3000
ABUSER_THREADS = 8
READER_ROUNDS = 10  # every page, once a round
TIMEOUT_S = 10  # a request with no answer counts as failed (-1) instead of hanging the run


@dataclass(frozen=True)
class AbuseFigures:
    abuser: Counter[int]  # HTTP status: requests (-1: no answer)
    reader: Counter[int]
    health: Counter[int]
    health_slowest_s: float


def status_of_get(port: int, path: str, source: str) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, TIMEOUT_S, (source, 0))
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status
    except OSError:
        return -1
    finally:
        connection.close()


def measure_abuse(log: Callable[[str], None]) -> AbuseFigures:
    """The abuser sends its requests as fast as it can while the reader opens every page in turn and
    the health check is asked every 0.2 s."""
    health: list[tuple[int, float]] = []
    reader: Counter[int] = Counter()
    done = threading.Event()
    with serve(2, free_port(), output=lambda number: lambda line: None) as deployment:
        port = int(deployment.url.rsplit(":", 1)[1])

        def watch() -> None:
            while not done.wait(0.2):
                started = time.monotonic()
                health.append((status_of_get(port, "/_stcore/health", MONITOR), time.monotonic() - started))

        def read() -> None:
            for _ in range(READER_ROUNDS):
                reader.update(status_of_get(port, f"/{page.url_path}", READER) for page in PAGES)

        watcher, reading = threading.Thread(target=watch), threading.Thread(target=read)
        watcher.start()
        reading.start()
        with ThreadPoolExecutor(ABUSER_THREADS) as pool:
            abuser = Counter(pool.map(lambda _: status_of_get(port, "/", ABUSER), range(ABUSIVE_REQUESTS)))
        reading.join()
        done.set()
        watcher.join()
    log("measured one abusive client beside a reader behind nginx")
    return AbuseFigures(abuser, reader, Counter(status for status, _ in health), max((s for _, s in health), default=0))

"""Open sessions: the server's resident memory (RSS) and CPU time (user plus system) from psutil,
with twenty browser sessions kept open, against one server and against each replica behind nginx."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import psutil
from playwright.sync_api import Browser, BrowserContext

from bench.cold import DRAW_TIMEOUT_MS, ERRORS, VIEWPORT, warm_up
from deploy.harness import start_server, stop_server, wait_until_drawn
from deploy.nginx import AFFINITY_COOKIE
from deploy.replicas import free_port
from deploy.serve import serve

SESSIONS = 20
MEGABYTE = 2**20


@dataclass(frozen=True)
class Load:
    label: str
    idle_mb: float
    loaded_mb: float
    sessions: int
    cpu_per_view_s: float
    failures: int

    @property
    def per_session_mb(self) -> float:
        return (self.loaded_mb - self.idle_mb) / self.sessions


def cpu_seconds(process: psutil.Process) -> float:
    times = process.cpu_times()
    return times.user + times.system


@contextmanager
def open_sessions(
    browser: Browser, urls: list[str], replicas: list[str] | None = None
) -> Iterator[tuple[list[BrowserContext], int]]:
    """A new browser context per URL, one after the other, each kept open once drawn (and sent to the
    replica of the same rank in `replicas`, by its affinity cookie); the contexts and the errors shown."""
    contexts: list[BrowserContext] = []
    failures = 0
    try:
        for number, url in enumerate(urls):
            contexts.append(browser.new_context(viewport=VIEWPORT))
            if replicas:
                contexts[-1].add_cookies([{"name": AFFINITY_COOKIE, "value": replicas[number], "url": url}])
            page = contexts[-1].new_page()
            page.goto(url)
            wait_until_drawn(page, DRAW_TIMEOUT_MS)
            failures += page.locator(ERRORS).count()
        yield contexts, failures
    finally:
        for context in contexts:
            context.close()


def measure_load(browser: Browser, script: str, paths: list[str], label: str) -> Load:
    """Twenty sessions, one after the other, all kept open, against a fresh server."""
    server = start_server(script=script)
    try:
        warm_up(browser, server.url)
        process = psutil.Process(server.process.pid)
        idle, cpu_before = process.memory_info().rss, cpu_seconds(process)
        urls = [f"{server.url}/{paths[number % len(paths)]}" for number in range(SESSIONS)]
        with open_sessions(browser, urls) as (_, failures):
            loaded, cpu_after = process.memory_info().rss, cpu_seconds(process)
    finally:
        stop_server(server)
    return Load(label, idle / MEGABYTE, loaded / MEGABYTE, SESSIONS, (cpu_after - cpu_before) / SESSIONS, failures)


def measure_replica_loads(browser: Browser, paths: list[str], replicas: int = 2) -> list[Load]:
    """Twenty sessions per replica through nginx (the app's pages in turn): each replica's figures."""
    with serve(replicas, free_port(), output=lambda number: lambda line: None) as deployment:
        processes = [psutil.Process(replica.process.pid) for replica in deployment.replicas]
        names = [str(number) for number in range(1, replicas + 1)]
        with open_sessions(browser, [deployment.url] * replicas, names):
            pass  # each replica visited once, as each fresh server above
        idle = [(process.memory_info().rss, cpu_seconds(process)) for process in processes]
        urls = [f"{deployment.url}/{paths[number % len(paths)]}" for number in range(SESSIONS * replicas)]
        affinity = [names[number % replicas] for number in range(len(urls))]
        with open_sessions(browser, urls, affinity) as (contexts, failures):
            loaded = [(process.memory_info().rss, cpu_seconds(process)) for process in processes]
            on_replica = [
                next(c["value"] for c in context.cookies() if c["name"] == AFFINITY_COOKIE) for context in contexts
            ]
    return [
        Load(
            f"replica {name} of {replicas}, behind nginx",
            idle_rss / MEGABYTE,
            loaded_rss / MEGABYTE,
            on_replica.count(name),
            (loaded_cpu - idle_cpu) / on_replica.count(name),
            failures,
        )
        for name, (idle_rss, idle_cpu), (loaded_rss, loaded_cpu) in zip(names, idle, loaded, strict=True)
    ]

"""The real server on a free port on 127.0.0.1, driven by Debian's Chromium through Playwright."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from lib.ui import DATA_DIR_VARIABLE
from tests.conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
START_TIMEOUT_S = 60


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    if not CHROMIUM.exists():
        pytest.fail(f"Browser tests need Debian's Chromium at {CHROMIUM}: apt-get install -y chromium")
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Server:
    url: str
    process: subprocess.Popen[str]
    log: list[str]


def start_server(data_dir: Path | None = None, script: str = "app.py") -> Server:
    """Start `streamlit run <script>` (the app unless told) and return once it says it is listening."""
    port = free_port()
    env = {**os.environ}
    if data_dir is not None:
        env[DATA_DIR_VARIABLE] = str(data_dir)
    process = subprocess.Popen(
        [
            sys.executable, "-m", "streamlit", "run", script,
            "--server.address", "127.0.0.1", "--server.port", str(port),
            "--server.headless", "true", "--browser.gatherUsageStats", "false",
        ],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    log: list[str] = []
    assert process.stdout is not None
    # Streamlit prints its URL once the server listens; readline blocks until then.
    timer = threading.Timer(START_TIMEOUT_S, process.kill)
    timer.start()
    for line in process.stdout:
        log.append(line)
        if "URL:" in line:
            break
    timer.cancel()
    if process.poll() is not None:
        raise RuntimeError("streamlit did not start:\n" + "".join(log))
    threading.Thread(target=lambda: log.extend(process.stdout), daemon=True).start()
    return Server(f"http://127.0.0.1:{port}", process, log)


def stop_server(server: Server) -> None:
    server.process.terminate()
    server.process.wait(timeout=30)


@pytest.fixture(scope="session")
def app_server() -> Iterator[Server]:
    server = start_server()
    yield server
    stop_server(server)


def wait_for_app(page: Page) -> None:
    """Wait until the script has finished and no lazy element is still a placeholder."""
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=60_000)
    expect(page.locator('[data-testid="stSkeleton"]')).to_have_count(0, timeout=30_000)


def open_app(page: Page, url: str) -> None:
    page.goto(url)
    wait_for_app(page)

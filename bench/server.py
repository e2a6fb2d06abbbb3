"""The app's server on a free port on 127.0.0.1, and the Chromium that loads it: shared by the
benchmark and the browser tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from lib.ui.data import DATA_DIR_VARIABLE

ROOT = Path(__file__).resolve().parent.parent
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

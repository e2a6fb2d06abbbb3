"""Streamlit processes of the app, each on its own port of 127.0.0.1: the replicas behind the proxy,
and the single servers the benchmark and the browser tests start."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT_S = 60


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_streamlit(
    port: int,
    script: str = "app.py",
    env: dict[str, str] | None = None,
    on_output: Callable[[str], object] = lambda line: None,
) -> subprocess.Popen[str]:
    """Start `streamlit run <script>` on 127.0.0.1:port and return once it says it is listening.

    Every line the server prints goes to `on_output`, from a thread that reads until the process ends.
    """
    process = subprocess.Popen(
        [
            sys.executable, "-m", "streamlit", "run", script,
            "--server.address", "127.0.0.1", "--server.port", str(port),
            "--server.headless", "true", "--browser.gatherUsageStats", "false",
        ],
        cwd=ROOT, env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True,  # a Ctrl-C reaches whoever started it, who stops it in turn
    )  # fmt: skip
    assert process.stdout is not None
    printed: list[str] = []
    # Streamlit prints its URL once the server listens; readline blocks until then.
    timer = threading.Timer(START_TIMEOUT_S, process.kill)
    timer.start()
    for line in process.stdout:
        printed.append(line)
        on_output(line)
        if "URL:" in line:
            break
    timer.cancel()
    if process.poll() is not None:
        raise RuntimeError(f"streamlit run {script} did not start on port {port}:\n" + "".join(printed))
    threading.Thread(target=lambda: [on_output(line) for line in process.stdout], daemon=True).start()
    return process


def stop(process: subprocess.Popen[str], timeout_s: float = 30) -> None:
    """Ask the process to stop; kill it if it has not after `timeout_s`."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()

"""The app's server on a free port on 127.0.0.1, and the Chromium that loads it: shared by the
benchmark and the browser tests."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from deploy.replicas import free_port, start_streamlit, stop
from lib.ui.data import DATA_DIR_VARIABLE

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


@dataclass
class Server:
    url: str
    process: subprocess.Popen[str]
    log: list[str]


def start_server(data_dir: Path | None = None, script: str = "app.py") -> Server:
    """Start `streamlit run <script>` (the app unless told) and return once it says it is listening."""
    port = free_port()
    log: list[str] = []
    env = {} if data_dir is None else {DATA_DIR_VARIABLE: str(data_dir)}
    return Server(f"http://127.0.0.1:{port}", start_streamlit(port, script, env, log.append), log)


def stop_server(server: Server) -> None:
    stop(server.process)

"""`python -m deploy --replicas 2 --port P` as an operator runs it: in the foreground, serving the app
through nginx, starting again a replica that died, and stopping nginx and every replica on SIGTERM."""

from __future__ import annotations

import contextlib
import signal
import subprocess
import sys
import threading
import urllib.request

import psutil
import pytest

from deploy.replicas import ROOT, free_port

pytestmark = pytest.mark.browser

START_TIMEOUT_S = 120
STOP_TIMEOUT_S = 60


def read_until(command: subprocess.Popen[str], text: str) -> str:
    """The first line the command prints that contains `text`; the command is killed if none comes in time."""
    assert command.stdout is not None
    timer = threading.Timer(START_TIMEOUT_S, command.kill)
    timer.start()
    try:
        for line in command.stdout:
            if text in line:
                return line
    finally:
        timer.cancel()
    raise AssertionError(f"the command ended without printing {text!r}")


def test_the_command_serves_restarts_a_dead_replica_and_stops_everything_on_sigterm() -> None:
    port = free_port()
    command = subprocess.Popen(
        [sys.executable, "-m", "deploy", "--replicas", "2", "--port", str(port)],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    started: list[psutil.Process] = []
    try:
        read_until(command, f"at http://127.0.0.1:{port}")
        started += psutil.Process(command.pid).children(recursive=True)
        replicas = [process for process in started if "streamlit" in process.cmdline()]
        assert len(replicas) == 2
        assert any(process.name() == "nginx" for process in started)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/map", timeout=30) as response:
            assert "<title>Map · " in response.read().decode()

        replicas[0].kill()
        read_until(command, "had stopped; started it again")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=30) as response:
            assert response.status == 200
        started += psutil.Process(command.pid).children(recursive=True)

        command.send_signal(signal.SIGTERM)
        assert command.wait(timeout=STOP_TIMEOUT_S) == 0
        _, alive = psutil.wait_procs(started, timeout=STOP_TIMEOUT_S)
        assert alive == []
    finally:
        # If the test failed midway: the processes it started, by their ids.
        command.kill()
        for process in started:
            with contextlib.suppress(psutil.NoSuchProcess):
                process.kill()

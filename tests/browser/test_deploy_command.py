"""`python -m deploy --replicas 2 --port P` as an operator runs it: in the foreground, serving the app
through nginx, starting again a replica that died (which rejoins without a reload of nginx), and stopping
nginx and every replica on SIGTERM."""

from __future__ import annotations

import contextlib
import signal
import subprocess
import sys
import threading
import time
import urllib.request

import psutil
import pytest

from deploy.nginx import AFFINITY_COOKIE, FAIL_TIMEOUT_S
from deploy.replicas import ROOT, free_port

pytestmark = pytest.mark.browser

START_TIMEOUT_S = 120
STOP_TIMEOUT_S = 60
REJOIN_S = 30


def answered_by(port: int, replica: str, deadline: float) -> str:
    """The replica that answers a reader whose cookie names `replica`, asked until it is that one or
    the deadline has passed (a replica left out of rotation is tried again after FAIL_TIMEOUT_S)."""
    while True:
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/_stcore/health", headers={"Cookie": f"{AFFINITY_COOKIE}={replica}"}
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            cookies = response.headers.get_all("Set-Cookie") or []
        answered = next(c.split(";")[0].split("=")[1] for c in cookies if c.startswith(f"{AFFINITY_COOKIE}="))
        if answered == replica or time.monotonic() > deadline:
            return answered
        time.sleep(0.5)


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

        nginx_processes = {process.pid for process in started if process.name() == "nginx"}
        replicas[0].kill()
        read_until(command, "had stopped; started it again")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=30) as response:
            assert response.status == 200
        started += psutil.Process(command.pid).children(recursive=True)
        # The restarted replica takes its readers back once nginx tries it again (after FAIL_TIMEOUT_S),
        # with no reload: nginx's master and workers are the processes they were.
        deadline = time.monotonic() + FAIL_TIMEOUT_S + REJOIN_S
        assert [answered_by(port, name, deadline) for name in ("1", "2")] == ["1", "2"]
        assert {p.pid for p in psutil.Process(command.pid).children(recursive=True) if p.name() == "nginx"} == (
            nginx_processes
        )

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

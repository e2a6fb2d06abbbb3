"""N replicas of the app on free ports of 127.0.0.1 and Debian's nginx on 127.0.0.1:port in front of
them, started and stopped together."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from deploy.nginx import BROTLI_MODULE, NGINX, PAGES_ROOT, render_config, served_pages
from deploy.replicas import free_port, start_streamlit, stop

READY_TIMEOUT_S = 30

Output = Callable[[str], object]


@dataclass
class Replica:
    """One Streamlit process of the app; it keeps its port when started again, so nginx finds it."""

    number: int
    port: int
    env: dict[str, str]
    on_output: Output
    script: str = "app.py"
    process: subprocess.Popen[str] | None = None

    def start(self) -> None:
        self.process = start_streamlit(self.port, self.script, self.env, self.on_output)

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process)

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None


@dataclass
class Deployment:
    url: str
    replicas: list[Replica]
    nginx: subprocess.Popen[bytes]
    runtime: Path

    def restart_stopped_replicas(self) -> list[int]:
        """Start again every replica whose process has ended; the numbers of those that started.

        A replica that fails to start is left for the next call: the others keep serving meanwhile, and
        nginx, which tries a failed replica again every few seconds, needs no reload when it is back."""
        started = []
        for replica in self.replicas:
            if replica.running:
                continue
            try:
                replica.start()
            except RuntimeError as error:
                replica.on_output(f"could not start again, will try again: {error}\n")
                continue
            started.append(replica.number)
        return started


def replica_output_to_stderr(number: int) -> Output:
    return lambda line: sys.stderr.write(f"[replica {number}] {line}")


def start_nginx(port: int, replica_ports: list[int], runtime: Path, public_url: str) -> subprocess.Popen[bytes]:
    """Write the configuration, have nginx check it, start nginx and return once it listens."""
    if not NGINX.exists():
        raise RuntimeError(f"no nginx at {NGINX}: apt-get install -y nginx")
    brotli = BROTLI_MODULE if BROTLI_MODULE.exists() else None
    shutil.copytree(PAGES_ROOT, served_pages(runtime), dirs_exist_ok=True)
    config = runtime / "nginx.conf"
    config.write_text(render_config(port, replica_ports, runtime, public_url, brotli), encoding="utf-8")
    command = [str(NGINX), "-p", f"{runtime}/", "-c", str(config), "-e", "stderr"]
    checked = subprocess.run([*command, "-t", "-q"], capture_output=True, text=True, check=False)
    if checked.returncode:
        raise RuntimeError(f"nginx rejected {config}:\n{checked.stderr}")
    nginx = subprocess.Popen(command, start_new_session=True)
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return nginx
        except OSError:
            try:
                nginx.wait(timeout=0.05)  # paces the next try, and ends it if nginx stopped
            except subprocess.TimeoutExpired:
                continue
            raise RuntimeError("nginx stopped at start: its messages are above") from None
    stop(nginx)
    raise RuntimeError(f"nginx did not listen on 127.0.0.1:{port} within {READY_TIMEOUT_S} s")


@contextmanager
def serve(
    replicas: int,
    port: int,
    public_url: str | None = None,
    env: dict[str, str] | None = None,
    output: Callable[[int], Output] = replica_output_to_stderr,
    script: str = "app.py",
) -> Iterator[Deployment]:
    """Run the deployment for the `with` block; stop nginx, then every replica, at its end.

    `public_url` is the address readers use (link previews name their picture by it);
    `output(number)` receives what replica `number` prints; the replicas run `script` (the
    benchmark serves its reference pages this way).
    """
    runtime = Path(tempfile.mkdtemp(prefix="kurils-nginx-"))
    runtime.chmod(0o755)  # nginx's workers may run as another user, and keep their files here
    started = [Replica(number, free_port(), env or {}, output(number), script) for number in range(1, replicas + 1)]
    nginx = None
    try:
        with ThreadPoolExecutor(max_workers=replicas) as starting:
            list(starting.map(Replica.start, started))
        nginx = start_nginx(
            port, [replica.port for replica in started], runtime, public_url or f"http://127.0.0.1:{port}"
        )
        yield Deployment(f"http://127.0.0.1:{port}", started, nginx, runtime)
    finally:
        if nginx is not None:
            stop(nginx)
        for replica in started:
            replica.stop()
        shutil.rmtree(runtime, ignore_errors=True)

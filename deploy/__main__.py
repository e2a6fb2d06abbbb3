"""`python -m deploy --replicas N --port P`: N replicas of the app behind nginx on 127.0.0.1:P, in the
foreground, until Ctrl-C or SIGTERM stops them all. A replica that stops on its own is started again."""

from __future__ import annotations

import argparse
import signal
import sys
import threading

from deploy.serve import serve

CHECK_EVERY_S = 1.0


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m deploy", description=__doc__.splitlines()[0])
    parser.add_argument("--replicas", type=int, default=2, help="Streamlit processes of the app (default 2)")
    parser.add_argument("--port", type=int, default=8080, help="nginx's port on 127.0.0.1 (default 8080)")
    parser.add_argument(
        "--public-url",
        help="the address readers use, if another proxy is in front (default http://127.0.0.1:PORT); "
        "link previews name their picture by it",
    )
    arguments = parser.parse_args(argv)
    if arguments.replicas < 1:
        parser.error("--replicas must be at least 1")
    return arguments


def main(argv: list[str] | None = None) -> None:
    arguments = parse_arguments(argv)
    stop_requested = threading.Event()
    for signal_number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signal_number, lambda number, frame: stop_requested.set())
    with serve(arguments.replicas, arguments.port, arguments.public_url) as deployment:
        print(f"Serving {arguments.replicas} replicas at {deployment.url}; Ctrl-C stops them all.", flush=True)
        while not stop_requested.wait(CHECK_EVERY_S):
            if deployment.nginx.poll() is not None:
                sys.exit(f"nginx stopped (exit code {deployment.nginx.returncode}); stopping the replicas")
            for number in deployment.restart_stopped_replicas():
                print(f"Replica {number} had stopped; started it again.", flush=True)
    print("Stopped nginx and every replica.", flush=True)


if __name__ == "__main__":
    main()

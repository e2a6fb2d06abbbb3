"""`python -m bench`: measure every page against a plain reference page and write bench/RESULTS.md.

What it measures, all in one run on this machine:

1. Cold render (bench.cold): a new browser context (no cache, no session) opens the page and waits until
   it is fully drawn (deploy.harness.wait_until_drawn); the figure is the page's own performance.now() at
   that moment, so it runs from the start of the navigation. Every server is visited once first, so the
   figure is that of a new visitor to a running app whose data is already read. Each round measures
   every reference page and every page at every scale once, in turn, so that the load of the machine
   falls on all of them alike; the figure is the median of the rounds. Each page is judged against its
   reference (bench/pages/like_<module>.py): the same kinds and number of elements, written plainly
   without the app's code, served at the app's addresses by bench/pages/like_app.py inside the
   navigation and a plain sidebar of the app's widget kinds.
2. A fresh server's first view (bench.cold): from the start of `streamlit run` to its default page fully
   drawn, each round, for the app, its reference and a bare one-line page.
   Every page is also measured in Japanese and in Russian (?lang=ja, ?lang=ru) at today's scale, in the
   same rounds, against its reference opened in the same language: the reference draws the data's
   translations (data/translations/) and the app's catalogs' words (locale/), the same content in the
   same script.
3. Server-side rerun after a filter change (bench.reruns): AppTest runs app.py on the page in this
   process, then each round switches the sidebar's country between Japan and Russia and moves the first
   year on by one, a view not seen before; the figure is the median time of app.run(). A switch of
   language is measured the same way, each round to the next of Japanese, Russian and English.
4. Load (bench.load): twenty sessions opened one after the other against a fresh server, all kept
   open; the server's resident memory per open session and its CPU time per page view, from psutil,
   beside a fresh server of the bare page measured the same way, and each of two replicas behind nginx
   holding twenty sessions.
5. Through nginx (bench.proxy): bytes per cold view directly, through nginx, and of each page's reference
   through the same nginx, in English and, through nginx, in each language against the reference in it; and cold views per second that one replica directly and one and two replicas
   behind nginx serve (bench.views).
6. Abuse (bench.abuse): through nginx, one client from 127.0.0.2 sends a fixed count of requests as
   fast as it can while a reader from 127.0.0.3 opens every page and the health check is asked every
   0.2 s; what each is answered, and the slowest health check.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import streamlit
from playwright.sync_api import Browser, sync_playwright

from bench.abuse import measure_abuse
from bench.cold import BARE, measure_cold_renders
from bench.load import Load, measure_load, measure_replica_loads
from bench.proxy import measure_proxy
from bench.report import Figures, write_results
from bench.reruns import measure_language_switches, measure_reruns, measure_reruns_without_derived
from bench.synthetic import write_scaled_dataset
from deploy.harness import CHROMIUM, CHROMIUM_LAUNCH
from lib.site import PAGES

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def chromium_version() -> str:
    return subprocess.run([str(CHROMIUM), "--version"], capture_output=True, text=True, check=False).stdout.strip()


def load_average() -> str:
    return ", ".join(f"{load:.1f}" for load in os.getloadavg())


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7, help="runs per figure; the median is reported (default 7)")
    parser.add_argument(
        "--scales", default="1,10,100,1000", help="row multipliers, today's first (default 1,10,100,1000)"
    )
    parser.add_argument("--out", type=Path, default=RESULTS, help="where to write the results")
    return parser.parse_args()


def measure_loads(browser: Browser) -> list[Load]:
    paths = [page.url_path for page in PAGES]
    return [
        measure_load(browser, "app.py", paths, f"the app (its {len(paths)} pages in turn)"),
        measure_load(browser, BARE, [""], "bare one-line page"),
        *measure_replica_loads(browser, paths),
    ]


def measure(data_dirs: dict[int, Path], rounds: int, context: dict[str, str], log: Callable[[str], None]) -> Figures:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**CHROMIUM_LAUNCH)
        cold = measure_cold_renders(browser, data_dirs, rounds, log)
        loads = measure_loads(browser)
        log("measured load")
        proxy = measure_proxy(browser, log)
        browser.close()
    abuse = measure_abuse(log)
    reruns = measure_reruns(data_dirs, rounds, log)
    reruns_without_derived = measure_reruns_without_derived(data_dirs, rounds, log)
    language_switches = measure_language_switches(data_dirs[min(data_dirs)], rounds, log)
    return Figures(
        cold.references,
        cold.pages,
        cold.first_views,
        cold.in_languages,
        cold.references_in_languages,
        reruns,
        reruns_without_derived,
        language_switches,
        loads,
        proxy,
        abuse,
        rounds,
        context,
    )


def main() -> None:
    arguments = parse_arguments()
    scales = sorted({int(scale) for scale in arguments.scales.split(",")})
    started = time.perf_counter()

    def log(message: str) -> None:
        print(f"[{time.perf_counter() - started:6.0f} s] {message}", file=sys.stderr, flush=True)

    context = {
        "when": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}",
        "software": f"Streamlit {streamlit.__version__}, {chromium_version()} (headless)",
        "load average at the start (1, 5, 15 min)": load_average(),
    }
    with tempfile.TemporaryDirectory(prefix="bench-") as temporary:
        data_dirs = {scale: write_scaled_dataset(Path(temporary) / f"x{scale}", scale) for scale in scales}
        log(f"wrote data at {', '.join(f'×{s}' for s in scales)}")
        figures = measure(data_dirs, arguments.rounds, context, log)
    context["load average at the end (1, 5, 15 min)"] = load_average()
    context["duration of the run"] = f"{(time.perf_counter() - started) / 60:.1f} min"
    arguments.out.write_text(write_results(figures), encoding="utf-8")
    log(f"wrote {arguments.out}")


if __name__ == "__main__":
    main()

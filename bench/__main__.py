"""`python -m bench`: measure every page against minimal Streamlit pages and write bench/RESULTS.md.

What it measures, all in one run on this machine:

1. Cold render: a new browser context (no cache, no session) opens the page and waits until it is
   fully drawn (bench.browser.wait_until_drawn); the figure is the page's own performance.now() at
   that moment, so it runs from the start of the navigation. Every server is visited once first, so
   the figure is that of a new visitor to a running app whose data is already read (a page's own
   first imports fall in the first round, which the median leaves out). Each round
   measures every reference page and every page at every scale once, in turn, so that the load of
   the machine falls on all of them alike; the figure is the median of the rounds. Besides the
   minimal pages of each component there is one of the app's sidebar (bench/pages/sidebar_one.py):
   what the navigation and the shared filters add to any page.
2. Server-side rerun after a filter change: AppTest runs app.py on the page in this process, then
   each round switches the sidebar's country between Japan and Russia and moves the first year on by
   one, a view not seen before; the figure is the median time of app.run().
3. Load: twenty sessions opened one after the other against a fresh server, all kept open; the
   server's resident memory per open session and its CPU time per page view, from /proc, beside a
   fresh server of the bare page measured the same way.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import streamlit
from playwright.sync_api import Browser, sync_playwright
from streamlit.testing.v1 import AppTest

from bench.browser import components_on, wait_until_drawn
from bench.proc import cpu_seconds, rss_bytes
from bench.server import CHROMIUM, CHROMIUM_ARGS, Server, start_server, stop_server
from bench.synthetic import write_scaled_dataset
from deploy.replicas import ROOT
from lib.ui import DATA_DIR_VARIABLE

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"

# url path -> page script, as app.py routes them
PAGES: dict[str, str] = {
    "": "pages/home.py",
    "map": "pages/map.py",
    "timeline": "pages/timeline.py",
    "statements": "pages/statements.py",
}
# component -> the minimal page that shows only it
REFERENCES: dict[str, str] = {
    "bare": "bench/pages/bare.py",
    "plotly": "bench/pages/plotly_one.py",
    "folium": "bench/pages/folium_one.py",
    "dataframe": "bench/pages/dataframe_one.py",
    # Not a component: the bare page inside the app's navigation and filter sidebar.
    "sidebar": "bench/pages/sidebar_one.py",
}
VIEWPORT = {"width": 1280, "height": 900}
RENDER_TARGET = 1.15  # a page at most this times the minimal page of its heaviest component
SCALE_TARGET = 2.0  # at 1000 times today's rows, at most this times today's figure
SESSIONS = 20
MEMORY_LIMIT_MB = 690  # the smallest memory Streamlit Community Cloud gives an app
DRAW_TIMEOUT_MS = 180_000
SCRIPT_FINISHED = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def page_name(path: str) -> str:
    return path or "home"


@dataclass
class Target:
    """One URL whose cold render is measured each round."""

    label: str
    url: str
    times_ms: list[float] = field(default_factory=list)
    components: set[str] = field(default_factory=set)
    failures: list[str] = field(default_factory=list)

    @property
    def median_ms(self) -> float:
        return statistics.median(self.times_ms) if self.times_ms else float("nan")


def cold_render(browser: Browser, target: Target) -> None:
    """Open the target in a new browser context, once, and record how long it took to be fully drawn."""
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(target.url)
        elapsed = wait_until_drawn(page, DRAW_TIMEOUT_MS)
        if page.locator('[data-testid="stException"], [data-testid="stAlertContentError"]').count():
            errors.append("the page shows an error")
        if errors:
            target.failures.extend(errors)
        target.times_ms.append(elapsed)
        target.components |= components_on(page)
    finally:
        context.close()


def warm_up(browser: Browser, server: Server) -> None:
    """One visit, until its script has run: the server has imported the app and read the data."""
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        page.goto(server.url)
        page.wait_for_selector(SCRIPT_FINISHED, state="attached", timeout=DRAW_TIMEOUT_MS)
    finally:
        context.close()


@contextmanager
def servers(specs: dict[str, tuple[str, Path | None]]) -> Iterator[dict[str, Server]]:
    """Start one server per spec (script, data folder); stop them all at the end."""
    started: dict[str, Server] = {}
    try:
        for name, (script, data_dir) in specs.items():
            started[name] = start_server(data_dir, script=script)
        yield started
    finally:
        for server in started.values():
            stop_server(server)


def measure_cold_renders(
    browser: Browser, data_dirs: dict[int, Path], rounds: int, log: Callable[[str], None]
) -> tuple[dict[str, Target], dict[int, dict[str, Target]]]:
    specs: dict[str, tuple[str, Path | None]] = {name: (script, None) for name, script in REFERENCES.items()}
    specs |= {f"app-{scale}": ("app.py", folder) for scale, folder in data_dirs.items()}
    with servers(specs) as running:
        references = {name: Target(name, running[name].url) for name in REFERENCES}
        pages = {
            scale: {
                path: Target(f"{page_name(path)} ×{scale}", f"{running[f'app-{scale}'].url}/{path}") for path in PAGES
            }
            for scale in data_dirs
        }
        every = [*references.values(), *(target for by_path in pages.values() for target in by_path.values())]
        log(f"warming up {len(running)} servers")
        for server in running.values():
            warm_up(browser, server)
        for number in range(1, rounds + 1):
            started = time.perf_counter()
            for target in every:
                cold_render(browser, target)
            log(f"round {number}/{rounds} of cold renders: {time.perf_counter() - started:.0f} s")
    return references, pages


def measure_reruns(data_dirs: dict[int, Path], rounds: int, log: Callable[[str], None]) -> dict[int, dict[str, float]]:
    """Median seconds of a rerun after the sidebar's country changes, per scale and page, via AppTest."""
    results: dict[int, dict[str, float]] = {}
    for scale, folder in data_dirs.items():
        os.environ[DATA_DIR_VARIABLE] = str(folder)
        app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
        app.run()
        results[scale] = {}
        for path, script in PAGES.items():
            if script != PAGES[""]:
                app.switch_page(script)
                app.run()
            times = []
            first_year, last_year = app.sidebar.slider(key="filter_years").value
            for number in range(rounds):
                # A combination of filters not seen before in this run, so nothing cached per view helps.
                app.sidebar.radio(key="filter_country").set_value(("Japan", "Russia")[number % 2])
                app.sidebar.slider(key="filter_years").set_value((first_year + number + 1, last_year))
                started = time.perf_counter()
                app.run()
                times.append(time.perf_counter() - started)
                if app.exception:
                    raise RuntimeError(f"{script} ×{scale} raised: {app.exception[0].message}")
            results[scale][path] = statistics.median(times)
        log(f"reruns at ×{scale}: " + ", ".join(f"{page_name(p)} {s * 1000:.0f} ms" for p, s in results[scale].items()))
    os.environ.pop(DATA_DIR_VARIABLE, None)
    return results


@dataclass(frozen=True)
class Load:
    label: str
    idle_mb: float
    loaded_mb: float
    cpu_per_view_s: float
    failures: int

    @property
    def per_session_mb(self) -> float:
        return (self.loaded_mb - self.idle_mb) / SESSIONS


def measure_load(browser: Browser, script: str, paths: list[str], label: str) -> Load:
    """Twenty sessions, one after the other, all kept open, against a fresh server."""
    server = start_server(script=script)
    contexts = []
    failures = 0
    try:
        warm_up(browser, server)
        pid = server.process.pid
        idle, cpu_before = rss_bytes(pid), cpu_seconds(pid)
        for number in range(SESSIONS):
            context = browser.new_context(viewport=VIEWPORT)
            contexts.append(context)
            page = context.new_page()
            page.goto(f"{server.url}/{paths[number % len(paths)]}")
            wait_until_drawn(page, DRAW_TIMEOUT_MS)
            failures += page.locator('[data-testid="stException"], [data-testid="stAlertContentError"]').count()
        loaded, cpu_after = rss_bytes(pid), cpu_seconds(pid)
    finally:
        for context in contexts:
            context.close()
        stop_server(server)
    return Load(label, idle / 2**20, loaded / 2**20, (cpu_after - cpu_before) / SESSIONS, failures)


def chromium_version() -> str:
    return subprocess.run([str(CHROMIUM), "--version"], capture_output=True, text=True, check=False).stdout.strip()


def heaviest_reference(components: set[str], references: dict[str, Target]) -> str:
    """Of the components a page shows (and the bare page), the one whose minimal page is slowest."""
    return max(components | {"bare"}, key=lambda name: references[name].median_ms)


def ratio_with_sidebar(page_ms: float, heaviest: str, references: dict[str, Target]) -> float:
    """The page against its heaviest minimal page plus what the app's sidebar adds to a bare page:
    how far the page is from what its components and the shared frame alone would take."""
    sidebar_ms = references["sidebar"].median_ms - references["bare"].median_ms
    return page_ms / (references[heaviest].median_ms + sidebar_ms)


def verdict(met: bool) -> str:
    return "yes" if met else "**no**"


def write_results(
    references: dict[str, Target],
    pages: dict[int, dict[str, Target]],
    reruns: dict[int, dict[str, float]],
    loads: list[Load],
    rounds: int,
    context: dict[str, str],
) -> str:
    scales = sorted(pages)
    today = scales[0]
    lines = [
        "# Benchmark results",
        "",
        "Written by `python -m bench`; rerun it to check any figure. Method: see the docstring of",
        "`bench/__main__.py` and the notes under each table. Nothing here is tuned or edited by hand.",
        "",
        *[f"- {key}: {value}" for key, value in context.items()],
        "",
        f"## Cold render, today's data (median of {rounds} runs)",
        "",
        "Milliseconds from the start of navigation in a new browser context until the page is fully drawn:",
        "script finished, no placeholder (`stSkeleton`) left, every Plotly chart's SVG drawn, every",
        "st_folium map's Leaflet shapes drawn, every dataframe's canvas drawn.",
        "",
        "| minimal page | median ms | min–max ms |",
        "|---|---:|---:|",
    ]
    for name, target in references.items():
        lines.append(f"| {name} (`{REFERENCES[name]}`) | {target.median_ms:.0f} | {_spread(target)} |")
    lines += [
        "",
        f"| page | components | heaviest minimal page | median ms | min–max ms | ratio | target ≤ {RENDER_TARGET} "
        "| ratio with the sidebar's cost |",
        "|---|---|---|---:|---:|---:|---|---:|",
    ]
    missed: list[str] = []
    for path, target in pages[today].items():
        heaviest = heaviest_reference(target.components, references)
        ratio = target.median_ms / references[heaviest].median_ms
        if ratio > RENDER_TARGET:
            missed.append(f"cold render of {page_name(path)}: {ratio:.2f} × the {heaviest} page")
        lines.append(
            f"| {page_name(path)} | {', '.join(sorted(target.components)) or 'text only'} | {heaviest} | "
            f"{target.median_ms:.0f} | {_spread(target)} | {ratio:.2f} | {verdict(ratio <= RENDER_TARGET)} | "
            f"{ratio_with_sidebar(target.median_ms, heaviest, references):.2f} |"
        )
    lines += [
        "",
        "Ratio with the sidebar's cost: the page's time over its heaviest minimal page's time plus what the",
        "app's navigation and filter sidebar add to a bare page (the sidebar page less the bare page). Every",
        "page draws that sidebar; the figure shows how much of the gap is the page's own.",
        "",
        "## At more rows",
        "",
        f"Synthetic data made by `bench.synthetic`: today's events and statements repeated {', '.join(f'{s}×' for s in scales)}",
        "with new ids (islands and sources unchanged; every copy passes the loader's checks).",
        "",
        "Cold render, median ms:",
        "",
    ]
    cold_ms = {scale: {path: target.median_ms for path, target in by_path.items()} for scale, by_path in pages.items()}
    lines += _scale_table("cold render", cold_ms, missed)
    lines += [
        "",
        f"Server-side rerun after a filter change, median ms of {rounds} (AppTest runs app.py on the page",
        "in the benchmark's process; each round the sidebar's country switches between Japan and Russia and",
        "the first year moves on by one, so every round is a view not seen before; the time of",
        "`AppTest.run()`: the script run with its data cached, the filters, figures and maps built and",
        "marshalled, without the network):",
        "",
    ]
    rerun_ms = {scale: {path: seconds * 1000 for path, seconds in by_path.items()} for scale, by_path in reruns.items()}
    lines += _scale_table("rerun", rerun_ms, missed)
    lines += [
        "",
        f"## Load: {SESSIONS} open sessions",
        "",
        f"A fresh server, visited once; then {SESSIONS} new browser contexts, one after the other, each kept",
        "open once drawn (the app's sessions go round its four pages). Resident memory (VmRSS) and CPU time",
        "(utime + stime) of the server process, from /proc.",
        "",
        f"| server | idle MB | MB with {SESSIONS} sessions | MB per session | CPU ms per page view | errors | fits {MEMORY_LIMIT_MB} MB |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for load in loads:
        fits = load.loaded_mb <= MEMORY_LIMIT_MB
        if not fits:
            missed.append(f"{load.label}: {load.loaded_mb:.0f} MB with {SESSIONS} sessions")
        lines.append(
            f"| {load.label} | {load.idle_mb:.0f} | {load.loaded_mb:.0f} | {load.per_session_mb:.1f} | "
            f"{load.cpu_per_view_s * 1000:.0f} | {load.failures} | {verdict(fits)} |"
        )
    failures = [
        f"{target.label}: {failure}"
        for target in [*references.values(), *(t for by_path in pages.values() for t in by_path.values())]
        for failure in sorted(set(target.failures))
    ]
    lines += ["", "## Targets missed", ""]
    lines += [f"- {item}" for item in missed] or ["- none"]
    lines += ["", "## Errors seen while measuring", ""]
    lines += [f"- {item}" for item in failures] or ["- none"]
    return "\n".join(lines) + "\n"


def _scale_table(measure: str, ms: dict[int, dict[str, float]], missed: list[str]) -> list[str]:
    """A table of one measure per page at every scale, with its ratio of the largest scale to today's;
    each page over the scale target is added to `missed`."""
    scales = sorted(ms)
    today, largest = scales[0], scales[-1]
    lines = [
        "| page | "
        + " | ".join(f"×{scale}" for scale in scales)
        + f" | ×{largest} / ×{today} | target ≤ {SCALE_TARGET} |",
        "|---|" + "---:|" * len(scales) + "---:|---|",
    ]
    for path in PAGES:
        ratio = ms[largest][path] / ms[today][path]
        if ratio > SCALE_TARGET:
            missed.append(f"{measure} of {page_name(path)} at ×{largest}: {ratio:.2f} × today")
        lines.append(
            f"| {page_name(path)} | "
            + " | ".join(f"{ms[scale][path]:.0f}" for scale in scales)
            + f" | {ratio:.2f} | {verdict(ratio <= SCALE_TARGET)} |"
        )
    return lines


def _spread(target: Target) -> str:
    return f"{min(target.times_ms):.0f}–{max(target.times_ms):.0f}" if target.times_ms else "–"


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="runs per figure; the median is reported (default 5)")
    parser.add_argument(
        "--scales", default="1,10,100,1000", help="row multipliers, today's first (default 1,10,100,1000)"
    )
    parser.add_argument("--out", type=Path, default=RESULTS, help="where to write the results")
    args = parser.parse_args()
    scales = sorted({int(scale) for scale in args.scales.split(",")})
    started = time.perf_counter()

    def log(message: str) -> None:
        print(f"[{time.perf_counter() - started:6.0f} s] {message}", file=sys.stderr, flush=True)

    context = {
        "when": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}",
        "software": f"Streamlit {streamlit.__version__}, {chromium_version()} (headless)",
        "load average at the start (1, 5, 15 min)": ", ".join(f"{load:.1f}" for load in os.getloadavg()),
    }
    with tempfile.TemporaryDirectory(prefix="bench-") as temporary:
        data_dirs = {scale: write_scaled_dataset(Path(temporary) / f"x{scale}", scale) for scale in scales}
        log(f"wrote data at {', '.join(f'×{s}' for s in scales)}")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            references, pages = measure_cold_renders(browser, data_dirs, args.rounds, log)
            loads = [
                measure_load(browser, "app.py", list(PAGES), "the app (its four pages in turn)"),
                measure_load(browser, REFERENCES["bare"], [""], "bare one-line page"),
            ]
            log("measured load")
            browser.close()
        reruns = measure_reruns(data_dirs, args.rounds, log)
    context["load average at the end (1, 5, 15 min)"] = ", ".join(f"{load:.1f}" for load in os.getloadavg())
    context["duration of the run"] = f"{(time.perf_counter() - started) / 60:.1f} min"
    args.out.write_text(write_results(references, pages, reruns, loads, args.rounds, context), encoding="utf-8")
    log(f"wrote {args.out}")


if __name__ == "__main__":
    main()

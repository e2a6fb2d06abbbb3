"""Server-side reruns after a filter change: AppTest runs app.py on each page in this process."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from streamlit.testing.v1 import AppTest

from bench.cold import page_name
from deploy.replicas import ROOT
from lib.model.dataset import Dataset
from lib.site import PAGES
from lib.ui.data import DATA_DIR_VARIABLE
from lib.ui.language import LANGUAGE_KEY


def timed_reruns(app: AppTest, rounds: int, change: Callable[[AppTest, int], None]) -> list[float]:
    """Seconds of each rerun after `change` sets the sidebar for round number n."""
    times = []
    for number in range(rounds):
        change(app, number)
        started = time.perf_counter()
        app.run()
        times.append(time.perf_counter() - started)
        if app.exception:
            raise RuntimeError(f"{app.exception[0].message}")
    return times


def rerun_seconds(app: AppTest, rounds: int) -> list[float]:
    """Seconds of each rerun after a change of the sidebar's filters to a view not seen before."""
    first_year = app.sidebar.number_input(key="filter_from").value

    def new_filters(app: AppTest, number: int) -> None:
        # A combination of filters not seen before in this run, so nothing cached per view helps.
        app.sidebar.radio(key="filter_country").set_value(("Japan", "Russia")[number % 2])
        app.sidebar.number_input(key="filter_from").set_value(first_year + number + 1)

    return timed_reruns(app, rounds, new_filters)


def switch_seconds(app: AppTest, rounds: int) -> list[float]:
    """Seconds of each rerun after the reader switches language, in turn to each of the others."""

    def next_language(app: AppTest, number: int) -> None:
        app.sidebar.radio(key=LANGUAGE_KEY).set_value(("ja", "ru", "en")[number % 3])

    return timed_reruns(app, rounds, next_language)


def reruns_at(
    folder: Path, rounds: int, measure: Callable[[AppTest, int], list[float]] = rerun_seconds
) -> dict[str, float]:
    """Median seconds of a rerun on each page (after a filter change, or as `measure` changes the
    view), on the data in `folder`."""
    os.environ[DATA_DIR_VARIABLE] = str(folder)
    try:
        medians = {}
        for page in PAGES:
            # A session opened on the page, as a shared link opens it.
            app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
            app.switch_page(f"pages/{page.module}.py")
            app.run()
            medians[page.url_path] = statistics.median(measure(app, rounds))
        return medians
    finally:
        os.environ.pop(DATA_DIR_VARIABLE, None)


def measure_reruns(data_dirs: dict[int, Path], rounds: int, log: Callable[[str], None]) -> dict[int, dict[str, float]]:
    """Median seconds of a rerun after the sidebar's filters change, per scale and page."""
    results: dict[int, dict[str, float]] = {}
    for scale, folder in data_dirs.items():
        results[scale] = reruns_at(folder, rounds)
        log(f"reruns at ×{scale}: " + ", ".join(f"{page_name(p)} {s * 1000:.0f} ms" for p, s in results[scale].items()))
    return results


def measure_language_switches(folder: Path, rounds: int, log: Callable[[str], None]) -> dict[str, float]:
    """Median seconds of a rerun after a switch of language, per page, on today's data."""
    switches = reruns_at(folder, rounds, switch_seconds)
    log("language switches: " + ", ".join(f"{page_name(p)} {s * 1000:.0f} ms" for p, s in switches.items()))
    return switches


@contextmanager
def without_derived() -> Iterator[None]:
    """Dataset.derived builds on every call, as if nothing were kept with the dataset: what the
    structures built through it (sources, figures, the statements table) save."""
    kept = Dataset.derived
    Dataset.derived = lambda dataset, builder: builder(dataset)  # type: ignore[method-assign]
    try:
        yield
    finally:
        Dataset.derived = kept  # type: ignore[method-assign]


def measure_reruns_without_derived(
    data_dirs: dict[int, Path], rounds: int, log: Callable[[str], None]
) -> dict[int, dict[str, float]]:
    """The reruns of `measure_reruns` at today's scale and the largest, with Dataset.derived turned off."""
    ends = {scale: data_dirs[scale] for scale in (min(data_dirs), max(data_dirs))}
    with without_derived():
        results = {scale: reruns_at(folder, rounds) for scale, folder in ends.items()}
    for scale, by_path in results.items():
        log(
            f"reruns at ×{scale} without derived: "
            + ", ".join(f"{page_name(p)} {s * 1000:.0f} ms" for p, s in by_path.items())
        )
    return results

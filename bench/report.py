"""bench/RESULTS.md from the figures of one run: a section per measure, each target's verdict, and the
list of targets missed."""

from __future__ import annotations

from dataclasses import dataclass, field

from bench.cold import REFERENCES, Target, page_name, reference_for
from bench.load import SESSIONS, Load
from bench.proxy import CONCURRENCY, VIEWS, ProxyFigures
from lib.site import PAGES

RENDER_TARGET = 1.15  # a page at most this times its reference inside the plain sidebar
SCALE_TARGET = 2.0  # at 1000 times today's rows, at most this times today's figure
BYTES_TARGET = 1 / 3  # a cold view through nginx at most this share of the bytes of a direct one
MEMORY_LIMIT_MB = 690  # the smallest memory Streamlit Community Cloud gives an app


@dataclass
class Figures:
    references: dict[str, Target]
    pages: dict[int, dict[str, Target]]
    reruns: dict[int, dict[str, float]]
    reruns_without_derived: dict[int, dict[str, float]]
    loads: list[Load]
    proxy: ProxyFigures
    rounds: int
    context: dict[str, str]
    missed: list[str] = field(default_factory=list)


def verdict(met: bool) -> str:
    return "yes" if met else "**no**"


def spread(target: Target) -> str:
    return f"{min(target.times_ms):.0f}–{max(target.times_ms):.0f}" if target.times_ms else "–"


def header(figures: Figures) -> list[str]:
    return [
        "# Benchmark results",
        "",
        "Written by `python -m bench`; rerun it to check any figure. Method: see the docstring of",
        "`bench/__main__.py` and the notes under each table. Nothing here is tuned or edited by hand.",
        "",
        *[f"- {key}: {value}" for key, value in figures.context.items()],
    ]


def reference_table(figures: Figures) -> list[str]:
    lines = [
        "",
        f"## Cold render, today's data (median of {figures.rounds} interleaved rounds)",
        "",
        "Milliseconds from the start of navigation in a new browser context until the page is fully drawn:",
        "script finished, no placeholder (`stSkeleton`) left, every Plotly chart's SVG drawn, every",
        "st_folium map's Leaflet shapes drawn, every dataframe's canvas drawn. The reference pages are",
        "written plainly in `bench/pages/` (no code of the app): the components alone, and each again inside",
        "the navigation and a plain sidebar of the app's widget kinds (a radio, two number inputs, a selectbox,",
        "a link), which every page of the app draws.",
        "",
        "| reference page | median ms | min–max ms |",
        "|---|---:|---:|",
    ]
    return [
        *lines,
        *(
            f"| {name} (`{REFERENCES[name]}`) | {target.median_ms:.0f} | {spread(target)} |"
            for name, target in figures.references.items()
        ),
    ]


def render_table(figures: Figures) -> list[str]:
    lines = [
        "",
        f"| page | components | reference with the sidebar | median ms | min–max ms | ratio | target ≤ {RENDER_TARGET} "
        "| reference without | ratio to it |",
        "|---|---|---|---:|---:|---:|---|---|---:|",
    ]
    references = figures.references
    for path, target in figures.pages[min(figures.pages)].items():
        with_sidebar = reference_for(target.components, references, sidebar=True)
        without = reference_for(target.components, references, sidebar=False)
        ratio = target.median_ms / references[with_sidebar].median_ms
        if ratio > RENDER_TARGET:
            figures.missed.append(f"cold render of {page_name(path)}: {ratio:.2f} × the {with_sidebar} page")
        lines.append(
            f"| {page_name(path)} | {', '.join(sorted(target.components)) or 'text only'} | {with_sidebar} | "
            f"{target.median_ms:.0f} | {spread(target)} | {ratio:.2f} | {verdict(ratio <= RENDER_TARGET)} | "
            f"{without} | {target.median_ms / references[without].median_ms:.2f} |"
        )
    return [
        *lines,
        "",
        "Each page is judged against the reference page of its components inside the plain sidebar: the",
        "cheapest Streamlit page that shows what it shows and the shared filters. The last two columns keep",
        "the comparison with the components alone.",
    ]


def scale_table(measure: str, ms: dict[int, dict[str, float]], missed: list[str]) -> list[str]:
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
    for path in ms[today]:
        ratio = ms[largest][path] / ms[today][path]
        if ratio > SCALE_TARGET:
            missed.append(f"{measure} of {page_name(path)} at ×{largest}: {ratio:.2f} × today")
        lines.append(
            f"| {page_name(path)} | "
            + " | ".join(f"{ms[scale][path]:.0f}" for scale in scales)
            + f" | {ratio:.2f} | {verdict(ratio <= SCALE_TARGET)} |"
        )
    return lines


def scale_section(figures: Figures) -> list[str]:
    scales = sorted(figures.pages)
    cold_ms = {scale: {path: t.median_ms for path, t in by_path.items()} for scale, by_path in figures.pages.items()}
    rerun_ms = {scale: {path: s * 1000 for path, s in by_path.items()} for scale, by_path in figures.reruns.items()}
    return [
        "",
        "## At more rows",
        "",
        f"Synthetic data made by `bench.synthetic`: today's events and statements repeated {', '.join(f'{s}×' for s in scales)}",
        "with new ids (islands and sources unchanged; every copy passes the loader's checks).",
        "",
        "Cold render, median ms:",
        "",
        *scale_table("cold render", cold_ms, figures.missed),
        "",
        f"Server-side rerun after a filter change, median ms of {figures.rounds} (AppTest runs app.py on the page",
        "in the benchmark's process; each round the sidebar's country switches between Japan and Russia and",
        "the first year moves on by one, so every round is a view not seen before; the time of",
        "`AppTest.run()`: the script run with its data cached, the filters, figures and maps built and",
        "marshalled, without the network):",
        "",
        *scale_table("rerun", rerun_ms, figures.missed),
    ]


def structures_section(figures: Figures) -> list[str]:
    """What Dataset.derived saves: the reruns with it and without it, and the pages whose target it keeps."""
    without = figures.reruns_without_derived
    today, largest = min(without), max(without)
    lines = [
        "",
        "## Structures for speed",
        "",
        "`Dataset.derived` keeps what is built from the data alone with the dataset, built on first use: the",
        "map's popup lists and naming index, every event's sources, the statements table as Arrow, the",
        "overview's figures, the story's chapters. Turned off, each is built on every run. Server-side rerun,",
        "median ms, measured as above:",
        "",
        f"| page | ×{today} with | ×{today} without | ×{largest} with | ×{largest} without | ×{largest} / ×{today} without "
        f"| target ≤ {SCALE_TARGET} without |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    kept_for = []
    for path, today_s in without[today].items():
        with_ms = (figures.reruns[today][path] * 1000, figures.reruns[largest][path] * 1000)
        without_ms = (today_s * 1000, without[largest][path] * 1000)
        ratio = without_ms[1] / without_ms[0]
        if ratio > SCALE_TARGET and with_ms[1] / with_ms[0] <= SCALE_TARGET:
            kept_for.append(page_name(path))
        lines.append(
            f"| {page_name(path)} | {with_ms[0]:.0f} | {without_ms[0]:.0f} | {with_ms[1]:.0f} | {without_ms[1]:.0f} "
            f"| {ratio:.2f} | {verdict(ratio <= SCALE_TARGET)} |"
        )
    reason = (
        f"it keeps the rerun target of {', '.join(kept_for)}"
        if kept_for
        else "no page's rerun target depends on it in this run"
    )
    return [*lines, "", f"Without `Dataset.derived`, {reason}."]


def load_section(figures: Figures) -> list[str]:
    lines = [
        "",
        f"## Load: {SESSIONS} open sessions per server",
        "",
        f"A fresh server, visited once; then {SESSIONS} new browser contexts per server, one after the other, each",
        "kept open once drawn (the app's sessions go round its pages). Resident memory (RSS) and CPU time (user",
        "plus system) of each server process, from psutil. Behind nginx the sessions alternate between the",
        "replicas, sent by their affinity cookie; the sessions column counts those each replica held.",
        "",
        f"| server | idle MB | MB with its sessions | sessions | MB per session | CPU ms per page view | errors | fits {MEMORY_LIMIT_MB} MB |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for load in figures.loads:
        fits = load.loaded_mb <= MEMORY_LIMIT_MB
        if not fits:
            figures.missed.append(f"{load.label}: {load.loaded_mb:.0f} MB with {load.sessions} sessions")
        lines.append(
            f"| {load.label} | {load.idle_mb:.0f} | {load.loaded_mb:.0f} | {load.sessions} | {load.per_session_mb:.1f} | "
            f"{load.cpu_per_view_s * 1000:.0f} | {load.failures} | {verdict(fits)} |"
        )
    return lines


def bytes_section(figures: Figures) -> list[str]:
    proxy = figures.proxy
    lines = [
        "",
        "## Through nginx (`python -m deploy`)",
        "",
        "Bytes a new browser context receives for one cold view, until the page is fully drawn (Chromium's",
        "count of each HTTP response as sent, headers included, and of the WebSocket messages' payload):",
        "served by Streamlit directly, and through nginx with two replicas.",
        "",
        f"| page | direct KB (HTTP + WebSocket) | through nginx KB (HTTP + WebSocket) | share | target ≤ {BYTES_TARGET:.2f} |",
        "|---|---:|---:|---:|---|",
    ]
    for path, direct in proxy.bytes_direct.items():
        proxied = proxy.bytes_proxied[path]
        share = proxied.total / direct.total
        if share > BYTES_TARGET:
            figures.missed.append(f"bytes of a cold view of {page_name(path)} through nginx: {share:.2f} of direct")
        lines.append(
            f"| {page_name(path)} | {direct.total / 1000:.0f} ({direct.http / 1000:.0f} + {direct.websocket / 1000:.0f}) | "
            f"{proxied.total / 1000:.0f} ({proxied.http / 1000:.0f} + {proxied.websocket / 1000:.0f}) | "
            f"{share:.2f} | {verdict(share <= BYTES_TARGET)} |"
        )
    return lines


def throughput_section(figures: Figures) -> list[str]:
    return [
        "",
        f"Cold views per second: {VIEWS} new readers, {CONCURRENCY} at a time, the {len(PAGES)} pages in turn, each",
        "fetching what a cold view in Chromium fetched (with a browser's Accept-Encoding) and then running the",
        "page's script over Streamlit's WebSocket (`bench/views.py`: no browser, whose drawing would take most of",
        "this machine's two cores; the client itself runs on them too).",
        "",
        "| served by | cold views per second |",
        "|---|---:|",
        *[f"| {label} | {rate:.1f} |" for label, rate in figures.proxy.views_per_second.items()],
    ]


def closing(figures: Figures) -> list[str]:
    failures = [
        f"{target.label}: {failure}"
        for target in [
            *figures.references.values(),
            *(t for by_path in figures.pages.values() for t in by_path.values()),
        ]
        for failure in sorted(set(target.failures))
    ]
    return [
        "",
        "## Targets missed",
        "",
        *([f"- {item}" for item in figures.missed] or ["- none"]),
        "",
        "## Errors seen while measuring",
        "",
        *([f"- {item}" for item in failures] or ["- none"]),
    ]


def write_results(figures: Figures) -> str:
    sections = [
        header,
        reference_table,
        render_table,
        scale_section,
        structures_section,
        load_section,
        bytes_section,
        throughput_section,
    ]
    lines = [line for section in sections for line in section(figures)]
    return "\n".join([*lines, *closing(figures)]) + "\n"

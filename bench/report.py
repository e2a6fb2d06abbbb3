"""bench/RESULTS.md from the figures of one run: a section per measure with each target's verdict, and
the list of targets missed, `missed_targets(figures)`, from the same ratios."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from bench.abuse import ABUSER_THREADS, AbuseFigures
from bench.cold import BARE, FIRST_VIEWS, REFERENCE_APP, Target, page_name, reference_page
from bench.load import SESSIONS, Load
from bench.proxy import CONCURRENCY, VIEWS, ProxyFigures, ViewBytes
from lib.i18n import ENGLISH
from lib.site import PAGES

RENDER_TARGET = 1.15  # a page's cold render at most this times its reference's
FIRST_VIEW_TARGET = 1.2  # a fresh server's first view of the app at most this times its reference's
SWITCH_TARGET = 2.0  # a rerun after a switch of language at most this times one after a filter change
SCALE_TARGET = 2.0  # at 1000 times today's rows, at most this times today's figure
BYTES_TARGET = 1.10  # a cold view through nginx at most this times its reference's through the same nginx
MEMORY_LIMIT_MB = 690  # the smallest memory Streamlit Community Cloud gives an app


@dataclass
class Figures:
    references: dict[str, Target]
    pages: dict[int, dict[str, Target]]
    first_views: dict[str, Target]
    in_languages: dict[str, dict[str, Target]]
    references_in_languages: dict[str, dict[str, Target]]
    reruns: dict[int, dict[str, float]]
    reruns_without_derived: dict[int, dict[str, float]]
    language_switches: dict[str, float]
    loads: list[Load]
    proxy: ProxyFigures
    abuse: AbuseFigures
    rounds: int
    context: dict[str, str]


def verdict(met: bool) -> str:
    return "yes" if met else "**no**"


def spread(target: Target) -> str:
    return f"{min(target.times_ms):.0f}–{max(target.times_ms):.0f}" if target.times_ms else "–"


def render_ratios(figures: Figures) -> dict[str, float]:
    """Each page's cold render at today's scale over its reference's, by page path."""
    today = figures.pages[min(figures.pages)]
    return {path: target.median_ms / figures.references[path].median_ms for path, target in today.items()}


def language_ratios(figures: Figures) -> dict[tuple[str, str], float]:
    """Each page's cold render in each other language over its reference's in the same language, by (language,
    page path)."""
    return {
        (language, path): target.median_ms / figures.references_in_languages[language][path].median_ms
        for language, by_path in figures.in_languages.items()
        for path, target in by_path.items()
    }


def switch_ratios(figures: Figures) -> dict[str, float]:
    """Each page's rerun after a switch of language over its rerun after a filter change, today."""
    filter_reruns = figures.reruns[min(figures.reruns)]
    return {path: seconds / filter_reruns[path] for path, seconds in figures.language_switches.items()}


def first_view_ratio(figures: Figures) -> float:
    return figures.first_views["the app"].median_ms / figures.first_views["its reference"].median_ms


def scale_ratios(ms: dict[int, dict[str, float]]) -> dict[str, float]:
    """Each page's figure at the largest scale over today's, by page path."""
    return {path: ms[max(ms)][path] / today for path, today in ms[min(ms)].items()}


def cold_ms(figures: Figures) -> dict[int, dict[str, float]]:
    return {scale: {path: t.median_ms for path, t in by_path.items()} for scale, by_path in figures.pages.items()}


def rerun_ms(reruns: dict[int, dict[str, float]]) -> dict[int, dict[str, float]]:
    return {scale: {path: s * 1000 for path, s in by_path.items()} for scale, by_path in reruns.items()}


def bytes_ratios(proxy: ProxyFigures) -> dict[tuple[str, str], float]:
    """Each page's bytes through nginx over its reference's in the same language through the same nginx, by
    (language, page path)."""
    return {
        (language, path): proxied.total / proxy.bytes_reference[language][path].total
        for language, by_path in proxy.bytes_proxied.items()
        for path, proxied in by_path.items()
    }


def in_language(language: str) -> str:
    return "" if language == ENGLISH else f" in {language}"


def missed_targets(figures: Figures) -> list[str]:
    """Every target the figures miss, in the order of the sections."""
    missed = [
        f"cold render of {page_name(path)}: {ratio:.2f} × its reference"
        for path, ratio in render_ratios(figures).items()
        if ratio > RENDER_TARGET
    ]
    missed += [
        f"cold render of {page_name(path)} in {language}: {ratio:.2f} × its reference"
        for (language, path), ratio in language_ratios(figures).items()
        if ratio > RENDER_TARGET
    ]
    missed += [
        f"rerun of {page_name(path)} after a switch of language: {ratio:.2f} × after a filter change"
        for path, ratio in switch_ratios(figures).items()
        if ratio > SWITCH_TARGET
    ]
    if first_view_ratio(figures) > FIRST_VIEW_TARGET:
        missed.append(f"a fresh server's first view: {first_view_ratio(figures):.2f} × its reference's")
    for measure, ms in (("cold render", cold_ms(figures)), ("rerun", rerun_ms(figures.reruns))):
        missed += [
            f"{measure} of {page_name(path)} at ×{max(ms)}: {ratio:.2f} × today"
            for path, ratio in scale_ratios(ms).items()
            if ratio > SCALE_TARGET
        ]
    missed += [
        f"{load.label}: {load.loaded_mb:.0f} MB with {load.sessions} sessions"
        for load in figures.loads
        if load.loaded_mb > MEMORY_LIMIT_MB
    ]
    return missed + [
        f"bytes of a cold view of {page_name(path)}{in_language(language)} through nginx: {ratio:.2f} × its reference's"
        for (language, path), ratio in bytes_ratios(figures.proxy).items()
        if ratio > BYTES_TARGET
    ]


def header(figures: Figures) -> list[str]:
    return [
        "# Benchmark results",
        "",
        "Written by `python -m bench`; rerun it to check any figure. Method: see the docstring of",
        "`bench/__main__.py` and the notes under each table. Nothing here is tuned or edited by hand.",
        "",
        *[f"- {key}: {value}" for key, value in figures.context.items()],
    ]


def render_table(figures: Figures) -> list[str]:
    lines = [
        "",
        f"## Cold render, today's data (median of {figures.rounds} interleaved rounds)",
        "",
        "Milliseconds from the start of navigation in a new browser context until the page is fully drawn:",
        "script finished, no placeholder (`stSkeleton`) left, every Plotly chart's SVG drawn, every",
        "st_folium map's Leaflet shapes drawn, every dataframe's canvas drawn. Each page is judged against",
        "its reference: the same kinds and number of elements written plainly, with no code of the app, in",
        f"`bench/pages/like_<page>.py`, served by `{REFERENCE_APP}` at the app's addresses inside the",
        "navigation and a plain sidebar of the app's widget kinds (two radios, two number inputs, a selectbox, a",
        "link). The ratio is what the app adds over Streamlit drawing the same content.",
        "",
        f"| page | median ms | min–max ms | reference | its median ms | its min–max ms | ratio | target ≤ {RENDER_TARGET} |",
        "|---|---:|---:|---|---:|---:|---:|---|",
    ]
    ratios = render_ratios(figures)
    for page in PAGES:
        target, reference = figures.pages[min(figures.pages)][page.url_path], figures.references[page.url_path]
        ratio = ratios[page.url_path]
        lines.append(
            f"| {page_name(page.url_path)} | {target.median_ms:.0f} | {spread(target)} | `{reference_page(page)}` | "
            f"{reference.median_ms:.0f} | {spread(reference)} | {ratio:.2f} | {verdict(ratio <= RENDER_TARGET)} |"
        )
    return lines


def languages_section(figures: Figures) -> list[str]:
    languages = list(figures.in_languages)
    lines = [
        "",
        "## In Japanese and Russian",
        "",
        "Each page opened with `?lang=ja` and `?lang=ru`, measured in the same rounds as above, against its",
        "reference opened with the same `?lang=`, and the server-side rerun after the reader switches",
        "language, against the rerun after a filter change (both measured as under *At more rows*).",
        "",
        "| page | "
        + " | ".join(
            f"{language} median ms | its reference's in {language}, ms | ratio | ≤ {RENDER_TARGET}"
            for language in languages
        )
        + f" | rerun after a filter change, ms | after a switch of language, ms | ratio | ≤ {SWITCH_TARGET} |",
        "|---|" + "---:|---:|---:|---|" * len(languages) + "---:|---:|---:|---|",
    ]
    ratios, switches = language_ratios(figures), switch_ratios(figures)
    filter_reruns = figures.reruns[min(figures.reruns)]
    for page in PAGES:
        path = page.url_path
        cells = [
            f"{figures.in_languages[language][path].median_ms:.0f} | "
            f"{figures.references_in_languages[language][path].median_ms:.0f} | {ratios[language, path]:.2f} | "
            f"{verdict(ratios[language, path] <= RENDER_TARGET)}"
            for language in languages
        ]
        lines.append(
            f"| {page_name(path)} | {' | '.join(cells)} | {filter_reruns[path] * 1000:.0f} | "
            f"{figures.language_switches[path] * 1000:.0f} | {switches[path]:.2f} | {verdict(switches[path] <= SWITCH_TARGET)} |"
        )
    return [
        *lines,
        "",
        "A reference takes the language from its link as the app does: it draws the same data in that",
        "language (each translated field from `data/translations/<language>.csv`, quotes as published) and,",
        "where the app uses the same words, its titles, captions and labels through the app's compiled",
        "catalogs (`locale/`). Drawing Japanese or Russian text costs the browser more than English (Noto CJK",
        "glyphs, longer words), and that is not what the app adds: judged against the same content in the same",
        "script, the ratio is the app's own cost in that language.",
    ]


def first_view_section(figures: Figures) -> list[str]:
    ratio = first_view_ratio(figures)
    scripts = {name: f"`{script}`" for name, script in FIRST_VIEWS.items()}
    return [
        "",
        "## A fresh server's first view",
        "",
        "Milliseconds from the start of `streamlit run` to its default page fully drawn in a new browser",
        "context, a fresh server each round: the server's start, its imports, the first reading of the data,",
        f"the first page drawn. The app is judged against its reference ({scripts['its reference']}); the",
        f"bare one-line page (`{BARE}`) shows what Streamlit alone takes.",
        "",
        "| server | median ms | min–max ms |",
        "|---|---:|---:|",
        *[
            f"| {name} ({scripts[name]}) | {target.median_ms:.0f} | {spread(target)} |"
            for name, target in figures.first_views.items()
        ],
        "",
        f"The app over its reference: {ratio:.2f}; target ≤ {FIRST_VIEW_TARGET}: {verdict(ratio <= FIRST_VIEW_TARGET)}.",
    ]


def scale_table(ms: dict[int, dict[str, float]]) -> list[str]:
    """A table of one measure per page at every scale, with its ratio of the largest scale to today's."""
    scales = sorted(ms)
    ratios = scale_ratios(ms)
    lines = [
        "| page | "
        + " | ".join(f"×{scale}" for scale in scales)
        + f" | ×{scales[-1]} / ×{scales[0]} | target ≤ {SCALE_TARGET} |",
        "|---|" + "---:|" * len(scales) + "---:|---|",
    ]
    return lines + [
        f"| {page_name(path)} | "
        + " | ".join(f"{ms[scale][path]:.0f}" for scale in scales)
        + f" | {ratio:.2f} | {verdict(ratio <= SCALE_TARGET)} |"
        for path, ratio in ratios.items()
    ]


def scale_section(figures: Figures) -> list[str]:
    scales = sorted(figures.pages)
    return [
        "",
        "## At more rows",
        "",
        f"Synthetic data made by `bench.synthetic`: today's events and statements repeated {', '.join(f'{s}×' for s in scales)}",
        "with new ids (islands and sources unchanged; every copy passes the loader's checks).",
        "",
        "Cold render, median ms:",
        "",
        *scale_table(cold_ms(figures)),
        "",
        f"Server-side rerun after a filter change, median ms of {figures.rounds} (AppTest runs app.py on the page",
        "in the benchmark's process; each round the sidebar's country switches between Japan and Russia and",
        "the first year moves on by one, so every round is a view not seen before; the time of",
        "`AppTest.run()`: the script run with its data cached, the filters, figures and maps built and",
        "marshalled, without the network):",
        "",
        *scale_table(rerun_ms(figures.reruns)),
    ]


def structures_section(figures: Figures) -> list[str]:
    """What Dataset.derived saves: the reruns with it and without it, and the pages whose target it keeps."""
    with_ms, without_ms = rerun_ms(figures.reruns), rerun_ms(figures.reruns_without_derived)
    today, largest = min(without_ms), max(without_ms)
    with_ratios = scale_ratios({today: with_ms[today], largest: with_ms[largest]})
    without_ratios = scale_ratios(without_ms)
    lines = [
        "",
        "## Structures for speed",
        "",
        "`Dataset.derived` keeps what is built from the data alone with the dataset, built on first use:",
        "every event's sources, the islands' figures and their pages, the statements table as Arrow, the",
        "overview's figures, the story's chapters. Turned off, each is built on every run. Server-side rerun,",
        "median ms, measured as above:",
        "",
        f"| page | ×{today} with | ×{today} without | ×{largest} with | ×{largest} without | ×{largest} / ×{today} without "
        f"| target ≤ {SCALE_TARGET} without |",
        "|---|---:|---:|---:|---:|---:|---|",
        *[
            f"| {page_name(path)} | {with_ms[today][path]:.0f} | {without_ms[today][path]:.0f} | "
            f"{with_ms[largest][path]:.0f} | {without_ms[largest][path]:.0f} | {ratio:.2f} | {verdict(ratio <= SCALE_TARGET)} |"
            for path, ratio in without_ratios.items()
        ],
    ]
    kept_for = [
        page_name(path)
        for path, ratio in without_ratios.items()
        if ratio > SCALE_TARGET and with_ratios[path] <= SCALE_TARGET
    ]
    reason = (
        f"it keeps the rerun target of {', '.join(kept_for)}"
        if kept_for
        else "no page's rerun target depends on it in this run"
    )
    return [*lines, "", f"Without `Dataset.derived`, {reason}."]


def load_section(figures: Figures) -> list[str]:
    return [
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
        *[
            f"| {load.label} | {load.idle_mb:.0f} | {load.loaded_mb:.0f} | {load.sessions} | {load.per_session_mb:.1f} | "
            f"{load.cpu_per_view_s * 1000:.0f} | {load.failures} | {verdict(load.loaded_mb <= MEMORY_LIMIT_MB)} |"
            for load in figures.loads
        ],
    ]


def kilobytes(view: ViewBytes) -> str:
    return f"{view.total / 1000:.0f} ({view.http / 1000:.0f} + {view.websocket / 1000:.0f})"


def bytes_section(figures: Figures) -> list[str]:
    proxy = figures.proxy
    ratios = bytes_ratios(proxy)
    return [
        "",
        "## Through nginx (`python -m deploy`)",
        "",
        "Bytes a new browser context receives for one cold view, until the page is fully drawn (Chromium's",
        "count of each HTTP response as sent, headers included, and of the WebSocket messages' payload):",
        "served by Streamlit directly, through nginx with two replicas, and the page's reference through the",
        f"same nginx (two replicas of `{REFERENCE_APP}`), where Streamlit's own bundles and fonts are the same.",
        "",
        "| page | direct KB (HTTP + WebSocket) | through nginx KB | its reference through nginx KB | ratio "
        f"| target ≤ {BYTES_TARGET} |",
        "|---|---:|---:|---:|---:|---|",
        *[
            f"| {page_name(path)} | {kilobytes(direct)} | {kilobytes(proxy.bytes_proxied[ENGLISH][path])} | "
            f"{kilobytes(proxy.bytes_reference[ENGLISH][path])} | {ratios[ENGLISH, path]:.2f} | "
            f"{verdict(ratios[ENGLISH, path] <= BYTES_TARGET)} |"
            for path, direct in proxy.bytes_direct.items()
        ],
        *bytes_in_languages(proxy, ratios),
    ]


def bytes_in_languages(proxy: ProxyFigures, ratios: dict[tuple[str, str], float]) -> list[str]:
    """The same through nginx in each other language, against the reference drawn in that language."""
    languages = [language for language in proxy.bytes_proxied if language != ENGLISH]
    return [
        "",
        f"The same in {' and '.join(languages)} (`?lang=`), each against its reference in the same language:",
        "",
        "| page | "
        + " | ".join(f"{language} KB | its reference KB | ratio | ≤ {BYTES_TARGET}" for language in languages)
        + " |",
        "|---|" + "---:|---:|---:|---|" * len(languages),
        *[
            f"| {page_name(path)} | "
            + " | ".join(
                f"{kilobytes(proxy.bytes_proxied[language][path])} | {kilobytes(proxy.bytes_reference[language][path])} "
                f"| {ratios[language, path]:.2f} | {verdict(ratios[language, path] <= BYTES_TARGET)}"
                for language in languages
            )
            + " |"
            for path in proxy.bytes_direct
        ],
    ]


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


def _statuses(counts: Counter[int]) -> str:
    return ", ".join(
        f"{count:,} × {'no answer' if status == -1 else status}" for status, count in sorted(counts.items())
    )


def abuse_section(figures: Figures) -> list[str]:
    abuse = figures.abuse
    return [
        "",
        "## One abusive client beside a reader, through nginx",
        "",
        f"`bench/abuse.py`: two replicas behind nginx. From 127.0.0.2, {sum(abuse.abuser.values()):,} requests for",
        f"the overview, {ABUSER_THREADS} at a time; meanwhile from 127.0.0.3 a reader opens every page in turn, and from",
        "127.0.0.4 the health check is asked every 0.2 s. nginx limits each address (deploy/settings.py).",
        "",
        "| client | requests | answers (HTTP status) |",
        "|---|---:|---|",
        f"| abusive, 127.0.0.2 | {sum(abuse.abuser.values()):,} | {_statuses(abuse.abuser)} |",
        f"| reader, 127.0.0.3 | {sum(abuse.reader.values()):,} | {_statuses(abuse.reader)} |",
        f"| health check, 127.0.0.4 | {sum(abuse.health.values()):,} | {_statuses(abuse.health)} |",
        "",
        f"Slowest health check during the abuse: {abuse.health_slowest_s:.3f} s.",
    ]


def closing(figures: Figures) -> list[str]:
    targets = [
        *figures.references.values(),
        *figures.first_views.values(),
        *(
            t
            for by_path in [
                *figures.pages.values(),
                *figures.in_languages.values(),
                *figures.references_in_languages.values(),
            ]
            for t in by_path.values()
        ),
    ]
    failures = [f"{target.label}: {failure}" for target in targets for failure in sorted(set(target.failures))]
    return [
        "",
        "## Targets missed",
        "",
        *([f"- {item}" for item in missed_targets(figures)] or ["- none"]),
        "",
        "## Errors seen while measuring",
        "",
        *([f"- {item}" for item in failures] or ["- none"]),
    ]


def write_results(figures: Figures) -> str:
    sections = [
        header,
        render_table,
        languages_section,
        first_view_section,
        scale_section,
        structures_section,
        load_section,
        bytes_section,
        throughput_section,
        abuse_section,
        closing,
    ]
    return "\n".join(line for section in sections for line in section(figures)) + "\n"

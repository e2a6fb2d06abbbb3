"""A valid dataset whose every free-text field is an attack string, for tests on every page.

It passes every check of lib.model.load: ids, dates, numbers and vocabularies are the real ones,
each quote sits inside its evidence, every evidence sentence is in a source text written
alongside (an event's keeps the real sentence inside, so that it still dates the event), and every
URL is http(s) on a host publishers.csv lists. Only what is shown to the reader is hostile: script tags, event-handler
attributes, `javascript:` links, quotes that close attributes, Markdown and LaTeX syntax,
text thousands of characters long, right-to-left text and emoji. Its translation files translate
every text, each into another attack string.

A payload that runs sets `window.kurilsPwned` and opens a dialog, so a test can see it.
"""

from __future__ import annotations

import json
from itertools import count
from pathlib import Path

from bench.synthetic import copy_dataset, read_rows, write_rows
from lib.model.cells import is_free_text
from lib.model.schema import PUBLISHERS, TABLES, TRANSLATIONS, vocabulary
from tests.translations import write_translations

CANARY = "kurilsPwned"

PAYLOADS: dict[str, str] = {
    "script": f'<script>window.{CANARY}="script";alert("script")</script>',
    "img onerror": f"<img src=x onerror=\"window.{CANARY}='img';alert('img')\">",
    "closing double quote": f"\"><svg onload=\"window.{CANARY}='svg';alert('svg')\">",
    "closing single quote": f"'><iframe src=\"javascript:parent.{CANARY}='iframe';alert('iframe')\"></iframe>",
    "javascript link": f"<a href=\"javascript:window.{CANARY}='link';alert('link')\">read more</a>",
    "markdown link": f"[read more](javascript:window.{CANARY}='md';alert('md')) ![pixel](https://example.org/p.png)",
    "markdown syntax": "**bold** _em_ `code` # heading :red[red] $x^2$ | table | <br> ~~gone~~",
    "closing tags": "</div></span></td></table></textarea></title></style></script>--><b>closed</b>",
    "style": "<style>*{display:none!important}</style><marquee>moving</marquee>",
    "entities": "&lt;script&gt;alert('entity')&lt;/script&gt; &amp;amp; &#x3C;b&#x3E;",
    "template": "{{7*7}} ${alert(1)} %s %n {0} \\ \\\\ \\n",
    "right to left": "مرحبا بالعالم שלום עולם \u202eevil\u202c mixed",
    "emoji": "👩‍👩‍👧‍👦 🏳️‍🌈 🇯🇵🇷🇺 🤝 \u200b zero-width",
    "multi-line": "first line\nsecond line\n- a list item\n> a quote",
    "long": "A very long field. " * 250 + "<b>end</b>",
}

# http(s) addresses that pass the loader but would break out of an attribute or a Markdown link.
HOST = "example.org"
URLS: tuple[str, ...] = (
    f"https://{HOST}/a\"onmouseover=\"window.{CANARY}='url'",
    f"https://{HOST}/?q=<script>window.{CANARY}='url'</script>",
    f"https://{HOST}/x)](javascript:window.{CANARY}='url')",
    f"https://{HOST}/'><img/src=x/onerror=window.{CANARY}='url'>",
)

SOURCE_TEXT_PATH = "sources/hostile.txt"
# Free-text properties of islands.geojson that the map may show; ids and vocabularies stay.
GEOJSON_TEXT = ("name_en", "name_ja", "name_ja_romaji", "name_ja_kanji", "name_ru", "name_ru_latin")
GEOJSON_TEXT += ("name_ru_cyrillic", "source", "licence", "note")


def _payloads():
    """Every payload in turn, forever, each with a number so that no two fields are the same."""
    values = list(PAYLOADS.values())
    for number in count():
        yield f"{values[number % len(values)]} #{number}"


def write_hostile_dataset(target: Path) -> Path:
    """Write the hostile dataset into `target` (which must not exist yet) and return it."""
    copy_dataset(target)
    payloads = _payloads()
    urls = (URLS[number % len(URLS)] for number in count())
    evidence: list[str] = []
    for table in TABLES:
        text_columns = [f["name"] for f in table.fields if is_free_text(f) and f["name"] not in ("quote", "evidence")]
        url_columns = table.url_columns
        fieldnames, rows = read_rows(target / table.file)
        for row in rows:
            row.update({name: next(payloads) for name in text_columns})
            row.update({name: next(urls) for name in url_columns if row[name]})
            if "quote" in row:
                row["quote"] = next(payloads)
            if row.get("evidence"):
                # A whole sentence of the article, as the loader requires: a paragraph of its own, ending with a full stop.
                row["evidence"] = f"{next(payloads)} “{row.get('quote') or row['evidence']}” {next(payloads)}."
                evidence.append(row["evidence"])
            if "path" in row:
                row["path"] = SOURCE_TEXT_PATH
        if table is PUBLISHERS:
            rows.append({"host": HOST, "name": next(payloads), "kind": vocabulary(PUBLISHERS, "kind")[0]})
        write_rows(target / table.file, fieldnames, rows)
    (target / SOURCE_TEXT_PATH).write_text("\n\n".join(evidence), encoding="utf-8")
    for language in TRANSLATIONS:
        write_translations(target, language, lambda _english: next(payloads))

    geojson_path = target / "islands.geojson"
    geojson = json.loads(geojson_path.read_text(encoding="utf-8"))
    for feature in geojson["features"]:
        properties = feature["properties"]
        properties.update({name: next(payloads) for name in GEOJSON_TEXT if name in properties})
    geojson_path.write_text(json.dumps(geojson, ensure_ascii=False), encoding="utf-8")
    return target

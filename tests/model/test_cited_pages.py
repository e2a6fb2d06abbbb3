"""The pages the data cites: Wikipedia at most a tenth of them, and no AMP or mobile address but
those data/README.md lists (no standard address of theirs was found to state the same sentence)."""

from __future__ import annotations

from urllib.parse import urlsplit

from lib.model.dataset import Dataset
from lib.model.schema import TABLES

# data/README.md, "Addresses kept": the same list, each with its reason.
KEPT_AMP_OR_MOBILE = {
    "https://en.m.wikipedia.org/wiki/Soviet%E2%80%93Japanese_Joint_Declaration_of_1956",
    "https://ria.ru/amp/20180723/1525164134.html",
    "https://tass.com/world/1031197/amp",
    "https://tass.com/world/1851899/amp",
}


def cited_urls(dataset: Dataset) -> set[str]:
    frames = {table.file: getattr(dataset, table.file.removesuffix(".csv")) for table in TABLES}
    return {
        url
        for table in TABLES
        for column in (field["name"] for field in table.fields if field.get("format") == "uri")
        for url in frames[table.file][column]
        if url
    }


def is_amp_or_mobile(url: str) -> bool:
    parts = urlsplit(url)
    host = parts.netloc
    return host.startswith(("amp.", "m.")) or ".m." in host or "/amp" in parts.path or "amphtml" in parts.path


def test_wikipedia_is_at_most_a_tenth_of_the_distinct_cited_pages(dataset: Dataset) -> None:
    urls = cited_urls(dataset)
    wikipedia = {url for url in urls if urlsplit(url).netloc.endswith("wikipedia.org")}
    assert len(wikipedia) <= len(urls) / 10, sorted(wikipedia)


def test_no_amp_or_mobile_address_but_those_listed(dataset: Dataset) -> None:
    assert {url for url in cited_urls(dataset) if is_amp_or_mobile(url)} == KEPT_AMP_OR_MOBILE

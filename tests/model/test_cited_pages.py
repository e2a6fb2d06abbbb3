"""The pages the data cites: Wikipedia at most a tenth of them, and each at its standard address, never
an AMP or mobile copy."""

from __future__ import annotations

from urllib.parse import urlsplit

from lib.model.dataset import Dataset
from lib.model.schema import TABLES


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


def test_no_page_is_cited_at_an_amp_or_mobile_address(dataset: Dataset) -> None:
    assert not {url for url in cited_urls(dataset) if is_amp_or_mobile(url)}

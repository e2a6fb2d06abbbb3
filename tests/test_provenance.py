"""Every row taken from the article carries its sentence, and the sentence is in the article.

Reads the CSVs with the csv module, not with the loader, so this is a second, independent check.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "data"


def rows(file: str) -> list[dict[str, str]]:
    with (DATA / file).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


SOURCES = {row["id"]: (DATA / row["path"]).read_text(encoding="utf-8") for row in rows("sources.csv")}
ARTICLE_ROWS = [("statements.csv", row) for row in rows("statements.csv")] + [
    ("events.csv", row) for row in rows("events.csv") if row["origin"] == "article"
]


@pytest.mark.parametrize(("file", "row"), ARTICLE_ROWS, ids=[f"{f}:{r['id']}" for f, r in ARTICLE_ROWS])
def test_evidence_is_verbatim_in_the_article(file: str, row: dict[str, str]) -> None:
    assert row["evidence"].strip(), "an article row needs its sentence"
    assert row["evidence"] in SOURCES[row["source_id"]]


@pytest.mark.parametrize("row", rows("statements.csv"), ids=lambda row: row["id"])
def test_quote_is_verbatim_in_its_evidence(row: dict[str, str]) -> None:
    assert row["quote"].strip() and row["quote"] in row["evidence"]


@pytest.mark.parametrize(
    ("file", "row"),
    [("events.csv", row) for row in rows("events.csv") if row["origin"] == "context"]
    + [("islands.csv", row) for row in rows("islands.csv")],
    ids=lambda value: value["id"] if isinstance(value, dict) else value,
)
def test_a_row_from_elsewhere_carries_its_source_url(file: str, row: dict[str, str]) -> None:
    assert row["source_url"].startswith(("https://", "http://"))


def test_the_article_is_the_one_the_dashboard_is_about() -> None:
    (text,) = SOURCES.values()
    assert "Japan hopes for progress in peace treaty talks with Russia, official says" in text
    assert "MOSCOW, July 23. /TASS/." in text


def test_every_statement_in_the_article_has_a_row() -> None:
    """Each speech verb of the article is covered by some statement's evidence."""
    (text,) = SOURCES.values()
    evidence = " ".join(row["evidence"] for row in rows("statements.csv"))
    for marker in (
        "he said.",
        "said on Monday",
        "in turn, said",
        "She hailed",
        "she noted.",
        "said earlier",
        "repeatedly said",
    ):
        assert marker in text and marker in evidence, marker

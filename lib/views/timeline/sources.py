"""Where an event comes from, named for a reader: the article's headline or the web site's host."""

from __future__ import annotations

from urllib.parse import urlparse

import pandas as pd

from lib.model.frames import each_distinct


def url_domain(url: str) -> str:
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.")


def source_labels(events: pd.DataFrame, sources: pd.DataFrame) -> pd.Series:
    """Where each event comes from: the article's publisher and headline, or the web site it was checked on."""
    headlines = {
        row["id"]: f"{row['publisher']}, “{row['title']}”"
        for row in sources[["id", "publisher", "title"]].to_dict("records")
    }
    from_article = (events["origin"] == "article") & events["source_id"].isin(headlines.keys())
    labels = each_distinct(events["source_url"], url_domain)
    labels[from_article] = events.loc[from_article, "source_id"].map(headlines)
    return labels

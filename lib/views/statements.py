"""A statement as every page shows it (Markdown, the table, the CSV, in context); the Statements page's search."""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa

from lib.i18n import N_, _
from lib.model.dataset import Dataset
from lib.model.dates import format_partial_date
from lib.model.frames import each_distinct
from lib.model.link import share_link
from lib.site import site_page
from lib.views.article import context_html
from lib.views.html import Markup, html, link
from lib.views.markdown import escape_markdown, markdown_link
from lib.views.theme import country_name
from lib.views.wording import LIST_SEPARATOR, MAX_LISTED, shorten

STATEMENTS_PAGE = site_page("statements").url_path

# The columns of `table_frame` a reader sees, in order: the speaker first (and pinned, so that a row swiped
# sideways on a phone still says who spoke), then what they said.
TABLE_COLUMNS: tuple[str, ...] = ("speaker", "quote", "date", "source", "country", "role")


class TableLayout(NamedTuple):
    """The statements table's sizes in one language; Streamlit wraps a cell's text in rows over 64 px."""

    date_px: int  # as wide as the longest date label: "23 Sep 2018", "2018年12月23日", "23 сентября 2018 г."
    quote_px: int  # narrower by as much, so that the table still fits a laptop
    # Tall enough for today's longest quote (236 characters: six lines at 290 px, seven at 266, eight at 242)
    # and role (116 characters, six lines); a longer text is cut short, and its row's "In context" shows it whole.
    row_px: int


TABLE_LAYOUTS: dict[str, TableLayout] = {
    "en": TableLayout(92, 290, 120),
    "ja": TableLayout(116, 266, 135),
    "ru": TableLayout(140, 242, 155),
}
KIND_DESCRIPTIONS: dict[str, str] = {"direct": N_("direct quote"), "reported": N_("reported speech")}
_ISO_FORMATS: dict[str, str] = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}
# The table shows a source link as its host ("tass.com"), this JavaScript pattern's first group. It skips
# a user name ("https://tass.com@example.org" goes to example.org) and stops at a backslash, which
# browsers read as a slash.
SOURCE_LINK_TEXT = r"^https?://(?:[^/?#\\]*@)?(?:www\.)?([^/?#:\\]+)"


def said(statement: Mapping[str, Any], limit: int | None = None) -> str:
    """The words as plain text (each renderer escapes them), cut to `limit` if given, quoted when said word for word."""
    words = shorten(statement["quote"], limit) if limit else str(statement["quote"])
    return f"“{words}”" if statement["kind"] == "direct" else words


def kind_description(kind: str) -> str:
    return _(KIND_DESCRIPTIONS[kind]) if kind in KIND_DESCRIPTIONS else kind


def when_said(statement: Mapping[str, Any]) -> str:
    return format_partial_date(statement["date"], str(statement["date_precision"]))


def statements_markdown(
    statements: pd.DataFrame, sources_by_id: pd.DataFrame | None = None, *, roles: bool = False
) -> str:
    """Each statement on a line, in date order, data escaped: who (in which role, with `roles`), for which country,
    when, the words; given the sources, links to its article and to the statement in context on the Statements page."""
    lines = []
    for row in statements.sort_values(["date", "id"]).to_dict("records"):
        country = country_name(row["country"])
        about = [row["role"], country, when_said(row)] if roles else [country, when_said(row)]
        who = f"**{escape_markdown(row['speaker'])}** ({', '.join(map(escape_markdown, about))})"
        line = f"- {who}: {escape_markdown(said(row))}" + (" " + _("(reported)") if row["kind"] == "reported" else "")
        if sources_by_id is not None:
            article = sources_by_id.loc[row["source_id"]]
            in_context = markdown_link(_("in context"), share_link(STATEMENTS_PAGE, {"statement": row["id"]}))
            line += f" — {markdown_link(article['publisher'], article['url'])}, {in_context}"
        lines.append(line)
    return "\n".join(lines)


def _normalise(text: str) -> str:
    return text.casefold().replace("’", "'").replace("‘", "'")


def search_statements(statements: pd.DataFrame, q: str) -> pd.DataFrame:
    """The statements whose quote, speaker or role holds `q`, in any case and either apostrophe."""
    if not q:
        return statements
    needle = _normalise(q)
    searched = statements["quote"] + "\n" + statements["speaker"] + "\n" + statements["role"]
    return statements[each_distinct(searched, lambda text: needle in _normalise(text)).astype(bool)]


def speaker_choices(statements: pd.DataFrame) -> list[str]:
    return sorted(statements["speaker"].unique(), key=str.casefold)


def filter_speakers(statements: pd.DataFrame, speakers: Collection[str]) -> pd.DataFrame:
    """The statements by any of `speakers`; all of them when none is picked."""
    return statements[statements["speaker"].isin(list(speakers))] if speakers else statements


def _in_table_order(frame: pd.DataFrame) -> pd.DataFrame:
    # Oldest first, undated last; rows of one date keep the order of the CSV (the article's).
    return frame.sort_values("date", kind="stable", na_position="last").reset_index(drop=True)


def iso_date(date: pd.Timestamp, precision: str) -> str | None:
    """The date in ISO form at its precision ("2018", "2018-07", "2018-07-23"); None when unknown."""
    return None if pd.isna(date) or precision not in _ISO_FORMATS else date.strftime(_ISO_FORMATS[precision])


def iso_dates(dates: pd.Series, precisions: pd.Series) -> pd.Series:
    """`iso_date` of each row, worked out once per distinct date and precision."""
    pairs = pd.Series(list(zip(dates, precisions, strict=True)), index=dates.index, dtype=object)
    return each_distinct(pairs, lambda pair: iso_date(*pair))


def shown_date(iso: str) -> str:
    """An ISO date at its precision as the table shows it: "23 Jul 2018", "Jul 2018" or "2018"."""
    return format_partial_date(pd.Timestamp(iso), {10: "day", 7: "month", 4: "year"}[len(iso)])


def statement_labels(dataset: Dataset) -> dict[str, str]:
    """Statement id -> "23 Jul 2018 · Chuichi Date: “Tokyo hopes for…”", for every statement, in table order."""
    return {
        row["id"]: f"{when_said(row)} · {row['speaker']}: {said(row, 60)}"
        for row in _in_table_order(dataset.statements).to_dict("records")
    }


def statement_choices(labels: Mapping[str, str], shown: pd.DataFrame, chosen: str | None) -> dict[str, str]:
    """What the Statement box offers: the first MAX_LISTED statements shown, in table order, and the chosen one."""
    shown_ids = set(shown["id"])
    listed = [statement_id for statement_id in labels if statement_id in shown_ids][:MAX_LISTED]
    if chosen in shown_ids and chosen not in listed:
        listed.append(chosen)
    return {statement_id: labels[statement_id] for statement_id in listed}


def table_height(rows: int, row_px: int) -> int:
    """Pixels for the 38 px header and up to ten rows, so that the page scrolls and not the table."""
    return 38 + min(max(rows, 1), 10) * row_px


def table_frame(statements: pd.DataFrame, sources_by_id: pd.DataFrame) -> pd.DataFrame:
    """One row per statement for the table: TABLE_COLUMNS, and `id` to tie a selected row to its statement.
    `date` is ISO text at its precision: it sorts, and copies without an invented day or month."""
    ordered = _in_table_order(statements)
    return ordered[["id", "speaker", "role", "quote"]].assign(
        country=ordered["country"].map(country_name),
        date=iso_dates(ordered["date"], ordered["date_precision"]),
        source=ordered["source_id"].map(sources_by_id["url"]),
    )


@dataclass(frozen=True)
class StatementsTable:
    """The table's rows in table order, `data` as Arrow: a run sends it without converting Python strings."""

    ids: np.ndarray  # statement ids, one per row of data
    data: pa.Table

    def showing(self, statements: pd.DataFrame) -> StatementsTable:
        # dtype=object: an inferred "str" index matches by Arrow, some thirty times slower here.
        keep = pd.Index(self.ids, dtype=object).isin(statements["id"])
        return StatementsTable(ids=self.ids[keep], data=self.data.filter(keep))

    def position(self, statement_id: str | None) -> int | None:
        at = np.flatnonzero(self.ids == statement_id) if statement_id else ()
        return int(at[0]) if len(at) else None

    @property
    def date_options(self) -> list[str]:
        return sorted(self.data.column("date").drop_null().unique().to_pylist())

    @property
    def key(self) -> str:
        """A widget key that changes with the rows: a selection never outlives its rows, and Streamlit
        need not hash the whole table every run (about 20 ms at 4,000 rows)."""
        rows = hashlib.blake2b("\n".join(self.ids).encode("utf-8"), digest_size=8).hexdigest()
        return f"statements_table_{rows}"


def statements_table(dataset: Dataset) -> StatementsTable:
    """The table of every statement, worth building once per dataset; a run picks its rows with `showing`."""
    frame = table_frame(dataset.statements, dataset.sources_by_id)
    return StatementsTable(
        ids=frame["id"].to_numpy(dtype=object),
        data=pa.Table.from_pandas(frame[list(TABLE_COLUMNS)], preserve_index=False),
    )


def defused(column: pd.Series) -> pd.Series:
    """A text column as a spreadsheet shows it as typed: a leading apostrophe stops a cell running as a formula."""
    text = column.astype("str")
    return text.where(~text.str.startswith(("=", "+", "-", "@", "\t", "\r"), na=False), "'" + text)


def reader_frame(
    statements: pd.DataFrame, sources_by_id: pd.DataFrame, island_names: Mapping[str, str]
) -> pd.DataFrame:
    """The statements in the order given, as the CSV's columns (in English: export_frame translates them)."""
    iso = iso_dates(statements["date"], statements["date_precision"])
    source_ids = statements["source_id"]
    return pd.DataFrame(
        {
            N_("Date"): each_distinct(iso, lambda date: _("date unknown") if pd.isna(date) else shown_date(date)),
            N_("Date (ISO, at its precision)"): iso,
            N_("Speaker"): statements["speaker"],
            N_("Role at the time"): statements["role"],
            N_("Country"): statements["country"].map(country_name),
            N_("Quote"): statements["quote"],
            N_("Kind"): each_distinct(statements["kind"], kind_description),
            N_("Islands"): each_distinct(
                statements["islands"], lambda ids: LIST_SEPARATOR.join(map(island_names.get, ids, ids))
            ),
            N_("Sentence in the source"): statements["evidence"],
            N_("Source"): source_ids.map(sources_by_id["publisher"]),
            N_("Source title"): source_ids.map(sources_by_id["title"]),
            N_("Source URL"): source_ids.map(sources_by_id["url"]),
            N_("Role checked at"): statements["role_source_url"],
            N_("Statement id"): statements["id"],
        },
        index=statements.index,
    )


def export_frame(
    statements: pd.DataFrame, sources_by_id: pd.DataFrame, island_names: Mapping[str, str]
) -> pd.DataFrame:
    """The statements as a reader's spreadsheet, in table order, every cell text (an undated one's ISO date empty)."""
    frame = reader_frame(_in_table_order(statements), sources_by_id, island_names)
    return frame.fillna("").apply(defused).rename(columns=_)


def statements_csv(statements: pd.DataFrame, sources_by_id: pd.DataFrame, island_names: Mapping[str, str]) -> bytes:
    """UTF-8 CSV with a byte-order mark, so spreadsheets show ’ and Cyrillic as they are."""
    return export_frame(statements, sources_by_id, island_names).to_csv(index=False).encode("utf-8-sig")


def statement_html(statement: Mapping[str, object], source: Mapping[str, object], text: str | None) -> Markup:
    """One statement: the words, who said them in which role, the article's paragraph with the sentence
    highlighted (the sentence alone when the text does not hold it), the source and where the role was checked."""
    evidence = str(statement["evidence"])
    in_article = context_html(text, evidence) if text is not None else None
    role_url = str(statement["role_source_url"] or "")
    return html(
        '<div class="kd-statement"><blockquote style="margin:0 0 0.6em 0;padding:0.1em 0 0.1em 0.8em;'
        'font-size:1.1em;border-left:4px solid rgba(128,128,128,0.5);">{words}</blockquote>'
        '<p style="margin:0 0 0.3em 0;"><strong>{speaker}</strong>, {role} <em>({role_note}{checked})</em></p>'
        '<p style="margin:0 0 0.8em 0;">{country} · {date} · {kind}</p>'
        '<p style="margin:0 0 0.3em 0;font-weight:600;">{in_article}</p>{context}'
        '<p style="margin:0.4em 0 0 0;">{source}</p></div>',
        words=said(statement),
        speaker=statement["speaker"],
        role=statement["role"],
        role_note=_("role at the time"),
        checked=html("; {}", link(role_url, _("where the role was checked"))) if role_url else "",
        country=country_name(str(statement["country"])),
        date=when_said(statement),
        kind=kind_description(str(statement["kind"])),
        in_article=_("In the article"),
        context=in_article or context_html(evidence, evidence),
        source=html(
            _("Source: {source}, {dateline}, published {published}"),  # a template of ours: its values escaped
            source=link(str(source["url"]), f"{source['publisher']}: “{source['title']}”"),
            dateline=source["dateline"],
            published=format_partial_date(source["published"], "day"),
        ),
    )

"""The interface's languages: the catalogs cover every word the code marks, translated and reviewed,
and a language set for a run is the one every message, date and figure is written in."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

from lib.i18n import ENGLISH, LANGUAGES, LOCALE_DIR, _, format_number, language_of_locale, use_language
from lib.model.dates import format_date_range, format_partial_date
from tests.conftest import ROOT

TRANSLATED = sorted(LANGUAGES.keys() - {ENGLISH})


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    use_language(ENGLISH)


def catalog_of(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / "messages.po"


def catalog_problems(po: Path) -> list[str]:
    """Each message of an interface catalog that is untranslated, or fuzzy (a guess left for review)."""
    with po.open("rb") as file:
        catalog = read_po(file)
    return [
        f"{po.relative_to(po.parents[3])}: {'fuzzy' if message.fuzzy else 'untranslated'}: {message.id!r}"
        for message in catalog
        if message.id
        and (message.fuzzy or not all(message.string if isinstance(message.string, tuple) else [message.string]))
    ]


def marked_messages() -> set[str]:
    """Every message the code marks, as `pybabel extract` with locale/babel.cfg finds them."""
    with (LOCALE_DIR / "babel.cfg").open(encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config)
    found = extract_from_dir(str(ROOT), method_map, options_map)
    return {message if isinstance(message, str) else message[0] for _file, _line, message, *_rest in found}


def catalog_ids(language: str) -> set[str]:
    with catalog_of(language).open("rb") as file:
        return {message.id if isinstance(message.id, str) else message.id[0] for message in read_po(file) if message.id}


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_catalog_has_every_message_the_code_marks(language: str) -> None:
    missing = marked_messages() - catalog_ids(language)
    assert not missing, f"run pybabel extract and update (README, Translating): {sorted(missing)[:5]}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_of_the_catalog_is_translated_and_reviewed(language: str) -> None:
    assert catalog_problems(catalog_of(language)) == []


def write_catalog(path: Path, messages: list[tuple[str, str, bool]]) -> Path:
    catalog = Catalog(locale="ja")
    for message_id, text, fuzzy in messages:
        catalog.add(message_id, text, flags=("fuzzy",) if fuzzy else ())
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as file:
        write_po(file, catalog)
    return path


def test_catalog_problems_name_untranslated_and_fuzzy_messages(tmp_path: Path) -> None:
    po = write_catalog(
        tmp_path / "locale" / "ja" / "LC_MESSAGES" / "messages.po",
        [("Map", "地図", False), ("Story", "", False), ("Timeline", "年表", True)],
    )
    problems = catalog_problems(po)
    assert len(problems) == 2
    assert "untranslated: 'Story'" in problems[0]
    assert "fuzzy: 'Timeline'" in problems[1]


@pytest.mark.parametrize(
    ("locale", "language"),
    [("ja-JP", "ja"), ("ru", "ru"), ("ru_RU", "ru"), ("en-GB", "en"), ("de-DE", None), (None, None)],
)
def test_a_browser_locale_names_its_language_if_the_app_has_it(locale: str | None, language: str | None) -> None:
    assert language_of_locale(locale) == language


@pytest.mark.parametrize(
    ("language", "day", "span", "area"),
    [
        ("en", "19 Oct 1956", "7–10 Oct 1973", "3,166.6"),
        ("ja", "1956年10月19日", "1973年10月7日～10日", "3,166.6"),
        (
            "ru",
            "19 октября 1956\N{NARROW NO-BREAK SPACE}г.",
            "7—10 окт. 1973\N{NARROW NO-BREAK SPACE}г.",
            "3\N{NO-BREAK SPACE}166,6",
        ),
    ],
)
def test_dates_and_figures_are_written_as_the_language_writes_them(
    language: str, day: str, span: str, area: str
) -> None:
    use_language(language)
    assert format_partial_date(pd.Timestamp("1956-10-19"), "day") == day
    assert format_date_range(pd.Timestamp("1973-10-07"), pd.Timestamp("1973-10-10"), "day") == span
    assert format_number(3166.6, 1) == area


@pytest.mark.parametrize("language", TRANSLATED)
def test_a_language_set_for_the_run_translates_the_interface(language: str) -> None:
    use_language(language)
    assert _("Timeline") != "Timeline"
    use_language("xx")
    assert _("Timeline") == "Timeline"

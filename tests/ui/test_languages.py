"""The app around the pages in Japanese and Russian, through AppTest: the sidebar's filters, the share,
embed and cite texts follow lang=, the links keep it, and a translated page ends with its two notes."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from lib.i18n import ENGLISH, use_language
from lib.ui.language import LANGUAGE_KEY
from tests.apptest import run_page, share_link
from tests.ui.test_embed_and_cite import copyable_texts, run

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Words of the English interface that a translated sidebar must not show.
ENGLISH_WORDS = re.compile(r"\b(Filters|From|To|Island|Both|Share|Embed|Cite|Copy|These filters)\b")


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    use_language(ENGLISH)


@pytest.mark.parametrize(("language", "script"), [("ja", JAPANESE), ("ru", CYRILLIC)])
def test_the_sidebar_is_in_the_link_s_language(language: str, script: re.Pattern[str]) -> None:
    app = run_page("pages/timeline.py", lang=language, country="Japan")
    assert not app.exception
    sidebar = app.sidebar
    labels = [
        *(header.value for header in sidebar.header),
        *(subheader.value for subheader in sidebar.subheader),
        sidebar.radio(key="filter_country").label,
        *sidebar.radio(key="filter_country").options,
        sidebar.number_input(key="filter_from").label,
        sidebar.number_input(key="filter_to").label,
        sidebar.selectbox(key="filter_island").label,
        sidebar.selectbox(key="filter_island").options[0],
        *(expander.label for expander in sidebar.expander),
        *copyable_texts(app),  # the copy buttons' labels
    ]
    assert all(script.search(label) and not ENGLISH_WORDS.search(label) for label in labels), labels
    assert sidebar.radio(key="filter_country").value == "Japan"  # the value the link and the data use


def test_the_links_to_share_embed_and_cite_keep_the_language() -> None:
    app = run_page("pages/map.py", lang="ja", island="shikotan")
    link = share_link(app)
    assert link == "map?lang=ja&island=shikotan"
    copied_link, snippet, apa, bibtex = copyable_texts(app).values()
    assert copied_link == link
    assert "map?lang=ja&amp;island=shikotan&amp;embed=true" in snippet
    assert apa.endswith(link) and f"url = {{{link}}}" in bibtex
    assert JAPANESE.search(apa.split("(")[0] + apa.split(")")[1]), apa  # the author and the title


@pytest.mark.parametrize(
    ("language", "script", "theirs", "ours"),
    [("ja", JAPANESE, "Итуруп", "択捉島"), ("ru", CYRILLIC, "択捉島", "Итуруп")],
    ids=["ja", "ru"],
)
@pytest.mark.parametrize("embedded", [False, True], ids=["full", "embedded"])
def test_a_translated_page_ends_saying_so_and_naming_the_islands_as_the_other_side_does(
    language: str, script: re.Pattern[str], theirs: str, ours: str, embedded: bool
) -> None:
    app = run("pages/statements.py", embedded=embedded, lang=language)
    translated, names = app.main.caption[-1].value.split("  \n")
    assert script.search(translated) and "English" not in translated, translated
    assert theirs in names and ours not in names, names


def test_an_english_page_has_no_translation_notes() -> None:
    app = run_page("pages/statements.py")
    assert not [caption for caption in app.main.caption if "Итуруп" in caption.value or "translation" in caption.value]


@pytest.mark.parametrize(("language", "script"), [("ja", JAPANESE), ("ru", CYRILLIC)])
def test_a_notice_about_the_opening_link_follows_a_switch_of_language(language: str, script: re.Pattern[str]) -> None:
    app = run_page("pages/timeline.py", country="Narnia")
    [english] = [warning.value for warning in app.warning]
    assert "Narnia" in english and not script.search(english), english
    app.sidebar.radio(key=LANGUAGE_KEY).set_value(language).run()
    [translated] = [warning.value for warning in app.warning]
    notice = translated.split("\n- ")[1]  # under the heading, what of the link was not used
    assert "Narnia" in notice and script.search(notice), translated

"""The reader's language, set once a run: words through gettext catalogs (locale/, kept with Babel), dates and
numbers through Babel. Code anywhere in lib/ asks for words with `_` and `ngettext`, which read it."""

from __future__ import annotations

import gettext
from contextvars import ContextVar
from functools import cache
from pathlib import Path

from babel.numbers import format_decimal

# Each language named in itself, as the switch shows it; English is the reference and the fallback.
LANGUAGES: dict[str, str] = {"en": "English", "ja": "日本語", "ru": "Русский"}
ENGLISH = "en"
LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"
# Per thread: each Streamlit session runs its script in a thread of its own.
_language: ContextVar[str] = ContextVar("language", default=ENGLISH)


@cache
def _translations(language: str) -> gettext.NullTranslations:
    return gettext.translation("messages", LOCALE_DIR, languages=[language], fallback=True)


def use_language(language: str) -> None:
    _language.set(language if language in LANGUAGES else ENGLISH)


def current_language() -> str:
    return _language.get()


def _(message: str) -> str:
    return _translations(_language.get()).gettext(message)


def N_(message: str) -> str:
    """`message` marked for the catalogs, and translated where it is used: for constants."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    return _translations(_language.get()).ngettext(singular, plural, count)


def format_number(value: float, decimals: int = 0) -> str:
    """A figure as the reader's language writes it: 3,166.6 or 3 166,6."""
    return format_decimal(value, format="#,##0." + "0" * decimals if decimals else "#,##0", locale=_language.get())


def language_of_locale(locale: str | None) -> str | None:
    """The language a browser's locale ("ja-JP", "ru") asks for, if the app has it."""
    language = (locale or "").replace("_", "-").split("-")[0].casefold()
    return language if language in LANGUAGES else None

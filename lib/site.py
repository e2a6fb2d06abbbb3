"""The site's pages, in one list the navigation, the tab titles, the proxy's link previews and the benchmark read."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lib.i18n import N_, _

SITE_NAME = N_("Southern Kurils dispute")
# The app's own files, which Streamlit serves at app/static/ (.streamlit/config.toml).
STATIC_DIR = Path(__file__).resolve().parents[1] / "static"


@dataclass(frozen=True)
class SitePage:
    module: str  # the page's module in pages/
    url_path: str  # "" for the overview, the default page
    # The words are English, marked for the catalogs: each use translates them (lib.i18n).
    title: str  # in the navigation
    icon: str  # an emoji: a Material icon would also be the tab's icon, fetched from a font server outside
    description: str  # one sentence: what a link to the page opens on
    params: tuple[str, ...] = ()  # the page's own query parameters, besides the shared filters
    # What the country filter means here: the Timeline shows events involving a country, the
    # Statements page what was said for one; pages with both name both.
    country_label: str = N_("Country")
    country_help: str = N_("Events involving the country, and statements made for it.")

    @property
    def tab_title(self) -> str:
        """The browser tab's title, and a shared link's."""
        return f"{_(self.title)} · {_(SITE_NAME)}"


PAGES: tuple[SitePage, ...] = (
    SitePage(
        "home",
        "",
        N_("Overview"),
        "🏠",
        N_(
            "The Russia–Japan peace-treaty talks and the dispute over the southern Kuril Islands, "
            "in headline figures and the latest event, every fact traced to its source."
        ),
    ),
    SitePage(
        "story",
        "story",
        N_("Story"),
        "📖",
        N_(
            "The Russia–Japan peace-treaty talks from the 1855 treaty to today in short chapters, each with "
            "its dates, a map of the islands it concerns, and its events with their sources."
        ),
        params=("chapter",),
    ),
    SitePage(
        "map",
        "map",
        N_("Map"),
        "🗺️",
        N_(
            "Iturup, Kunashir, Shikotan and the Habomai islets on a map: who administers and who claims "
            "each, and the two the 1956 declaration promised to Japan."
        ),
    ),
    SitePage(
        "timeline",
        "timeline",
        N_("Timeline"),
        "📈",
        N_(
            "170 years of the Kuril Islands dispute, from the 1855 Shimoda Treaty to today, each event with its source."
        ),
        params=("event",),
        country_label=N_("Events involving"),
        country_help=N_("Events in which the country took part."),
    ),
    SitePage(
        "statements",
        "statements",
        N_("Statements"),
        "💬",
        N_(
            "Who said what on the peace treaty and the islands, when and for which country, "
            "word for word from the source article."
        ),
        params=("q", "speaker", "statement", "tab"),
        country_label=N_("Said by"),
        country_help=N_("Statements made by or for the country."),
    ),
)


def site_page(module: str) -> SitePage:
    return next(page for page in PAGES if page.module == module)


def all_params() -> set[str]:
    return {param for page in PAGES for param in page.params}

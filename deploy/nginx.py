"""nginx's configuration for one run: deploy/nginx.conf.jinja filled in with the replicas' ports and,
for each page of lib/site.py PAGES, the head a link preview reads."""

from __future__ import annotations

import base64
import hashlib
import html
import importlib.util
import re
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from deploy import settings
from deploy.replicas import ROOT
from lib.i18n import ENGLISH, LANGUAGES, _, current_language, use_language
from lib.site import PAGES, SITE_NAME, SitePage

NGINX = Path("/usr/sbin/nginx")
# Debian's libnginx-mod-http-brotli-filter; without it nginx compresses with gzip only.
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so")
AFFINITY_COOKIE = "kd_replica"
FAIL_TIMEOUT_S = 5
COMPRESSED_TYPES = (
    "text/plain text/css text/csv text/javascript application/javascript application/json "
    "application/manifest+json application/xml image/svg+xml"
)
ROBOTS_TXT = "User-agent: *\nDisallow: /_stcore/\nDisallow: /media/\n"
# Link-preview pictures: made by `python -m deploy.previews`, served by Streamlit from static/.
PREVIEWS = ROOT / "static" / "previews"
PREVIEW_SIZE = (1200, 630)  # what Open Graph and Twitter cards show best
# The pages nginx answers itself: over a limit (busy.html) and while no replica answers (restarting.html).
PAGES_ROOT = Path(__file__).parent / "pages"
# Streamlit's page, found without importing Streamlit.
STREAMLIT_INDEX = Path(importlib.util.find_spec("streamlit").origin).parent / "static" / "index.html"
# Off: what the dashboard never uses. On for this origin only: the copy-link button's clipboard, and
# full screen (Streamlit's charts and tables offer it).
PERMISSIONS_POLICY = ", ".join(
    [
        *(
            f"{feature}=()"
            for feature in (
                "accelerometer", "autoplay", "camera", "display-capture", "encrypted-media", "geolocation",
                "gyroscope", "hid", "magnetometer", "microphone", "midi", "payment", "picture-in-picture",
                "publickey-credentials-get", "screen-wake-lock", "serial", "usb", "xr-spatial-tracking",
            )
        ),
        "clipboard-write=(self)",
        "fullscreen=(self)",
    ]
)  # fmt: skip

_TEMPLATE = Environment(
    loader=FileSystemLoader(Path(__file__).parent),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


def nginx_string(text: str) -> str:
    """`text` as a quoted nginx string (single quotes, or double if it has single ones); nginx would read
    `$` as a variable and `\\` as an escape."""
    quote = "'" if "'" not in text else '"'
    if any(character in text for character in f"{quote}$\\"):
        raise ValueError(f"cannot quote for nginx: {text!r}")
    return f"{quote}{text}{quote}"


def csp(policy: str) -> str:
    """A policy written one directive a line (blank lines allowed) as one header value."""
    return " ".join(line.strip() for line in policy.splitlines() if line.strip())


_TEMPLATE.filters["nginx_string"] = nginx_string
_TEMPLATE.filters["csp"] = csp


def inline_script_hashes(index_html: str) -> list[str]:
    """CSP sources ('sha256-…') for each inline <script> of Streamlit's index.html."""
    scripts = re.findall(r"<script>(.*?)</script>", index_html, flags=re.DOTALL)
    return [f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'" for s in scripts]


@dataclass(frozen=True)
class Upstream:
    """One replica as nginx names it: the cookie's value, its pool of servers, its address."""

    name: str
    port: int

    @property
    def pool(self) -> str:
        return f"replica_{self.name}"

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"


@dataclass(frozen=True)
class LinkPreview:
    path: str
    heads: dict[str, str]  # by language: the head for a link with lang= that language; English for any other

    @property
    def variable(self) -> str:
        """The nginx variable that holds the head for the link's lang=."""
        return f"$preview_{self.path.strip('/') or 'home'}"


def preview_file(page: SitePage) -> Path:
    return PREVIEWS / f"{page.module}.png"


def preview_url(page: SitePage, public_url: str) -> str:
    # Streamlit serves static/ at /app/static/.
    return f"{public_url}/app/static/{preview_file(page).relative_to(ROOT / 'static').as_posix()}"


def _attribute(text: str) -> str:
    """Text for an HTML attribute or element, with nothing nginx would read in it."""
    return html.escape(text, quote=True).replace("$", "&#36;").replace("\\", "&#92;")


def link_preview_head(page: SitePage, public_url: str) -> str:
    """What replaces Streamlit's `<title>Streamlit</title>`: the page's title, description and picture, in
    the language set (lib.i18n)."""
    title, description, image = (
        _attribute(text) for text in (page.tab_title, _(page.description), preview_url(page, public_url))
    )
    alt = _("The {page} page of the {site} dashboard").format(page=_(page.title), site=_(SITE_NAME))
    width, height = PREVIEW_SIZE
    tags = [
        f"<title>{title}</title>",
        f'<meta name="description" content="{description}">',
        '<meta property="og:type" content="website">',
        f'<meta property="og:site_name" content="{_attribute(_(SITE_NAME))}">',
        f'<meta property="og:title" content="{title}">',
        f'<meta property="og:description" content="{description}">',
        f'<meta property="og:image" content="{image}">',
        f'<meta property="og:image:width" content="{width}">',
        f'<meta property="og:image:height" content="{height}">',
        f'<meta property="og:image:alt" content="{_attribute(alt)}">',
        '<meta name="twitter:card" content="summary_large_image">',
        f'<meta name="twitter:title" content="{title}">',
        f'<meta name="twitter:description" content="{description}">',
        f'<meta name="twitter:image" content="{image}">',
    ]
    return "\n    ".join(tags)


def link_preview(page: SitePage, public_url: str) -> LinkPreview:
    """The page's link preview in each language, for nginx to pick by the link's lang=."""
    before, heads = current_language(), {}
    for language in LANGUAGES:
        use_language(language)
        heads[language] = link_preview_head(page, public_url)
    use_language(before)
    return LinkPreview(f"/{page.url_path}", heads)


def served_pages(runtime: Path) -> Path:
    """Where nginx serves its own pages from: a copy in its runtime folder, as its workers may not read the
    checkout (a 0700 home)."""
    return runtime / "pages"


def render_config(
    port: int, replica_ports: list[int], runtime: Path, public_url: str, brotli_module: Path | None
) -> str:
    """nginx.conf for nginx on 127.0.0.1:port in front of the replicas; `runtime` holds its files.

    `public_url` is the address readers use; if it is https://, the affinity cookie is `Secure`."""
    return _TEMPLATE.get_template("nginx.conf.jinja").render(
        port=port,
        replicas=[Upstream(str(number), replica) for number, replica in enumerate(replica_ports, start=1)],
        runtime=runtime,
        brotli_module=brotli_module,
        cookie=AFFINITY_COOKIE,
        fail_timeout_s=FAIL_TIMEOUT_S,
        compressed_types=COMPRESSED_TYPES,
        robots_txt=ROBOTS_TXT,
        previews=[link_preview(page, public_url) for page in PAGES],
        english=ENGLISH,
        settings=settings,
        frame_ancestors=settings.FRAME_ANCESTORS,
        inline_script_hashes=inline_script_hashes(STREAMLIT_INDEX.read_text(encoding="utf-8")),
        permissions_policy=PERMISSIONS_POLICY,
        pages_root=served_pages(runtime),
        secure_cookie=public_url.startswith("https://"),  # behind a TLS proxy: the cookie travels only over HTTPS
    )

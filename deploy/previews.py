"""`python -m deploy.previews`: the picture a link preview shows of each page of lib/site.py PAGES,
a screenshot of the page as a new reader first sees it, written to static/previews/<module>.png.

Rerun it when a page is added or its look changes; the files are committed, as the proxy serves them.
"""

from __future__ import annotations

from playwright.sync_api import sync_playwright

from deploy.harness import CHROMIUM_LAUNCH, start_server, stop_server, wait_until_drawn
from deploy.nginx import PREVIEW_SIZE, PREVIEWS, preview_file
from lib.site import PAGES


def main() -> None:
    PREVIEWS.mkdir(exist_ok=True)
    width, height = PREVIEW_SIZE
    server = start_server()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(**CHROMIUM_LAUNCH)
            for site_page in PAGES:
                page = browser.new_page(viewport={"width": width, "height": height})
                page.goto(f"{server.url}/{site_page.url_path}")
                wait_until_drawn(page)
                page.screenshot(path=preview_file(site_page))
                page.close()
                print(f"wrote {preview_file(site_page)}")
            browser.close()
    finally:
        stop_server(server)


if __name__ == "__main__":
    main()

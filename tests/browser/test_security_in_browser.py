"""Every page through the proxy (`python -m deploy`, two replicas) under its Content-Security-Policy:
drawn, the map in its frame included, with no violation reported in any frame (issue 24, item 1).

A `securitypolicyviolation` listener is added to every frame before its scripts run; Chromium also
writes each violation to the console. Either fails the test, naming the directive and what it blocked:
that is how the exceptions in deploy/nginx.conf.jinja were found.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from deploy.harness import MAP_FRAME, wait_until_drawn
from deploy.serve import Deployment
from lib.site import PAGES, SitePage

pytestmark = pytest.mark.browser

_WATCH_VIOLATIONS_JS = """
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  const violation = `${event.effectiveDirective} blocked ${event.blockedURI} in ${location.pathname}`
    + ` (${event.sourceFile}:${event.lineNumber})`;
  window.cspViolations.push(violation);
  console.error('CSP violation: ' + violation);
});
"""


def choose_shikotan(tab: Page) -> None:
    """Shikotan from the Island box. The map reports its first view once drawn, and the rerun that follows
    redraws the sidebar, which closes a list opened meanwhile: the list is opened again until it stays."""
    shikotan = tab.get_by_role("option", name="Shikotan")
    for _attempt in range(3):
        tab.get_by_role("combobox", name="Island").click()
        try:
            shikotan.click(timeout=5_000)
            return
        except PlaywrightTimeoutError:
            continue
    raise AssertionError("the Island box's list never stayed open")


@pytest.mark.parametrize("page", PAGES, ids=[page.module for page in PAGES])
def test_the_page_is_drawn_with_no_content_security_policy_violation(
    browser: Browser, deployment: Deployment, page: SitePage
) -> None:
    context = browser.new_context()
    tab = context.new_page()
    tab.add_init_script(_WATCH_VIOLATIONS_JS)  # runs in every frame of the page, the map's too
    console: list[str] = []
    tab.on("console", lambda message: console.append(message.text))
    try:
        response = tab.goto(f"{deployment.url}/{page.url_path}")
        assert response is not None
        assert response.headers["content-security-policy"].startswith("default-src 'self';")
        wait_until_drawn(tab)
        if page.module == "map":
            frame = tab.frame_locator(MAP_FRAME)
            assert frame.locator(".leaflet-overlay-pane path").count() > 0
            # Drawn again after a choice, then on a narrow screen. (A page that reconnects to another
            # replica redraws the map in place too: tests/browser/test_replica_failure.py covers that.)
            choose_shikotan(tab)
            wait_until_drawn(tab)
            tab.set_viewport_size({"width": 390, "height": 844})
            wait_until_drawn(tab)
        if page.module == "timeline":  # the chart's picture to save: Plotly draws it from a blob: URL
            tab.locator('[data-testid="stPlotlyChart"]').first.hover()
            with tab.expect_download():
                tab.locator('[data-title^="Download plot"]').first.click()
        reported = [
            violation for frame in tab.frames if not frame.is_detached() for violation in frame.evaluate(
                "() => window.cspViolations || []"
            )
        ]  # fmt: skip
        refused = [text for text in console if "Content Security Policy" in text or "CSP violation" in text]
        assert reported == [], reported
        assert refused == [], refused
    finally:
        context.close()

"""WCAG 2.1 AA checks with axe-core (shipped in axe-playwright-python) in Debian's
Chromium, on every page a young person sees, at 360 px and 1280 px, and with
text at 200%."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import SAMPLES

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
           "resultTypes": ["violations"]}


def violations(page) -> list[str]:
    results = Axe().run(page, options=WCAG_AA)
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])}x)"
            for v in results.response["violations"]]


def result_page(page, server) -> str:
    page.goto(server.url + "/")
    page.set_input_files("#brief", str(SAMPLES / "toeslagen-terugvordering.pdf"))
    page.get_by_role("button", name="Leg mijn brief uit").click()
    page.wait_for_selector("text=Wat moet je doen?", timeout=60_000)
    return page.url


@pytest.mark.parametrize("width", [360, 1280])
def test_pages_have_no_wcag_aa_violations(live_server, page, width):
    page.set_viewport_size({"width": width, "height": 900})
    for path in ("/", "/privacy"):
        page.goto(live_server.url + path)
        assert violations(page) == [], path
    url = result_page(page, live_server)
    assert violations(page) == [], url
    page.goto(live_server.url + "/uitleg/bestaat-niet")
    assert violations(page) == []


def test_text_can_grow_to_200_percent_without_sideways_scrolling(live_server, page):
    result_page(page, live_server)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    page.goto(live_server.url + "/")
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280


def test_upload_works_with_the_keyboard_only(live_server, page):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.set_input_files("#brief", str(SAMPLES / "cjib-boete.pdf"))
    page.focus("button.primary")
    page.keyboard.press("Enter")
    page.wait_for_selector("text=Wat moet je doen?", timeout=60_000)


def test_the_checker_does_find_problems(live_server, page):
    """Guard against an axe run that checks nothing: break a label, expect a finding."""
    page.goto(live_server.url + "/")
    page.evaluate("document.querySelector('label[for=brief]').remove();"
                  "document.querySelector('main h1').style.color = '#bbb'")
    found = " ".join(violations(page))
    assert "label" in found and "color-contrast" in found

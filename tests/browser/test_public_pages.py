"""axe-core (WCAG 2.0-2.2 A and AA) and the W3C Nu HTML checker on every public page and state.

Also fails a page that requests anything from another origin or breaks its CSP."""

import json
import subprocess
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.template.loader import render_to_string

from .conftest import ROOT
from .pages import LOGIN_PATH, PAGES, BrowserPage

pytestmark = pytest.mark.browser

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
NARROW = 320  # WCAG 2.2 1.4.10 Reflow: 400% zoom of a 1280px window
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@dataclass
class Visit:
    page: BrowserPage
    status: int | None = None
    html: str = ""
    violations: list = field(default_factory=list)
    foreign_requests: list = field(default_factory=list)
    console_errors: list = field(default_factory=list)
    text: str = ""
    narrow_width: int | None = None  # the document's width in a 320px-wide window
    error: str = ""


def run_steps(tab, base_url, steps):
    for step in steps:
        action, *args = step
        if action == "fill":
            tab.fill(args[0], args[1])
        elif action == "check":
            tab.check(args[0])
        elif action == "select":
            tab.select_option(args[0], args[1])
        elif action == "click":
            with tab.expect_navigation():
                tab.click(args[0])
        elif action == "wait":  # seconds, as a person takes to fill a form in
            tab.wait_for_timeout(args[0] * 1000)
        elif action == "goto":  # a page the visitor reaches by its address, not a link
            tab.goto(base_url + args[0])
        elif action == "login":
            tab.goto(base_url + LOGIN_PATH)
            tab.fill("input[name=username]", args[0])
            tab.fill("input[name=password]", args[1])
            with tab.expect_navigation():
                tab.click("form [type=submit]")
        else:
            raise ValueError(f"unknown step {step!r}")


def visit(browser, base_url, page: BrowserPage, axe: Axe) -> Visit:
    result = Visit(page=page)
    context = browser.new_context()
    tab = context.new_page()
    origin = urlsplit(base_url).netloc
    documents = []
    tab.on(
        "request",
        lambda r: (
            urlsplit(r.url).netloc not in (origin, "")
            and not r.url.startswith("data:")
            and result.foreign_requests.append(r.url)
        ),
    )
    tab.on("console", lambda m: m.type == "error" and result.console_errors.append(m.text))
    tab.on(
        "response",
        lambda r: (
            r.request.is_navigation_request() and r.frame == tab.main_frame and documents.append(r)
        ),
    )
    if page.path == "/__server_error__/":
        body = render_to_string("500.html")
        tab.route(
            base_url + page.path,
            lambda route: route.fulfill(status=500, body=body, content_type="text/html"),
        )
    try:
        response = tab.goto(base_url + page.path)
        result.status = response.status if response else None
        run_steps(tab, base_url, page.steps)
        tab.wait_for_load_state("load")
        result.html = documents[-1].text() if documents else tab.content()
        axe_results = axe.run(tab, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
        result.violations = axe_results.response["violations"]
        result.text = tab.inner_text("body")
        tab.set_viewport_size({"width": NARROW, "height": 800})
        result.narrow_width = tab.evaluate("document.documentElement.scrollWidth")
    except Exception as exc:  # recorded, so one broken page does not hide the others
        result.error = f"{type(exc).__name__}: {exc}"
    finally:
        context.close()
    return result


@pytest.fixture(scope="session")
def visits(browser, base_url):
    axe = Axe.from_file(ROOT / "node_modules" / "axe-core" / "axe.min.js")
    return {page.name: visit(browser, base_url, page, axe) for page in PAGES}


def describe(violations):
    return "\n".join(
        f"  {v['id']} ({v['impact']}): {v['help']}\n"
        + "\n".join(f"      {node['target']}: {node['failureSummary']}" for node in v["nodes"][:5])
        for v in violations
    )


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_page_has_no_axe_violations(visits, page):
    result = visits[page.name]

    assert result.error == ""
    assert result.status == page.status, f"{page.path} answered {result.status}"
    assert page.expect in result.text
    assert result.violations == [], f"{page.path}\n{describe(result.violations)}"


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_page_makes_no_third_party_request_and_keeps_its_csp(visits, page):
    result = visits[page.name]

    assert result.foreign_requests == []
    assert [e for e in result.console_errors if "Content Security Policy" in e] == []


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_page_shows_no_template_syntax(visits, page):
    """A comment or tag the template engine did not read (a {# #} over two lines) shows."""
    result = visits[page.name]

    assert result.error == ""
    assert not any(mark in result.text for mark in ("{#", "#}", "{%", "%}", "{{", "}}"))


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_page_reflows_without_sideways_scrolling(visits, page):
    """At 320 CSS pixels wide the page fits the window: a wide table scrolls in its own box."""
    result = visits[page.name]

    assert result.error == ""
    assert result.narrow_width <= NARROW


def test_every_page_is_valid_html(visits, tmp_path):
    for number, result in enumerate(visits.values()):
        (
            tmp_path
            / f"{number:02d}-{result.page.path.strip('/').replace('/', '_') or 'home'}.html"
        ).write_text(result.html, encoding="utf-8")

    completed = subprocess.run(
        [
            "java",
            "-jar",
            str(VNU_JAR),
            "--format",
            "json",
            "--exit-zero-always",
            "--errors-only",
            *sorted(str(p) for p in tmp_path.glob("*.html")),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    messages = json.loads(completed.stderr or '{"messages": []}')["messages"]
    errors = [m for m in messages if m.get("type") == "error"]

    assert errors == [], "\n".join(
        f"{m['url'].rsplit('/', 1)[-1]}:{m.get('lastLine')}: {m['message']}" for m in errors
    )

"""Every public page type and state that the browser stage checks (axe-core + W3C HTML checker).

The browser stage serves a fresh site seeded with `seed_demo`, then for each entry opens
`path`, runs the optional steps, and checks the page as it then stands. Add an entry for
every new public template and for each of its states (empty, error, results).

Steps (all optional, run in order):
  ("fill", css_selector, value)    type into a field
  ("check", css_selector)          tick a checkbox or radio
  ("click", css_selector)          click (e.g. a submit button); waits for the page to load
  ("login", username, password)    sign in through the provider/staff login form first
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class BrowserPage:
    name: str
    path: str
    steps: tuple = field(default_factory=tuple)
    status: int = 200


PAGES = [
    BrowserPage("home page", "/"),
    BrowserPage("guidance page", "/what-is-a-micro-enterprise/"),
    BrowserPage("guidance page with details and warning", "/contact/"),
    BrowserPage("page not found", "/no-such-page/", status=404),
    BrowserPage("admin login locked out", "/__locked_out__/"),  # rendered by the test itself
    BrowserPage("server error", "/__server_error__/", status=500),  # rendered by the test itself
]

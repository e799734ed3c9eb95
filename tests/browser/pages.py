"""Every public page type and state that the browser stage checks (axe-core + W3C HTML checker).

The browser stage serves a fresh site seeded with `seed_demo`, then for each entry opens
`path`, runs the optional steps, and checks the page as it then stands. Add an entry for
every new public template and for each of its states (empty, error, results).

Steps (all optional, run in order):
  ("fill", css_selector, value)    type into a field
  ("check", css_selector)          tick a checkbox or radio
  ("click", css_selector)          click (e.g. a submit button); waits for the page to load
  ("login", username, password)    sign in at LOGIN_PATH first (fields named username, password)
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class BrowserPage:
    name: str
    path: str
    steps: tuple = field(default_factory=tuple)
    status: int = 200  # of the first response
    expect: str = ""  # text the page must show once the steps have run (proves the state)


LOGIN_PATH = "/manage/sign-in/"

PAGES = [
    BrowserPage("home page", "/"),
    BrowserPage("guidance page", "/what-is-a-micro-enterprise/"),
    BrowserPage("guidance page with details and warning", "/contact/"),
    BrowserPage("page not found", "/no-such-page/", status=404),
    BrowserPage(
        "admin login locked out",
        "/admin/login/",
        steps=(
            ("fill", "#id_username", "browser-check"),
            ("fill", "#id_password", "not-the-password"),
            ("click", "form [type=submit]"),
        )
        * 5,
        expect="Too many sign-in attempts",
    ),
    BrowserPage("server error", "/__server_error__/", status=500),  # rendered by the test itself
]

# A listing's public profile and the forms under it. The demo listing's slug must match a
# live demo provider seeded by seed_demo (Thurrock). The "rate limited" state (429) is the
# same template as "sent too fast" with another message in the error summary (see
# tests/providers/test_enquiries.py): the browser stage cannot reach it reliably, as each
# server worker counts in its own in-process cache and every send must wait 3 seconds.
PROFILE_PATH = "/find-support/sunrise-support-grays/"
_CONTACT_ANSWERS = (
    ("fill", "#id_name", "Maureen Price"),
    ("fill", "#id_reply_to", "maureen@example.org"),
    ("fill", "#id_message", "My father needs help getting up in the mornings."),
    ("check", "#id_consent"),
)
PAGES += [
    BrowserPage("provider profile", PROFILE_PATH, expect="Contact this provider"),
    BrowserPage("contact a provider: empty form", PROFILE_PATH + "contact/", expect="Send message"),
    BrowserPage(
        "contact a provider: errors",
        PROFILE_PATH + "contact/",
        steps=(("click", "main form [type=submit]"),),
        expect="Enter your name",
    ),
    BrowserPage(
        "contact a provider: sent too fast (answers kept)",
        PROFILE_PATH + "contact/",
        steps=(*_CONTACT_ANSWERS, ("click", "main form [type=submit]")),
        expect="sent very quickly",
    ),
    BrowserPage(
        "contact a provider: confirmation", PROFILE_PATH + "contact/sent/", expect="Message sent"
    ),
    BrowserPage("report a problem: empty form", PROFILE_PATH + "report/", expect="Send report"),
    BrowserPage(
        "report a problem: errors",
        PROFILE_PATH + "report/",
        steps=(("click", "main form [type=submit]"),),
        expect="Select what the problem is",
    ),
    BrowserPage(
        "report a problem: sent too fast (answers kept)",
        PROFILE_PATH + "report/",
        steps=(("check", "#id_reason_0"), ("click", "main form [type=submit]")),
        expect="sent very quickly",
    ),
    BrowserPage(
        "report a problem: confirmation", PROFILE_PATH + "report/sent/", expect="Report sent"
    ),
]

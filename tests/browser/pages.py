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

# Directory search (issue 4). The demo providers are around Thurrock (seed_demo).
PAGES += [
    BrowserPage("directory search form", "/find-support/"),
    BrowserPage(
        "directory search results",
        "/find-support/?postcode=RM17+6SL&distance=10",
        expect="providers near RM17 6SL",
    ),
    BrowserPage(
        "directory search results after adding to the shortlist",
        "/find-support/?postcode=RM17+6SL&distance=10",
        steps=(("click", ".app-result form button"),),
        expect="Remove from shortlist",
    ),
    BrowserPage(
        "directory search with no results",
        "/find-support/?postcode=RM17+6SL&distance=1&kind=shared_lives&language=bsl&new=on&max_price=1",
        expect="No providers found",
    ),
    BrowserPage(
        "directory search postcode error",
        "/find-support/?postcode=ZZ99+9ZZ",
        expect="We could not find that postcode",
    ),
    BrowserPage(
        "directory search filter error",
        "/find-support/?postcode=RM17+6SL&max_price=cheap",
        expect="Enter a price in pounds",
    ),
    BrowserPage("shortlist (empty)", "/find-support/shortlist/", expect="Your shortlist is empty"),
]

# Open data: claiming an imported listing (seed_demo imports docs/examples/listings.csv
# unowned and creates the claimant login). Signed in through ?next= so the page checked
# is the claim page itself.
CLAIMANT = ("claimant@example.org", "demo-claimant-pass")
_CLAIM_SIGN_IN = (
    ("fill", "input[name=username]", CLAIMANT[0]),
    ("fill", "input[name=password]", CLAIMANT[1]),
    ("click", "main form [type=submit]"),
)
PAGES += [
    BrowserPage(
        "listing anyone can claim (imported)",
        "/find-support/grays-helping-hands/",
        expect="Is this your business?",
    ),
    BrowserPage(
        "claim a listing: form",
        f"{LOGIN_PATH}?next=/claim-listing/grays-helping-hands/",
        steps=_CLAIM_SIGN_IN,
        expect="Is this your business?",
    ),
    BrowserPage(
        "claim a listing: error",
        f"{LOGIN_PATH}?next=/claim-listing/grays-helping-hands/",
        steps=(*_CLAIM_SIGN_IN, ("click", "#send-claim")),
        expect="There is a problem",
    ),
    BrowserPage(
        "claim a listing: sent",
        f"{LOGIN_PATH}?next=/claim-listing/grays-helping-hands/",
        steps=(
            *_CLAIM_SIGN_IN,
            ("fill", "#id_message", "I run Grays Helping Hands; call me on 01375 555 0101."),
            ("click", "#send-claim"),
        ),
        expect="Claim sent",
    ),
    BrowserPage(
        "claim a listing: refused (a claim is already waiting)",
        f"{LOGIN_PATH}?next=/claim-listing/tilbury-garden-friends/",
        steps=_CLAIM_SIGN_IN,
        expect="You cannot claim this listing",
    ),
]

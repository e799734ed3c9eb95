"""Claiming an imported listing."""

from .base import LOGIN_PATH, BrowserPage

# Open data: claiming an imported listing (seed_demo imports docs/examples/listings.csv
# unowned and creates the claimant login). Signed in through ?next= so the page checked
# is the claim page itself.
CLAIMANT = ("claimant@example.org", "demo-claimant-pass")
_CLAIM_SIGN_IN = (
    ("fill", "input[name=username]", CLAIMANT[0]),
    ("fill", "input[name=password]", CLAIMANT[1]),
    ("click", "main form [type=submit]"),
)
PAGES = [
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

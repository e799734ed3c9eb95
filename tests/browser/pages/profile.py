"""A listing's public profile and its forms."""

from .base import BrowserPage

# A listing's public profile and the forms under it. The demo listing's slug must match a
# live demo provider seeded by seed_demo (Thurrock). The "rate limited" state (429) is the
# same template as "sent too fast" with another message in the error summary (see
# tests/providers/test_enquiries.py): the browser stage cannot reach it reliably, as each
# server worker counts in its own in-process cache and every send must wait 3 seconds
# (ENQUIRY_MIN_FILL_SECONDS; the confirmations below wait that long, then send).
PROFILE_PATH = "/find-support/demo-0001/"  # provider@example.org's live listing (seed_demo)
_CONTACT_ANSWERS = (
    ("fill", "#id_name", "Maureen Price"),
    ("fill", "#id_reply_to", "maureen@example.org"),
    ("fill", "#id_message", "My father needs help getting up in the mornings."),
    ("check", "#id_consent"),
)
PAGES = [
    BrowserPage("provider profile", PROFILE_PATH, expect="Contact this provider"),
    BrowserPage(  # confirmed 200 days ago (seed_demo)
        "provider profile: may be out of date",
        "/find-support/demo-0005/",
        expect="This information may be out of date",
    ),
    BrowserPage(  # confirmed 400 days ago: out of search, the page says so
        "provider profile: hidden from search",
        "/find-support/demo-0006/",
        expect="It no longer appears in search results",
    ),
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
    BrowserPage(  # sent for real: the confirmation shows only to someone who sent one
        "contact a provider: confirmation",
        PROFILE_PATH + "contact/",
        steps=(*_CONTACT_ANSWERS, ("wait", 3.5), ("click", "main form [type=submit]")),
        expect="Message sent",
    ),
    BrowserPage(  # an imported listing no one has claimed yet (seed_demo)
        "contact a provider: no one receives messages yet",
        "/find-support/grays-helping-hands/contact/",
        expect="You cannot message",
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
        "report a problem: confirmation",
        PROFILE_PATH + "report/",
        steps=(("check", "#id_reason_0"), ("wait", 3.5), ("click", "main form [type=submit]")),
        expect="Report sent",
    ),
]

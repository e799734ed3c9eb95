"""The provider portal."""

from .base import BrowserPage

# The provider portal (issue 3). The demo seed creates this provider login (a live
# listing, with enquiries); signing in lands on the dashboard at /manage/.
DEMO_PROVIDER = ("login", "provider@example.org", "demo-provider-pass")
DEMO_LOCKED = ("login", "locked@example.org", "demo-locked-pass")  # a moderator locked it
SUBMIT_IN_MAIN = ("click", "main form [type=submit]")


def _portal(name, link, *steps, expect=""):
    """A portal page reached from the dashboard by its link (portal URLs need a sign-in)."""
    opening = (("click", f'main a[href="{link}"]'),) if link != "/manage/" else ()
    return BrowserPage(name, "/manage/", (DEMO_PROVIDER, *opening, *steps), expect=expect)


PAGES = [
    _portal("portal dashboard", "/manage/", expect="Manage your listing"),
    BrowserPage(
        "portal dashboard, listing locked",
        "/manage/",
        (DEMO_LOCKED,),
        expect="A moderator has locked your listing while they look at it.",
    ),
    BrowserPage(
        "portal edit, listing locked",
        "/manage/",
        (DEMO_LOCKED, ("goto", "/manage/about/")),  # no link to it: a bookmark
        expect="Your listing is locked",
    ),
    _portal("portal about", "/manage/about/", expect="About your service"),
    _portal(
        "portal about with errors",
        "/manage/about/",
        ("fill", "#id_title", ""),
        SUBMIT_IN_MAIN,
        expect="Enter the name of your service",
    ),
    _portal("portal what you offer", "/manage/what-you-offer/", expect="Kinds of support"),
    _portal("portal prices", "/manage/prices/", expect="Price per hour"),
    _portal(
        "portal prices with errors",
        "/manage/prices/",
        ("fill", "#id_price_per_hour", "750"),
        SUBMIT_IN_MAIN,
        expect="Enter a price between £0 and £500",
    ),
    _portal("portal availability", "/manage/availability/", expect="When you can work"),
    _portal(
        "portal availability with errors",
        "/manage/availability/",
        ("check", "#id_taking_new_people_1"),
        ("fill", "#id_taking_new_people_from", "1/1/2001"),
        SUBMIT_IN_MAIN,
        expect="The date must be today or in the future",
    ),
    _portal("portal where", "/manage/where/", expect="Postcode you work from"),
    _portal(
        "portal where with errors",
        "/manage/where/",
        ("fill", "#id_postcode", "ZZ99 9ZZ"),
        SUBMIT_IN_MAIN,
        expect="We could not find that postcode",
    ),
    _portal("portal contact details", "/manage/contact-details/", expect="Phone number"),
    _portal(
        "portal contact details with errors",
        "/manage/contact-details/",
        ("fill", "#id_phone", "call me"),
        SUBMIT_IN_MAIN,
        expect="Enter a phone number",
    ),
    _portal("portal photos", "/manage/photos/", expect="Add a photo"),
    _portal(
        "portal photos with errors",
        "/manage/photos/",
        ("click", "main form[enctype] [type=submit]"),
        expect="Choose a photo to upload",
    ),
    _portal("portal preview", "/manage/preview/", expect="Preview – not published"),
    _portal("portal checks", "/manage/checks/", expect="Your checks"),
    _portal(
        "portal check insurance with errors",
        "/manage/checks/",
        ("click", 'main a[href="/manage/checks/insurance/"]'),
        ("fill", "#id_cover_amount", "lots"),
        ("fill", "#id_expires_on", "1/1/2020"),
        SUBMIT_IN_MAIN,
        expect="Enter the amount of cover in whole pounds",
    ),
    _portal(
        "portal check DBS",
        "/manage/checks/",
        ("click", 'main a[href="/manage/checks/dbs/"]'),
        expect="Level of check",
    ),
    _portal(  # asked, not removed: the demo's verified DBS check stays for later pages
        "portal check DBS: remove?",
        "/manage/checks/",
        ("click", 'main a[href="/manage/checks/dbs/"]'),
        ("click", 'main a[href="/manage/checks/dbs/remove/"]'),
        expect="Remove your DBS check?",
    ),
    _portal("portal enquiries", "/manage/enquiries/", expect="Enquiries"),
    _portal(
        "portal enquiry",
        "/manage/enquiries/",
        ("click", "main table a"),
        expect="How to reply",
    ),
    _portal(  # asked, not deleted: later pages still find the demo's enquiries
        "portal enquiry: delete?",
        "/manage/enquiries/",
        ("click", "main table a"),
        ("click", 'main a[href$="/delete/"]'),
        expect="You cannot undo this",
    ),
    _portal(
        "portal saved as draft",
        "/manage/about/",
        (
            "fill",
            "#id_summary",
            "Personal care and companionship at home, checked for the browser stage.",
        ),
        SUBMIT_IN_MAIN,
        expect="Your changes are saved as a draft",
    ),
    _portal(  # asked, not discarded: the demo's changes stay for later pages
        "portal discard your changes?",
        "/manage/discard/",
        expect="Discard your changes?",
    ),
    _portal(
        "portal reconfirmed",
        "/manage/",
        ("click", 'main form[action="/manage/reconfirm/"] [type=submit]'),
        expect="Your listing is confirmed as up to date today",
    ),
]

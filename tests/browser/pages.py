"""Every public page type and state that the browser stage checks (axe-core + W3C HTML checker).

The browser stage serves a fresh site seeded with `seed_demo`, then for each entry opens
`path`, runs the optional steps, and checks the page as it then stands. Add an entry for
every new public template and for each of its states (empty, error, results).

Steps (all optional, run in order):
  ("fill", css_selector, value)    type into a field
  ("check", css_selector)          tick a checkbox or radio
  ("select", css_selector, value)  choose an option of a <select>
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

# The provider portal (issue 3). The demo seed creates this provider login (a live
# listing, with enquiries); signing in lands on the dashboard at /manage/.
DEMO_PROVIDER = ("login", "provider@example.org", "demo-provider-pass")
SUBMIT_IN_MAIN = ("click", "main form [type=submit]")


def _portal(name, link, *steps, expect=""):
    """A portal page reached from the dashboard by its link (portal URLs need a sign-in)."""
    opening = (("click", f'main a[href="{link}"]'),) if link != "/manage/" else ()
    return BrowserPage(name, "/manage/", (DEMO_PROVIDER, *opening, *steps), expect=expect)


PAGES += [
    _portal("portal dashboard", "/manage/", expect="Manage your listing"),
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
    _portal("portal enquiries", "/manage/enquiries/", expect="Enquiries"),
    _portal(
        "portal enquiry",
        "/manage/enquiries/",
        ("click", "main table a"),
        expect="How to reply",
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
    _portal(
        "portal reconfirmed",
        "/manage/",
        ("click", 'main form[action="/manage/reconfirm/"] [type=submit]'),
        expect="Your listing is confirmed as up to date today",
    ),
]

# Provider accounts (issue 3, providers.accounts). Signed-in pages use the demo provider
# logins that seed_demo creates: a micro-enterprise and a Shared Lives scheme's owner.
# Signed-in pages have a sign-out form in the header: submit buttons are found in <main>.
ACCOUNT_PROVIDER = ("login", "provider@example.org", "demo-provider-pass")
ACCOUNT_SCHEME = ("login", "scheme@example.org", "demo-scheme-pass")
MAIN_SUBMIT = ("click", "main form [type=submit]")
TO_ACCOUNT = ("click", 'header a[href="/manage/account/"]')
NEW_PASSWORD = "a-new-browser-passphrase"

PAGES += [
    BrowserPage("sign in", "/manage/sign-in/", expect="Sign in to manage your listing"),
    BrowserPage(
        "sign in with errors",
        "/manage/sign-in/",
        (MAIN_SUBMIT,),
        expect="Enter your email address",
    ),
    BrowserPage(
        "sign in with a wrong password",
        "/manage/sign-in/",
        (
            ("fill", "#id_username", "nobody@example.org"),
            ("fill", "#id_password", "not-the-password"),
            MAIN_SUBMIT,
        ),
        expect="The email address or password is not correct",
    ),
    BrowserPage(
        "sign in locked out",
        "/manage/sign-in/",
        (
            ("fill", "#id_username", "locked-out@example.org"),
            ("fill", "#id_password", "not-the-password"),
            MAIN_SUBMIT,
        )
        * 5,
        expect="reset your password",
    ),
    BrowserPage("sign up", "/manage/sign-up/", expect="Create an account to list your support"),
    BrowserPage(
        "sign up with errors",
        "/manage/sign-up/",
        (("fill", "#id_email", "not-an-email"), ("fill", "#id_password", "short"), MAIN_SUBMIT),
        expect="Enter the name of your business or scheme",
    ),
    BrowserPage(
        "sign up check your email",
        "/manage/sign-up/",
        (
            ("fill", "#id_name", "Browser Check Care"),
            ("check", "#id_kind_0"),
            ("fill", "#id_email", "browser-sign-up@example.org"),
            ("fill", "#id_password", NEW_PASSWORD),
            ("fill", "#id_password_confirm", NEW_PASSWORD),
            MAIN_SUBMIT,
        ),
        expect="Check your email",
    ),
    BrowserPage(
        "confirm email link not valid",
        "/manage/sign-up/confirm/MTIz/bad-token/",
        expect="This link has expired or is not valid",
    ),
    BrowserPage("reset password", "/manage/reset-password/", expect="Reset your password"),
    BrowserPage(
        "reset password with errors",
        "/manage/reset-password/",
        (("fill", "#id_email", "not-an-email"), MAIN_SUBMIT),
        expect="Enter an email address in the correct format",
    ),
    BrowserPage(
        "reset password check your email",
        "/manage/reset-password/",
        (("fill", "#id_email", "nobody@example.org"), MAIN_SUBMIT),
        expect="Check your email",
    ),
    BrowserPage(
        "reset password link not valid",
        "/manage/reset-password/MTIz/bad-token/",
        expect="This link has expired or is not valid",
    ),
    BrowserPage(
        "reset password complete",
        "/manage/reset-password/complete/",
        expect="Your password has been changed",
    ),
    BrowserPage(
        "co-editor invitation not valid",
        "/manage/invitation/bad-token/",
        expect="This invitation has expired or is not valid",
    ),
    BrowserPage(
        "account deleted", "/manage/account/deleted/", expect="Your account has been deleted"
    ),
    BrowserPage("your account", "/", (ACCOUNT_PROVIDER, TO_ACCOUNT), expect="Your account"),
    BrowserPage(
        "change email",
        "/",
        (ACCOUNT_PROVIDER, TO_ACCOUNT, ("click", 'main a[href="/manage/account/email/"]')),
        expect="Change your email address",
    ),
    BrowserPage(
        "change email with errors",
        "/",
        (
            ACCOUNT_PROVIDER,
            TO_ACCOUNT,
            ("click", 'main a[href="/manage/account/email/"]'),
            ("fill", "#id_email", "provider@example.org"),
            MAIN_SUBMIT,
        ),
        expect="This is already your email address",
    ),
    BrowserPage(
        "change email check your email",
        "/",
        (
            ACCOUNT_PROVIDER,
            TO_ACCOUNT,
            ("click", 'main a[href="/manage/account/email/"]'),
            ("fill", "#id_email", "browser-new-address@example.org"),
            ("fill", "#id_password", "demo-provider-pass"),
            MAIN_SUBMIT,
        ),
        expect="Check your email",
    ),
    BrowserPage(
        "change password with errors",
        "/",
        (
            ACCOUNT_PROVIDER,
            TO_ACCOUNT,
            ("click", 'main a[href="/manage/account/password/"]'),
            ("fill", "#id_new_password1", "short"),
            MAIN_SUBMIT,
        ),
        expect="Enter your current password",
    ),
    BrowserPage(
        "delete account",
        "/",
        (ACCOUNT_PROVIDER, TO_ACCOUNT, ("click", 'main a[href="/manage/account/delete/"]')),
        expect="This also deletes your listing",
    ),
    BrowserPage(
        "delete account with errors",
        "/",
        (
            ACCOUNT_PROVIDER,
            TO_ACCOUNT,
            ("click", 'main a[href="/manage/account/delete/"]'),
            MAIN_SUBMIT,
        ),
        expect="Enter your password",
    ),
    BrowserPage(
        "co-editors",
        "/",
        (ACCOUNT_SCHEME, TO_ACCOUNT, ("click", 'main a[href="/manage/account/editors/"]')),
        expect="Who can edit this listing",
    ),
    BrowserPage(
        "co-editors with an invitation sent",
        "/",
        (
            ACCOUNT_SCHEME,
            TO_ACCOUNT,
            ("click", 'main a[href="/manage/account/editors/"]'),
            ("fill", "#id_email", "browser-staff@example.org"),
            ("click", "#invite-co-editor [type=submit]"),
        ),
        expect="Invitations not yet accepted",
    ),
    BrowserPage(
        "co-editors with errors",
        "/",
        (
            ACCOUNT_SCHEME,
            TO_ACCOUNT,
            ("click", 'main a[href="/manage/account/editors/"]'),
            ("fill", "#id_email", "provider@example.org"),
            ("click", "#invite-co-editor [type=submit]"),
        ),
        expect="already has an account",
    ),
]

# A listing's public profile and the forms under it. The demo listing's slug must match a
# live demo provider seeded by seed_demo (Thurrock). The "rate limited" state (429) is the
# same template as "sent too fast" with another message in the error summary (see
# tests/providers/test_enquiries.py): the browser stage cannot reach it reliably, as each
# server worker counts in its own in-process cache and every send must wait 3 seconds.
PROFILE_PATH = "/find-support/demo-0001/"  # provider@example.org's live listing (seed_demo)
_CONTACT_ANSWERS = (
    ("fill", "#id_name", "Maureen Price"),
    ("fill", "#id_reply_to", "maureen@example.org"),
    ("fill", "#id_message", "My father needs help getting up in the mornings."),
    ("check", "#id_consent"),
)
PAGES += [
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

# --- workforce survey (survey app) ---------------------------------------------------------
SURVEY_START = (("click", "form .govuk-button--start"),)
SURVEY_CONTINUE = ("click", "form button.govuk-button:not(.govuk-button--secondary)")
SURVEY_TO_CONSENT = (
    *SURVEY_START,
    ("check", "#id_provider_kind_0"),
    ("check", "#id_legal_form_0"),
    SURVEY_CONTINUE,
    ("check", "#id_support_kinds_0"),
    ("fill", "#id_workers", "2"),
    SURVEY_CONTINUE,
    ("select", "#id_council_id", "E06000034"),
    SURVEY_CONTINUE,
    ("fill", "#id_hours_weekly", "30"),
    ("fill", "#id_hourly_rate", "19.50"),
    ("check", "#id_turnover_band_1"),
    SURVEY_CONTINUE,
    ("check", "#id_payers_0"),
    ("check", "#id_main_payer_0"),
    SURVEY_CONTINUE,
    ("fill", "#id_year_started_care", "2010"),
    ("fill", "#id_year_self_employed", "2018"),
    ("check", "#id_previous_employment_2"),
    SURVEY_CONTINUE,
    ("check", "#id_reasons_0"),
    ("check", "#id_intention_12m_0"),
    SURVEY_CONTINUE,
    ("check", "#id_care_certificate_0"),
    ("check", "#id_qualification_2"),
    ("check", "#id_training_12m_0"),
    SURVEY_CONTINUE,
    ("check", "#id_dbs_check_0"),
    ("check", "#id_public_liability_0"),
    ("check", "#id_regulator_registered_2"),
    SURVEY_CONTINUE,
    SURVEY_CONTINUE,  # about you: all optional
)
SURVEY_TO_HEALTH = (
    *SURVEY_TO_CONSENT,
    ("check", "#id_special_category_consent_0"),
    SURVEY_CONTINUE,
)
SURVEY_TO_CHECK = (*SURVEY_TO_HEALTH, ("check", "#id_disability_1"), SURVEY_CONTINUE)
SURVEY_SENT = (*SURVEY_TO_CHECK, ("click", "form button.govuk-button"))
SURVEY_TO_ERASE = (
    *SURVEY_SENT,
    ("click", "main a[href='/survey/your-response/']"),
    ("click", "a.govuk-button--warning"),
)

PAGES += [
    BrowserPage("survey page", "/workforce-survey/", expect="Start now"),
    BrowserPage("survey start", "/survey/", expect="How we use your answers"),
    BrowserPage("survey question", "/survey/", steps=SURVEY_START, expect="Your work"),
    BrowserPage(
        "survey question with errors",
        "/survey/",
        steps=(*SURVEY_START, SURVEY_CONTINUE),
        expect="Select what kind of provider you are",
    ),
    BrowserPage(
        "survey number question with errors",
        "/survey/",
        steps=(
            *SURVEY_TO_CONSENT[:9],
            ("fill", "#id_hours_weekly", "120"),
            ("fill", "#id_hourly_rate", "x"),
            SURVEY_CONTINUE,
        ),
        expect="Hours in a typical week must be between 0 and 100",
    ),
    BrowserPage(
        "survey saved with receipt code",
        "/survey/",
        steps=(
            *SURVEY_START,
            ("check", "#id_provider_kind_1"),
            ("check", "#id_legal_form_1"),
            ("click", "button[name=save_and_exit]"),
        ),
        expect="Your answers are saved",
    ),
    BrowserPage(
        "survey consent step", "/survey/", steps=SURVEY_TO_CONSENT, expect="special category"
    ),
    BrowserPage(
        "survey health questions",
        "/survey/",
        steps=SURVEY_TO_HEALTH,
        expect="long-term health condition",
    ),
    BrowserPage(
        "survey check answers", "/survey/", steps=SURVEY_TO_CHECK, expect="Check your answers"
    ),
    BrowserPage(
        "survey confirmation with receipt",
        "/survey/",
        steps=SURVEY_SENT,
        expect="Your receipt code is",
    ),
    BrowserPage(
        "survey your response",
        "/survey/",
        steps=(*SURVEY_SENT, ("click", "main a[href='/survey/your-response/']")),
        expect="Delete my response",
    ),
    BrowserPage("survey erase confirm", "/survey/", steps=SURVEY_TO_ERASE, expect="Are you sure"),
    BrowserPage(
        "survey erase with errors",
        "/survey/",
        steps=(*SURVEY_TO_ERASE, SURVEY_CONTINUE),
        expect="Select yes if you want to delete your response",
    ),
    BrowserPage(
        "survey response deleted",
        "/survey/",
        steps=(*SURVEY_TO_ERASE, ("check", "#id_confirm_0"), SURVEY_CONTINUE),
        expect="Your response has been deleted",
    ),
    BrowserPage("survey resume", "/survey/resume/", expect="Receipt code"),
    BrowserPage(
        "survey resume with errors",
        "/survey/resume/",
        steps=(("fill", "#id_code", "ABC"), SURVEY_CONTINUE),
        expect="Enter the receipt code exactly as shown",
    ),
    BrowserPage(
        "survey find your response", "/survey/your-response/", expect="See or delete your response"
    ),
    BrowserPage(
        "survey closed wave",
        "/survey/invitation/demo-invitation-to-last-years-closed-wave/",
        expect="The workforce survey is closed",
    ),
    BrowserPage(
        "survey invitation already used",
        "/survey/invitation/demo-invitation-already-used/",
        expect="This invitation has already been used",
    ),
    BrowserPage(
        "survey invitation not recognised",
        "/survey/invitation/not-a-real-link/",
        status=404,
        expect="We do not recognise this invitation link",
    ),
]

# The planners' area (survey tables) signs in through the Wagtail admin login with ?next=.
PLANNERS_SIGN_IN = "/admin/login/?next=/planners/"


def planners_sign_in(username="analyst", password="demo-analyst-pass"):  # noqa: S107 (demo)
    return (
        ("fill", "#id_username", username),
        ("fill", "#id_password", password),
        ("click", "form [type=submit]"),
    )


OPEN_WAVE = ("click", "ul.govuk-list li:nth-child(1) a[href^='/planners/waves/']")
CLOSED_WAVE = ("click", "ul.govuk-list li:nth-child(2) a[href^='/planners/waves/']")


def planners_table(slug):
    return ("click", f"a[href$='/tables/{slug}/']")


PAGES += [
    BrowserPage(
        "planners choose a wave",
        PLANNERS_SIGN_IN,
        steps=planners_sign_in(),
        expect="Survey tables for planners",
    ),
    BrowserPage(
        "planners wave not in the list",
        "/admin/login/?next=/planners/%3Fwave%3Dnot-a-wave",
        steps=planners_sign_in(),
        expect="Select a survey wave from the list",
    ),
    BrowserPage(
        "planners not an analyst",
        PLANNERS_SIGN_IN,
        steps=planners_sign_in("moderator", "demo-moderator-pass"),
        expect="You do not have access to this page",
    ),
    BrowserPage(
        "planners open wave",
        PLANNERS_SIGN_IN,
        steps=(*planners_sign_in(), OPEN_WAVE),
        expect="Open: figures change as answers arrive",
    ),
    BrowserPage(
        "planners closed wave",
        PLANNERS_SIGN_IN,
        steps=(*planners_sign_in(), CLOSED_WAVE),
        expect="Closed: tables are final",
    ),
    *(
        BrowserPage(
            f"planners table {slug}",
            PLANNERS_SIGN_IN,
            steps=(*planners_sign_in(), wave, planners_table(slug)),
            expect=title,
        )
        for slug, title, wave in [
            ("respondents-council", "Respondents by council", OPEN_WAVE),
            ("hours-region", "Hours worked by region", OPEN_WAVE),
            ("turnover-council", "Turnover by council", CLOSED_WAVE),
            ("previous-employment", "Previous employment", CLOSED_WAVE),
            ("reasons", "Reasons for becoming self-employed", OPEN_WAVE),
            ("trend-rate", "Hourly rate across waves", OPEN_WAVE),
        ]
    ),
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

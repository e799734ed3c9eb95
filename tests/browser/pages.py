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

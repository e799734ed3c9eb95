"""The workforce survey."""

from .base import BrowserPage

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

PAGES = [
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
    BrowserPage(
        "survey finished on this device",
        "/survey/",
        steps=(*SURVEY_SENT, ("click", "form[action='/survey/finish/'] button")),
        expect="This device has forgotten your response",
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

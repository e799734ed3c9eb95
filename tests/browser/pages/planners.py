"""The planners' area (survey tables)."""

from .base import BrowserPage

# The planners' area (survey tables) signs in through the Wagtail admin login with ?next=.
PLANNERS_SIGN_IN = "/admin/login/?next=/planners/"


def planners_sign_in(username="analyst", password="demo-analyst-pass"):  # noqa: S107 (demo)
    return (
        ("fill", "#id_username", username),
        ("fill", "#id_password", password),
        ("click", "form [type=submit]"),
    )


OPEN_WAVE = ("click", "ul.govuk-list li:nth-child(1) a[href^='/planners/waves/']")  # no tables yet
CLOSED_WAVE = ("click", "ul.govuk-list li:nth-child(2) a[href^='/planners/waves/']")


def planners_table(slug):
    return ("click", f"a[href$='/tables/{slug}/']")


PAGES = [
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
        expect="Open: tables are published when it closes",
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
            ("respondents-council", "Respondents by council", CLOSED_WAVE),
            ("hours-region", "Hours worked by region", CLOSED_WAVE),
            ("turnover-council", "Turnover by council", CLOSED_WAVE),
            ("previous-employment", "Previous employment", CLOSED_WAVE),
            ("reasons", "Reasons for becoming self-employed", CLOSED_WAVE),
            ("trend-rate", "Hourly rate across waves", CLOSED_WAVE),
        ]
    ),
]

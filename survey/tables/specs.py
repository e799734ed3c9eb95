"""The fixed table designs planners get (no free cross-tabulation: design note 11)."""

from dataclasses import dataclass, field

from survey.disclosure import BAND_MEAN_MIN_RESPONDENTS
from survey.tables import vocab

K_RULE = (
    "Cells resting on fewer than {k} respondents are suppressed (shown as [c]), with other "
    "cells suppressed where needed so that none can be worked out from totals or other tables."
)
ROUNDING = (
    "Counts are rounded to the nearest 5, and percentages are worked out from the rounded "
    "counts, so they may not add up to 100."
)
HOURS = "Hours worked in a typical week, as the respondent reported them."
RATE = "Hourly rate charged to the people supported, in pounds."
TURNOVER = (
    "Annual turnover band. Quartiles and median are bands; the estimated mean uses each "
    "band's midpoint (£90,000 for '£90,000 or more') and is shown only where at least "
    f"{BAND_MEAN_MIN_RESPONDENTS} respondents answered. 'Prefer not to say' is left out."
)
AREA = "Area is the council the respondent mainly works in (upper-tier council) and its region."
MULTI = "Respondents could give several reasons, so percentages add up to more than 100."


@dataclass(frozen=True)
class TableSpec:
    slug: str
    title: str
    summary: str
    family: str  # respondents | statistic | category | reasons | trend
    item: str = ""  # frame column
    level: str = ""  # region | council (geographic families)
    fmt: str = "count"  # hours | money | band for statistics
    sensitive: bool = False
    labels: dict = field(default_factory=dict)
    definitions: tuple = ()
    source: str = ""  # trend: the per-wave table whose national row it repeats


def _geo(slug, title, summary, family, level, **kw):
    return TableSpec(slug, title, summary, family, level=level, **kw)


SPECS = [
    _geo(
        "respondents-region",
        "Respondents by region",
        "How many responded, by region and kind of provider.",
        "respondents",
        "region",
        definitions=(AREA,),
    ),
    _geo(
        "respondents-council",
        "Respondents by council",
        "How many responded, by council and kind of provider.",
        "respondents",
        "council",
        definitions=(AREA,),
    ),
    _geo(
        "hours-region",
        "Hours worked by region",
        "Hours worked in a typical week, by region and kind of provider.",
        "statistic",
        "region",
        item="hours_weekly",
        fmt="hours",
        sensitive=True,
        definitions=(HOURS, AREA),
    ),
    _geo(
        "hours-council",
        "Hours worked by council",
        "Hours worked in a typical week, by council and kind of provider.",
        "statistic",
        "council",
        item="hours_weekly",
        fmt="hours",
        sensitive=True,
        definitions=(HOURS, AREA),
    ),
    _geo(
        "rate-region",
        "Hourly rate by region",
        "Hourly rate charged, by region and kind of provider.",
        "statistic",
        "region",
        item="hourly_rate",
        fmt="money",
        sensitive=True,
        definitions=(RATE, AREA),
    ),
    _geo(
        "rate-council",
        "Hourly rate by council",
        "Hourly rate charged, by council and kind of provider.",
        "statistic",
        "council",
        item="hourly_rate",
        fmt="money",
        sensitive=True,
        definitions=(RATE, AREA),
    ),
    _geo(
        "turnover-region",
        "Turnover by region",
        "Annual turnover band, by region and kind of provider.",
        "statistic",
        "region",
        item="turnover_band",
        fmt="band",
        sensitive=True,
        definitions=(TURNOVER, AREA),
    ),
    _geo(
        "turnover-council",
        "Turnover by council",
        "Annual turnover band, by council and kind of provider.",
        "statistic",
        "council",
        item="turnover_band",
        fmt="band",
        sensitive=True,
        definitions=(TURNOVER, AREA),
    ),
    TableSpec(
        "previous-employment",
        "Previous employment",
        "Where respondents worked before, by kind of provider.",
        "category",
        item="previous_employment",
        labels=vocab.PREVIOUS_EMPLOYMENT,
    ),
    TableSpec(
        "qualifications",
        "Qualifications",
        "Highest social care qualification, by kind of provider.",
        "category",
        item="qualification",
        labels=vocab.QUALIFICATIONS,
    ),
    TableSpec(
        "reasons",
        "Reasons for becoming self-employed",
        "Main reasons for becoming self-employed, by kind of provider.",
        "reasons",
        item="reasons",
        labels=vocab.REASONS,
        definitions=(MULTI,),
    ),
    TableSpec(
        "intentions",
        "Intention to be doing this work in 12 months",
        "How likely respondents are to be doing this work in 12 months, by kind of provider.",
        "category",
        item="intention_12m",
        labels=vocab.INTENTIONS,
    ),
    TableSpec(
        "trend-respondents",
        "Respondents across waves",
        "Respondents in each wave, by kind of provider.",
        "trend",
        source="respondents-region",
    ),
    TableSpec(
        "trend-hours",
        "Hours worked across waves",
        "Hours worked in a typical week in each wave, by kind of provider.",
        "trend",
        fmt="hours",
        sensitive=True,
        source="hours-region",
        definitions=(HOURS,),
    ),
    TableSpec(
        "trend-rate",
        "Hourly rate across waves",
        "Hourly rate charged in each wave, by kind of provider.",
        "trend",
        fmt="money",
        sensitive=True,
        source="rate-region",
        definitions=(RATE,),
    ),
]
SPECS_BY_SLUG = {spec.slug: spec for spec in SPECS}
WAVE_SPECS = [spec for spec in SPECS if spec.family != "trend"]
TREND_SPECS = [spec for spec in SPECS if spec.family == "trend"]


def disclosure_rules(k: int) -> list[str]:
    return [K_RULE.format(k=k), ROUNDING]


def disclosure_notes(spec: TableSpec, k: int) -> list[str]:
    """The rules, then the table's definitions (the page's "About these figures")."""
    return [*disclosure_rules(k), *spec.definitions]

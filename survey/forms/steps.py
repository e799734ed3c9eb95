"""The question pages, in order, and which of them a response still needs."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .person import (
    AboutYouForm,
    CareerForm,
    ChecksForm,
    ConsentForm,
    HealthForm,
    PlansForm,
    SkillsForm,
)
from .questions import (
    PayersForm,
    PayForm,
    PlaceForm,
    StepForm,
    SupportForm,
    WorkForm,
)


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    form_class: type[StepForm]
    single_question: bool = False
    intro: str = ""

    def applies(self, response) -> bool:
        if self.form_class is HealthForm:
            return bool(response.special_category_consent)
        return True

    def initial(self, response) -> dict:
        if hasattr(self.form_class, "initial_from"):
            return self.form_class.initial_from(response)
        return {name: getattr(response, name) for name in self.form_class.base_fields}


CONSENT_INTRO = _(
    "The next 2 questions ask about your health and whether you are an unpaid carer. "
    "This is special category information under data protection law, so we only ask "
    "with your agreement. Your answers help councils plan support for people who give "
    "care. If you say no, you skip them and nothing else changes."
)

STEPS = [
    Step("work", _("Your work"), WorkForm),
    Step("support", _("The support you give"), SupportForm),
    Step("place", _("Where you work"), PlaceForm),
    Step("pay", _("Hours, pay and turnover"), PayForm),
    Step("payers", _("Who pays"), PayersForm),
    Step("career", _("Your career"), CareerForm),
    Step("plans", _("Your reasons and plans"), PlansForm),
    Step("skills", _("Skills and training"), SkillsForm),
    Step("checks", _("Checks and insurance"), ChecksForm),
    Step("about-you", _("About you"), AboutYouForm),
    Step("health-consent", _("Health and caring questions"), ConsentForm, intro=CONSENT_INTRO),
    Step("health", _("Your health and caring"), HealthForm),
]
STEPS_BY_SLUG = {step.slug: step for step in STEPS}


def applicable_steps(response) -> list[Step]:
    return [step for step in STEPS if step.applies(response)]


def next_step(response, after: Step | None = None) -> Step | None:
    """The step after `after` that applies, or the first unanswered one when `after` is None."""
    steps = applicable_steps(response)
    if after is None:
        done = set(response.completed_steps or [])
        return next((step for step in steps if step.slug not in done), None)
    later = steps[steps.index(after) + 1 :] if after in steps else []
    return later[0] if later else None


def missing_steps(response) -> list[Step]:
    done = set(response.completed_steps or [])
    return [step for step in applicable_steps(response) if step.slug not in done]

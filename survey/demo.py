"""Demo survey content: the survey page and two waves (last year's, closed; this year's,
open) with a few thousand submitted responses. Deterministic from the seed, idempotent
(a wave found by its title is left alone, so a second run adds nothing), and quick:
answers are drawn in bulk and stored with bulk_create. Receipt codes are random and
thrown away, so nobody can open a demo response."""

import datetime
import hashlib
from decimal import Decimal

import numpy as np
from django.db import transaction
from django.utils import timezone
from wagtail.models import Site

from .forms import STEPS
from .models import Invitation, Response, SurveyPage, Wave, choices
from .selectors import hash_code

SURVEY_PAGE_INTRO = (
    "<p>If you work for yourself in care and support, as a micro-enterprise, a Shared Lives "
    "carer or a self-employed personal assistant, please tell us about your work. Councils use "
    "the results to plan support and training, and to understand pay and hours.</p>"
)
WAVE_INTRO = (
    "<p>This is the {title} workforce survey for people who work for themselves in care "
    "and support.</p>"
)
PRIVACY_NOTICE = (
    "<p>The council running this service holds your answers to plan adult social care "
    "(public task). Health and caring questions are asked only with your agreement.</p>"
    "<ul><li>Your answers are not linked to your name, listing or account.</li>"
    "<li>Only tables are published, once the survey has closed, and every figure in them "
    "counts at least 10 people (5 for less sensitive items).</li>"
    "<li>Your answers are deleted two years after you send them.</li>"
    "<li>Until then you can see or delete them with your receipt code.</li>"
    "<li>While you answer, your browser keeps your receipt code in a cookie, not linked to "
    "your account. It forgets it when you close the browser, after 4 hours, or when you "
    "choose to finish on that device.</li></ul>"
)

# Relative pay and hours by region (London highest, Northern Ireland and the North East lowest).
REGION_PAY = {
    "E12000001": 0.90,
    "E12000002": 0.95,
    "E12000003": 0.93,
    "E12000004": 0.94,
    "E12000005": 0.95,
    "E12000006": 1.05,
    "E12000007": 1.25,
    "E12000008": 1.12,
    "E12000009": 1.00,
    "W92000004": 0.93,
    "S92000003": 1.00,
    "N92000002": 0.88,
}
REGION_HOURS = {"E12000007": 0.92, "N92000002": 1.05, "E12000001": 1.04}
KIND_WEIGHTS = {
    "micro_enterprise": 0.45,
    "personal_assistant": 0.35,
    "shared_lives_carer": 0.15,
    "shared_lives_staff": 0.05,
}
KIND_RATE = {
    "micro_enterprise": 22.0,
    "personal_assistant": 16.5,
    "shared_lives_carer": 14.0,
    "shared_lives_staff": 15.5,
}
KIND_HOURS = {
    "micro_enterprise": 34.0,
    "personal_assistant": 27.0,
    "shared_lives_carer": 45.0,
    "shared_lives_staff": 35.0,
}
WAVE_SIZES = (1800, 1500)  # last year's wave, this year's
# Published demo invitation links (demo only), so the browser checks can show the page
# for an invitation to a closed wave and for one already used.
DEMO_INVITATIONS = {
    "closed": "demo-invitation-to-last-years-closed-wave",
    "used": "demo-invitation-already-used",
}


def seed_survey(*, seed: int) -> dict[str, int]:
    """Returns how many responses were added per wave title (0 when already there)."""
    today = timezone.localdate()
    _survey_page()
    added = {}
    seeded = []
    waves = [
        (
            str(today.year - 1),
            datetime.date(today.year - 1, 9, 1),
            datetime.date(today.year - 1, 11, 30),
            WAVE_SIZES[0],
        ),
        (
            str(today.year),
            today - datetime.timedelta(days=45),
            today + datetime.timedelta(days=90),
            WAVE_SIZES[1],
        ),
    ]
    for index, (title, opens_on, closes_on, size) in enumerate(waves):
        rng = np.random.default_rng([seed, index])
        wave, added[title] = _wave(title, opens_on, closes_on, size, rng)
        seeded.append(wave)
    _demo_invitations(*seeded)
    return added


def _demo_invitations(closed: Wave, open_: Wave) -> None:
    for wave, token, used in (
        (closed, DEMO_INVITATIONS["closed"], None),
        (open_, DEMO_INVITATIONS["used"], open_.opens_on),
    ):
        Invitation.objects.get_or_create(
            token_hash=hash_code(token),
            defaults={
                "wave": wave,
                "used_at": used
                and timezone.make_aware(datetime.datetime.combine(used, datetime.time(12))),
            },
        )


def _survey_page() -> None:
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None or SurveyPage.objects.exists():
        return
    page = SurveyPage(
        title="Workforce survey", slug="workforce-survey", introduction=SURVEY_PAGE_INTRO
    )
    site.root_page.add_child(instance=page)
    page.save_revision().publish()


@transaction.atomic
def _wave(title, opens_on, closes_on, size, rng) -> tuple[Wave, int]:
    wave, created = Wave.objects.get_or_create(
        title=title,
        defaults={
            "opens_on": opens_on,
            "closes_on": closes_on,
            "introduction": WAVE_INTRO.format(title=title),
            "privacy_notice": PRIVACY_NOTICE,
        },
    )
    if not created:
        return wave, 0
    Response.objects.bulk_create(_responses(wave, size, rng), batch_size=1000)
    return wave, size


def _pick(rng, values, size, weights=None):
    p = None if weights is None else np.asarray(weights, dtype=float) / sum(weights)
    return rng.choice(np.asarray(values, dtype=object), size=size, p=p)


def _subset(rng, values, p_each, at_least_one=True):
    chosen = [v for v in values if rng.random() < p_each]
    return chosen or ([values[int(rng.integers(len(values)))]] if at_least_one else [])


def _responses(wave, size, rng):
    from providers.geography.models import Council

    councils = list(Council.objects.order_by("gss_code").values_list("gss_code", "region_code"))
    council_index = rng.integers(len(councils), size=size)
    kinds = _pick(rng, list(KIND_WEIGHTS), size, list(KIND_WEIGHTS.values()))
    legal = _pick(rng, choices.LegalForm.values, size, [70, 5, 18, 4, 3])
    turnover = _pick(rng, choices.TurnoverBand.values, size, [22, 25, 20, 14, 6, 2, 11])
    previous = _pick(rng, choices.PreviousEmployment.values, size, [12, 10, 30, 12, 10, 20, 6])
    intention = _pick(rng, choices.Intention.values, size, [35, 30, 18, 10, 7])
    qualification = _pick(rng, choices.Qualification.values, size, [18, 30, 34, 10, 8])
    certificate = _pick(rng, choices.CareCertificate.values, size, [55, 15, 30])
    age = _pick(rng, choices.AgeBand.values, size, [4, 12, 20, 27, 26, 8, 3])
    sex = _pick(rng, choices.Sex.values, size, [78, 19, 3])
    ethnic = _pick(rng, choices.EthnicGroup.values, size, [8, 9, 3, 75, 2, 3])
    consent = rng.random(size) < 0.8
    disability = _pick(rng, choices.YesNoPreferNot.values, size, [18, 74, 8])
    carer = _pick(rng, choices.YesNoPreferNot.values, size, [30, 63, 7])
    hours_noise = rng.normal(1.0, 0.3, size)
    rate_noise = rng.lognormal(0.0, 0.15, size)
    answered_pay = rng.random(size) < 0.9
    started = rng.integers(1985, wave.opens_on.year + 1, size=size)
    gap = rng.integers(0, 15, size=size)
    days = max((min(wave.closes_on, timezone.localdate()) - wave.opens_on).days, 1)
    submitted_day = rng.integers(0, days, size=size)
    seconds = rng.integers(8 * 3600, 21 * 3600, size=size)
    hash_seed = rng.bytes(16)
    all_steps = [step.slug for step in STEPS]

    objects = []
    for i in range(size):
        council, region = councils[council_index[i]]
        kind = kinds[i]
        hours = np.clip(KIND_HOURS[kind] * REGION_HOURS.get(region, 1.0) * hours_noise[i], 2, 80)
        rate = np.clip(KIND_RATE[kind] * REGION_PAY.get(region, 1.0) * rate_noise[i], 10.5, 60)
        year_self = min(int(started[i] + gap[i]), wave.opens_on.year)
        payers = _subset(rng, choices.Payer.values, 0.4)
        submitted = timezone.make_aware(
            datetime.datetime.combine(
                wave.opens_on + datetime.timedelta(days=int(submitted_day[i])), datetime.time()
            )
        ) + datetime.timedelta(seconds=int(seconds[i]))
        objects.append(
            Response(
                wave=wave,
                status=Response.Status.SUBMITTED,
                receipt_hash=hashlib.sha256(hash_seed + i.to_bytes(4, "big")).hexdigest(),
                submitted_at=submitted,
                completed_steps=all_steps if consent[i] else all_steps[:-1],
                provider_kind=kind,
                legal_form=legal[i],
                support_kinds=_subset(rng, choices.SupportKind.values[:13], 0.2),
                people_supported=int(rng.integers(1, 3 if kind.startswith("shared") else 15)),
                workers=1 if kind != "micro_enterprise" else int(rng.integers(1, 9)),
                council_id=council,
                hours_weekly=Decimal(f"{round(hours * 2) / 2:.1f}") if answered_pay[i] else None,
                hourly_rate=Decimal(f"{rate:.2f}") if answered_pay[i] else None,
                turnover_band=turnover[i],
                payers=payers,
                main_payer=payers[0],
                year_started_care=int(started[i]),
                year_self_employed=year_self,
                previous_employment=previous[i],
                reasons=_subset(rng, choices.Reason.values, 0.3),
                intention_12m=intention[i],
                care_certificate=certificate[i],
                qualification=qualification[i],
                training_12m="yes" if rng.random() < 0.7 else "no",
                training_wanted=_subset(rng, choices.TrainingTopic.values, 0.2, at_least_one=False),
                dbs_check=_pick(rng, choices.DbsCheck.values, 1, [85, 5, 10])[0],
                public_liability="yes" if rng.random() < 0.8 else "no",
                regulator_registered=_pick(rng, choices.Registration.values, 1, [20, 15, 65])[0],
                age_band=age[i],
                sex=sex[i],
                ethnic_group=ethnic[i],
                special_category_consent=bool(consent[i]),
                disability=disability[i] if consent[i] else None,
                unpaid_carer=carer[i] if consent[i] else None,
            )
        )
    return objects

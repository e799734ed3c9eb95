"""One respondent's answers to one wave. Not linked to any account: the respondent holds a
receipt code (only its SHA-256 hash is stored) to resume, see or erase it.

Every answer is nullable because a draft fills in page by page; `services.submit_response`
checks completeness before a draft becomes SUBMITTED. Multi-choice answers are JSON lists
of codes kept in the order of their choices, so equal answers are equal strings."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from . import choices
from .wave import Invitation, Wave

HOURS_MAX = 100
RATE_MAX = 150
PEOPLE_MAX = 200
WORKERS_MAX = 50
EARLIEST_YEAR = 1960


def _choice(field_choices, label, **kwargs):
    return models.CharField(
        label, max_length=32, choices=field_choices, null=True, blank=True, **kwargs
    )


class Response(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")

    wave = models.ForeignKey(
        Wave, on_delete=models.PROTECT, related_name="responses", verbose_name=_("wave")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    receipt_hash = models.CharField(_("receipt code hash"), max_length=64, unique=True)
    invitation = models.ForeignKey(
        Invitation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("invitation"),
    )
    created_at = models.DateTimeField(_("started at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last saved at"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    completed_steps = models.JSONField(_("pages answered"), default=list, blank=True)

    # Work
    provider_kind = _choice(choices.ProviderKind.choices, _("kind of provider"))
    legal_form = _choice(choices.LegalForm.choices, _("legal form"))
    support_kinds = models.JSONField(_("kinds of support given"), null=True, blank=True)
    people_supported = models.PositiveSmallIntegerField(
        _("people supported in a typical week"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(PEOPLE_MAX)],
    )
    workers = models.PositiveSmallIntegerField(
        _("workers including yourself"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(WORKERS_MAX)],
    )
    # Place
    council = models.ForeignKey(
        "geography.Council",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("main council area worked in"),
    )
    postcode_district = models.CharField(
        _("postcode district"), max_length=4, blank=True, default=""
    )
    # Time and pay (sensitive)
    hours_weekly = models.DecimalField(
        _("hours worked in a typical week"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(HOURS_MAX)],
    )
    hourly_rate = models.DecimalField(
        _("hourly rate charged (£)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(RATE_MAX)],
    )
    turnover_band = _choice(choices.TurnoverBand.choices, _("annual turnover"))
    payers = models.JSONField(_("who pays"), null=True, blank=True)
    main_payer = _choice(choices.Payer.choices, _("who pays for most of the work"))
    # Career
    year_started_care = models.PositiveSmallIntegerField(
        _("year started in social care"), null=True, blank=True
    )
    year_self_employed = models.PositiveSmallIntegerField(
        _("year became self-employed"), null=True, blank=True
    )
    previous_employment = _choice(
        choices.PreviousEmployment.choices, _("work before self-employment")
    )
    reasons = models.JSONField(_("reasons for becoming self-employed"), null=True, blank=True)
    intention_12m = _choice(choices.Intention.choices, _("doing this work in 12 months"))
    # Skills
    care_certificate = _choice(choices.CareCertificate.choices, _("Care Certificate"))
    qualification = _choice(choices.Qualification.choices, _("highest social care qualification"))
    training_12m = _choice(choices.YesNo.choices, _("training in the last 12 months"))
    training_wanted = models.JSONField(_("training wanted"), null=True, blank=True)
    # Checks
    dbs_check = _choice(choices.DbsCheck.choices, _("DBS check held"))
    public_liability = _choice(choices.YesNo.choices, _("public liability insurance held"))
    regulator_registered = _choice(choices.Registration.choices, _("registered with the regulator"))
    # About you (optional)
    age_band = _choice(choices.AgeBand.choices, _("age"))
    sex = _choice(choices.Sex.choices, _("sex"))
    ethnic_group = _choice(choices.EthnicGroup.choices, _("ethnic group"))
    # Special category: asked only after explicit consent
    special_category_consent = models.BooleanField(
        _("agreed to answer health and caring questions"), null=True, blank=True
    )
    disability = _choice(choices.YesNoPreferNot.choices, _("disability or long-term condition"))
    unpaid_carer = _choice(choices.YesNoPreferNot.choices, _("unpaid carer"))

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        indexes = [
            models.Index(fields=["wave", "status"], name="survey_resp_wave_status"),
            models.Index(fields=["status", "submitted_at"], name="survey_resp_status_submitted"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="draft") | models.Q(submitted_at__isnull=False),
                name="survey_response_submitted_has_time",
            ),
            models.CheckConstraint(
                condition=models.Q(special_category_consent=True)
                | (models.Q(disability__isnull=True) & models.Q(unpaid_carer__isnull=True)),
                name="survey_response_special_category_needs_consent",
            ),
        ]

    def __str__(self) -> str:
        return f"Response {self.pk} ({self.wave})"

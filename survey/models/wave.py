"""A survey wave (one round of the survey, e.g. "2026") and the invitations to it."""

import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.fields import RichTextField

WAVE_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class WaveQuerySet(models.QuerySet):
    def open_on(self, day: datetime.date):
        return self.filter(opens_on__lte=day, closes_on__gte=day)


class Wave(models.Model):
    """Opened and closed by survey administrators: a wave takes answers from the start of
    `opens_on` to the end of `closes_on` (both inclusive, UK time)."""

    class Status(models.TextChoices):
        UPCOMING = "upcoming", _("Not open yet")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    title = models.CharField(
        _("title"), max_length=100, unique=True, help_text=_("For example: 2026")
    )
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"), help_text=_("The last day answers are taken."))
    introduction = RichTextField(
        _("introduction"),
        features=WAVE_TEXT_FEATURES,
        blank=True,
        help_text=_("Shown on the survey's start page: why the survey matters, how long it takes."),
    )
    privacy_notice = RichTextField(
        _("privacy notice"),
        features=WAVE_TEXT_FEATURES,
        help_text=_("Who holds the answers, why, for how long, and the respondent's rights."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = WaveQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_on", "-pk"]
        verbose_name = _("survey wave")
        verbose_name_plural = _("survey waves")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_on__gte=models.F("opens_on")),
                name="survey_wave_closes_after_it_opens",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def status_on(self, day: datetime.date) -> str:
        if day < self.opens_on:
            return self.Status.UPCOMING
        if day > self.closes_on:
            return self.Status.CLOSED
        return self.Status.OPEN

    @property
    def status(self) -> str:
        return self.status_on(timezone.localdate())

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class Invitation(models.Model):
    """A one-use link to a wave. Only a hash of the token is stored, and no email address:
    nothing here says who was invited, so a response stays unlinked to any person."""

    wave = models.ForeignKey(
        Wave, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("wave")
    )
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.wave} invitation {self.pk}"

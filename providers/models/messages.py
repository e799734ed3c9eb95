"""What arrives about a listing: enquiries relayed to the provider, problem reports for
moderators, and the log of reminders sent (so the freshness job is idempotent)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Enquiry(models.Model):
    page = models.ForeignKey(
        "providers.ProviderPage",
        on_delete=models.CASCADE,
        related_name="enquiries",
        verbose_name=_("listing"),
    )
    name = models.CharField(_("name"), max_length=100)
    reply_to = models.CharField(_("how to reply"), max_length=200)
    message = models.TextField(_("message"), max_length=3000)
    consent = models.BooleanField(_("consent to pass on"), default=False)
    # One per form: a double submit or a retry carries the same token.
    submission_token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("enquiry")
        verbose_name_plural = _("enquiries")

    def __str__(self) -> str:
        return f"{self.name} – {self.created_at:%Y-%m-%d}"


class ProblemReport(models.Model):
    class Reason(models.TextChoices):
        INFORMATION_WRONG = "information_wrong", _("The information is wrong")
        CONTACT_WRONG = "contact_wrong", _("The contact details are wrong")
        NOT_OPERATING = "not_operating", _("They are no longer operating")
        NOT_IN_AREA = "not_in_area", _("They do not work in my area")
        SAFEGUARDING = "safeguarding", _("I have a safeguarding concern")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        RESOLVED = "resolved", _("Resolved")

    page = models.ForeignKey(
        "providers.ProviderPage",
        on_delete=models.CASCADE,
        related_name="problem_reports",
        verbose_name=_("listing"),
    )
    reason = models.CharField(_("problem"), max_length=30, choices=Reason)
    details = models.TextField(_("details"), max_length=3000, blank=True)
    reporter_email = models.EmailField(_("reporter's email"), blank=True)
    submission_token = models.CharField(max_length=64, unique=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.OPEN, db_index=True
    )
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("resolved by"),
    )
    resolution_note = models.TextField(_("what was done"), blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("problem report")
        verbose_name_plural = _("problem reports")

    def __str__(self) -> str:
        return _("Report about %(listing)s: %(reason)s") % {
            "listing": self.page.title,
            "reason": self.get_reason_display(),
        }


class ReminderLog(models.Model):
    """One row per reminder sent: (listing, kind, the date it was about). The freshness
    job sends a reminder only when its row does not exist yet."""

    page = models.ForeignKey(
        "providers.ProviderPage", on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(max_length=30)
    about = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "kind", "about"], name="one_reminder_each")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.about} – {self.page_id}"

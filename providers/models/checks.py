"""Checks a provider records (DBS, insurance, regulator, quality scheme) and a moderator
verifies. Kept outside the page so that verification never travels with a revision.
A check shows as a badge while it is verified and not past its expiry date; nothing
needs to run for a badge to disappear on that date."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ProviderCheck(models.Model):
    class Kind(models.TextChoices):
        DBS = "dbs", _("DBS check")
        INSURANCE = "insurance", _("Public liability insurance")
        REGULATOR = "regulator", _("Registered with the regulator (CQC)")
        QUALITY_SCHEME = "quality_scheme", _("Member of a quality scheme")

    class DbsLevel(models.TextChoices):
        BASIC = "basic", _("Basic")
        STANDARD = "standard", _("Standard")
        ENHANCED = "enhanced", _("Enhanced")
        ENHANCED_BARRED = "enhanced_barred", _("Enhanced with barred list check")

    page = models.ForeignKey(
        "providers.ProviderPage", on_delete=models.CASCADE, related_name="checks"
    )
    kind = models.CharField(_("check"), max_length=20, choices=Kind)
    dbs_level = models.CharField(_("DBS level"), max_length=20, choices=DbsLevel, blank=True)
    cover_amount = models.PositiveIntegerField(_("cover (£)"), null=True, blank=True)
    reference = models.CharField(
        _("reference"),
        max_length=100,
        blank=True,
        help_text=_("Regulator location ID, scheme name or certificate number."),
    )
    issued_on = models.DateField(_("date issued"), null=True, blank=True)
    expires_on = models.DateField(_("expiry date"), null=True, blank=True, db_index=True)
    verified_at = models.DateTimeField(_("verified"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verified by"),
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("check")
        verbose_name_plural = _("checks")
        constraints = [
            models.UniqueConstraint(fields=["page", "kind"], name="one_check_of_each_kind")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.page_id}"

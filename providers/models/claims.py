"""Claims on listings nobody runs yet (imported ones): "Is this your business?".

A provider account without a listing asks to run one; a moderator approves (the account
becomes its owner) or rejects. At most one claim per listing waits for a decision."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ListingClaim(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a decision")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    page = models.ForeignKey(
        "providers.ProviderPage",
        on_delete=models.CASCADE,
        related_name="claims",
        verbose_name=_("listing"),
    )
    claimant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="listing_claims",
        verbose_name=_("claimed by"),
    )
    message = models.TextField(_("message"), max_length=2000)
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.PENDING, db_index=True
    )
    created_at = models.DateTimeField(_("claimed"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_note = models.TextField(_("note to the claimant"), blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("listing claim")
        verbose_name_plural = _("listing claims")
        constraints = [
            models.UniqueConstraint(
                fields=["page"],
                condition=models.Q(status="pending"),
                name="one_pending_claim_per_listing",
            ),
            models.UniqueConstraint(
                fields=["claimant"],
                condition=models.Q(status="pending"),
                name="one_pending_claim_per_account",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.page} – {self.claimant} ({self.get_status_display()})"

"""Who may run a listing. One account runs at most one listing; a Shared Lives scheme
may add scheme staff as co-editors. Every portal view checks this explicitly."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ListingMembership(models.Model):
    class Role(models.TextChoices):
        OWNER = "owner", _("Owner")
        CO_EDITOR = "co_editor", _("Co-editor")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="listing_membership",
        verbose_name=_("account"),
    )
    page = models.ForeignKey(
        "providers.ProviderPage",
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("listing"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role, default=Role.OWNER)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("listing editor")
        verbose_name_plural = _("listing editors")

    def __str__(self) -> str:
        return f"{self.user} – {self.page_id} ({self.role})"

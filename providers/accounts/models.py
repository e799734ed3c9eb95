"""What provider accounts need beyond Django's user: invitations for Shared Lives
co-editors, changes of email address waiting for the new address to confirm, and an audit
record of each deleted account that holds no personal data."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CoEditorInvitation(models.Model):
    """An owner of a Shared Lives scheme's listing asked this address to co-edit it. The
    emailed link carries this row's id, signed; cancelling deletes the row, which kills
    the link. Accepting creates the co-editor's account and deletes the row, as does
    manage.py delete_expired_links once the link has expired."""

    page = models.ForeignKey(
        "providers.ProviderPage",
        on_delete=models.CASCADE,
        related_name="co_editor_invitations",
        verbose_name=_("listing"),
    )
    email = models.EmailField(_("email address"), max_length=150)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("co-editor invitation")
        constraints = [
            models.UniqueConstraint(fields=["page", "email"], name="one_invitation_per_address")
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.page_id}"


class EmailChange(models.Model):
    """The account asked to use `new_email` instead. The link emailed there carries only
    ids, signed (an address in a URL would end up in access logs), and applies the change.
    One per account: asking again replaces it. Deleted once applied, with the account, or
    by manage.py delete_expired_links once its link has expired."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    new_email = models.EmailField(_("new email address"), max_length=150)
    requested_at = models.DateTimeField(_("requested"))

    class Meta:
        verbose_name = _("email address change")

    def __str__(self) -> str:
        return f"{self.user_id} → {self.new_email}"


class AccountDeletion(models.Model):
    """An account was deleted. Deliberately no name, email address or listing title:
    only what happened, when, and the listing's id (which now points at nothing)."""

    deleted_at = models.DateTimeField(_("deleted"), auto_now_add=True)
    role = models.CharField(_("role"), max_length=20, blank=True)
    listing_id = models.PositiveBigIntegerField(_("listing id"), null=True, blank=True)
    listing_kind = models.CharField(_("kind of provider"), max_length=20, blank=True)
    listing_removed = models.BooleanField(_("listing removed"), default=False)
    listing_was_live = models.BooleanField(_("listing was published"), default=False)

    class Meta:
        verbose_name = _("deleted account")
        ordering = ["-deleted_at"]

    def __str__(self) -> str:
        return f"account deleted {self.deleted_at:%Y-%m-%d %H:%M}"

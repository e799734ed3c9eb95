"""Deleting a provider account and its personal data (the account's own choice, or the
clean-up of sign-ups never confirmed)."""

from django.db import transaction

from .models import AccountDeletion, CoEditorInvitation


@transaction.atomic
def delete_account(*, user) -> AccountDeletion:
    """Delete the account and its personal data. An owner's listing goes too: unpublished,
    then deleted with its revisions, history, photos (drafts' too; none still used
    elsewhere), checks, enquiries, reports, pending invitations and its co-editors'
    memberships (their accounts stay, without a listing). A co-editor's deletion leaves
    the listing alone. Invitations to the account's address go too. Keeps an
    AccountDeletion record that holds no personal data.
    ListingLocked, and nothing deleted, while a moderator has the account's listing
    locked: they are looking at it (and at who runs it)."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from wagtail.images import get_image_model
    from wagtail.models import PageLogEntry

    from providers.models import ListingMembership, ProviderPage
    from providers.portal.services import ListingLocked
    from providers.selectors import images_in_use, listing_image_ids

    membership = ListingMembership.objects.filter(user=user).select_related("page").first()
    if (
        membership is not None
        and ProviderPage.objects.filter(pk=membership.page_id, locked=True).exists()
    ):
        raise ListingLocked
    record = AccountDeletion(role=membership.role if membership else "")
    if membership is not None:
        page = membership.page.specific
        record.listing_id = page.pk
        record.listing_kind = page.kind
    if membership is not None and membership.role == ListingMembership.Role.OWNER:
        record.listing_was_live = page.live
        image_ids = listing_image_ids(page=page)  # live photos and never-approved ones
        if page.live:
            page.unpublish(log_action=False)
        page.delete()
        PageLogEntry.objects.filter(page_id=record.listing_id).delete()  # titles are labels
        image_ids -= images_in_use(image_ids=image_ids)  # another listing's, or shared
        get_image_model().objects.filter(pk__in=image_ids).delete()
        record.listing_removed = True
    username = user.get_username()
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        model.objects.filter(username__iexact=username).delete()
    CoEditorInvitation.objects.filter(email__iexact=user.email).delete()  # any listing's
    user.delete()
    record.save()
    return record

"""Thin handlers: keep the search index in step with what is published, confirmed and
public."""

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from providers.models import ProviderPage
from providers.signals import listing_confirmed

from . import selectors, services


def _published(sender, instance, **kwargs):
    services.index_listing(page_id=instance.pk)


def _gone(sender, instance, **kwargs):
    services.remove_listing(page_id=instance.pk)


def _confirmed(sender, page_id, confirmed_at, **kwargs):
    services.note_confirmed(page_id=page_id, confirmed_at=confirmed_at)


def _privacy_changed(sender, instance, **kwargs):
    # After the commit: a restriction is also deleted along with its page, and that
    # page's listings are then gone, not to be indexed again mid-delete.
    page_id = instance.page_id
    transaction.on_commit(lambda: services.reindex_under(page_id=page_id))


def _vocabulary_changed(sender, **kwargs):
    cache.delete(selectors.VOCABULARIES_KEY)


def connect() -> None:
    for model, _mask, _m2m in selectors.GROUPS.values():
        for signal in (post_save, post_delete):
            signal.connect(
                _vocabulary_changed, sender=model, dispatch_uid=f"directory-vocab-{model.__name__}"
            )
    page_published.connect(_published, sender=ProviderPage, dispatch_uid="directory-index-publish")
    page_unpublished.connect(_gone, sender=ProviderPage, dispatch_uid="directory-index-unpublish")
    post_delete.connect(_gone, sender=ProviderPage, dispatch_uid="directory-index-delete")
    listing_confirmed.connect(_confirmed, dispatch_uid="directory-index-confirmed")
    for signal in (post_save, post_delete):
        signal.connect(
            _privacy_changed, sender=PageViewRestriction, dispatch_uid="directory-index-privacy"
        )

"""Thin handlers: keep the search index in step with what is published and confirmed."""

from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished

from providers.models import ProviderPage
from providers.signals import listing_confirmed

from . import services


def _published(sender, instance, **kwargs):
    services.index_listing(page_id=instance.pk)


def _gone(sender, instance, **kwargs):
    services.remove_listing(page_id=instance.pk)


def _confirmed(sender, page_id, confirmed_at, **kwargs):
    services.note_confirmed(page_id=page_id, confirmed_at=confirmed_at)


def connect() -> None:
    page_published.connect(_published, sender=ProviderPage, dispatch_uid="directory-index-publish")
    page_unpublished.connect(_gone, sender=ProviderPage, dispatch_uid="directory-index-unpublish")
    post_delete.connect(_gone, sender=ProviderPage, dispatch_uid="directory-index-delete")
    listing_confirmed.connect(_confirmed, dispatch_uid="directory-index-confirmed")

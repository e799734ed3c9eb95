"""Cache invalidation only (no business rules): when a listing is published, unpublished
or deleted, a vocabulary term changes or a page's privacy does, cached API responses
become stale at once."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from providers.models import (
    AccessFeature,
    Audience,
    Language,
    PaymentMethod,
    ProviderPage,
    SupportKind,
)

from .caching import bump_generation as bump_cache_generation

UID = "openreferral-cache"


def connect():
    page_published.connect(bump_cache_generation, sender=ProviderPage, dispatch_uid=UID)
    page_unpublished.connect(bump_cache_generation, sender=ProviderPage, dispatch_uid=UID)
    post_delete.connect(bump_cache_generation, sender=ProviderPage, dispatch_uid=UID)
    for model in (
        SupportKind,
        Audience,
        AccessFeature,
        Language,
        PaymentMethod,
        PageViewRestriction,
    ):
        post_save.connect(
            bump_cache_generation, sender=model, dispatch_uid=f"{UID}-{model.__name__}"
        )
        post_delete.connect(
            bump_cache_generation, sender=model, dispatch_uid=f"{UID}-{model.__name__}-d"
        )

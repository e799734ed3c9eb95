"""Filters for the moderators' provider listing (django-filter, through Wagtail's
WagtailFilterSet so the admin renders them in its filter drawer)."""

from datetime import timedelta

import django_filters
from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from providers.geography.models import Council
from providers.models import ProviderCheck, ProviderPage

from ..states import FILTER_STATES, state_q

CHECK_EXPIRING_DAYS = 30
YES_NO = [("yes", _("Yes")), ("no", _("No"))]


def council_choices():
    return list(Council.objects.order_by("name").values_list("gss_code", "name"))


def region_choices():
    regions = Council.objects.order_by("region_name").values_list("region_code", "region_name")
    return list(dict.fromkeys(regions))


def stale_q(*, now=None) -> Q:
    """Last confirmed before the "may be out of date" period (never-confirmed drafts are
    not stale: they are found by state)."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.LISTING_STALE_AFTER_DAYS)
    return Q(last_confirmed_at__lte=cutoff)


def check_expiring_q(*, today=None) -> Q:
    """Has a check whose expiry date falls within the next 30 days."""
    today = today or timezone.localdate()
    expiring = ProviderCheck.objects.filter(
        page_id=OuterRef("pk"),
        expires_on__gte=today,
        expires_on__lte=today + timedelta(days=CHECK_EXPIRING_DAYS),
    )
    return Q(Exists(expiring))


def _yes_no(queryset, q: Q, value: str):
    if value == "yes":
        return queryset.filter(q)
    if value == "no":
        return queryset.exclude(q)
    return queryset


class ProviderFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=ProviderPage.Kind.choices)
    state = django_filters.ChoiceFilter(
        label=_("State"), choices=FILTER_STATES, method="filter_state"
    )
    council = django_filters.ChoiceFilter(
        label=_("Council"), choices=council_choices, field_name="council_code"
    )
    region = django_filters.ChoiceFilter(
        label=_("Region"), choices=region_choices, field_name="region_code"
    )
    stale = django_filters.ChoiceFilter(
        label=_("Not confirmed for %(days)s days") % {"days": settings.LISTING_STALE_AFTER_DAYS},
        choices=YES_NO,
        method="filter_stale",
    )
    check_expiring = django_filters.ChoiceFilter(
        label=_("A check expires within %(days)s days") % {"days": CHECK_EXPIRING_DAYS},
        choices=YES_NO,
        method="filter_check_expiring",
    )

    class Meta:
        model = ProviderPage
        fields = []

    def filter_state(self, queryset, name, value):
        return queryset.filter(state_q(value)) if value else queryset

    def filter_stale(self, queryset, name, value):
        return _yes_no(queryset, stale_q(), value)

    def filter_check_expiring(self, queryset, name, value):
        return _yes_no(queryset, check_expiring_q(), value)

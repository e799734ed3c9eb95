"""A Shared Lives scheme goes live only once its registration with the regulator (CQC) is
recorded (product design, decision 8). The portal asks for it before a scheme is sent for
approval; these Wagtail hooks hold the admin to the same rule: the page editor's "Publish"
keeps the edit as a draft, and the bulk "Publish" action publishes nothing."""

from django.contrib import messages
from django.db.models import Q
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.models import Page

from providers.models import ProviderPage
from providers.selectors import schemes_lacking_registration

RULE = _(
    "A Shared Lives scheme goes live only once its registration with the regulator (CQC) "
    "is recorded in its checks: the scheme records it in its portal."
)


def before_publish_page(request, page):
    """The page editor's "Publish" (the revision is already saved as a draft)."""
    if not isinstance(page, ProviderPage) or not schemes_lacking_registration(page_ids=[page.pk]):
        return None
    messages.error(request, _("Saved as a draft, not published.") + " " + RULE)
    return redirect("wagtailadmin_pages:edit", page.pk)


def before_bulk_action(request, action_type, objects, action):
    """The bulk "Publish" of pages, with or without their draft descendants."""
    pages = [obj for obj in objects if isinstance(obj, Page)]
    if action_type != "publish" or not pages:
        return None
    going_live = Q(pk__in=[page.pk for page in pages])
    if action.cleaned_form.cleaned_data.get("include_descendants"):
        for page in pages:
            going_live |= Q(path__startswith=page.path, depth__gt=page.depth, live=False)
    blocked = schemes_lacking_registration(page_ids=Page.objects.filter(going_live).values("pk"))
    if not blocked:
        return None
    titles = ", ".join(f"“{scheme.title}”" for scheme in blocked)
    messages.error(
        request, _("Nothing was published (%(titles)s).") % {"titles": titles} + " " + RULE
    )
    return redirect(action.next_url)

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from providers.enquiries import delete_enquiry
from providers.models import Enquiry

from ..selectors import enquiries_for
from ..services import mark_enquiry_read
from .common import portal_view

PER_PAGE = 20


@portal_view
def enquiries(request, *, listing):
    paginator = Paginator(enquiries_for(page=listing), PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "providers/portal/enquiries.html",
        {"listing": listing, "page_obj": page_obj, "enquiries": page_obj.object_list},
    )


def _own(listing, pk) -> Enquiry:
    """One of this listing's enquiries; another listing's is simply not found."""
    try:
        return listing.enquiries.get(pk=pk)
    except Enquiry.DoesNotExist:
        raise Http404 from None


@portal_view
def enquiry(request, *, listing, pk):
    item = _own(listing, pk)
    mark_enquiry_read(enquiry=item)
    return render(
        request,
        "providers/portal/enquiry.html",
        {"listing": listing, "enquiry": item, "retention_days": settings.ENQUIRY_RETENTION_DAYS},
    )


@portal_view
def enquiry_delete(request, *, listing, pk):
    """Asks first (GET); deletes on POST. Allowed while a moderator has locked the listing:
    the messages are the provider's, not the listing's content."""
    item = _own(listing, pk)
    if request.method == "POST":
        delete_enquiry(enquiry=item)
        messages.success(request, _("Enquiry from %(name)s deleted.") % {"name": item.name})
        return redirect("portal:enquiries")
    return render(
        request, "providers/portal/enquiry_delete.html", {"listing": listing, "enquiry": item}
    )

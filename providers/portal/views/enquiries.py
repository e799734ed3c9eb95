from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

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


@portal_view
def enquiry(request, *, listing, pk):
    try:
        item = listing.enquiries.get(pk=pk)
    except Enquiry.DoesNotExist:
        raise Http404 from None
    mark_enquiry_read(enquiry=item)
    return render(request, "providers/portal/enquiry.html", {"listing": listing, "enquiry": item})

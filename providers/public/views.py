"""The two public forms under a listing, called from the page's routes (routes.py), so they
exist only while the listing is live and public: Wagtail routes nothing else to a page.

Order of checks on a send: the form's own rules (answers kept on error, a too-fast send is
an error too) → already sent with this token? show the same confirmation → over the
per-address limit? 429 with the answers kept → store, email, confirmation."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from providers.enquiries import can_receive_enquiries, report_problem, send_enquiry
from providers.models import Enquiry, ProblemReport
from providers.profile import new_people_from

from .antiabuse import client_address, consume, is_rate_limited
from .forms import EnquiryForm, ProblemReportForm


def _breadcrumbs(page) -> list:
    ancestors = Page.objects.ancestor_of(page).filter(depth__gte=2).live().order_by("depth")
    return [*ancestors, page]


def _rate_limited_message() -> str:
    hours = settings.ENQUIRY_RATE_WINDOW_SECONDS // 3600
    window = _("an hour") if hours <= 1 else _("%(hours)s hours") % {"hours": hours}
    return _(
        "You have sent as many messages as we accept from one connection in %(window)s. "
        "Your answers are still here: try again later."
    ) % {"window": window}


def _form_page(request, *, page, form_class, model, scope, template, sent_route, save):
    address = client_address(request)
    status = 200
    if request.method == "POST":
        form = form_class(request.POST)
        if form.is_valid():
            sent_url = page.subpage_url(sent_route)
            if model.objects.filter(submission_token=form.submission_token).exists():
                return redirect(sent_url)  # a double submit: the same confirmation
            if consume(scope=scope, address=address):
                save(form)
                return redirect(sent_url)
            form.add_error(None, ValidationError(_rate_limited_message(), code="rate_limited"))
            status = 429
    else:
        form = form_class()
    context = {
        "page": page,
        "form": form,
        "breadcrumb_pages": _breadcrumbs(page),
        "profile_url": page.url,
        "new_people_from": new_people_from(page, today=timezone.localdate()),
        "rate_limited": status == 429 or is_rate_limited(scope=scope, address=address),
    }
    return TemplateResponse(request, template, context, status=status)


def contact(request, *, page):
    if not can_receive_enquiries(page=page):  # no one would read it: say so, store nothing
        context = {"page": page, "breadcrumb_pages": _breadcrumbs(page), "profile_url": page.url}
        return TemplateResponse(request, "providers/contact_unavailable.html", context)

    def save(form):
        data = form.cleaned_data
        send_enquiry(
            page=page,
            name=data["name"],
            reply_to=data["reply_to"],
            message=data["message"],
            consent=data["consent"],
            submission_token=form.submission_token,
        )

    return _form_page(
        request,
        page=page,
        form_class=EnquiryForm,
        model=Enquiry,
        scope="enquiry",
        template="providers/contact.html",
        sent_route="contact_sent",
        save=save,
    )


def report(request, *, page):
    def save(form):
        data = form.cleaned_data
        report_problem(
            page=page,
            reason=data["reason"],
            details=data["details"].strip(),
            reporter_email=data["reporter_email"],
            submission_token=form.submission_token,
        )

    return _form_page(
        request,
        page=page,
        form_class=ProblemReportForm,
        model=ProblemReport,
        scope="problem-report",
        template="providers/report.html",
        sent_route="report_sent",
        save=save,
    )


def sent(request, *, page, template):
    context = {"page": page, "breadcrumb_pages": _breadcrumbs(page), "profile_url": page.url}
    return TemplateResponse(request, template, context)

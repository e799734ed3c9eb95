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

from home.ratelimit import client_address
from providers.enquiries import can_receive_enquiries, report_problem, send_enquiry
from providers.models import Enquiry, ProblemReport
from providers.profile import new_people_from

from .antiabuse import consume, is_rate_limited
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
            if model.objects.filter(submission_token=form.submission_token).exists():
                return _to_sent(request, page=page, route=sent_route)  # a double submit
            if consume(scope=scope, address=address):
                save(form)
                return _to_sent(request, page=page, route=sent_route)
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


def _sent_key(route: str) -> str:
    return f"providers.public.{route}"


def _to_sent(request, *, page, route: str):
    """To the confirmation page, remembering (for this browser's session) which listings
    it has sent to, so that the page says "sent" only to someone who sent something."""
    sent_to = set(request.session.get(_sent_key(route), []))
    request.session[_sent_key(route)] = sorted(sent_to | {page.pk})
    return redirect(page.subpage_url(route))


def sent(request, *, page, route: str, template):
    if page.pk not in request.session.get(_sent_key(route), []):
        form_route = route.removesuffix("_sent")  # "contact_sent" -> the "contact" form
        return redirect(page.subpage_url(form_route))
    context = {"page": page, "breadcrumb_pages": _breadcrumbs(page), "profile_url": page.url}
    return TemplateResponse(request, template, context)

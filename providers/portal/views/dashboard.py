from django.contrib import messages
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from providers.profile import money
from providers.selectors import latest_moderation_outcome

from ..selectors import (
    Status,
    changed_sections,
    has_changes_to_discard,
    listing_state,
    missing_for_submission,
)
from ..services import NoWorkflow, Submission, confirm_up_to_date, submit_for_approval
from .common import portal_edit_view, portal_view
from .edit import SECTIONS


def _section_value(slug, draft) -> str:
    if slug == "about":
        return draft.summary
    if slug == "offer":
        kinds = [str(term) for term in draft.support_kinds.all()]
        return ", ".join(kinds)
    if slug == "prices":
        prices = (
            (draft.price_per_hour, _("%(price)s an hour")),
            (draft.price_per_session, _("%(price)s a session")),
            (draft.price_per_night, _("%(price)s a night")),
        )
        return ", ".join(text % {"price": money(p)} for p, text in prices if p is not None)
    if slug == "availability":
        return (
            _("Taking on new people") if draft.taking_new_people else _("Not taking on new people")
        )
    if slug == "where":
        return draft.area_label
    if slug == "contact":
        shown = [
            label
            for label, value in ((_("phone"), draft.show_phone), (_("email"), draft.show_email))
            if value
        ]
        if draft.website:
            shown.append(_("website"))
        return _("Shows your %(what)s") % {"what": ", ".join(shown)} if shown else ""
    if slug == "photos":
        count = len(draft.photos.all())
        return ngettext("%(n)s photo", "%(n)s photos", count) % {"n": count} if count else ""
    return ""


@portal_view
def dashboard(request, *, listing):
    draft = listing.get_latest_revision_as_object()
    state = listing_state(page=listing)
    # A moderator may approve with a comment ("please add your DBS check soon"): keep it in
    # view here, not only in the email.
    outcome = latest_moderation_outcome(page=listing) if state.status == Status.LIVE else None
    changed = changed_sections(
        live=listing, draft=draft, forms={s.slug: s.form_class for s in SECTIONS}
    )
    section_rows = [
        {
            "key": section.title,
            "value": _section_value(section.slug, draft),
            "tag": _("Changed") if section.slug in changed else "",
            # A locked listing cannot be changed: no links to the page saying so.
            "href": None if listing.locked else reverse(section.url_name),
        }
        for section in SECTIONS
    ]
    other_rows = [
        {
            "key": _("Checks"),
            "value": _("DBS, insurance, registration and quality schemes"),
            "href": reverse("portal:checks"),
            "action": _("View"),
        },
        {
            "key": _("Enquiries"),
            "value": ngettext("%(n)s new", "%(n)s new", state.unread_enquiries)
            % {"n": state.unread_enquiries}
            if state.unread_enquiries
            else _("No new enquiries"),
            "href": reverse("portal:enquiries"),
            "action": _("View"),
        },
    ]
    return render(
        request,
        "providers/portal/dashboard.html",
        {
            "listing": listing,
            "draft": draft,
            "state": state,
            "Status": Status,
            "missing": missing_for_submission(page=draft),
            "section_rows": section_rows,
            "has_changed_sections": bool(changed),
            # Live with changes no moderator approved: they can be thrown away (discard.py).
            "can_discard": has_changes_to_discard(page=listing) and not listing.locked,
            "approval": outcome if outcome and outcome.state == "approved" else None,
            "other_rows": other_rows,
        },
    )


SUBMISSION_MESSAGES = {  # lazily translated: built at import time
    Submission.SUBMITTED: (
        messages.SUCCESS,
        _l(
            "Your listing has been sent for approval. We will email you when a moderator has checked it."
        ),
    ),
    Submission.RESUBMITTED: (
        messages.SUCCESS,
        _l(
            "Your changes have been sent for approval again. We will email you when a moderator has checked them."
        ),
    ),
    Submission.ALREADY_SUBMITTED: (
        messages.INFO,
        _l("Your listing is already waiting for approval. There is nothing more to do."),
    ),
    Submission.NOTHING_TO_SUBMIT: (
        messages.INFO,
        _l("There are no changes to send for approval: your live listing is up to date."),
    ),
    Submission.INCOMPLETE: (
        messages.ERROR,
        _l("Your listing is not ready to send yet. Add the missing information listed below."),
    ),
}


@portal_edit_view
@require_POST
def submit(request, *, listing):
    try:
        outcome = submit_for_approval(page=listing, user=request.user)
    except NoWorkflow:
        messages.error(
            request,
            _("Listings cannot be sent for approval at the moment. Please try again later."),
        )
    else:
        level, text = SUBMISSION_MESSAGES[outcome]
        messages.add_message(request, level, text)
    return redirect("portal:dashboard")


@portal_edit_view
@require_POST
def reconfirm(request, *, listing):
    confirm_up_to_date(page=listing, user=request.user)
    messages.success(request, _("Thank you. Your listing is confirmed as up to date today."))
    return redirect("portal:dashboard")


@portal_view
def preview(request, *, listing):
    """The profile page as it will look once approved, from the latest (draft) revision."""
    draft = listing.get_latest_revision_as_object()
    if draft.last_confirmed_at is None:
        # Never confirmed (never approved yet): approving it confirms it
        # (providers.services.confirm_on_approval), so not "may be out of date".
        draft.last_confirmed_at = timezone.now()
    request.is_preview = True
    request.preview_mode = draft.default_preview_mode
    context = draft.get_context(request)
    context["portal_preview"] = True
    response = TemplateResponse(request, "providers/portal/preview.html", context)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response

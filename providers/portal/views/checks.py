from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from providers.models import ProviderCheck
from providers.selectors import must_keep_check

from ..forms import check_form
from ..selectors import check_state, checks_by_kind
from ..services import record_check, remove_check
from .common import portal_edit_view, portal_view


def _kind(kind: str) -> str:
    if kind not in ProviderCheck.Kind.values:
        raise Http404
    return kind


@portal_view
def checks(request, *, listing):
    recorded = checks_by_kind(page=listing)
    rows = [(kind, label, recorded.get(kind)) for kind, label in ProviderCheck.Kind.choices]
    return render(request, "providers/portal/checks.html", {"listing": listing, "rows": rows})


@portal_edit_view
def check_edit(request, *, listing, kind):
    kind = _kind(kind)
    check = listing.checks.filter(kind=kind).first()
    form = check_form(kind, request.POST or None, check=check)
    if request.method == "POST" and form.is_valid():
        saved = record_check(page=listing, kind=kind, **form.cleaned_data)
        if saved.expires_on and saved.expires_on < timezone.localdate():
            text = _("%(check)s saved. It has expired, so it will not show on your listing.")
        elif saved.verified_at is not None:  # saved unchanged: still verified
            text = _("%(check)s saved.")
        else:
            text = _("%(check)s saved. A moderator will verify it.")
        messages.success(request, text % {"check": ProviderCheck.Kind(kind).label})
        return redirect("portal:checks")
    return render(
        request,
        "providers/portal/check_edit.html",
        {
            "listing": listing,
            "form": form,
            "check": check,
            "kind": kind,
            "kind_label": ProviderCheck.Kind(kind).label,
            "must_keep": must_keep_check(page=listing, kind=kind),
        },
    )


REMOVE_QUESTIONS = {  # lazily translated: built at import time
    ProviderCheck.Kind.DBS: _l("Remove your DBS check?"),
    ProviderCheck.Kind.INSURANCE: _l("Remove your public liability insurance?"),
    ProviderCheck.Kind.REGULATOR: _l("Remove your registration with the regulator (CQC)?"),
    ProviderCheck.Kind.QUALITY_SCHEME: _l("Remove your quality scheme membership?"),
}


@portal_edit_view
def check_remove(request, *, listing, kind):
    """Asks first (GET); removes on POST (a second POST finds nothing and changes
    nothing). Nothing recorded to remove: back to the checks. A check that must be kept
    (must_keep_check): back to the check, which says so."""
    kind = _kind(kind)
    if must_keep_check(page=listing, kind=kind):
        return redirect("portal:check_edit", kind)
    if request.method == "POST":
        if remove_check(page=listing, kind=kind):
            messages.success(
                request, _("%(check)s removed.") % {"check": ProviderCheck.Kind(kind).label}
            )
        return redirect("portal:checks")
    check = listing.checks.filter(kind=kind).first()
    if check is None:
        return redirect("portal:checks")
    return render(
        request,
        "providers/portal/check_remove.html",
        {
            "listing": listing,
            "kind": kind,
            "kind_label": ProviderCheck.Kind(kind).label,
            "question": REMOVE_QUESTIONS[kind],
            "state": check_state(check=check),
        },
    )

"""Public claim pages at /claim-listing/<listing slug>/ (signed-in providers only)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render

from providers.models import ProviderPage

from .forms import ClaimForm
from .selectors import claim_refusal, draft_to_replace, pending_claim
from .services import ClaimRefused, submit_claim

LOGIN_PATH = "/manage/sign-in/"


def _listing(slug):
    """A live, public listing by its slug (unique: every listing is a child of the one
    directory page)."""
    return get_object_or_404(ProviderPage.objects.live().public(), slug=slug)


@login_required(login_url=LOGIN_PATH)
def claim(request, slug):
    page = _listing(slug)
    if pending_claim(user=request.user, page=page):
        return redirect("claims:sent", slug=page.slug)
    refusal = claim_refusal(user=request.user, page=page)
    if refusal:
        return render(
            request,
            "providers/claims/refused.html",
            {"listing": page, "reason": refusal},
            status=403,
        )
    form = ClaimForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            submit_claim(user=request.user, page=page, message=form.cleaned_data["message"])
        except ClaimRefused as refused:
            return render(
                request,
                "providers/claims/refused.html",
                {"listing": page, "reason": refused.reason},
                status=403,
            )
        return redirect("claims:sent", slug=page.slug)
    context = {"listing": page, "form": form, "replaces": draft_to_replace(user=request.user)}
    return render(request, "providers/claims/claim.html", context)


@login_required(login_url=LOGIN_PATH)
def sent(request, slug):
    page = _listing(slug)
    if not pending_claim(user=request.user, page=page):
        return redirect("claims:claim", slug=page.slug)
    return render(request, "providers/claims/sent.html", {"listing": page})

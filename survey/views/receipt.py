"""With a receipt code: resume a draft, see a submitted response, erase it; and finish, so
this device forgets the response (a shared computer)."""

from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from survey import selectors, services
from survey.forms import EraseForm, ReceiptCodeForm
from survey.models import Response

from . import state
from .answer import _continue_url
from .summary import answer_sections

NOT_FOUND = "We could not find a response with that receipt code. Check it and try again."


def _lookup(request, form):
    """The response for a valid code form, or None with an error added to the form."""
    if state.code_attempts_exhausted(request):
        form.add_error("code", state.TOO_MANY_ATTEMPTS)
        return None
    if not form.is_valid():
        return None
    found = selectors.response_by_receipt(code=form.cleaned_data["code"])
    if found is None:
        state.count_failed_code(request)
        form.add_error("code", NOT_FOUND)
    return found


@require_http_methods(["GET", "POST"])
def resume(request):
    form = ReceiptCodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        found = _lookup(request, form)
        if found is not None:
            code = form.cleaned_data["code"]
            if found.status == Response.Status.SUBMITTED:
                return state.grant_access(request, redirect("survey:your_response"), code)
            if not found.wave.is_open:
                return render(request, "survey/answer/closed.html", {"wave": found.wave})
            return state.remember_draft(request, redirect(_continue_url(found)), code)
    return render(request, "survey/receipt/resume.html", {"form": form})


@require_http_methods(["GET", "POST"])
def your_response(request):
    response = state.accessible(request)
    if response is None:
        form = ReceiptCodeForm(request.POST if request.method == "POST" else None)
        if request.method == "POST":
            found = _lookup(request, form)
            if found is not None:
                code = form.cleaned_data["code"]
                return state.grant_access(request, redirect("survey:your_response"), code)
        return render(request, "survey/receipt/find.html", {"form": form})
    return render(
        request,
        "survey/receipt/your_response.html",
        {"response": response, "sections": answer_sections(response)},
    )


@require_http_methods(["GET", "POST"])
def erase(request):
    response = state.accessible(request)
    if response is None:
        return redirect("survey:your_response")
    form = EraseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["confirm"] != "yes":
            return redirect("survey:your_response")
        services.erase_response(response_id=response.pk)
        return state.forget(redirect("survey:erased"))
    return render(request, "survey/receipt/erase.html", {"form": form, "response": response})


def erased(request):
    return render(request, "survey/receipt/erased.html")


@require_http_methods(["POST"])
def finish(request):
    """Forget the response on this device: its code and answers are no longer shown here."""
    return state.forget(redirect("survey:finished"))


def finished(request):
    return render(request, "survey/receipt/finished.html")

"""Answering the survey: start (open link or invitation), one page per group of
questions, check your answers, submit, confirmation. Thin: rules are in services."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from survey import selectors, services
from survey.forms import STEPS_BY_SLUG, missing_steps, next_step
from survey.models import Invitation, Response

from . import state
from .summary import answer_sections


def _closed(request, wave, status=200):
    return render(request, "survey/answer/closed.html", {"wave": wave}, status=status)


def _question_url(step, change=False):
    url = reverse("survey:question", kwargs={"slug": step.slug})
    return f"{url}?change=1" if change else url


def _continue_url(response):
    step = next_step(response)
    return _question_url(step) if step else reverse("survey:check")


@require_http_methods(["GET", "POST"])
def start(request):
    """The open link: the current wave's introduction and a Start button."""
    wave = selectors.wave_for_start_page()
    if wave is None or not wave.is_open:
        return _closed(request, wave)
    draft, _code = state.current(request)
    if draft is not None and (draft.wave_id != wave.pk or draft.status != Response.Status.DRAFT):
        draft = None
    if request.method == "POST":
        if draft is not None:  # its invitation may have been used by someone else meanwhile
            draft = services.release_spent_invitation(response=draft)
            return redirect(_continue_url(draft))
        draft, code = services.start_response(wave=wave)
        return state.remember_draft(request, redirect(_continue_url(draft)), code)
    return render(
        request, "survey/answer/start.html", {"wave": wave, "draft": draft, "invitation": None}
    )


@require_http_methods(["GET", "POST"])
def invitation(request, token):
    found = (
        Invitation.objects.select_related("wave")
        .filter(token_hash=selectors.hash_code(token))
        .first()
    )
    if found is None:
        return render(request, "survey/answer/invitation_invalid.html", status=404)
    if found.used_at is not None:
        return render(request, "survey/answer/invitation_used.html")
    if not found.wave.is_open:
        return _closed(request, found.wave)
    draft, _code = state.current(request)
    if draft is not None and (
        draft.invitation_id != found.pk or draft.status != Response.Status.DRAFT
    ):
        draft = None
    if request.method == "POST":
        if draft is not None:
            return redirect(_continue_url(draft))
        draft, code = services.start_response(wave=found.wave, invitation=found)
        return state.remember_draft(request, redirect(_continue_url(draft)), code)
    return render(
        request,
        "survey/answer/start.html",
        {"wave": found.wave, "draft": draft, "invitation": found},
    )


def _draft_or_redirect(request):
    """(draft, code, None) or (None, None, an HttpResponse to return)."""
    response, code = state.current(request)
    if response is None:
        return None, None, redirect("survey:start")
    if response.status == Response.Status.SUBMITTED:
        return None, None, redirect("survey:confirmation")
    if not response.wave.is_open:
        return None, None, _closed(request, response.wave)
    return response, code, None


def _after(request, step, response) -> str:
    """Where a saved page of answers leads."""
    if "save_and_exit" in request.POST:
        return reverse("survey:saved")
    following = next_step(response, after=step)
    if request.GET.get("change") == "1":
        # A change that opens a new page (consent given) still asks it.
        if following and following.slug not in response.completed_steps:
            return _question_url(following, change=True)
        return reverse("survey:check")
    return _question_url(following) if following else reverse("survey:check")


@require_http_methods(["GET", "POST"])
def question(request, slug):
    step = STEPS_BY_SLUG.get(slug)
    if step is None:
        raise Http404
    response, code, early = _draft_or_redirect(request)
    if early:
        return early
    if not step.applies(response):
        following = next_step(response, after=step)
        return redirect(_question_url(following) if following else reverse("survey:check"))
    change = request.GET.get("change") == "1"
    if request.method == "POST":
        form = step.form_class(request.POST)
        if form.is_valid():
            response = services.save_answers(
                response=response, step_slug=step.slug, answers=form.answers()
            )
            # Each page saved sets the browser's cookie afresh: its time limit runs from
            # the last answer, not from the start.
            return state.remember_draft(request, redirect(_after(request, step, response)), code)
    else:
        form = step.form_class(initial=step.initial(response))
    steps = [s for s in STEPS_BY_SLUG.values() if s.applies(response)]
    position = steps.index(step) + 1
    return render(
        request,
        "survey/answer/question.html",
        {
            "step": step,
            "form": form,
            "change": change,
            "position": position,
            "total": len(steps),
            "back_url": _question_url(steps[position - 2])
            if position > 1
            else reverse("survey:start"),
            "wave": response.wave,
        },
    )


@require_http_methods(["GET", "POST"])
def check(request):
    response, code, early = _draft_or_redirect(request)
    if early:
        return early
    missing = missing_steps(response)
    if missing:
        return redirect(_question_url(missing[0]))
    if request.method == "POST":
        # An invitation is one response already; anything else counts towards the
        # address's daily limit, checked first so a burst of sends cannot all pass.
        if response.invitation_id is None and not state.count_sent(request):
            return _send_later(request, response, code)
        try:
            services.submit_response(response_id=response.pk)
        except services.WaveNotOpen:
            return _closed(request, response.wave)
        except services.InvitationUsed:  # by someone else: these answers can still go
            return render(request, "survey/answer/invitation_used.html", {"answers_kept": True})
        except services.Incomplete as incomplete:
            return redirect(_question_url(incomplete.steps[0]))
        return redirect("survey:confirmation")
    return render(
        request,
        "survey/answer/check.html",
        {"sections": answer_sections(response), "wave": response.wave},
    )


def _send_later(request, response, code):
    context = {
        "wave": response.wave,
        "limit": settings.SURVEY_RESPONSES_PER_ADDRESS_PER_DAY,
        "receipt_code": services.format_receipt_code(code) if code else "",
    }
    return render(request, "survey/answer/send_later.html", context, status=429)


def confirmation(request):
    response, code = state.current(request)
    if response is None or response.status != Response.Status.SUBMITTED:
        return redirect("survey:start")
    # This browser may see or delete it without typing the code again (state.accessible),
    # until it closes, the cookie expires or the respondent chooses to finish.
    return render(
        request,
        "survey/answer/confirmation.html",
        {"response": response, "receipt_code": services.format_receipt_code(code)},
    )


def saved(request):
    response, code, early = _draft_or_redirect(request)
    if early:
        return early
    return render(
        request,
        "survey/answer/saved.html",
        {
            "response": response,
            "receipt_code": services.format_receipt_code(code),
            "continue_url": _continue_url(response),
        },
    )

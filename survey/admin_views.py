"""Staff screens for survey administrators: issue invitations, erase a response on a
respondent's request (by receipt code), delete a wave that holds no responses. Each
checks its own permission."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import ProtectedError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import FormView
from wagtail.admin.views.generic import DeleteView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import selectors, services
from .admin_forms import EraseByCodeForm, InvitationForm
from .models import Wave


class PermissionRequiredMixin:
    permission = ""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class IssueInvitationsView(PermissionRequiredMixin, WagtailAdminTemplateMixin, FormView):
    permission = "survey.add_invitation"
    page_title = "Issue survey invitations"
    header_icon = "mail"
    template_name = "survey/admin/form.html"
    form_class = InvitationForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["waves"] = Wave.objects.filter(closes_on__gte=timezone.localdate())
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["submit_label"] = _("Send invitations")
        return context

    def form_valid(self, form):
        wave = form.cleaned_data["wave"]
        if not services.claim_invitation_batch(batch=form.cleaned_data["batch"]):
            messages.warning(
                self.request, _("These invitations were sent already: nothing was sent again.")
            )
            return redirect(reverse("survey_admin:invitations"))
        sent, failed = services.send_invitations(wave=wave, emails=form.cleaned_data["emails"])
        if sent:
            messages.success(
                self.request,
                ngettext(
                    "%(count)d invitation sent for %(wave)s.",
                    "%(count)d invitations sent for %(wave)s.",
                    len(sent),
                )
                % {"count": len(sent), "wave": wave},
            )
        if not failed:
            return redirect(reverse("survey_admin:invitations"))
        messages.error(
            self.request,
            _(
                "Could not send to %(addresses)s: the mail server refused or did not answer. "
                "Those addresses are in the box below to try again later."
            )
            % {"addresses": ", ".join(failed)},
        )
        retry = InvitationForm(  # only the failed addresses, with a new batch token
            initial={"wave": wave, "emails": "\n".join(failed)},
            waves=form.fields["wave"].queryset,
        )
        return self.render_to_response(self.get_context_data(form=retry))


class EraseResponseView(PermissionRequiredMixin, WagtailAdminTemplateMixin, FormView):
    """Shows only the wave, status and dates of the response the code unlocks: never its
    answers. Deleting needs the box ticked."""

    permission = "survey.delete_response"
    page_title = "Erase a survey response"
    header_icon = "bin"
    template_name = "survey/admin/form.html"
    form_class = EraseByCodeForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["submit_label"] = _("Find or delete")
        return context

    def form_valid(self, form):
        found = selectors.response_by_receipt(code=form.cleaned_data["code"])
        if found is None:
            form.add_error("code", _("No response has this receipt code"))
            return self.form_invalid(form)
        if not form.cleaned_data["confirm"]:
            return self.render_to_response(self.get_context_data(form=form, found=found))
        services.erase_response(response_id=found.pk)
        messages.success(self.request, _("The response has been deleted."))
        return redirect(reverse("survey_admin:erase"))


class WaveDeleteView(DeleteView):
    """A wave that holds responses, or whose tables are published (planners use them
    after the responses are purged), is not offered for deletion (Response.wave and
    PublishedTable.wave are PROTECT): the page says why, and confirming anyway changes
    nothing."""

    template_name = "survey/admin/wave_confirm_delete.html"

    def refusal(self):
        # Not how many: a live count would show when someone answered an open wave.
        if selectors.wave_has_responses(wave=self.object):
            return _("This wave has responses, so it cannot be deleted.")
        if selectors.wave_is_published(wave=self.object):
            return _(
                "The tables of this wave have been published for workforce planners, "
                "so it cannot be deleted."
            )
        return ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["refusal"] = self.refusal()
        context["published"] = selectors.wave_is_published(wave=self.object)
        return context

    def form_valid(self, form):
        if not self.refusal():
            try:
                return super().form_valid(form)
            except ProtectedError:  # a response arrived since the check
                pass
        messages.error(self.request, self.refusal())
        return redirect(self.get_delete_url())

"""The bulk import screens in the Wagtail admin (Moderators and superusers only):
upload -> dry run report -> import (all-or-nothing, or valid rows only).

The uploaded file is kept in the moderator's session between the dry run and the
import, under a random token; the import re-reads and re-plans it, so what is written
always matches the current database."""

import base64
import secrets

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from providers.selectors import is_moderator
from providers.services import NoDirectoryPage

from . import services
from .readers import MAX_BYTES, FileProblem, read
from .spec import OPTIONAL_COLUMNS, REQUIRED_COLUMNS

SESSION_KEY = "providers_import"
PUBLISH_CHOICES = [
    ("live", _("Publish them (live on the site)")),
    ("draft", _("Save them as drafts (not on the site until published)")),
]


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("File to import"),
        help_text=_(
            "A CSV file in the import format, or an Open Referral UK / HSDS 3.0 JSON feed. Up to 5 MB."
        ),
    )
    publish = forms.ChoiceField(
        label=_("Imported listings"),
        choices=PUBLISH_CHOICES,
        widget=forms.RadioSelect,
        initial="draft",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload


class ConfirmForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput)
    mode = forms.ChoiceField(
        label=_("What to import"),
        widget=forms.RadioSelect,
        choices=[
            (services.ALL_OR_NOTHING, _("Everything, or nothing if any row is bad")),
            (services.VALID_ROWS, _("Only the valid rows (skip the bad ones)")),
        ],
        initial=services.ALL_OR_NOTHING,
    )


class ImportView(WagtailAdminTemplateMixin, View):
    template_name = "providers/imports/import.html"
    page_title = _("Import listings")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not is_moderator(user=request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        limit = settings.IMPORT_SCREEN_MAX_CHANGES
        plan = kwargs.get("plan")
        return super().get_context_data(
            required_columns=REQUIRED_COLUMNS,
            optional_columns=OPTIONAL_COLUMNS,
            max_changes=limit,
            too_many=plan is not None and len(plan.changes) > limit,
            **kwargs,
        )

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get(self, request):
        return self.render_to_response(self.get_context_data(form=UploadForm()))

    def post(self, request):
        if "token" in request.POST:
            return self.confirm(request)
        form = UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        upload = form.cleaned_data["file"]
        content = upload.read()
        publish = form.cleaned_data["publish"] == "live"
        context = {"form": form, "filename": upload.name, "publish": publish}
        try:
            parsed = read(content, filename=upload.name)
        except FileProblem as problem:
            return self.render_to_response(
                self.get_context_data(file_problem=str(problem), **context)
            )
        token = secrets.token_urlsafe(16)
        request.session[SESSION_KEY] = {
            "token": token,
            "filename": upload.name,
            "publish": publish,
            "content": base64.b64encode(content).decode("ascii"),
        }
        result = services.plan(parsed, publish=publish)
        confirm = ConfirmForm(initial={"token": token})
        return self.render_to_response(
            self.get_context_data(plan=result, confirm=confirm, **context)
        )

    def confirm(self, request):
        stored = request.session.get(SESSION_KEY) or {}
        form = ConfirmForm(request.POST)
        if not form.is_valid() or stored.get("token") != form.cleaned_data["token"]:
            messages.error(
                request, _("That import has expired or was already done. Upload the file again.")
            )
            return redirect("providers_import")
        parsed = read(base64.b64decode(stored["content"]), filename=stored["filename"])
        try:
            result = services.apply(
                parsed,
                mode=form.cleaned_data["mode"],
                publish=stored["publish"],
                user=request.user,
                max_changes=settings.IMPORT_SCREEN_MAX_CHANGES,
            )
        except services.TooManyChanges:
            messages.error(request, _("Nothing was imported: the file has too many changes."))
            return redirect("providers_import")
        except services.NothingImported:
            result = services.plan(parsed, publish=stored["publish"])
            context = {
                "plan": result,
                "confirm": form,
                "filename": stored["filename"],
                "publish": stored["publish"],
                "nothing_imported": True,
                "form": UploadForm(),
            }
            return self.render_to_response(self.get_context_data(**context))
        except NoDirectoryPage:
            messages.error(request, _("There is no directory page to put listings under."))
            return redirect("providers_import")
        del request.session[SESSION_KEY]
        messages.success(
            request,
            _(
                "Import done: %(created)s created, %(updated)s updated, %(unchanged)s unchanged, %(skipped)s skipped."
            )
            % {
                "created": result.count("create"),
                "updated": result.count("update"),
                "unchanged": result.count("unchanged"),
                "skipped": result.count("error"),
            },
        )
        return redirect(reverse("providers_import"))

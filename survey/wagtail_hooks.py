"""The survey in the Wagtail admin: waves (a model viewset), invitations and erasure.
Only survey administrators (and superusers) hold the permissions these check; raw
responses have no listing anywhere in the admin."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .admin_forms import WaveForm
from .admin_views import EraseResponseView, IssueInvitationsView, WaveDeleteView
from .models import Invitation, Response, Wave

for model in (Wave, Invitation, Response):
    register_permission_policy(model, ModelPermissionPolicy(model))


class WaveViewSet(ModelViewSet):
    model = Wave
    form_fields = ["title", "opens_on", "closes_on", "introduction", "privacy_notice"]
    list_display = ["title", "opens_on", "closes_on", "status"]
    icon = "form"
    menu_label = _("Survey waves")
    menu_order = 900
    add_to_admin_menu = True
    name = "survey_waves"
    inspect_view_enabled = False
    copy_view_enabled = False
    delete_view_class = WaveDeleteView

    def get_form_class(self, for_update=False):
        return WaveForm


@hooks.register("register_admin_viewset")
def register_wave_viewset():
    return WaveViewSet()


admin_urls = (
    [
        path("invitations/", IssueInvitationsView.as_view(), name="invitations"),
        path("erase/", EraseResponseView.as_view(), name="erase"),
    ],
    "survey_admin",
)


@hooks.register("register_admin_urls")
def register_survey_admin_urls():
    return [path("survey/", include(admin_urls))]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_menu_item")
def register_invitations_menu_item():
    return PermissionMenuItem(
        _("Survey invitations"),
        reverse("survey_admin:invitations"),
        icon_name="mail",
        order=901,
        permission="survey.add_invitation",
    )


@hooks.register("register_admin_menu_item")
def register_erase_menu_item():
    return PermissionMenuItem(
        _("Erase a survey response"),
        reverse("survey_admin:erase"),
        icon_name="bin",
        order=902,
        permission="survey.delete_response",
    )


@hooks.register("register_admin_viewset")
def register_download_log_viewset():
    from .admin_downloads import DownloadRecordViewSet  # the tables helper's part

    return DownloadRecordViewSet()

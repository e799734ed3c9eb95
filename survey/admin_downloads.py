"""The download log in the Wagtail admin: read-only, for superusers and survey
administrators (who hold survey.view_downloadrecord). Nobody can add, edit or delete a
record through the admin."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import DownloadRecord


class ReadOnlyPolicy(ModelPermissionPolicy):
    READ_ONLY = {"view"}

    def user_has_permission(self, user, action):
        return action in self.READ_ONLY and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a in self.READ_ONLY])


register_permission_policy(DownloadRecord, ReadOnlyPolicy(DownloadRecord))


class DownloadRecordViewSet(ModelViewSet):
    model = DownloadRecord
    icon = "download"
    menu_label = _("Survey downloads")
    menu_order = 903
    add_to_admin_menu = True
    name = "survey_downloads"
    list_display = ["downloaded_at", "username", "wave_title", "table", "format"]
    list_filter = ["format", "table"]
    search_fields = ["username", "wave_title", "table"]
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = []

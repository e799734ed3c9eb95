"""Wagtail's Reports -> Site history: its User filter lists only the accounts whose
actions the viewer may see.

Wagtail 8's SiteHistoryReportFilterSet restricts the users through `get_user_choices`,
but its base class (HistoryFilterSet) now asks `get_users_queryset`, which lists everyone
with a line in any page's history. So any staff account, a workforce analyst with no page
permissions included, saw every provider account's email address there. Wagtail has no
hook for its report views, so this points the method it calls at the restricted list."""


def restrict_site_history_users() -> None:
    """Called from HomeConfig.ready()."""
    from wagtail.admin.views.reports.audit_logging import (
        SiteHistoryReportFilterSet,
        get_users_for_filter,
    )

    def get_users_queryset(self):
        return get_users_for_filter(self.request.user)

    SiteHistoryReportFilterSet.get_users_queryset = get_users_queryset

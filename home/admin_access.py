"""Which of Wagtail's admin routes a member of staff may open (design decision 2: the
admin's side routes must not show pages to staff who have no business with them).

Several of Wagtail's page routes show titles or moderation states without asking for any
page permission: the move confirmation, the bulk action confirmations (which list, by
title, the pages the user may *not* act on, and with `id=all&q=` search the whole tree)
and the "cancel workflow?" dialog. So every page route (the explorer and all of
/admin/pages/) needs a page permission, and every bulk action some permission over its
model (a photo's title is its description). Enforced by home.middleware.AdminRoutesMiddleware."""

from django.apps import apps
from wagtail.models import PAGE_PERMISSION_TYPES, Page
from wagtail.permissions import policy_registry

PAGE_ACTIONS = {action for action, _label, _description in PAGE_PERMISSION_TYPES}
MODEL_ACTIONS = {"add", "change", "delete", "choose", "view"}
EXPLORER = {"wagtailadmin_explore_root", "wagtailadmin_explore", "wagtailadmin_explore_results"}


def has_any_permission(user, model) -> bool:
    """Superusers, and staff who hold any permission over `model` (for pages: any page
    permission on any page)."""
    actions = PAGE_ACTIONS if issubclass(model, Page) else MODEL_ACTIONS
    return policy_registry.get_by_type(model).user_has_any_permission(user, actions)


def has_page_permissions(user) -> bool:
    """Superusers, and staff whose groups hold any page permission (moderators, editors)."""
    return has_any_permission(user, Page)


def guarded_model(match):
    """The model whose items an admin route shows, for the routes guarded here (else None):
    Page for the explorer and /admin/pages/, the action's model for a bulk action."""
    if match is None:
        return None
    if "wagtailadmin_pages" in match.namespaces or match.url_name in EXPLORER:
        return Page
    if match.url_name == "wagtail_bulk_action":
        try:
            return apps.get_model(match.kwargs["app_label"], match.kwargs["model_name"])
        except LookupError:
            return None  # Wagtail answers 404
    return None

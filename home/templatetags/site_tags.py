from django import template
from wagtail.models import Page, Site

register = template.Library()


@register.inclusion_tag("components/service_navigation.html", takes_context=True)
def service_navigation(context):
    """Top-level pages marked "show in menus", with the current section marked."""
    request = context["request"]
    site = Site.find_for_request(request)
    current = context.get("page")
    items = []
    if site is not None:
        root = site.root_page
        for page in Page.objects.child_of(root).live().public().in_menu().specific(defer=True):
            is_current = current is not None and current.pk == page.pk
            is_active = current is not None and current.path.startswith(page.path)
            items.append({"page": page, "current": is_current, "active": is_active})
    return {"items": items, "request": request}


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """Ancestors below the site root, home first; nothing on the home page itself."""
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"ancestors": []}
    ancestors = Page.objects.ancestor_of(page).filter(depth__gte=2).live().order_by("depth")
    return {"ancestors": list(ancestors)}

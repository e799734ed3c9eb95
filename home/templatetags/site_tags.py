from django import template
from wagtail.models import Site

from home import shell

register = template.Library()


@register.inclusion_tag("components/service_navigation.html", takes_context=True)
def service_navigation(context):
    """Top-level pages marked "show in menus", with the current section marked."""
    request = context["request"]
    current = context.get("page")
    items = []
    for link in shell.site_shell(Site.find_for_request(request))["menu"]:
        is_current = current is not None and current.path == link.path
        is_active = current is not None and current.path.startswith(link.path)
        items.append({"link": link, "current": is_current, "active": is_active})
    return {"items": items, "request": request}


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """Ancestors below the site root, home first; nothing on the home page itself."""
    page = context.get("page")
    return {"ancestors": shell.breadcrumbs(page) if page is not None else []}

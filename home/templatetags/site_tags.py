import re

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


UK_TRUNK_ZERO = re.compile(r"^\+44\s*(\(\s*0\s*\)|0)")


@register.filter
def tel_href(phone) -> str:
    """A phone number as a tel: link dials it: "+44 (0) 1632-960001" -> "tel:+441632960001",
    "01375 123456" -> "tel:01375123456". Only digits and a leading + are kept, and the
    trunk 0 that must not be dialled after the +44 country code is dropped."""
    text = UK_TRUNK_ZERO.sub("+44", str(phone or "").strip())
    digits = "".join(c for c in text if c in "0123456789")
    return f"tel:{'+' if text.startswith('+') else ''}{digits}"

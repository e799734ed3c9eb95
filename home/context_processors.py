from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from .shell import site_shell


def shell(request):
    """`shell`: the cached site shell (home/shell.py), read only when a template uses it."""
    return {"shell": SimpleLazyObject(lambda: site_shell(Site.find_for_request(request)))}

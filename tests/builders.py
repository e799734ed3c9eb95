"""Plain functions that build test data. Each takes keyword arguments with sensible defaults."""

import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page, Site

from home.models import HomePage, StandardPage

_counter = itertools.count(1)
PASSWORD = "a-long-test-password-1"


def build_home(
    *, title="Find care and support near you", introduction="<p>Welcome.</p>"
) -> HomePage:
    """A live HomePage at the root of the default site (replacing Wagtail's stock page)."""
    root = Page.get_first_root_node()
    Page.objects.child_of(root).exact_type(Page).delete()
    home = HomePage(title=title, slug=f"home-{next(_counter)}", introduction=introduction)
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": title},
    )
    return home


def build_standard_page(
    *, parent, title=None, summary="A short summary.", body=None, show_in_menus=False, live=True
) -> StandardPage:
    n = next(_counter)
    page = StandardPage(
        title=title or f"Guidance page {n}",
        slug=f"guidance-{n}",
        summary=summary,
        body=body if body is not None else [{"type": "paragraph", "value": "<p>Body text.</p>"}],
        show_in_menus=show_in_menus,
        live=live,
    )
    parent.add_child(instance=page)
    if live:
        page.save_revision().publish()
    return page


def build_user(*, username=None, email=None, password=PASSWORD, groups=(), superuser=False):
    n = next(_counter)
    user = get_user_model().objects.create_user(
        username=username or f"user{n}",
        email=email or f"user{n}@example.org",
        password=password,
        is_superuser=superuser,
        is_staff=superuser,
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


def build_postcode(
    *, postcode="RM17 5SW", easting=561234, northing=178901, district_code="E06000034"
):
    """A Postcode row (district codes come from the councils migration), and its
    OutwardCode recomputed from the postcodes now stored."""
    from providers.geography.models import Postcode
    from providers.geography.selectors import normalise_postcode
    from providers.geography.services import refresh_outward_code

    normalised = normalise_postcode(postcode)
    if normalised is None or " " not in normalised:
        raise ValueError(f"not a full postcode: {postcode!r}")
    row, _created = Postcode.objects.update_or_create(
        postcode=normalised,
        defaults={"easting": easting, "northing": northing, "district_id": district_code},
    )
    refresh_outward_code(normalised.split(" ")[0])
    return row

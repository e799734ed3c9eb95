"""Demo site shell: page tree, guidance pages, settings and staff logins.

Idempotent: each object is looked up by a stable key and created only when missing,
so a second run adds nothing and never overwrites what an editor changed."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Page, Site

from directory.models import DirectoryPage
from providers.services import ensure_moderation_workflow

from .demo_content import GUIDANCE_PAGES, HOME_INTRODUCTION, ROUTES
from .models import HomePage, SiteSettings, StandardPage


@dataclass(frozen=True)
class DemoLogin:
    username: str
    password: str
    role: str
    groups: tuple[str, ...] = ()
    superuser: bool = False


STAFF_LOGINS = [
    DemoLogin("admin", "demo-admin-pass", "Administrator (everything)", superuser=True),
    DemoLogin("moderator", "demo-moderator-pass", "Moderator", ("Moderators",)),
    DemoLogin("analyst", "demo-analyst-pass", "Workforce analyst", ("Analysts",)),
    DemoLogin(
        "surveyadmin", "demo-surveyadmin-pass", "Survey administrator", ("Survey administrators",)
    ),
]


@transaction.atomic
def seed_site() -> HomePage:
    home = _home_page()
    pages = {
        slug: _guidance_page(home, slug, title, summary, menu, body)
        for slug, title, summary, menu, body in GUIDANCE_PAGES
    }
    pages["find-support"] = _directory_page(home)
    if not home.routes:
        home.routes = [
            (kind, _route(heading=heading, text=text, target=target, pages=pages))
            for kind, heading, text, target in ROUTES
        ]
        home.save_revision().publish()
    _site_settings(home, pages)
    return home


def seed_staff_logins() -> list[DemoLogin]:
    User = get_user_model()
    for login in STAFF_LOGINS:
        user, created = User.objects.get_or_create(
            username=login.username,
            defaults={
                "email": f"{login.username}@example.org",
                "first_name": login.role.split(" ")[0],
                "is_staff": login.superuser,
                "is_superuser": login.superuser,
            },
        )
        if created:
            user.set_password(login.password)
            user.save(update_fields=["password"])
        for name in login.groups:
            user.groups.add(Group.objects.get_or_create(name=name)[0])
    return STAFF_LOGINS


def _home_page() -> HomePage:
    root = Page.get_first_root_node()
    home = HomePage.objects.child_of(root).first()
    if home is not None:
        return home
    # Wagtail's migration leaves a stock "Welcome" page at slug "home": replace it.
    for stock in Page.objects.child_of(root).filter(slug="home").exact_type(Page):
        stock.delete()
    home = HomePage(
        title="Find care and support near you", slug="home", introduction=HOME_INTRODUCTION
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Find care and support near you",
        )
    else:
        site.root_page = home
        site.save(update_fields=["root_page"])
    return home


def _route(*, heading, text, target, pages) -> dict:
    """A route to a seeded page (by slug) or to a path on this site ("/manage/")."""
    if target.startswith("/"):
        return {"heading": heading, "text": text, "page": None, "url": target}
    return {"heading": heading, "text": text, "page": pages[target]}


def _directory_page(home) -> DirectoryPage:
    page = DirectoryPage.objects.child_of(home).first()
    if page is None:
        page = DirectoryPage(
            title="Find support",
            slug="find-support",
            show_in_menus=True,
            introduction=(
                "<p>Search for self-employed care and support workers and Shared Lives "
                "schemes near you. Enter a postcode and choose what you need.</p>"
            ),
        )
        home.add_child(instance=page)
        page.save_revision().publish()
    ensure_moderation_workflow(directory=page)
    return page


def _guidance_page(home, slug, title, summary, show_in_menus, body) -> StandardPage:
    page = StandardPage.objects.child_of(home).filter(slug=slug).first()
    if page is None:
        page = StandardPage(
            title=title, slug=slug, summary=summary, body=body, show_in_menus=show_in_menus
        )
        home.add_child(instance=page)
        page.save_revision().publish()
    return page


def _site_settings(home, pages) -> None:
    site = Site.objects.get(root_page=home)
    settings_obj = SiteSettings.for_site(site)
    if settings_obj.contact_email:
        return
    settings_obj.organisation_name = "Thurrock Local Area Coordination network (demo)"
    settings_obj.contact_email = "support@example.org"
    settings_obj.contact_phone = "01375 000 000"
    settings_obj.phone_hours = "Monday to Friday, 9am to 5pm"
    settings_obj.accessibility_page = pages["accessibility-statement"]
    settings_obj.privacy_page = pages["privacy-notice"]
    settings_obj.contact_page = pages["contact"]
    settings_obj.save()

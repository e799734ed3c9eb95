"""The site shell every public page carries — service name, contact details, footer links,
service navigation, breadcrumbs — and the page view restrictions Wagtail checks before
serving a page, read from the cache so that they cost no queries on a warm cache.

Everything here is keyed by a version (`shell_version`). Publishing, unpublishing,
moving, aliasing or deleting a page, or changing the site settings, a site or a view
restriction starts a new version (`forget_shell`, wired in home/signals.py), so the next
request rebuilds what it needs. Entries also expire after `TIMEOUT` seconds as a backstop
for writes that send no signal (bulk updates). With several app servers the cache must be
shared (REDIS_URL), as for the rest of the site."""

import pickle
import uuid
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Q
from django.http import Http404
from django.http.request import split_domain_port
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.models.sites import get_site_for_hostname

VERSION_KEY = "home:shell-version"
TIMEOUT = 3600


def shell_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VERSION_KEY) or ""
    return version


def forget_shell() -> None:
    """Start a new version: every cached shell entry is rebuilt on its next read."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def _cached(key: str, build):
    full_key = f"home:shell:{shell_version()}:{key}"
    value = cache.get(full_key)
    if value is None:
        value = build()
        cache.set(full_key, value, TIMEOUT)
    return value


_SITE_FIELDS = [field.attname for field in Site._meta.concrete_fields]
_NOT_LOOKED_UP = object()
MEMO_SIZE = 100  # entries per kind: sites (allowed host names) and top-level pages
# This process's lookups for one shell version: (version, {kind: {key: value}}).
# Replaced whole when the version moves on, so threads never see a half-cleared dict.
_memo: tuple[str, dict] = ("", {})


def _process_memo(kind: str) -> dict:
    global _memo
    version = shell_version()
    memo_version, memos = _memo
    if memo_version != version:
        memos = {}
        _memo = (version, memos)
    return memos.setdefault(kind, {})


def find_site(request) -> Site | None:
    """The Wagtail site answering `request`, as Site.find_for_request finds it, but
    remembered per process for the current shell version: Wagtail's lookup builds a
    CASE query and a root page on every request (~3 ms). Each request gets its own Site
    instance, and its own copy of the site's root page (see page_copy)."""
    sites = _process_memo("sites")
    key = (split_domain_port(request.get_host())[0], request.get_port())
    row = sites.get(key, _NOT_LOOKED_UP)
    if row is _NOT_LOOKED_UP:
        try:
            site = get_site_for_hostname(*key)
        except Site.DoesNotExist:
            site = None
        row = site and tuple(getattr(site, name) for name in _SITE_FIELDS)
        if len(sites) < MEMO_SIZE:  # host names are allowed ones (CommonMiddleware): few
            sites[key] = row
    if row is None:
        return None
    site = Site.from_db("default", _SITE_FIELDS, row)
    root_id = site.root_page_id
    root = page_copy(("page", root_id), lambda: Page.objects.filter(pk=root_id).first())
    if root is not None:
        site.root_page = root
    return site


def page_copy(key, find) -> Page | None:
    """The specific page `find()` returns (None if it finds none), remembered per
    process for the current shell version under `key`. For the few pages every request
    routes through, the root page and its children: Wagtail reads each of them twice
    (base and specific rows) on every request, ~3 ms before the view starts. Each call
    returns its own copy, so nothing one request sets on a page reaches another."""
    pages = _process_memo("pages")
    pickled = pages.get(key)
    if pickled is None:
        page = find()
        if page is None:  # not remembered: a mistyped address costs a query, as before
            return None
        pickled = pickle.dumps(page.specific)
        if len(pages) < MEMO_SIZE:
            pages[key] = pickled
    return pickle.loads(pickled)  # noqa: S301 (bytes this process pickled itself)


class CachedRouteMixin:
    """For a site's root page: route to its children through page_copy. What changes
    a child's route (publishing, unpublishing, moving, deleting) starts a new shell
    version, as it changes the menu."""

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        slug, rest = path_components[0], path_components[1:]
        child = page_copy(
            ("child", self.pk, slug), lambda: self.get_children().filter(slug=slug).first()
        )
        if child is None:
            raise Http404
        child._cached_parent_obj = self  # as Wagtail's own route does: no query for it
        return child.route(request, rest)


@dataclass(frozen=True)
class Link:
    title: str
    url: str
    path: str = ""  # the page's tree path, for marking the current section


def site_shell(site: Site | None) -> dict:
    """The header and footer of `site`: service and organisation names, contact
    details, footer links and the service navigation (live, public top-level pages
    marked "show in menus")."""
    if site is None:
        return _build_site_shell(None)
    return _cached(f"site:{site.pk}", lambda: _build_site_shell(site))


def _build_site_shell(site: Site | None) -> dict:
    from .models import SiteSettings

    # (Not SiteSettings.for_site: that creates the row, and a read should not write.)
    settings = (site and SiteSettings.objects.filter(site=site).first()) or SiteSettings()
    footer = []
    for label, page in (
        ("accessibility", settings.accessibility_page),
        ("privacy", settings.privacy_page),
        ("contact", settings.contact_page),
    ):
        if page is not None and page.live:
            footer.append((label, page.get_url()))
    menu = []
    if site is not None:
        pages = site.root_page.get_children().live().public().in_menu()
        menu = [Link(page.title, page.get_url(), page.path) for page in pages]
    return {
        "service_name": settings.service_name,
        "organisation_name": settings.organisation_name,
        "contact_email": settings.contact_email,
        "contact_phone": settings.contact_phone,
        "phone_hours": settings.phone_hours,
        "footer_links": dict(footer),
        "menu": menu,
    }


def breadcrumbs(page: Page) -> list[Link]:
    """Live ancestors of `page` below the tree root (the home page first); none on the
    home page itself."""
    if page.depth <= 2:
        return []
    # Keyed by the parent: siblings (every listing under the directory) share one entry.
    return _cached(f"crumbs:{page.path[: -Page.steplen]}", lambda: _build_breadcrumbs(page))


def _build_breadcrumbs(page: Page) -> list[Link]:
    ancestors = page.get_ancestors().filter(depth__gte=2).live().order_by("depth")
    return [Link(ancestor.title, ancestor.get_url(), ancestor.path) for ancestor in ancestors]


def view_restriction_ids(page: Page) -> list[int]:
    """The ids of the view restrictions that apply to `page` — on the page or an
    ancestor, through an alias to its source as Wagtail's own Page.get_view_restrictions
    resolves them — from one cached map of every restriction and alias in the tree."""
    index = _cached("restrictions", _build_restriction_index)
    if not index["by_path"] and not index["by_page"]:
        return []
    steplen = Page.steplen
    paths = [page.path[:end] for end in range(steplen, len(page.path) + 1, steplen)]
    found = []
    for path in paths:
        if path in index["aliases"]:
            found += _through_aliases(index, index["aliases"][path])
        else:
            found += index["by_path"].get(path, [])
    return sorted(set(found))


def public_q() -> Q:
    """Pages under no view restriction: Wagtail's PageQuerySet.public() as a filter built
    from the cached restriction map (public() reads the restrictions from the database
    each time it is called; 10 ms on SQLite beside 100,000 pages)."""
    index = _cached("restrictions", _build_restriction_index)
    q = Q()
    for path in sorted(index["by_path"]):
        q &= ~Q(path__startswith=path)
    return q


def _through_aliases(index: dict, page_id: int) -> list[int]:
    seen = set()
    while page_id in index["alias_ids"] and page_id not in seen:
        seen.add(page_id)
        page_id = index["alias_ids"][page_id]
    return index["by_page"].get(page_id, [])


def _build_restriction_index() -> dict:
    by_path: dict[str, list[int]] = {}
    by_page: dict[int, list[int]] = {}
    for pk, page_id, path in PageViewRestriction.objects.values_list("pk", "page_id", "page__path"):
        by_path.setdefault(path, []).append(pk)
        by_page.setdefault(page_id, []).append(pk)
    aliases = Page.objects.filter(alias_of__isnull=False).values_list("pk", "path", "alias_of_id")
    return {
        "by_path": by_path,
        "by_page": by_page,
        "aliases": {path: source for _pk, path, source in aliases},
        "alias_ids": {pk: source for pk, _path, source in aliases},
    }


class CachedViewRestrictionsMixin:
    """For page models: Wagtail checks `get_view_restrictions()` before serving every
    page (two queries); this answers from the cached restriction map, and the queryset
    it returns runs no query at all when nothing restricts the page."""

    def get_view_restrictions(self):
        return PageViewRestriction.objects.filter(pk__in=view_restriction_ids(self))

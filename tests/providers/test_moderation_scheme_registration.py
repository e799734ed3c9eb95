"""A Shared Lives scheme goes live only once its registration with the regulator (CQC) is
recorded: the portal asks for it before sending, and a moderator publishing in the Wagtail
admin is held to the same rule, in the page editor and in the bulk "Publish" action."""

from django.contrib.messages import get_messages
from django.urls import reverse

from providers.models import ProviderPage
from tests import builders

from .admin_edit import publish_in_editor

RULE = "registration with the regulator (CQC)"


def scheme_draft(directory, **fields):
    return builders.build_provider(
        directory=directory, title="Hearth Shared Lives", kind="shared_lives", live=False, **fields
    )


def said(response) -> str:
    return " ".join(str(m) for m in get_messages(response.wsgi_request))


def test_the_editor_keeps_an_unregistered_scheme_as_a_draft(
    client, moderator, directory, thurrock_postcodes
):
    scheme = scheme_draft(directory)
    client.force_login(moderator)

    response = publish_in_editor(client, scheme, summary="Long-term homes with carers.")

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[scheme.pk])
    assert "Saved as a draft, not published." in said(response) and RULE in said(response)
    page = ProviderPage.objects.get(pk=scheme.pk)
    assert not page.live
    assert page.get_latest_revision_as_object().summary == "Long-term homes with carers."


def test_the_editor_publishes_a_scheme_once_its_registration_is_recorded(
    client, moderator, directory, thurrock_postcodes
):
    scheme = scheme_draft(directory)
    builders.build_check(page=scheme, kind="regulator", verified=False, reference="1-1234567")
    client.force_login(moderator)

    publish_in_editor(client, scheme)

    assert ProviderPage.objects.get(pk=scheme.pk).live


def test_the_editor_still_publishes_a_micro_enterprise_without_one(
    client, moderator, directory, thurrock_postcodes
):
    listing = builders.build_provider(directory=directory, live=False)
    client.force_login(moderator)

    publish_in_editor(client, listing)

    assert ProviderPage.objects.get(pk=listing.pk).live


def bulk_publish(client, pages, *, include_descendants=False):
    ids = "&".join(f"id={page.pk}" for page in pages)
    url = f"/admin/bulk/wagtailcore/page/publish/?{ids}&next=/admin/pages/"
    data = {"include_descendants": "on"} if include_descendants else {}
    return client.post(url, data)


def test_bulk_publish_publishes_nothing_when_a_scheme_is_unregistered(
    client, moderator, directory, thurrock_postcodes
):
    scheme = scheme_draft(directory)
    listing = builders.build_provider(directory=directory, title="Brook Care", live=False)
    client.force_login(moderator)

    response = bulk_publish(client, [listing, scheme])

    assert response.status_code == 302 and response["Location"] == "/admin/pages/"
    assert "Nothing was published (“Hearth Shared Lives”)." in said(response)
    assert not ProviderPage.objects.filter(live=True).exists()


def test_bulk_publish_with_descendants_checks_the_drafts_below(
    client, moderator, directory, thurrock_postcodes
):
    scheme_draft(directory)
    client.force_login(moderator)

    response = bulk_publish(client, [directory], include_descendants=True)

    assert "Nothing was published (“Hearth Shared Lives”)." in said(response)
    assert not ProviderPage.objects.filter(live=True).exists()


def test_bulk_publish_goes_ahead_for_registered_schemes(
    client, moderator, directory, thurrock_postcodes
):
    scheme = scheme_draft(directory)
    builders.build_check(page=scheme, kind="regulator", reference="1-1234567")
    client.force_login(moderator)

    bulk_publish(client, [directory], include_descendants=True)

    assert ProviderPage.objects.get(pk=scheme.pk).live

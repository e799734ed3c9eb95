"""The enquiries inbox: unread first, newest first; opening one marks it read; another
provider's enquiry is simply not found."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from providers.models import Enquiry
from tests import builders


def test_inbox_lists_unread_first_then_newest(provider_client, listing):
    old_unread = builders.build_enquiry(page=listing, name="Old Unread")
    new_read = builders.build_enquiry(page=listing, name="New Read", read=True)
    new_unread = builders.build_enquiry(page=listing, name="New Unread")
    Enquiry.objects.filter(pk=old_unread.pk).update(created_at=timezone.now() - timedelta(days=3))

    html = provider_client.get(reverse("portal:enquiries")).content.decode()

    positions = [html.index(e.name) for e in (new_unread, old_unread, new_read)]
    assert positions == sorted(positions)
    assert html.count(">New<") == 2


def test_enquiry_times_read_the_gov_uk_way(provider_client, listing):
    from datetime import datetime

    enquiry = builders.build_enquiry(page=listing, name="Timed")
    when = timezone.make_aware(datetime(2026, 12, 7, 18, 39))
    Enquiry.objects.filter(pk=enquiry.pk).update(created_at=when)

    inbox = provider_client.get(reverse("portal:enquiries")).content.decode()
    opened = provider_client.get(reverse("portal:enquiry", args=[enquiry.pk])).content.decode()

    assert "7 December 2026, 6:39pm" in inbox and "7 December 2026, 6:39pm" in opened


def test_an_empty_inbox_says_so(provider_client, listing):
    html = provider_client.get(reverse("portal:enquiries")).content.decode()
    assert "You have no enquiries yet" in html


def test_opening_an_enquiry_marks_it_read(provider_client, listing):
    enquiry = builders.build_enquiry(page=listing, message="Could you visit on Tuesdays?")

    response = provider_client.get(reverse("portal:enquiry", args=[enquiry.pk]))

    assert "Could you visit on Tuesdays?" in response.content.decode()
    enquiry.refresh_from_db()
    assert enquiry.read_at is not None


def test_another_providers_enquiry_is_not_found_and_stays_unread(
    provider_client, listing, other_listing
):
    theirs = builders.build_enquiry(page=other_listing, message="Private to them")

    response = provider_client.get(reverse("portal:enquiry", args=[theirs.pk]))

    assert response.status_code == 404
    assert "Private to them" not in response.content.decode()
    theirs.refresh_from_db()
    assert theirs.read_at is None
    assert (
        "Private to them" not in provider_client.get(reverse("portal:enquiries")).content.decode()
    )


def test_the_inbox_makes_a_bounded_number_of_queries(
    provider_client, listing, django_assert_max_num_queries
):
    for _n in range(30):
        builders.build_enquiry(page=listing)
    provider_client.get(reverse("portal:enquiries"))

    with django_assert_max_num_queries(12):
        response = provider_client.get(reverse("portal:enquiries"))

    assert response.content.decode().count('href="/manage/enquiries/') == 20


def test_a_provider_deletes_an_enquiry_after_confirming(provider_client, listing):
    enquiry = builders.build_enquiry(page=listing, name="Jane Doe", message="My dad needs help")
    url = reverse("portal:enquiry_delete", args=[enquiry.pk])

    opened = provider_client.get(reverse("portal:enquiry", args=[enquiry.pk])).content.decode()
    asked = provider_client.get(url)
    response = provider_client.post(url, follow=True)

    assert f'href="{url}"' in opened
    assert "Delete the enquiry from Jane Doe?" in asked.content.decode()
    assert Enquiry.objects.filter(pk=enquiry.pk).exists() is False
    html = response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("portal:enquiries")
    assert "Enquiry from Jane Doe deleted." in html and "My dad needs help" not in html
    # Sent twice (a double click): nothing left to delete, no error.
    assert provider_client.post(url).status_code == 404


def test_another_provider_cannot_delete_an_enquiry(provider_client, listing, other_listing):
    theirs = builders.build_enquiry(page=other_listing, message="Private to them")

    response = provider_client.post(reverse("portal:enquiry_delete", args=[theirs.pk]))

    assert response.status_code == 404
    assert Enquiry.objects.filter(pk=theirs.pk).exists()


def test_old_enquiries_are_deleted_after_the_retention_period(listing, settings):
    settings.ENQUIRY_RETENTION_DAYS = 365
    old = builders.build_enquiry(page=listing, name="Old")
    recent = builders.build_enquiry(page=listing, name="Recent")
    Enquiry.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=366))
    Enquiry.objects.filter(pk=recent.pk).update(created_at=timezone.now() - timedelta(days=364))

    call_command("delete_old_enquiries", stdout=StringIO())

    assert list(Enquiry.objects.values_list("name", flat=True)) == ["Recent"]

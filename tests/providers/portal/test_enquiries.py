"""The enquiries inbox: unread first, newest first; opening one marks it read; another
provider's enquiry is simply not found."""

from datetime import timedelta

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

"""The dashboard says what state the listing is in and what to do next."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from providers.models import ProviderPage
from providers.portal.selectors import Status, listing_state
from providers.services import create_draft_listing
from tests import builders

DASHBOARD = reverse("portal:dashboard")


def test_a_new_draft_listing(client, directory):
    user = builders.build_user()
    page = create_draft_listing(user=user, name="Brand New Care")
    client.force_login(user)

    html = client.get(DASHBOARD).content.decode()

    assert listing_state(page=page).status == Status.DRAFT
    assert "Brand New Care" in html
    assert "Draft" in html
    assert "Your listing is not published yet" in html
    assert "Write a short summary of what you do" in html
    assert "Confirm my listing is still right" not in html


def test_a_live_listing_links_to_every_section(provider_client, listing):
    response = provider_client.get(DASHBOARD)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Live" in html
    assert "Your listing is published" in html
    for name in (
        "edit_about",
        "edit_offer",
        "edit_prices",
        "edit_availability",
        "edit_where",
        "edit_contact",
        "photos",
        "checks",
        "enquiries",
        "preview",
    ):
        assert f'href="{reverse(f"portal:{name}")}"' in html
    assert "Send for approval" not in html  # nothing to submit
    assert "RM17 5SW" not in html or "Grays, Thurrock (RM17)" in html


@pytest.mark.parametrize(
    ("prices", "shown"),
    [
        ({"price_per_hour": "20"}, "£20 an hour"),
        (
            {"price_per_hour": None, "price_per_session": "74.50", "price_per_night": "74"},
            "£74.50 a session, £74 a night",
        ),
    ],
)
def test_the_prices_row_shows_every_price_set(client, directory, thurrock_postcodes, prices, shown):
    user = builders.build_user()
    builders.build_provider(directory=directory, owner=user, **prices)
    client.force_login(user)

    html = client.get(DASHBOARD).content.decode()

    assert shown in html and "£20.00" not in html


def test_live_with_unsubmitted_changes_offers_to_send_them(provider_client, listing):
    provider_client.post(
        reverse("portal:edit_about"), {"title": "Sunrise Support", "summary": "New."}
    )

    html = provider_client.get(DASHBOARD).content.decode()

    assert "You have saved changes that are not published yet" in html
    assert f'action="{reverse("portal:submit")}"' in html


def test_awaiting_approval(provider_client, listing, workflow):
    provider_client.post(
        reverse("portal:edit_about"), {"title": "Sunrise Support", "summary": "New."}
    )
    provider_client.post(reverse("portal:submit"))

    html = provider_client.get(DASHBOARD).content.decode()

    assert "Live – changes waiting for approval" in html
    assert "Your live listing stays as it is" in html
    assert f'action="{reverse("portal:submit")}"' not in html


def test_unpublished_by_a_moderator(provider_client, listing):
    ProviderPage.objects.get(pk=listing.pk).unpublish()

    html = provider_client.get(DASHBOARD).content.decode()

    assert "Not published" in html
    assert "taken off the site by a moderator" in html


@pytest.mark.parametrize(
    ("days", "text"),
    [
        (100, "Check it is still right and confirm it."),
        (200, "People now see a warning that it may be out of date."),
        (400, "It no longer appears in search results"),
    ],
)
def test_needs_reconfirming(client, directory, thurrock_postcodes, days, text):
    user = builders.build_user()
    builders.build_provider(
        directory=directory,
        owner=user,
        last_confirmed_at=timezone.now() - timedelta(days=days),
    )
    client.force_login(user)

    html = client.get(DASHBOARD).content.decode()

    assert f"You last confirmed your listing {days} days ago" in html
    assert text in html


def test_reconfirm_in_one_click(provider_client, listing):
    ProviderPage.objects.filter(pk=listing.pk).update(
        last_confirmed_at=timezone.now() - timedelta(days=120)
    )

    response = provider_client.post(reverse("portal:reconfirm"), follow=True)

    html = response.content.decode()
    assert "Your listing is confirmed as up to date today" in html
    page = ProviderPage.objects.get(pk=listing.pk)
    assert (timezone.now() - page.last_confirmed_at).total_seconds() < 60
    assert page.live and not page.has_unpublished_changes  # no revision, no moderation


def test_reconfirming_needs_a_post(provider_client, listing):
    assert provider_client.get(reverse("portal:reconfirm")).status_code == 405


def test_expiring_and_expired_checks(provider_client, listing):
    today = timezone.localdate()
    builders.build_check(page=listing, kind="insurance", expires_on=today + timedelta(days=10))
    builders.build_check(page=listing, kind="quality_scheme", expires_on=today - timedelta(days=1))
    builders.build_check(page=listing, kind="regulator", reference="1-123456789")

    html = provider_client.get(DASHBOARD).content.decode()

    assert "Public liability insurance expires on" in html
    assert "Member of a quality scheme expired on" in html
    assert "Registered with the regulator" not in html


def test_unread_enquiries_are_counted(provider_client, listing):
    builders.build_enquiry(page=listing)
    builders.build_enquiry(page=listing)
    builders.build_enquiry(page=listing, read=True)

    html = provider_client.get(DASHBOARD).content.decode()

    assert "You have 2 new enquiries" in html


def test_the_dashboard_makes_a_bounded_number_of_queries(
    provider_client, listing, workflow, django_assert_max_num_queries
):
    today = timezone.localdate()
    for kind in ("dbs", "insurance", "regulator", "quality_scheme"):
        builders.build_check(page=listing, kind=kind, expires_on=today + timedelta(days=5))
    for _n in range(10):
        builders.build_enquiry(page=listing)
    provider_client.post(
        reverse("portal:edit_about"), {"title": "Sunrise Support", "summary": "New."}
    )
    provider_client.post(reverse("portal:submit"))
    provider_client.get(DASHBOARD)  # the site settings row is created on first use

    # 22, and 3 to compare the draft with the live listing section by section.
    with django_assert_max_num_queries(25):
        response = provider_client.get(DASHBOARD)

    assert response.status_code == 200


def _changed_rows(html: str) -> set[str]:
    """The section names on the dashboard marked 'Changed'."""
    import re

    rows = re.findall(
        r'<dt class="govuk-summary-list__key">([^<]+)</dt>\s*<dd class="govuk-summary-list__value">'
        r"(.*?)</dd>",
        html,
        flags=re.S,
    )
    return {key for key, value in rows if ">Changed</strong>" in value}


def test_the_dashboard_marks_the_sections_a_moderator_will_be_asked_to_approve(
    provider_client, listing, workflow
):
    from providers.models import SupportKind

    kinds = SupportKind.objects.filter(slug__in=["personal-care", "transport"])
    provider_client.post(reverse("portal:edit_offer"), {"support_kinds": [k.pk for k in kinds]})
    provider_client.post(
        reverse("portal:edit_availability"), {"mon": ["morning"], "taking_new_people": "no"}
    )
    saved = provider_client.get(DASHBOARD).content.decode()
    provider_client.post(reverse("portal:submit"))
    submitted = provider_client.get(DASHBOARD).content.decode()

    assert _changed_rows(saved) == {"What you offer", "Availability"}
    assert "Sections marked ‘Changed’ are different from your live listing" in saved
    assert _changed_rows(submitted) == {"What you offer", "Availability"}


def test_a_change_undone_is_not_marked(provider_client, listing):
    original = {"title": listing.title, "summary": listing.summary}
    provider_client.post(reverse("portal:edit_about"), {**original, "summary": "Something new."})
    provider_client.post(reverse("portal:edit_about"), original)

    html = provider_client.get(DASHBOARD).content.decode()

    assert _changed_rows(html) == set()
    assert "Sections marked ‘Changed’" not in html


def test_a_listing_never_published_marks_no_section(client, directory):
    user = builders.build_user()
    create_draft_listing(user=user, name="Brand New Care")
    client.force_login(user)
    client.post(reverse("portal:edit_about"), {"title": "Brand New Care", "summary": "New."})

    assert _changed_rows(client.get(DASHBOARD).content.decode()) == set()


@pytest.mark.parametrize("comment", ["Approved. Please add your DBS check soon.", ""])
def test_the_moderators_comment_on_approval_stays_on_the_dashboard(
    client, provider_client, owner, listing, workflow, moderator, comment
):
    from tests.providers.test_moderation_workflow import act

    provider_client.post(
        reverse("portal:edit_about"), {"title": listing.title, "summary": "Evenings too."}
    )
    provider_client.post(reverse("portal:submit"))
    page = ProviderPage.objects.get(pk=listing.pk)
    act(client, moderator, page, "approve", comment=comment)
    client.force_login(owner)

    html = client.get(DASHBOARD).content.decode()

    assert "Your listing is published" in html
    assert ("What the moderator said when they approved it" in html) == bool(comment)
    assert comment in html

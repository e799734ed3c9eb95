"""Changing and deleting waves in the Wagtail admin: what the survey administrator may
do to a wave once people have answered it."""

import datetime
import html

import pytest

from survey.models import PublishedTable, Response, Wave
from survey.tables.services import publish_wave
from tests import builders

from .test_admin_permissions import wave_data

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


@pytest.fixture
def administrator(client):
    client.force_login(builders.build_user(groups=("Survey administrators",)))
    return client


def delete_url(wave):
    return f"/admin/survey_waves/delete/{wave.pk}/"


def test_a_wave_with_responses_is_not_offered_for_deletion(administrator):
    wave = builders.build_wave(title="2025")
    builders.build_response(wave=wave)
    builders.build_response(wave=wave, submitted=False)

    page = administrator.get(delete_url(wave))

    text = page.content.decode()
    assert page.status_code == 200
    assert "This wave has responses, so it cannot be deleted." in text
    assert "Yes, delete" not in text


def test_confirming_the_deletion_of_a_wave_with_responses_keeps_it(administrator):
    wave = builders.build_wave(title="2025")
    builders.build_response(wave=wave)

    answer = administrator.post(delete_url(wave), follow=True)

    assert answer.status_code == 200
    assert "This wave has responses, so it cannot be deleted." in answer.content.decode()
    assert Wave.objects.filter(pk=wave.pk).exists()
    assert Response.objects.filter(wave=wave).count() == 1


def test_a_wave_without_responses_can_be_deleted(administrator):
    wave = builders.build_wave(title="2025")

    page = administrator.get(delete_url(wave))
    assert "Yes, delete" in page.content.decode()
    answer = administrator.post(delete_url(wave))

    assert answer.status_code == 302
    assert not Wave.objects.filter(pk=wave.pk).exists()


def closed_wave(**kwargs):
    today = datetime.date.today()
    return builders.build_wave(
        opens_on=today - datetime.timedelta(days=60),
        closes_on=today - datetime.timedelta(days=10),
        **kwargs,
    )


def edit(client, wave, **overrides):
    data = wave_data(title=wave.title, opens_on=str(wave.opens_on), closes_on=str(wave.closes_on))
    return client.post(f"/admin/survey_waves/edit/{wave.pk}/", {**data, **overrides})


@pytest.mark.parametrize(
    ("field", "days"), [("closes_on", 30), ("closes_on", -20), ("opens_on", -70)]
)
def test_a_published_wave_keeps_its_dates(administrator, field, days):
    wave = closed_wave(title="2025")
    builders.build_response(wave=wave)
    publish_wave(wave=wave)
    before = (wave.opens_on, wave.closes_on)

    page = edit(administrator, wave, **{field: str(datetime.date.today() + days * DAY)})

    assert page.status_code == 200
    assert (
        "The tables of this wave have been published, so its dates cannot be changed"
        in html.unescape(page.content.decode())
    )
    wave.refresh_from_db()
    assert (wave.opens_on, wave.closes_on) == before
    assert wave.status == Wave.Status.CLOSED


def test_a_published_wave_can_still_be_retitled(administrator):
    wave = closed_wave(title="2025")
    publish_wave(wave=wave)

    answer = edit(administrator, wave, title="2025 (spring)")

    assert answer.status_code == 302
    wave.refresh_from_db()
    assert wave.title == "2025 (spring)"


def test_a_closed_wave_not_yet_published_can_be_reopened(administrator):
    wave = closed_wave(title="2025")
    builders.build_response(wave=wave)

    answer = edit(administrator, wave, closes_on=str(datetime.date.today() + 30 * DAY))

    assert answer.status_code == 302
    wave.refresh_from_db()
    assert wave.is_open


def test_a_wave_whose_tables_are_published_is_not_deleted(administrator):
    """The responses of a published wave are purged in time; its tables must outlive them."""
    wave = closed_wave(title="2025")
    builders.build_response(wave=wave)
    publish_wave(wave=wave)
    Response.objects.filter(wave=wave).delete()  # as the retention purge does

    page = administrator.get(delete_url(wave))
    answer = administrator.post(delete_url(wave), follow=True)

    refusal = "The tables of this wave have been published for workforce planners"
    assert refusal in page.content.decode()
    assert "Yes, delete" not in page.content.decode()
    assert refusal in answer.content.decode()
    assert Wave.objects.filter(pk=wave.pk).exists()
    assert PublishedTable.objects.filter(wave=wave).exists()

"""Changing and deleting waves in the Wagtail admin: what the survey administrator may
do to a wave once people have answered it."""

import pytest

from survey.models import Response, Wave
from tests import builders

pytestmark = pytest.mark.django_db


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
    assert "This wave has 2 responses, so it cannot be deleted." in text
    assert "Yes, delete" not in text


def test_confirming_the_deletion_of_a_wave_with_responses_keeps_it(administrator):
    wave = builders.build_wave(title="2025")
    builders.build_response(wave=wave)

    answer = administrator.post(delete_url(wave), follow=True)

    assert answer.status_code == 200
    assert "This wave has 1 response, so it cannot be deleted." in answer.content.decode()
    assert Wave.objects.filter(pk=wave.pk).exists()
    assert Response.objects.filter(wave=wave).count() == 1


def test_a_wave_without_responses_can_be_deleted(administrator):
    wave = builders.build_wave(title="2025")

    page = administrator.get(delete_url(wave))
    assert "Yes, delete" in page.content.decode()
    answer = administrator.post(delete_url(wave))

    assert answer.status_code == 302
    assert not Wave.objects.filter(pk=wave.pk).exists()

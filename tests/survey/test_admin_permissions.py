"""Waves, invitations and erasure in the Wagtail admin: survey administrators and
superusers only. Nobody else reaches any of it."""

import datetime

import pytest
from django.core import mail

from survey.models import Invitation, Response, Wave
from tests import builders

pytestmark = pytest.mark.django_db

ADMIN_URLS = [
    "/admin/survey_waves/",
    "/admin/survey_waves/new/",
    "/admin/survey/invitations/",
    "/admin/survey/erase/",
]
REFUSED = {
    "provider": (),
    "moderator": ("Moderators",),
    "analyst": ("Analysts",),
}


def login(client, **kwargs):
    user = builders.build_user(**kwargs)
    client.force_login(user)
    return user


@pytest.mark.parametrize("url", ADMIN_URLS)
def test_anonymous_visitors_are_sent_to_sign_in(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


@pytest.mark.parametrize("role", REFUSED)
@pytest.mark.parametrize("url", ADMIN_URLS)
def test_other_users_are_refused(client, role, url):
    wave = builders.build_wave(title="Secret wave title")
    login(client, groups=REFUSED[role])

    response = client.get(url)
    edit = client.get(f"/admin/survey_waves/edit/{wave.pk}/")

    for answer in (response, edit):
        assert answer.status_code in (302, 403)
        assert b"Secret wave title" not in answer.content


@pytest.mark.parametrize("role", REFUSED)
def test_other_users_cannot_create_waves_invite_or_erase(client, role):
    wave = builders.build_wave()
    kept = builders.build_response(wave=wave, receipt_code="AAAABBBBCCCC")
    login(client, groups=REFUSED[role])

    client.post("/admin/survey_waves/new/", wave_data(title="Sneaky"))
    client.post("/admin/survey/invitations/", {"wave": wave.pk, "emails": "x@example.org"})
    client.post("/admin/survey/erase/", {"code": "AAAA-BBBB-CCCC", "confirm": "on"})

    assert not Wave.objects.filter(title="Sneaky").exists()
    assert Invitation.objects.count() == 0
    assert mail.outbox == []
    assert Response.objects.filter(pk=kept.pk).exists()


def wave_data(**overrides):
    today = datetime.date.today()
    return {
        "title": "2027",
        "opens_on": str(today),
        "closes_on": str(today + datetime.timedelta(days=60)),
        "introduction": '{"blocks": [], "entityMap": {}}',
        "privacy_notice": (
            '{"blocks": [{"key": "a", "text": "We keep answers for two years.", "type": '
            '"unstyled", "depth": 0, "inlineStyleRanges": [], "entityRanges": []}], '
            '"entityMap": {}}'
        ),
        **overrides,
    }


@pytest.mark.parametrize("kwargs", [{"groups": ("Survey administrators",)}, {"superuser": True}])
@pytest.mark.parametrize("url", ADMIN_URLS)
def test_survey_administrators_and_superusers_get_in(client, kwargs, url):
    builders.build_wave(title="Listed wave")
    login(client, **kwargs)

    response = client.get(url)

    assert response.status_code == 200
    if url == "/admin/survey_waves/":
        assert "Listed wave" in response.content.decode()


def test_survey_administrator_opens_a_wave(client):
    login(client, groups=("Survey administrators",))

    response = client.post("/admin/survey_waves/new/", wave_data())

    assert response.status_code == 302, response.content.decode()[:2000]
    wave = Wave.objects.get(title="2027")
    assert wave.is_open
    assert "two years" in wave.privacy_notice


def test_a_wave_cannot_close_before_it_opens(client):
    login(client, groups=("Survey administrators",))

    response = client.post(
        "/admin/survey_waves/new/",
        wave_data(opens_on="2027-03-01", closes_on="2027-02-01"),
    )

    assert response.status_code == 200
    assert "The closing date must be on or after the opening date" in response.content.decode()
    assert not Wave.objects.exists()


def test_survey_administrator_issues_invitations_by_email(client):
    wave = builders.build_wave(title="2026")
    login(client, groups=("Survey administrators",))

    response = client.post(
        "/admin/survey/invitations/",
        {"wave": wave.pk, "emails": "one@example.org\n\ntwo@example.org\nONE@example.org"},
    )

    assert response.status_code == 302
    assert Invitation.objects.filter(wave=wave).count() == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["one@example.org", "two@example.org"]
    assert "/survey/invitation/" in mail.outbox[0].body


def test_invitation_form_rejects_a_bad_address(client):
    wave = builders.build_wave()
    login(client, groups=("Survey administrators",))

    response = client.post(
        "/admin/survey/invitations/", {"wave": wave.pk, "emails": "one@example.org\nnot-an-address"}
    )

    assert "“not-an-address” is not an email address" in response.content.decode()
    assert Invitation.objects.count() == 0
    assert mail.outbox == []


def test_survey_administrator_erases_a_response_by_code_after_checking_it(client):
    wave = builders.build_wave(title="2026")
    response = builders.build_response(wave=wave, receipt_code="AAAABBBBCCCC")
    login(client, groups=("Survey administrators",))

    checked = client.post("/admin/survey/erase/", {"code": "aaaa bbbb cccc"})
    assert "This code belongs to a response to the 2026 survey" in checked.content.decode()
    assert "Thurrock" not in checked.content.decode()  # never the answers
    assert Response.objects.filter(pk=response.pk).exists()

    client.post("/admin/survey/erase/", {"code": "AAAA-BBBB-CCCC", "confirm": "on"})
    assert not Response.objects.filter(pk=response.pk).exists()


def test_raw_responses_have_no_admin_listing(client):
    login(client, superuser=True)

    assert client.get("/admin/snippets/survey/response/").status_code == 404


def test_a_too_long_receipt_code_gets_the_usual_message(client):
    login(client, groups=("Survey administrators",))

    page = client.post("/admin/survey/erase/", {"code": "AAAA-BBBB-CCCC" * 3})

    assert "A receipt code has 12 letters and numbers" in page.content.decode()

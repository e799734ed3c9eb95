"""Who may reach the planners' area: every route, every kind of visitor."""

import pytest
from django.urls import reverse

from survey.models import DownloadRecord
from tests import builders
from tests.survey.planners_helpers import bulk_responses, closed_wave

pytestmark = pytest.mark.django_db


@pytest.fixture
def wave(db):
    wave = closed_wave(title="2026")  # an open wave has no tables to reach
    bulk_responses(wave, 12)
    return wave


def routes(wave):
    return [
        reverse("planners:index"),
        reverse("planners:index") + f"?wave={wave.pk}",
        reverse("planners:wave", args=[wave.pk]),
        reverse("planners:table", args=[wave.pk, "respondents-region"]),
        reverse("planners:table", args=[wave.pk, "hours-council"]),
        reverse("planners:table", args=[wave.pk, "reasons"]),
        reverse("planners:table", args=[wave.pk, "trend-rate"]),
        reverse("planners:download", args=[wave.pk, "respondents-region", "csv"]),
        reverse("planners:download", args=[wave.pk, "rate-region", "xlsx"]),
        reverse("planners:download", args=[wave.pk, "qualifications", "json"]),
        reverse("planners:download", args=[wave.pk, "hours-region", "svg"]),
    ]


def test_anonymous_visitors_are_sent_to_sign_in_and_nothing_is_logged(client, wave):
    for url in routes(wave):
        response = client.get(url)

        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/login/?next=/planners/"), url
    assert DownloadRecord.objects.count() == 0


@pytest.mark.parametrize(
    "groups",
    [(), ("Moderators",), ("Survey administrators",)],
    ids=["provider", "moderator", "survey-admin"],
)
def test_signed_in_users_who_are_not_analysts_are_refused(client, wave, groups):
    client.force_login(builders.build_user(groups=groups))

    for url in routes(wave):
        response = client.get(url)

        assert response.status_code == 403, url
        assert b"You do not have access to this page" in response.content
    assert DownloadRecord.objects.count() == 0


@pytest.mark.parametrize("kind", ["analyst", "superuser"])
def test_analysts_and_superusers_reach_every_route(client, wave, kind):
    user = builders.build_user(
        groups=("Analysts",) if kind == "analyst" else (), superuser=kind == "superuser"
    )
    client.force_login(user)

    for url in routes(wave):
        response = client.get(url)

        assert response.status_code in (200, 302), url
        if response.status_code == 302:  # the wave picker sends on to the wave's page
            assert response["Location"] == reverse("planners:wave", args=[wave.pk])
        else:
            assert "no-store" in response["Cache-Control"]


def test_an_inactive_analyst_is_refused(client, wave):
    user = builders.build_user(groups=("Analysts",))
    user.is_active = False
    user.save()
    client.force_login(user)

    assert client.get(reverse("planners:index")).status_code in (302, 403)


def test_unknown_tables_waves_and_formats_are_not_found(client, wave):
    client.force_login(builders.build_user(groups=("Analysts",)))

    assert client.get(reverse("planners:wave", args=[wave.pk + 99])).status_code == 404
    assert client.get(reverse("planners:table", args=[wave.pk, "responses"])).status_code == 404
    assert client.get(f"/planners/waves/{wave.pk}/tables/reasons.pdf").status_code == 404
    assert client.get(f"/planners/waves/{wave.pk}/tables/raw.csv").status_code == 404


@pytest.mark.parametrize("chosen", ["abc", "²", "9" * 5000])
def test_a_wave_not_in_the_list_gets_an_error_message(client, wave, chosen):
    client.force_login(builders.build_user(groups=("Analysts",)))

    response = client.get(reverse("planners:index"), {"wave": chosen})

    assert response.status_code == 200
    assert b"There is a problem" in response.content
    assert b'aria-describedby="wave-error"' in response.content


def test_download_log_is_read_only_in_the_admin(client, wave):
    analyst = builders.build_user(groups=("Analysts",))
    client.force_login(analyst)
    client.get(reverse("planners:download", args=[wave.pk, "reasons", "csv"]))
    record = DownloadRecord.objects.get()
    index = reverse("survey_downloads:index")

    client.force_login(builders.build_user(groups=("Survey administrators",)))
    listing = client.get(index)
    assert listing.status_code == 200
    assert analyst.username in listing.content.decode()
    assert client.get(reverse("survey_downloads:edit", args=[record.pk])).status_code in (302, 403)
    assert client.get(reverse("survey_downloads:delete", args=[record.pk])).status_code in (
        302,
        403,
    )

    client.force_login(builders.build_user(superuser=True))
    assert client.get(index).status_code == 200
    assert client.get(reverse("survey_downloads:add")).status_code in (302, 403)
    assert client.post(reverse("survey_downloads:delete", args=[record.pk])).status_code in (
        302,
        403,
    )
    assert DownloadRecord.objects.filter(pk=record.pk).exists()

    client.force_login(analyst)  # analysts download, but do not read the log
    assert client.get(index).status_code in (302, 403)

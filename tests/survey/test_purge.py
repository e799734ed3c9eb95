import datetime
import io

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from survey.models import Invitation, Response, Wave
from tests import builders

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def test_purge_deletes_responses_older_than_the_retention_period(settings):
    settings.SURVEY_RETENTION_DAYS = 730
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        wave = builders.build_wave()
        old = builders.build_response(wave=wave)
        old_draft = builders.build_response(wave=wave, submitted=False)
        services_invitation = Invitation.objects.create(wave=wave, token_hash="x" * 64)
    with time_machine.travel(start + 400 * DAY, tick=False):
        recent = builders.build_response(wave=wave)

    with time_machine.travel(start + 729 * DAY, tick=False):
        call_command("purge_survey_responses", stdout=io.StringIO())
    assert Response.objects.filter(pk=old.pk).exists()
    assert not Response.objects.filter(pk=old_draft.pk).exists()  # drafts go after 60 days

    with time_machine.travel(start + 731 * DAY, tick=False):
        call_command("purge_survey_responses", stdout=io.StringIO())
    assert not Response.objects.filter(pk=old.pk).exists()
    assert Response.objects.filter(pk=recent.pk).exists()
    # Nothing outside the responses goes with them.
    assert Wave.objects.filter(pk=wave.pk).exists()
    assert Invitation.objects.filter(pk=services_invitation.pk).exists()


def test_purge_reports_what_it_deleted(settings, capsys):
    settings.SURVEY_RETENTION_DAYS = 10
    wave = builders.build_wave()
    builders.build_response(wave=wave, submitted_at=timezone.now() - 11 * DAY)

    call_command("purge_survey_responses")

    assert "Deleted 1 submitted responses older than 10 days" in capsys.readouterr().out
    assert Response.objects.count() == 0

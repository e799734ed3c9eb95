"""Freshness and expiry reminders, with a frozen clock: each threshold sends one email,
and running the job again (hourly from cron) sends nothing more."""

from datetime import UTC, date, datetime, timedelta
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from providers.models import ReminderLog
from providers.moderation.tasks import send_listing_reminders_task
from providers.services import reconfirm_listing
from tests import builders

NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def listing(directory, *, days_ago, email="owner@example.org", live=True):
    owner = builders.build_user(email=email)
    return builders.build_provider(
        directory=directory,
        title="Sunrise Support",
        owner=owner,
        live=live,
        last_confirmed_at=NOW - timedelta(days=days_ago),
    )


def run():
    out = StringIO()
    call_command("send_listing_reminders", stdout=out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("days_ago", "subject"),
    [
        (90, "still right"),
        (180, "may be out of date"),
        (365, "hidden from search results"),
    ],
)
def test_each_threshold_sends_one_email_however_often_the_job_runs(
    clock, directory, thurrock_postcodes, days_ago, subject
):
    listing(directory, days_ago=days_ago)

    first = run()
    run()

    assert "Sent 1 reminder" in first
    (email,) = mail.outbox
    assert subject in email.subject
    assert email.to == ["owner@example.org"]
    assert "/manage/" in email.body


def test_nothing_is_sent_before_90_days(clock, directory, thurrock_postcodes):
    listing(directory, days_ago=89)

    assert "Sent 0 reminder" in run()
    assert mail.outbox == []


def test_drafts_get_no_freshness_reminders(clock, directory, thurrock_postcodes):
    listing(directory, days_ago=200, live=False)

    run()

    assert mail.outbox == []


def test_a_listing_left_alone_gets_each_notice_once_as_time_passes(
    clock, directory, thurrock_postcodes
):
    listing(directory, days_ago=0)
    subjects = []
    for day in range(0, 400, 15):
        clock.move_to(NOW + timedelta(days=day, hours=day % 24))
        run()
        run()
    subjects = [m.subject for m in mail.outbox]

    assert len(subjects) == 3
    assert "still right" in subjects[0]
    assert "may be out of date" in subjects[1]
    assert "hidden" in subjects[2]


def test_reconfirming_starts_the_reminders_again(clock, directory, thurrock_postcodes):
    page = listing(directory, days_ago=95)
    run()
    reconfirm_listing(page=page)
    clock.move_to(NOW + timedelta(days=91))
    run()
    run()

    assert [m.subject.startswith("Is your listing") for m in mail.outbox] == [True, True]
    assert ReminderLog.objects.filter(page=page, kind="confirm").count() == 2


def test_a_listing_that_crossed_two_thresholds_gets_only_the_more_serious_notice(
    clock, directory, thurrock_postcodes
):
    listing(directory, days_ago=200)

    run()

    (email,) = mail.outbox
    assert "may be out of date" in email.subject


@pytest.mark.parametrize(
    ("kind", "name"), [("insurance", "public liability insurance"), ("dbs", "dbs check")]
)
def test_a_check_expiring_within_30_days_is_reminded_once(
    clock, directory, thurrock_postcodes, kind, name
):
    page = listing(directory, days_ago=10)
    builders.build_check(page=page, kind=kind, expires_on=date(2026, 6, 30))

    run()
    run()

    (email,) = mail.outbox
    assert name in email.subject.lower()
    assert "30 June 2026" in email.subject


def test_checks_expiring_later_or_already_expired_are_not_reminded(
    clock, directory, thurrock_postcodes
):
    page = listing(directory, days_ago=10)
    builders.build_check(page=page, kind="insurance", expires_on=date(2026, 7, 2))
    builders.build_check(page=page, kind="dbs", expires_on=date(2026, 5, 31))
    builders.build_check(page=page, kind="regulator", expires_on=date(2026, 6, 10))

    run()

    assert mail.outbox == []


def test_a_renewed_check_is_reminded_again_before_its_new_date(
    clock, directory, thurrock_postcodes
):
    page = listing(directory, days_ago=10)
    check = builders.build_check(page=page, kind="insurance", expires_on=date(2026, 6, 20))
    run()
    check.expires_on = date(2027, 6, 20)
    check.save()
    clock.move_to(datetime(2027, 6, 1, 9, 0, tzinfo=UTC))
    page.last_confirmed_at = timezone.now()
    page.save(update_fields=["last_confirmed_at"])

    run()
    run()

    assert len([m for m in mail.outbox if "insurance" in m.subject.lower()]) == 2


def test_every_member_of_the_listing_is_emailed(clock, directory, thurrock_postcodes):
    from providers.models import ListingMembership

    page = listing(directory, days_ago=90)
    ListingMembership.objects.create(
        user=builders.build_user(email="staff@example.org"), page=page, role="co_editor"
    )

    run()

    (email,) = mail.outbox
    assert set(email.to + email.bcc) == {"owner@example.org", "staff@example.org"}


def test_the_task_does_the_same_and_is_idempotent(clock, directory, thurrock_postcodes):
    listing(directory, days_ago=180)

    first = send_listing_reminders_task.call()
    second = send_listing_reminders_task.call()

    assert first == {"stale": 1}
    assert second == {}
    assert len(mail.outbox) == 1


def _listings_with_expiring_checks(directory, *, count):
    for _ in range(count):
        page = listing(directory, days_ago=10)
        builders.build_check(page=page, kind="dbs", expires_on=date(2026, 6, 20))
        builders.build_check(page=page, kind="insurance", expires_on=date(2026, 6, 25))


def _queries_of_a_run_with_nothing_due():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    run()  # sends every reminder due, once
    with CaptureQueriesContext(connection) as queries:
        assert "Sent 0 reminder" in run()
    return len(queries)


def test_a_run_with_nothing_due_makes_as_many_queries_for_6_expiring_checks_as_for_2(
    clock, directory, thurrock_postcodes
):
    _listings_with_expiring_checks(directory, count=1)
    few = _queries_of_a_run_with_nothing_due()
    _listings_with_expiring_checks(directory, count=2)
    many = _queries_of_a_run_with_nothing_due()

    assert len(mail.outbox) == 6
    assert many == few

"""Background tasks (Django's built-in django.tasks): the same services as the
management commands, for a deployment that runs a task worker instead of cron."""

from django.tasks import task

from .reminders import send_listing_reminders


@task
def send_listing_reminders_task() -> dict[str, int]:
    """Send the freshness and expiry reminders that are due (idempotent)."""
    return dict(send_listing_reminders())

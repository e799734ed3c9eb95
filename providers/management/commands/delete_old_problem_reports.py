from django.conf import settings
from django.core.management.base import BaseCommand

from providers.enquiries import delete_old_problem_reports


class Command(BaseCommand):
    help = (
        "Delete problem reports resolved more than PROBLEM_REPORT_RETENTION_DAYS ago (open "
        "reports are kept). Safe to run daily from cron."
    )

    def handle(self, *args, **options):
        deleted = delete_old_problem_reports()
        days = settings.PROBLEM_REPORT_RETENTION_DAYS
        self.stdout.write(f"Deleted {deleted} problem report(s) resolved over {days} days ago.")

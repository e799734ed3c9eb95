from django.conf import settings
from django.core.management.base import BaseCommand

from providers.enquiries import delete_old_enquiries


class Command(BaseCommand):
    help = (
        "Delete messages to providers received more than ENQUIRY_RETENTION_DAYS ago. "
        "Safe to run daily from cron."
    )

    def handle(self, *args, **options):
        deleted = delete_old_enquiries()
        self.stdout.write(
            f"Deleted {deleted} message(s) older than {settings.ENQUIRY_RETENTION_DAYS} days."
        )

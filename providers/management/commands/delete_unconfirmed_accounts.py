from django.conf import settings
from django.core.management.base import BaseCommand

from providers.accounts.unconfirmed import delete_unconfirmed_accounts


class Command(BaseCommand):
    help = (
        "Delete sign-ups whose email address was not confirmed within "
        "UNCONFIRMED_ACCOUNT_DAYS, with their draft listings. Safe to run daily from cron."
    )

    def handle(self, *args, **options):
        deleted = delete_unconfirmed_accounts()
        self.stdout.write(
            f"Deleted {deleted} unconfirmed account(s) older than "
            f"{settings.UNCONFIRMED_ACCOUNT_DAYS} days."
        )

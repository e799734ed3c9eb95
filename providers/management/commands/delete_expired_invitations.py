from django.core.management.base import BaseCommand

from providers.accounts.editors import delete_expired_invitations


class Command(BaseCommand):
    help = (
        "Delete co-editor invitations whose link has expired (7 days after it was sent), "
        "with the address they were sent to. Safe to run daily from cron."
    )

    def handle(self, *args, **options):
        deleted = delete_expired_invitations()
        self.stdout.write(f"Deleted {deleted} expired co-editor invitation(s).")

from django.core.management.base import BaseCommand

from providers.accounts.editors import delete_expired_invitations
from providers.accounts.email_change import delete_expired_email_changes


class Command(BaseCommand):
    help = (
        "Delete co-editor invitations (7 days after they were sent) and changes of email "
        "address (3 days after they were asked for) whose link has expired, with the "
        "addresses they hold. Safe to run daily from cron."
    )

    def handle(self, *args, **options):
        invitations = delete_expired_invitations()
        changes = delete_expired_email_changes()
        self.stdout.write(
            f"Deleted {invitations} expired co-editor invitation(s) and "
            f"{changes} expired change(s) of email address."
        )

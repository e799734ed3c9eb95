from django.core.management.base import BaseCommand

from providers.moderation.reminders import send_listing_reminders


class Command(BaseCommand):
    help = (
        "Email the reminders that are due: reconfirm after 90 days, 'may be out of date' "
        "after 180, hidden after 365, and DBS/insurance checks expiring within 30 days. "
        "Idempotent: safe to run every hour from cron."
    )

    def handle(self, *args, **options):
        sent = send_listing_reminders()
        total = sum(sent.values())
        details = ", ".join(f"{kind}: {n}" for kind, n in sorted(sent.items())) or "none due"
        self.stdout.write(f"Sent {total} reminder(s) ({details}).")

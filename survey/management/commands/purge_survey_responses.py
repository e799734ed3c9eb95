from django.conf import settings
from django.core.management.base import BaseCommand

from survey.services import purge_responses


class Command(BaseCommand):
    help = (
        "Delete raw survey responses submitted more than SURVEY_RETENTION_DAYS ago and "
        "unfinished drafts older than SURVEY_DRAFT_RETENTION_DAYS. Published aggregates are kept."
    )

    def handle(self, *args, **options):
        counts = purge_responses()
        self.stdout.write(
            f"Deleted {counts['submitted']} submitted responses older than "
            f"{settings.SURVEY_RETENTION_DAYS} days and {counts['drafts']} unfinished drafts "
            f"older than {settings.SURVEY_DRAFT_RETENTION_DAYS} days."
        )

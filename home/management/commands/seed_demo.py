from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from home import demo


class Command(BaseCommand):
    help = (
        "Create realistic demo content and demo logins. Deterministic from --seed and "
        "idempotent: a second run adds nothing. Refused where DEMO_CONTENT_ALLOWED is off."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2026, help="Random seed (default 2026).")

    def handle(self, *args, seed, **options):
        if not settings.DEMO_CONTENT_ALLOWED:
            raise CommandError("Demo content has published passwords; it is off in these settings.")
        demo.seed_site()
        logins = demo.seed_staff_logins()
        self.stdout.write(self.style.SUCCESS(f"Demo content ready (seed {seed})."))
        self.stdout.write("Demo logins (staff sign in at /admin/):")
        for login in logins:
            self.stdout.write(f"  {login.role:<28} {login.username:<14} {login.password}")
        # Open data (providers.imports.demo): imported, unowned listings and a login to claim one.
        from providers.imports.demo import seed_claimant_login, seed_imported_listings

        self.stdout.write(seed_imported_listings())
        email, password = seed_claimant_login()
        self.stdout.write(f"  {'Provider without a listing':<28} {email:<14} {password}")

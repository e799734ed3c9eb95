from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from directory.services import rebuild_listing_index
from home import demo
from providers.demo import seed_providers
from providers.imports.demo import seed_claimant_login, seed_imported_listings
from survey import demo as survey_demo


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
        provider_logins = seed_providers(seed=seed, verbose=self.stdout.write)
        self.stdout.write(seed_imported_listings())
        claimant_email, claimant_password = seed_claimant_login()
        rebuild_listing_index()  # the demo listings are published in bulk, not one by one
        survey_demo.seed_survey(seed=seed)

        self.stdout.write(self.style.SUCCESS(f"Demo content ready (seed {seed})."))
        provider_rows = [(login.role, login.username, login.password) for login in provider_logins]
        provider_rows.append(("Provider without a listing", claimant_email, claimant_password))
        staff_rows = [(login.role, login.username, login.password) for login in logins]
        role_width = max(len(role) for role, _name, _password in staff_rows + provider_rows)
        name_width = max(len(name) for _role, name, _password in staff_rows + provider_rows)
        for heading, rows in (
            ("Demo logins for staff (sign in at /admin/):", staff_rows),
            ("Demo logins for providers (sign in at /manage/sign-in/):", provider_rows),
        ):
            self.stdout.write(heading)
            for role, name, password in rows:
                self.stdout.write(f"  {role:<{role_width}}  {name:<{name_width}}  {password}")

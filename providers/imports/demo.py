"""Demo content for the open data features (called by `manage.py seed_demo`): the example
import file (docs/examples/listings.csv) imported live and unowned, so "Is this your
business?" has listings to claim, and a provider login without a listing to claim with.
Idempotent (the import is, by external ID). Needs the postcodes of the example file
(`manage.py load_postcodes --areas RM,SS,CM`); without them it imports nothing and says so."""

from django.conf import settings
from django.contrib.auth import get_user_model

from . import services
from .readers import read

EXAMPLE = settings.BASE_DIR / "docs" / "examples" / "listings.csv"
CLAIMANT_EMAIL = "claimant@example.org"
CLAIMANT_PASSWORD = "demo-claimant-pass"  # noqa: S105 (published demo password)


def seed_imported_listings() -> str:
    parsed = read(EXAMPLE.read_bytes(), filename=EXAMPLE.name)
    plan = services.plan(parsed, publish=True)
    if plan.errors:
        return (
            f"Example import skipped: {len(plan.errors)} rows need postcodes that are not "
            "loaded (manage.py load_postcodes --areas RM,SS,CM)."
        )
    services.apply(parsed, mode=services.ALL_OR_NOTHING, publish=True, user=None)
    counts = plan.counts
    return f"Example import: {counts['create']} created, {counts['unchanged']} already there."


def seed_claimant_login() -> tuple[str, str]:
    """A provider account with no listing, to try claiming an imported listing."""
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=CLAIMANT_EMAIL, defaults={"email": CLAIMANT_EMAIL, "first_name": "Demo"}
    )
    if created:
        user.set_password(CLAIMANT_PASSWORD)
        user.save()
    return CLAIMANT_EMAIL, CLAIMANT_PASSWORD

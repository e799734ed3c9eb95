"""Demo content for the open data features (called by `manage.py seed_demo`): the example
import file (docs/examples/listings.csv) imported live and unowned (its Shared Lives scheme
as a draft), so "Is this your business?" has listings to claim, and a provider login without a listing to claim with.
Idempotent (the import is, by external ID). Needs the postcodes of the example file
(`manage.py load_postcodes --areas RM,SS,CM`); without them it imports nothing and says so."""

from django.conf import settings
from django.contrib.auth import get_user_model

from . import services
from .readers import read

EXAMPLE = settings.BASE_DIR / "docs" / "examples" / "listings.csv"
CLAIMANT_EMAIL = "claimant@example.org"
CLAIMANT_PASSWORD = "demo-claimant-pass"  # noqa: S105 (published demo password)


def _example():
    return read(EXAMPLE.read_bytes(), filename=EXAMPLE.name)


def seed_imported_listings() -> str:
    """As a moderator would import the file: live, but its Shared Lives scheme (which may
    not go live before its CQC registration is recorded) as a draft."""
    drafts = services.plan(_example(), publish=False)
    if drafts.errors:
        return (
            f"Example import skipped: {len(drafts.errors)} rows need postcodes that are not "
            "loaded (manage.py load_postcodes --areas RM,SS,CM)."
        )
    live = services.apply(_example(), mode=services.VALID_ROWS, publish=True, user=None)
    services.apply(_example(), mode=services.ALL_OR_NOTHING, publish=False, user=None)
    return (
        f"Example import: {drafts.count('create')} created, {drafts.count('unchanged')} "
        f"already there; {len(live.errors)} Shared Lives scheme(s) kept as drafts until "
        "their CQC registration is recorded."
    )


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

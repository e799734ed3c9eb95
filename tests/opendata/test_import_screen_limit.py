"""The admin import screen publishes in the request, so it takes at most
IMPORT_SCREEN_MAX_CHANGES new or changed listings at once; the command takes any number."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from providers.models import ProviderPage

from .test_import import GOOD, csv_bytes

pytestmark = pytest.mark.django_db


def imported():
    return ProviderPage.objects.filter(external_id__startswith="ext-").count()


def dry_run(client):
    file = SimpleUploadedFile("listings.csv", csv_bytes(*GOOD), content_type="text/csv")
    return client.post("/admin/import-listings/", {"file": file, "publish": "live"})


def test_a_file_with_more_changes_than_the_screen_takes_is_checked_but_not_imported(
    client, place, moderator, settings
):
    settings.IMPORT_SCREEN_MAX_CHANGES = 1
    client.force_login(moderator)

    html = dry_run(client).content.decode()

    assert "Dry run of listings.csv" in html
    assert "at most 1 listing at a time, and this file has 2" in html
    assert "manage.py import_listings" in html
    assert ">Import</button>" not in html
    # A confirmation posted anyway (an old tab, a crafted request) writes nothing.
    token = client.session["providers_import"]["token"]
    response = client.post(
        "/admin/import-listings/", {"token": token, "mode": "all_or_nothing"}, follow=True
    )
    assert "Nothing was imported: the file has too many changes." in response.content.decode()
    assert imported() == 0


def test_within_the_limit_the_screen_imports(client, place, moderator, settings):
    settings.IMPORT_SCREEN_MAX_CHANGES = 2
    client.force_login(moderator)

    assert ">Import</button>" in dry_run(client).content.decode()
    token = client.session["providers_import"]["token"]
    client.post("/admin/import-listings/", {"token": token, "mode": "all_or_nothing"})

    assert imported() == 2


def test_the_command_has_no_such_limit(place, settings, tmp_path):
    settings.IMPORT_SCREEN_MAX_CHANGES = 1
    path = tmp_path / "listings.csv"
    path.write_bytes(csv_bytes(*GOOD))

    call_command("import_listings", str(path), "--apply", "--publish")

    assert imported() == 2

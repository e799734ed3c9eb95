"""Bulk import and freshness: only a live import, which publishes what it imports,
counts as confirming a listing. A draft import leaves a listing hidden for staleness
hidden, rather than showing its old live content again."""

import datetime
import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from providers.imports import services
from tests import builders

ROW = b"external_id,name,postcode\nimp-stale,New Name,RM17 5SW\n"


def import_through_the_admin(client, content, *, publish):
    client.post(
        "/admin/import-listings/",
        {"file": SimpleUploadedFile("listings.csv", content), "publish": publish},
    )
    token = client.session["providers_import"]["token"]
    response = client.post(
        "/admin/import-listings/", {"token": token, "mode": services.VALID_ROWS}, follow=True
    )
    assert "1 updated" in response.content.decode()


def found(client) -> set[str]:
    """The titles the public can find: in a search near Grays and in the API."""
    html = client.get("/find-support/", {"postcode": "RM17 6SL"}).content.decode()
    api = json.loads(client.get("/api/openreferral/services").content)
    in_api = {service["name"] for service in api["contents"]}
    return {t for t in ("Old Name", "New Name") if t in html} | in_api


def test_a_draft_import_leaves_a_stale_listing_hidden_and_a_live_one_brings_it_back(
    client, place, moderator
):
    stale = builders.build_provider(
        directory=place,
        title="Old Name",
        external_id="imp-stale",
        last_confirmed_at=timezone.now() - datetime.timedelta(days=400),
    )
    client.force_login(moderator)
    assert found(client) == set()

    import_through_the_admin(client, ROW, publish="draft")

    stale.refresh_from_db()
    assert stale.has_unpublished_changes and stale.title == "Old Name"
    assert found(client) == set()

    import_through_the_admin(client, ROW, publish="live")

    assert found(client) == {"New Name"}

"""Bulk import: dry run, both modes, idempotence, every kind of bad input, JSON feeds,
and who may use it."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from providers.imports import services
from providers.imports.readers import FileProblem, read
from providers.models import ListingMembership, ProviderPage
from tests import builders

HEADER = "external_id,name,postcode,kind,summary,town,support_kinds,audiences,languages,price_per_hour,phone,councils_covered,travel_radius_miles\n"
GOOD = [
    "ext-1,Grays Helping Hands,RM17 5SW,micro_enterprise,Help at home.,Grays,personal-care;Transport,older-people,pl,22.50,01375 111111,Thurrock,10\n",
    "ext-2,Southend Day Club,SS1 1AA,,Day activities.,Southend,activities-hobbies-and-day-opportunities,,,,,E06000033,\n",
]
BAD = [
    "ext-3,Bad Postcode Carer,ZZ99 9ZZ,,,,,,,,,,\n",
    'ext-4,"=HYPERLINK(""http://evil.example"",""x"")",RM17 6SL,,,,,,,,,,\n',
    "ext-1,Duplicate Of Line Two,RM20 3LP,,,,,,,,,,\n",
    "ext-5,Bad Values,RM20 3LP,robot,,,no-such-term,,,9999,not a phone,Atlantis,99\n",
]


def csv_bytes(*lines):
    return (HEADER + "".join(lines)).encode()


def listings():
    return ProviderPage.objects.filter(external_id__startswith="ext-")


def snapshot():
    return sorted(
        (p.external_id, p.title, p.live, p.latest_revision_id, str(p.price_per_hour))
        for p in listings()
    )


def test_dry_run_shows_creates_and_every_bad_row_and_changes_nothing(place):
    parsed = read(csv_bytes(*GOOD, *BAD), filename="x.csv")
    result = services.plan(parsed, publish=True)
    assert result.counts == {"create": 2, "update": 0, "unchanged": 0, "error": 4}
    problems = {(p.row.line, f) for p in result.errors for f, _msg in p.row.problems}
    assert (4, "postcode") in problems
    assert (5, "name") in problems  # formula
    assert (6, "external_id") in problems  # duplicate of line 2
    assert {f for line, f in problems if line == 7} >= {
        "kind",
        "support_kinds",
        "price_per_hour",
        "phone",
        "councils_covered",
        "travel_radius_miles",
    }
    messages = [m for p in result.errors for _f, m in p.row.problems]
    assert any("also on line 2" in m for m in messages)
    assert any("spreadsheet formula" in m for m in messages)
    assert not listings().exists()


def test_all_or_nothing_imports_nothing_when_a_row_is_bad(place, moderator):
    parsed = read(csv_bytes(*GOOD, BAD[0]), filename="x.csv")
    with pytest.raises(services.NothingImported):
        services.apply(parsed, mode=services.ALL_OR_NOTHING, publish=True, user=moderator)
    assert not listings().exists()


def test_valid_rows_mode_imports_the_good_rows_live_and_unowned(place, moderator):
    parsed = read(csv_bytes(*GOOD, *BAD), filename="x.csv")
    services.apply(parsed, mode=services.VALID_ROWS, publish=True, user=moderator)
    pages = {p.external_id: p for p in listings()}
    assert set(pages) == {"ext-1", "ext-2"}
    grays = pages["ext-1"]
    assert grays.live and grays.owner is None
    assert not ListingMembership.objects.filter(page=grays).exists()
    assert grays.area_label.endswith("(RM17)") and grays.council_code == "E06000034"
    assert {k.slug for k in grays.support_kinds.all()} == {"personal-care", "transport"}
    assert [c.pk for c in grays.councils_covered.all()] == ["E06000034"]
    assert str(grays.price_per_hour) == "22.50" and grays.show_phone
    assert pages["ext-2"].kind == "micro_enterprise"  # the default
    # Imported listings are visible (confirmed at import) and appear in the API.
    from providers.selectors import visible_listings

    assert visible_listings().filter(external_id="ext-1").exists()


def test_all_or_nothing_with_good_rows_imports_drafts(place, moderator):
    parsed = read(csv_bytes(*GOOD), filename="x.csv")
    services.apply(parsed, mode=services.ALL_OR_NOTHING, publish=False, user=moderator)
    assert listings().count() == 2
    assert not listings().filter(live=True).exists()


@pytest.mark.parametrize("publish", [True, False])
def test_reimporting_the_same_file_changes_nothing(place, moderator, publish):
    content = csv_bytes(*GOOD, *BAD)
    services.apply(
        read(content, filename="x.csv"), mode=services.VALID_ROWS, publish=publish, user=moderator
    )
    before = snapshot()
    again = services.plan(read(content, filename="x.csv"), publish=publish)
    assert (
        again.counts["unchanged"] == 2
        and again.counts["create"] == 0
        and again.counts["update"] == 0
    )
    services.apply(
        read(content, filename="x.csv"), mode=services.VALID_ROWS, publish=publish, user=moderator
    )
    assert snapshot() == before


def test_a_changed_row_is_an_update(place, moderator):
    services.apply(
        read(csv_bytes(*GOOD), filename="x.csv"),
        mode=services.VALID_ROWS,
        publish=True,
        user=moderator,
    )
    changed = (
        GOOD[0]
        .replace("22.50", "25.00")
        .replace("Help at home.", "Help at home and in the garden.")
    )
    result = services.plan(read(csv_bytes(changed, GOOD[1]), filename="x.csv"), publish=True)
    [update] = [p for p in result.rows if p.action == "update"]
    assert set(update.changes) == {"price_per_hour", "summary"}
    services.apply(
        read(csv_bytes(changed, GOOD[1]), filename="x.csv"),
        mode=services.VALID_ROWS,
        publish=True,
        user=moderator,
    )
    assert str(listings().get(external_id="ext-1").price_per_hour) == "25.00"


def test_a_claimed_listing_is_never_overwritten(place, moderator):
    services.apply(
        read(csv_bytes(*GOOD), filename="x.csv"),
        mode=services.VALID_ROWS,
        publish=True,
        user=moderator,
    )
    page = listings().get(external_id="ext-1")
    ListingMembership.objects.create(user=builders.build_user(), page=page, role="owner")
    changed = GOOD[0].replace("Grays Helping Hands", "Renamed")
    result = services.plan(read(csv_bytes(changed), filename="x.csv"), publish=True)
    assert result.counts["error"] == 1 and "claimed" in result.errors[0].row.problems[0][1]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("external_id,name,postcode\nx,Café Ünïcode,RM17 5SW\n".encode("cp1252"), "not UTF-8"),
        (b"external_id,name\nx,No Postcode Column\n", "missing the column(s): postcode"),
        (b"external_id,name,postcode,name\nx,a,RM17 5SW,b\n", "same column twice"),
        (b"", "empty"),
        (b"external_id,name,postcode\n", "no rows"),
        (b'{"contents": [{"id": "1", "name": "x"}', "JSON is malformed at line 1"),
        (b'{"hello": "world"}', "not an Open Referral feed"),
        (b"a,b\x00,c\n", "NUL"),
    ],
)
def test_bad_files_get_a_clear_file_level_report(content, message):
    with pytest.raises(FileProblem) as problem:
        read(content, filename="upload.csv" if not content.startswith(b"{") else "feed.json")
    assert message in str(problem.value)


def test_a_row_reports_everything_wrong_with_it_once_a_field(place):
    row = 'f-1,"=HYPERLINK(""http://evil.example"",""x"")",ZZ99 9ZZ,,,,,,,=1+1,,,99\n'

    result = services.plan(read(csv_bytes(row), filename="x.csv"), publish=True)

    assert dict(result.errors[0].row.problems) == {
        "name": "looks like a spreadsheet formula; remove the = + - or @ at the start",
        "postcode": "“ZZ99 9ZZ” is not a known full UK postcode",
        "price_per_hour": "looks like a spreadsheet formula; remove the = + - or @ at the start",
        "travel_radius_miles": "must be a whole number of miles from 1 to 50",
    }
    assert len(result.errors[0].row.problems) == 4


def test_line_numbers_are_where_a_multi_line_record_starts(place):
    content = (
        b'external_id,name,postcode,summary\nm-1,Ann,RM17 5SW,"two\n\nlines"\nm-2,Bob,ZZ99 9ZZ,x\n'
    )
    result = services.plan(read(content, filename="a.csv"), publish=True)
    assert [(p.row.line, p.action) for p in result.rows] == [(2, "create"), (5, "error")]


def test_short_rows_and_unknown_columns_are_reported(place):
    parsed = read(
        b"external_id,name,postcode,colour\nx-1,Ann,RM17 5SW,blue\nx-2,Bob\n", filename="a.csv"
    )
    assert "colour" in parsed.notices[0]
    result = services.plan(parsed, publish=True)
    assert result.counts == {"create": 1, "update": 0, "unchanged": 0, "error": 1}
    assert result.errors[0].row.line == 3


def test_oruk_json_feed_imports(client, place, moderator):
    source = builders.build_provider(
        directory=place, title="Feed Carer", support_kinds=["personal-care"], languages=["pl"]
    )
    body = json.loads(client.get(f"/api/openreferral/services/{source.translation_key}").content)
    body["id"] = "ext-feed-1"
    body["url"] = "https://feed-carer.example.org/"
    body["service_at_locations"][0]["location"]["addresses"] = [
        {
            "id": "x",
            "address_1": "1 High St",
            "city": "Grays",
            "state_province": "Thurrock",
            "postal_code": "RM17 6SL",
            "country": "GB",
            "address_type": "physical",
        }
    ]
    feed = json.dumps({"contents": [body, {"id": "ext-feed-2", "name": "No Postcode"}, 7]}).encode()
    parsed = read(feed, filename="feed.json")
    result = services.plan(parsed, publish=True)
    assert result.counts["create"] == 1 and result.counts["error"] == 2
    assert {f for p in result.errors for f, _m in p.row.problems} >= {"postcode", ""}
    services.apply(parsed, mode=services.VALID_ROWS, publish=True, user=moderator)
    page = ProviderPage.objects.get(external_id="ext-feed-1")
    assert page.title == "Feed Carer" and page.base_postcode == "RM17 6SL"
    assert page.website == "https://feed-carer.example.org/"
    assert {k.slug for k in page.support_kinds.all()} == {"personal-care"}
    assert {k.slug for k in page.languages.all()} == {"pl"}


# The admin screens ------------------------------------------------------------------


def upload(client, content, *, name="listings.csv", publish="live"):
    return client.post(
        "/admin/import-listings/",
        {"file": SimpleUploadedFile(name, content, content_type="text/csv"), "publish": publish},
    )


def test_only_moderators_and_superusers_may_import(client, place):
    client.force_login(builders.build_user())
    assert client.get("/admin/import-listings/").status_code in (302, 403)
    staff = builders.build_user(groups=["Analysts"])
    client.force_login(staff)
    assert client.get("/admin/import-listings/").status_code in (302, 403)
    assert upload(client, csv_bytes(*GOOD)).status_code in (302, 403)
    assert not listings().exists()
    client.force_login(builders.build_user(superuser=True))
    assert client.get("/admin/import-listings/").status_code == 200


def test_admin_dry_run_then_import(client, place, moderator):
    client.force_login(moderator)
    response = upload(client, csv_bytes(*GOOD, *BAD))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Dry run of listings.csv" in page and "Grays Helping Hands" in page
    assert "is not a known full UK postcode" in page and "also on line 2" in page
    assert not listings().exists()
    token = client.session["providers_import"]["token"]
    response = client.post(
        "/admin/import-listings/", {"token": token, "mode": services.ALL_OR_NOTHING}
    )
    assert "Nothing was imported" in response.content.decode()
    assert not listings().exists()
    response = client.post(
        "/admin/import-listings/", {"token": token, "mode": services.VALID_ROWS}, follow=True
    )
    assert "2 created" in response.content.decode()
    assert listings().filter(live=True).count() == 2
    # A double submit finds no pending import and changes nothing.
    again = client.post(
        "/admin/import-listings/", {"token": token, "mode": services.VALID_ROWS}, follow=True
    )
    assert "expired" in again.content.decode() and listings().count() == 2


def test_admin_reports_a_bad_file(client, place, moderator):
    client.force_login(moderator)
    response = upload(client, b"\xff\xfe\x00n\x00a\x00m\x00e")
    assert "This file cannot be imported" in response.content.decode()
    assert "not UTF-8" in response.content.decode()

"""Bulk import of JSON feeds that are valid JSON but not the shape of an Open Referral
feed: each such item is a bad row (item number, field, problem), and a file JSON cannot
read is a file-level problem, never a server error."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from providers.imports import services
from providers.imports.readers import FileProblem, read

SERVICE = {"id": "feed-1", "name": "Feed Carer"}
WITH_ADDRESS = {
    "service_at_locations": [{"location": {"addresses": [{"postal_code": "RM17 5SW"}]}}]
}


def feed(*items) -> bytes:
    return json.dumps({"contents": list(items)}).encode()


@pytest.mark.parametrize(
    ("fields", "field", "problem"),
    [
        ({"attributes": 5}, "attributes", "must be a list"),
        ({"service_at_locations": 7}, "service_at_locations", "must be a list"),
        (
            {"service_at_locations": [{"location": {"addresses": 3}}]},
            "service_at_locations[0].location.addresses",
            "must be a list",
        ),
        ({"languages": True}, "languages", "must be a list"),
        ({"cost_options": {"option": "per hour"}}, "cost_options", "must be a list"),
        ({"service_areas": "Thurrock"}, "service_areas", "must be a list"),
        ({"phones": "01375 111111"}, "phones", "must be a list"),
        ({"organization": "Acme"}, "organization", "must be an object"),
        ({"name": {"en": "Feed Carer"}}, "name", "must be text"),
        ({"description": ["two", "parts"]}, "description", "must be text"),
    ],
)
def test_a_field_of_the_wrong_shape_is_reported_on_its_item(place, fields, field, problem):
    good = {**SERVICE, **WITH_ADDRESS, "id": "feed-0"}
    bad = {**SERVICE, **WITH_ADDRESS, **fields}

    result = services.plan(read(feed(good, bad), filename="feed.json"), publish=True)

    assert [(p.row.line, p.action) for p in result.rows] == [(1, "create"), (2, "error")]
    assert result.errors[0].row.problems == [(field, problem)]


def test_one_service_on_its_own_with_a_bad_field_is_item_1(place):
    content = json.dumps({"id": "x", "name": "y", "attributes": 5}).encode()

    result = services.plan(read(content, filename="feed.json"), publish=True)

    assert [(p.row.line, p.row.problems) for p in result.errors] == [
        (1, [("attributes", "must be a list")])
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"[" * 200_000 + b"]" * 200_000, "The file is nested too deeply"),
        (b'{"id": "x", "name": "y", "amount": ' + b"1" * 5000 + b"}", "thousands of digits"),
    ],
)
def test_json_that_cannot_be_read_is_a_file_level_problem(content, message):
    with pytest.raises(FileProblem) as problem:
        read(content, filename="feed.json")
    assert message in str(problem.value)


def upload(client, content):
    return client.post(
        "/admin/import-listings/",
        {
            "file": SimpleUploadedFile("feed.json", content, content_type="application/json"),
            "publish": "draft",
        },
    )


def test_the_dry_run_screen_lists_each_bad_item(client, place, moderator):
    client.force_login(moderator)
    content = feed(
        {**SERVICE, "id": "a", "attributes": 5},
        {**SERVICE, "id": "b", "service_at_locations": 7},
        {**SERVICE, "id": "c", "service_at_locations": [{"location": {"addresses": 3}}]},
        {**SERVICE, "id": "d", "languages": True},
    )

    response = upload(client, content)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Dry run of feed.json" in page
    assert "attributes must be a list" in page
    assert "service_at_locations must be a list" in page
    assert "service_at_locations[0].location.addresses must be a list" in page
    assert "languages must be a list" in page


def test_the_dry_run_screen_reports_a_file_nested_too_deeply(client, place, moderator):
    client.force_login(moderator)

    response = upload(client, b"[" * 200_000 + b"]" * 200_000)

    assert response.status_code == 200
    page = response.content.decode()
    assert "This file cannot be imported" in page and "nested too deeply" in page

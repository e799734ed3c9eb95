"""manage.py import_listings: the same plan as the admin screen, for files too big to
upload. Bad rows are named by line in a CSV and by item in a JSON feed, as on the screen."""

import json

import pytest
from django.core.management import CommandError, call_command

from providers.models import ProviderPage

from .test_import import BAD, GOOD, csv_bytes

pytestmark = pytest.mark.django_db


def run(path, *args, capsys):
    call_command("import_listings", str(path), *args)
    return capsys.readouterr().out


def test_a_dry_run_names_each_bad_line_and_imports_nothing(place, tmp_path, capsys):
    path = tmp_path / "listings.csv"
    path.write_bytes(csv_bytes(*GOOD, BAD[0]))

    out = run(path, capsys=capsys)

    assert "line 4: postcode" in out
    assert "Dry run: 2 to create, 0 to update, 0 unchanged, 1 bad." in out
    assert not ProviderPage.objects.filter(external_id__startswith="ext-").exists()


def test_a_json_feed_names_each_bad_item(place, tmp_path, capsys):
    path = tmp_path / "feed.json"
    path.write_text(json.dumps({"contents": [{"id": "x", "name": "Feed Carer"}]}))

    out = run(path, capsys=capsys)

    assert "item 1: postcode" in out and "line 1" not in out


def test_apply_imports_the_file_and_a_second_run_changes_nothing(place, tmp_path, capsys):
    path = tmp_path / "listings.csv"
    path.write_bytes(csv_bytes(*GOOD))

    run(path, "--apply", "--publish", capsys=capsys)
    again = run(path, capsys=capsys)

    live = ProviderPage.objects.filter(external_id__startswith="ext-", live=True)
    assert sorted(live.values_list("title", flat=True)) == [
        "Grays Helping Hands",
        "Southend Day Club",
    ]
    assert "0 to create, 0 to update, 2 unchanged, 0 bad" in again


def test_a_file_that_cannot_be_read_is_an_error_not_a_traceback(place, tmp_path):
    with pytest.raises(CommandError, match="No such file|could not"):
        call_command("import_listings", str(tmp_path / "missing.csv"))

"""The load_postcodes command against the real package, on small postcode areas."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Avg

from providers.geography.models import OutwardCode, Postcode
from providers.geography.selectors import lookup_postcode
from providers.geography.services import refresh_outward_code


def load(*args) -> str:
    out = StringIO()
    call_command("load_postcodes", *args, stdout=out)
    return out.getvalue()


def snapshot():
    return (
        list(Postcode.objects.order_by("pk").values_list()),
        list(OutwardCode.objects.order_by("pk").values_list()),
    )


def test_loads_only_the_areas_asked_for(db):
    output = load("--areas", "ZE,hs")
    areas = {p[:2] for p in Postcode.objects.values_list("postcode", flat=True)}
    assert areas == {"ZE", "HS"}
    assert 1000 < Postcode.objects.count() < 5000
    assert "Loaded" in output and "postcodes" in output and " s." in output
    shetland = lookup_postcode("ZE1 0AA")
    assert (shetland.easting, shetland.northing) == (447759, 1141280)
    assert (shetland.council_name, shetland.region_name) == ("Shetland Islands", "Scotland")
    assert lookup_postcode("HS1 2BW").council_code == "S12000013"  # Na h-Eileanan Siar


def test_outward_codes_are_centroids_with_majority_district(db):
    load("--areas", "ZE")
    for outward in OutwardCode.objects.all():
        postcodes = Postcode.objects.filter(postcode__startswith=f"{outward.pk} ")
        mean = postcodes.aggregate(e=Avg("easting"), n=Avg("northing"))
        assert (outward.easting, outward.northing) == (round(mean["e"]), round(mean["n"]))
        assert outward.district_id == "S12000027"
    before = list(OutwardCode.objects.order_by("pk").values_list())
    for outward in OutwardCode.objects.values_list("pk", flat=True):
        refresh_outward_code(outward)  # the builders' path agrees with the bulk path
    assert list(OutwardCode.objects.order_by("pk").values_list()) == before


def test_rerun_replaces_contents_with_identical_rows(db):
    load("--areas", "ZE")
    first = snapshot()
    Postcode.objects.filter(postcode="ZE1 0AA").update(easting=1)
    load("--areas", "ZE")
    assert snapshot() == first
    load("--areas", "HS")
    assert not Postcode.objects.filter(postcode__startswith="ZE").exists()


def test_skips_postcodes_without_a_grid_reference(db):
    load("--areas", "AB,JE")
    # AB11 3AG has no grid reference in the ONS file; Jersey (JE) has none at all.
    assert not Postcode.objects.filter(postcode="AB11 3AG").exists()
    assert not Postcode.objects.filter(postcode__startswith="JE").exists()
    assert Postcode.objects.filter(postcode__startswith="AB").count() > 10_000


def test_if_empty_leaves_a_loaded_table_alone(db):
    load("--areas", "ZE")
    count = Postcode.objects.count()
    assert "already loaded" in load("--if-empty", "--areas", "HS")
    assert Postcode.objects.count() == count


@pytest.mark.parametrize("areas", ["R1", "RMX", ",", "R-M"])
def test_rejects_bad_areas(db, areas):
    with pytest.raises(CommandError):
        load("--areas", areas)

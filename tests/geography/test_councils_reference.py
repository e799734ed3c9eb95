"""The project's councils table against the public lists it was built from."""

import csv
from pathlib import Path

import pytest
from django.conf import settings

from providers.geography.models import Council, District

REFERENCE = Path(settings.BASE_DIR).parent / "shared" / "reference" / "geography"
NATIONS = {"Wales": "W92000004", "Scotland": "S92000003", "Northern Ireland": "N92000002"}

pytestmark = pytest.mark.skipif(
    not REFERENCE.is_dir(), reason=f"reference lists not found at {REFERENCE}"
)


def read(name: str) -> list[dict[str, str]]:
    with open(REFERENCE / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def current_districts() -> dict[str, dict[str, str]]:
    return {r["LADCD"]: r for r in read("la_all_codes.csv") if r["Current"] == "TRUE"}


def expected_region(row: dict[str, str]) -> tuple[str, str]:
    if row["CTRYNM"] == "England":
        return row["RGNCD"], row["RGNNM"]
    return NATIONS[row["CTRYNM"]], row["CTRYNM"]


def test_every_current_district_is_present_with_no_extras(db, current_districts):
    assert set(District.objects.values_list("gss_code", flat=True)) == set(current_districts)


def test_districts_have_reference_names_upper_tier_and_region(db, current_districts):
    for district in District.objects.select_related("council"):
        ref = current_districts[district.gss_code]
        council = district.council
        assert district.name == ref["LADNM"], district.gss_code
        assert (council.gss_code, council.name) == (ref["UTLACD"], ref["UTLANM"])
        assert (council.region_code, council.region_name) == expected_region(ref)
        assert council.nation == ref["CTRYNM"]


def test_councils_match_upper_tier_list(db, current_districts):
    upper = {r["UTLACD"]: r for r in read("utla_all_codes.csv")}
    in_use = {r["UTLACD"] for r in current_districts.values()}
    councils = {c.gss_code: c for c in Council.objects.all()}
    assert set(councils) == in_use
    for code, council in councils.items():
        assert council.name == upper[code]["UTLANM"]
        assert (council.region_code, council.region_name) == expected_region(upper[code])


def test_current_districts_are_current_authorities(db, current_districts):
    """Cross-check with mySociety's register: each district is a current authority there
    (under its 2020 code where the register predates a recode, as for Barnsley in 2024)."""
    register = {r["gss-code"]: r for r in read("uk_local_authorities.csv") if r["gss-code"]}
    for code in District.objects.values_list("gss_code", flat=True):
        entry = register.get(code) or register[current_districts[code]["LAD20CD"]]
        assert entry["current-authority"] == "True", code


def test_england_has_nine_regions_and_nations_are_regions(db):
    english = Council.objects.filter(nation="England").values_list("region_code", flat=True)
    assert len(set(english)) == 9
    others = Council.objects.exclude(nation="England").values_list("region_code", flat=True)
    assert set(others) == set(NATIONS.values())

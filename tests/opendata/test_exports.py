"""CSV downloads: public fields only, formulas neutralised, streamed."""

import csv
import io
import re
from datetime import timedelta

from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from directory.exports.csv import COLUMNS, neutralise
from home.spreadsheets import FORMULA_PREFIXES as FORMULA_STARTS
from tests import builders


def read_csv(response):
    assert response["Content-Type"].startswith("text/csv")
    assert response.streaming
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_full_file_has_visible_listings_with_public_fields_only(client, listings):
    response = client.get("/data/providers.csv")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    rows = read_csv(response)
    assert sorted(r["name"] for r in rows) == [
        "Essex Shared Lives",
        "Grays Home Help",
        "Southend Day Club",
    ]
    assert list(rows[0].keys()) == COLUMNS
    text = str(rows)
    for page in (listings["home_based"], listings["shared_lives"], listings["premises"]):
        assert page.base_postcode not in text
    assert "hidden@example.org" not in text
    assert "County Hall" not in text  # Shared Lives: never an address
    by_name = {r["name"]: r for r in rows}
    assert by_name["Southend Day Club"]["premises_address"].startswith("Unit 3, Victoria Avenue")
    assert by_name["Grays Home Help"]["outward_code"] == "RM17"
    assert by_name["Grays Home Help"]["phone"] == "01375 000000"
    assert by_name["Grays Home Help"]["support_kinds"] == "Personal care"
    assert by_name["Grays Home Help"]["profile_url"].startswith("http://testserver/")


def test_formulas_are_neutralised(client, directory, thurrock_postcodes):
    builders.build_provider(
        directory=directory,
        title='=HYPERLINK("http://evil.example","click")',
        summary="+44 call me",
        price_note="@SUM(A1:A2)",
    )
    row = read_csv(client.get("/data/providers.csv"))[0]
    assert row["name"] == '\'=HYPERLINK("http://evil.example","click")'
    assert row["summary"] == "'+44 call me"
    assert row["price_note"] == "'@SUM(A1:A2)"


@given(st.text())
def test_no_cell_can_start_a_formula(value):
    cell = neutralise(value)
    assert not cell.startswith(FORMULA_STARTS)
    assert cell.removeprefix("'") == value or cell == value


def test_search_results_export_uses_the_search_and_its_order(client, listings):
    query = "postcode=SS0+7AB&distance=3"
    page = client.get(f"/find-support/?{query}").content.decode()
    assert f"/find-support/export/?{query.replace('&', '&amp;')}" in page
    response = client.get(f"/find-support/export/?{query}")
    assert response.status_code == 200
    assert 'filename="providers-near-SS0.csv"' in response["Content-Disposition"]
    rows = read_csv(response)
    # Covering providers first, then the nearest: the search page's own order.
    assert [r["name"] for r in rows] == [
        "Essex Shared Lives",  # the centre of CM1 is 26.4 km away, of RM17 26.7 km
        "Grays Home Help",
        "Southend Day Club",
    ]
    assert "Draft Carer" not in str(rows) and "Stale Carer" not in str(rows)
    filtered = read_csv(client.get(f"/find-support/export/?{query}&kind=shared_lives"))
    assert [r["name"] for r in filtered] == ["Essex Shared Lives"]


def test_search_export_with_a_bad_search_goes_back_to_the_search_page(client, listings):
    response = client.get("/find-support/export/?postcode=ZZ99+9ZZ")
    assert response.status_code == 302 and response.url.startswith("/find-support/?postcode=")


def test_both_files_start_with_a_utf8_byte_order_mark_so_excel_reads_them_as_utf8(
    client, directory, thurrock_postcodes
):
    builders.build_provider(directory=directory, title="Zoë's Café", postcode="RM17 5SW")
    for url in ("/data/providers.csv", "/find-support/export/?postcode=RM17+6SL"):
        content = b"".join(client.get(url).streaming_content)
        assert content.startswith(b"\xef\xbb\xbfid,name,")
        assert content.count(b"\xef\xbb\xbf") == 1
        assert ",Zoë's Café," in content.decode("utf-8")


def test_a_search_export_is_private_and_its_filename_has_the_outward_code_only(client, listings):
    response = client.get("/find-support/export/?postcode=SS0+7AB")

    # The searcher's postcode is personal: no shared cache keeps the file, and the
    # file name (which ends up in Downloads folders and emails) says only SS0.
    cache_control = {d.strip() for d in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control and "public" not in cache_control
    assert response["Content-Disposition"] == 'attachment; filename="providers-near-SS0.csv"'
    assert "7AB" not in response["Content-Disposition"]


def test_the_full_directory_file_may_be_cached_by_anyone(client, listings):
    response = client.get("/data/providers.csv")

    assert response["Cache-Control"] == "public, max-age=300"


def _cards(html: str) -> dict[str, str]:
    """{provider name: its card's tags and distance} on a search results page."""
    cards = re.findall(r'id="result-\d+"><a [^>]*>([^<]+)</a>(.*?)</article>', html, re.S)
    return {name: card for name, card in cards}


def test_a_search_export_says_how_far_whether_it_covers_the_area_and_if_out_of_date(
    client, listings, directory
):
    builders.build_provider(
        directory=directory, title="Old News Care", postcode="SS0 7AB", travel_radius_miles=1,
        last_confirmed_at=timezone.now() - timedelta(days=200),
    )  # fmt: skip
    query = "postcode=SS0+7AB&distance=3"
    cards = _cards(client.get(f"/find-support/?{query}").text)

    rows = read_csv(client.get(f"/find-support/export/?{query}"))

    assert list(rows[0])[:6] == [
        "id", "name", "kind", "distance_miles", "covers_searched_area", "may_be_out_of_date"
    ]  # fmt: skip
    by_name = {r["name"]: r for r in rows}
    assert set(by_name) == set(cards)
    # Whole miles to the centre of the listing's outward code, as its card says.
    assert by_name["Essex Shared Lives"]["distance_miles"] == "16"  # 26.4 km
    assert "About 16 miles away" in cards["Essex Shared Lives"]
    assert by_name["Old News Care"]["distance_miles"] == "0"
    assert "Less than 1 mile away" in cards["Old News Care"]
    for name, row in by_name.items():
        miles = row["distance_miles"]
        said = "Less than 1 mile away" if miles == "0" else f"About {miles} mile"
        assert said in cards[name]
        covers = "Covers your area" in cards[name]
        assert row["covers_searched_area"] == ("yes" if covers else "no")
        out_of_date = "May be out of date" in cards[name]
        assert row["may_be_out_of_date"] == ("yes" if out_of_date else "no")
    assert by_name["Grays Home Help"]["covers_searched_area"] == "yes"  # covers Southend
    assert by_name["Southend Day Club"]["covers_searched_area"] == "no"
    assert by_name["Old News Care"]["may_be_out_of_date"] == "yes"
    assert by_name["Grays Home Help"]["may_be_out_of_date"] == "no"
    # Without a search there is no distance or area: the full file keeps its columns.
    assert "distance_miles" not in read_csv(client.get("/data/providers.csv"))[0]

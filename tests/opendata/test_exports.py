"""CSV downloads: public fields only, formulas neutralised, streamed."""

import csv
import io

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

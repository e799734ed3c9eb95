"""Bulk import applies the provider portal's rules: a kind of provider offers only the kinds
of support that fit it, and a Shared Lives scheme goes live only once its registration with
the regulator (CQC) is recorded. A row that breaks one is a bad row, reported like any
other (line or item, field, problem), in the CSV and in an ORUK feed."""

import html
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from providers.imports import services
from providers.imports.readers import read
from providers.models import ProviderPage
from tests import builders

HEADER = "external_id,name,postcode,kind,support_kinds\n"
CQC_PROBLEM = (
    "is a Shared Lives scheme with no registration with the regulator (CQC) recorded, so it "
    "cannot be published: import it as a draft; it can go live once its registration is recorded"
)


def plan(content: str, *, publish: bool, filename="listings.csv"):
    return services.plan(read(content.encode(), filename=filename), publish=publish)


def problems(result) -> list[tuple[int, str, str]]:
    return [
        (p.row.line, field, message) for p in result.errors for field, message in p.row.problems
    ]


def test_a_kind_of_support_that_does_not_fit_the_kind_of_provider_is_a_bad_row(place):
    content = HEADER + (
        "rule-1,Grays Helping Hands,RM17 5SW,micro_enterprise,Personal care\n"
        "rule-2,Grays Short Breaks,RM17 5SW,micro_enterprise,Personal care;Shared Lives short break\n"
        "rule-3,Essex Shared Lives,CM1 1QH,shared_lives,shared-lives-short-break\n"
        "rule-4,Thurrock Shared Lives,RM17 6SL,shared_lives,Personal care;Transport\n"
        "rule-5,Tilbury Helpers,RM20 3LP,,shared-lives-day-support\n"
    )

    result = plan(content, publish=False)

    assert [(p.row.line, p.action) for p in result.rows] == [
        (2, "create"),
        (3, "error"),
        (4, "create"),
        (5, "error"),
        (6, "error"),
    ]
    assert problems(result) == [
        (
            3,
            "support_kinds",
            "“Shared Lives short break” is not a kind of support a micro-enterprise offers",
        ),
        (
            5,
            "support_kinds",
            "“Personal care”, “Transport” are not kinds of support a Shared Lives scheme offers",
        ),
        (
            6,
            "support_kinds",
            "“shared-lives-day-support” is not a kind of support a micro-enterprise offers",
        ),
    ]


def test_the_misfit_is_reported_with_the_rows_other_problems(place):
    content = HEADER + "rule-1,Grays Short Breaks,ZZ99 9ZZ,,Shared Lives short break\n"

    result = plan(content, publish=False)

    assert {field for _line, field, _message in problems(result)} == {"postcode", "support_kinds"}


def test_an_update_that_leaves_the_kind_out_is_checked_against_the_listings_own_kind(place):
    builders.build_provider(
        directory=place,
        kind="shared_lives",
        external_id="rule-sl",
        support_kinds=["shared-lives-short-break"],
    )
    header = "external_id,name,postcode,support_kinds\n"

    fits = plan(
        header + "rule-sl,Essex Shared Lives,CM1 1QH,Shared Lives day support\n", publish=False
    )
    misfit = plan(header + "rule-sl,Essex Shared Lives,CM1 1QH,Personal care\n", publish=False)

    assert [p.action for p in fits.rows] == ["update"]
    assert problems(misfit) == [
        (
            2,
            "support_kinds",
            "“Personal care” is not a kind of support a Shared Lives scheme offers",
        )
    ]


def test_a_new_kind_must_fit_the_kinds_of_support_the_listing_keeps(place):
    builders.build_provider(directory=place, external_id="rule-me", support_kinds=["personal-care"])

    result = plan(
        "external_id,name,postcode,kind\nrule-me,Grays Helping Hands,RM17 5SW,shared_lives\n",
        publish=False,
    )

    assert problems(result) == [
        (
            2,
            "kind",
            "“shared_lives” does not fit the listing's kinds of support “Personal care”: "
            "give the support_kinds that fit it too",
        )
    ]


def test_a_shared_lives_scheme_is_imported_as_a_draft_but_never_live_without_its_cqc_registration(
    place, moderator
):
    content = HEADER + (
        "rule-1,Grays Helping Hands,RM17 5SW,micro_enterprise,Personal care\n"
        "rule-2,Essex Shared Lives,CM1 1QH,shared_lives,Shared Lives short break\n"
    )

    live = plan(content, publish=True)
    assert [p.action for p in live.rows] == ["create", "error"]
    assert problems(live) == [(3, "kind", CQC_PROBLEM)]
    with pytest.raises(services.NothingImported):
        services.apply(
            read(content.encode(), filename="x.csv"),
            mode=services.ALL_OR_NOTHING,
            publish=True,
            user=moderator,
        )
    assert not ProviderPage.objects.filter(external_id__startswith="rule-").exists()

    services.apply(
        read(content.encode(), filename="x.csv"),
        mode=services.VALID_ROWS,
        publish=True,
        user=moderator,
    )
    assert list(
        ProviderPage.objects.filter(external_id__startswith="rule-").values_list(
            "external_id", "live"
        )
    ) == [("rule-1", True)]

    services.apply(
        read(content.encode(), filename="x.csv"),
        mode=services.ALL_OR_NOTHING,
        publish=False,
        user=moderator,
    )
    scheme = ProviderPage.objects.get(external_id="rule-2")
    assert scheme.kind == "shared_lives" and not scheme.live


def test_a_shared_lives_listing_with_its_registration_recorded_may_be_published(place, moderator):
    scheme = builders.build_provider(
        directory=place,
        kind="shared_lives",
        external_id="rule-sl",
        support_kinds=["shared-lives-short-break"],
        live=False,
    )
    content = "external_id,name,postcode\nrule-sl,Essex Shared Lives,CM1 1QH\n"
    assert problems(plan(content, publish=True)) == [(2, "kind", CQC_PROBLEM)]

    builders.build_check(page=scheme, kind="regulator", verified=False, reference="1-123456789")
    services.apply(
        read(content.encode(), filename="x.csv"),
        mode=services.ALL_OR_NOTHING,
        publish=True,
        user=moderator,
    )

    scheme.refresh_from_db()
    assert scheme.live and scheme.title == "Essex Shared Lives"


def test_a_live_listing_the_import_leaves_unchanged_is_not_a_bad_row(place):
    """The rule stops a scheme going live; it does not take down one that already is."""
    builders.build_provider(
        directory=place,
        title="Essex Shared Lives",
        kind="shared_lives",
        postcode="CM1 1QH",
        external_id="rule-sl",
    )

    result = plan("external_id,name,postcode\nrule-sl,Essex Shared Lives,CM1 1QH\n", publish=True)

    assert [p.action for p in result.rows] == ["unchanged"]


# An Open Referral UK feed --------------------------------------------------------------


def service(external_id, *, kind, support):
    return {
        "id": external_id,
        "name": f"Feed {external_id}",
        "service_at_locations": [{"location": {"addresses": [{"postal_code": "RM17 5SW"}]}}],
        "attributes": [
            {"taxonomy_term": {"taxonomy": "Kind of provider", "name": kind}},
            {"taxonomy_term": {"taxonomy": "Kinds of support", "name": support}},
        ],
    }


def test_an_oruk_feed_gets_the_same_rules(place):
    feed = json.dumps(
        {
            "contents": [
                service("feed-1", kind="Micro-enterprise", support="Personal care"),
                service("feed-2", kind="Micro-enterprise", support="Shared Lives day support"),
                service("feed-3", kind="Shared Lives scheme", support="Personal care"),
                service("feed-4", kind="Shared Lives scheme", support="Shared Lives day support"),
            ]
        }
    )

    drafts = plan(feed, publish=False, filename="feed.json")
    live = plan(feed, publish=True, filename="feed.json")

    misfits = [
        (
            2,
            "support_kinds",
            "“Shared Lives day support” is not a kind of support a micro-enterprise offers",
        ),
        (
            3,
            "support_kinds",
            "“Personal care” is not a kind of support a Shared Lives scheme offers",
        ),
    ]
    assert [p.action for p in drafts.rows] == ["create", "error", "error", "create"]
    assert problems(drafts) == misfits
    assert [p.action for p in live.rows] == ["create", "error", "error", "error"]
    assert problems(live) == [*misfits, (4, "kind", CQC_PROBLEM)]


# The admin screen ------------------------------------------------------------------------


def test_the_dry_run_report_names_the_row_the_field_and_the_value(client, place, moderator):
    client.force_login(moderator)
    content = HEADER + (
        "rule-1,Grays Short Breaks,RM17 5SW,micro_enterprise,Shared Lives short break\n"
        "rule-2,Essex Shared Lives,CM1 1QH,shared_lives,Shared Lives short break\n"
    )

    response = client.post(
        "/admin/import-listings/",
        {"file": SimpleUploadedFile("listings.csv", content.encode()), "publish": "live"},
    )

    report = " ".join(html.unescape(response.content.decode()).split())
    assert (
        "support_kinds “Shared Lives short break” is not a kind of support a micro-enterprise "
        "offers" in report
    )
    assert "kind is a Shared Lives scheme with no registration with the regulator (CQC)" in report

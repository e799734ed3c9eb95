"""response_frame against a plain reference built from the model instances: the same
columns, dtypes, order, values and NAs, for data that reaches every answer of every
vocabulary, every kind of missing answer, several waves and drafts."""

import itertools
from decimal import Decimal

import pandas as pd
import pytest

from providers.geography.models import Council
from survey import frame as frame_module
from survey.models import Response, choices
from survey.selectors import FRAME_COLUMNS, response_frame
from tests import builders

pytestmark = pytest.mark.django_db

CATEGORIES = {
    "provider_kind": choices.ProviderKind,
    "legal_form": choices.LegalForm,
    "turnover_band": choices.TurnoverBand,
    "previous_employment": choices.PreviousEmployment,
    "intention_12m": choices.Intention,
    "qualification": choices.Qualification,
    "care_certificate": choices.CareCertificate,
    "disability": choices.YesNoPreferNot,
    "unpaid_carer": choices.YesNoPreferNot,
    "age_band": choices.AgeBand,
}
REASON_SETS = [
    None,
    [],
    ["other"],
    ["values", "flexibility"],  # stored out of choice order
    choices.Reason.values,  # every reason
    ["health", "redundancy", "better_pay"],
]


def reference_frame(wave_ids):
    """The contract spelled out slowly: one row per submitted response, in id order."""
    responses = list(
        Response.objects.filter(wave_id__in=wave_ids, status=Response.Status.SUBMITTED)
        .select_related("council")
        .order_by("pk")
    )
    councils = sorted(Council.objects.values_list("gss_code", flat=True))
    regions = sorted(set(Council.objects.values_list("region_code", flat=True)))

    def floats(name):
        values = [getattr(r, name) for r in responses]
        return pd.array([None if v is None else float(v) for v in values], dtype="Float64")

    columns = {
        "wave_id": pd.Series([r.wave_id for r in responses], dtype="int64"),
        "council_code": pd.Categorical([r.council_id for r in responses], categories=councils),
        "region_code": pd.Categorical(
            [r.council.region_code if r.council else None for r in responses],
            categories=regions,
        ),
        "hours_weekly": floats("hours_weekly"),
        "hourly_rate": floats("hourly_rate"),
        "reasons": pd.Series(
            [[c for c in choices.Reason.values if c in (r.reasons or [])] for r in responses],
            dtype=object,
        ),
    }
    for name, vocabulary in CATEGORIES.items():
        values = [getattr(r, name) for r in responses]
        columns[name] = pd.Categorical(values, categories=vocabulary.values)
    for name in ["people_supported", "workers", "year_started_care", "year_self_employed"]:
        columns[name] = pd.array([getattr(r, name) for r in responses], dtype="Int64")
    return pd.DataFrame({name: columns[name] for name in FRAME_COLUMNS})


@pytest.fixture
def representative_waves():
    """Three waves; in the two asked for, submitted responses interleaved with drafts and
    with the third wave's, reaching every answer code, every missing answer, councils of
    all four nations, one the reference data did not have, and none."""
    waves = [builders.build_wave(title=f"wave {n}") for n in range(3)]
    new_council = Council.objects.create(
        gss_code="E06000999",
        name="A council created after the reference data",
        region_code="E12000009",
        region_name="South West",
        nation="England",
    )
    councils = [
        next(c for c in Council.objects.order_by("gss_code") if c.gss_code[0] == nation)
        for nation in "ENSW"
    ] + [new_council, None]
    width = max(len(v.values) for v in CATEGORIES.values()) + 1  # one more: unanswered
    for n in range(max(width, len(REASON_SETS), len(councils)) * 2):
        answers = {
            name: (vocabulary.values + [None])[n % (len(vocabulary.values) + 1)]
            for name, vocabulary in CATEGORIES.items()
        }
        builders.build_response(
            wave=waves[n % 2],
            council_id=getattr(councils[n % len(councils)], "gss_code", None),
            reasons=REASON_SETS[n % len(REASON_SETS)],
            people_supported=[0, 200, None, 7][n % 4],
            workers=[1, 50, None][n % 3],
            hours_weekly=[Decimal("0.0"), Decimal("100.0"), None, Decimal("37.5")][n % 4],
            hourly_rate=[Decimal("150.00"), Decimal("0.01"), None][n % 3],
            year_started_care=[1960, 2026, None][n % 3],
            year_self_employed=[None, 2000][n % 2],
            **answers,
        )
        builders.build_response(wave=waves[n % 2], submitted=False)
        builders.build_response(wave=waves[2])
    return waves


def test_frame_equals_the_reference(representative_waves):
    first, second, _third = representative_waves

    frame = response_frame(wave_ids=[second.pk, first.pk, second.pk])

    expected = reference_frame([first.pk, second.pk])
    assert (
        len(frame)
        == Response.objects.filter(
            wave__in=[first, second], status=Response.Status.SUBMITTED
        ).count()
    )
    pd.testing.assert_frame_equal(frame, expected, check_exact=True)


def test_frame_covers_every_answer_and_every_gap(representative_waves):
    first, second, _third = representative_waves

    frame = response_frame(wave_ids=[first.pk, second.pk])

    for name, vocabulary in CATEGORIES.items():
        assert set(frame[name].dropna()) == set(vocabulary.values), name
        assert frame[name].isna().any(), name
    assert frame["council_code"].isna().any() and frame["region_code"].isna().any()
    assert "E06000999" in set(frame["council_code"].dropna())
    assert {code[0] for code in frame["council_code"].dropna()} == set("ENSW")
    assert [] in list(frame["reasons"]) and choices.Reason.values in list(frame["reasons"])
    assert list(frame["wave_id"].unique()) == [first.pk, second.pk]


def test_one_wave_of_several(representative_waves):
    first, _second, _third = representative_waves

    frame = response_frame(wave_ids=[first.pk])

    pd.testing.assert_frame_equal(frame, reference_frame([first.pk]), check_exact=True)


def test_equal_reasons_share_one_list(representative_waves):
    frame = response_frame(wave_ids=[w.pk for w in representative_waves])

    by_value = {}
    for reasons in frame["reasons"]:
        by_value.setdefault(tuple(reasons), set()).add(id(reasons))
    assert len(by_value) > 3
    assert all(len(ids) == 1 for ids in by_value.values())


def test_reads_across_chunks(representative_waves, monkeypatch):
    """The SQLite path reads in chunks; PostgreSQL in one COPY. Both give the reference."""
    monkeypatch.setattr(frame_module, "CHUNK_ROWS", 5)
    waves = [w.pk for w in representative_waves]

    frame = response_frame(wave_ids=waves)

    assert len(frame) > 3 * frame_module.CHUNK_ROWS
    pd.testing.assert_frame_equal(frame, reference_frame(waves), check_exact=True)


def test_wave_ids_far_apart():
    """The wave is packed as its distance from the smallest id asked for."""
    near = builders.build_wave()
    far = builders.build_wave(pk=near.pk + 100_000)
    for wave, hours in itertools.product([near, far], ["1.5", None]):
        builders.build_response(wave=wave, hours_weekly=hours)

    frame = response_frame(wave_ids=[near.pk, far.pk])

    pd.testing.assert_frame_equal(frame, reference_frame([near.pk, far.pk]), check_exact=True)
    assert sorted(set(frame["wave_id"])) == [near.pk, far.pk]

import pandas as pd
import pytest

from survey.selectors import FRAME_COLUMNS, response_frame
from tests import builders

pytestmark = pytest.mark.django_db

CATEGORY_COLUMNS = [
    "provider_kind",
    "legal_form",
    "council_code",
    "region_code",
    "turnover_band",
    "previous_employment",
    "intention_12m",
    "qualification",
    "care_certificate",
    "disability",
    "unpaid_carer",
    "age_band",
]


def test_columns_and_dtypes_follow_the_contract():
    wave = builders.build_wave()
    builders.build_response(wave=wave)

    frame = response_frame(wave_ids=[wave.pk])

    assert list(frame.columns) == FRAME_COLUMNS
    assert frame["wave_id"].dtype == "int64"
    for column in CATEGORY_COLUMNS:
        assert isinstance(frame[column].dtype, pd.CategoricalDtype), column
    for column in ["people_supported", "workers", "year_started_care", "year_self_employed"]:
        assert frame[column].dtype == "Int64", column
    for column in ["hours_weekly", "hourly_rate"]:
        assert frame[column].dtype == "Float64", column
    assert frame["reasons"].dtype == object


def test_values_of_a_submitted_response():
    wave = builders.build_wave()
    builders.build_response(wave=wave)

    row = response_frame(wave_ids=[wave.pk]).iloc[0]

    assert row["wave_id"] == wave.pk
    assert row["provider_kind"] == "micro_enterprise"
    assert row["council_code"] == "E06000034"
    assert row["region_code"] == "E12000006"  # East of England
    assert row["hours_weekly"] == 32.5
    assert row["hourly_rate"] == 21.5
    assert row["workers"] == 2
    assert row["reasons"] == ["flexibility", "values"]
    assert row["unpaid_carer"] == "yes"


def test_drafts_and_other_waves_never_appear_and_nulls_stay_null():
    wave, other = builders.build_wave(), builders.build_wave()
    builders.build_response(wave=wave, hours_weekly=None, hourly_rate=None, people_supported=None)
    builders.build_response(wave=wave, submitted=False)
    builders.build_response(wave=other)

    frame = response_frame(wave_ids=[wave.pk])

    assert len(frame) == 1
    assert frame["hours_weekly"].isna().all()
    assert frame["hourly_rate"].isna().all()
    assert frame["people_supported"].isna().all()
    assert len(response_frame(wave_ids=[wave.pk, other.pk])) == 2


def test_no_consent_gives_null_special_category_items():
    wave = builders.build_wave()
    builders.build_response(
        wave=wave, special_category_consent=False, disability=None, unpaid_carer=None
    )

    frame = response_frame(wave_ids=[wave.pk])

    assert frame["disability"].isna().all()
    assert frame["unpaid_carer"].isna().all()


def test_empty_frame_keeps_the_contract():
    frame = response_frame(wave_ids=[])

    assert list(frame.columns) == FRAME_COLUMNS
    assert len(frame) == 0
    assert frame["hours_weekly"].dtype == "Float64"
    assert isinstance(frame["council_code"].dtype, pd.CategoricalDtype)

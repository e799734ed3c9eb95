import pytest

from survey.demo import WAVE_SIZES, seed_survey
from survey.models import Response, SurveyPage, Wave
from survey.selectors import response_frame

pytestmark = pytest.mark.django_db


def frame_without_ids():
    waves = list(Wave.objects.order_by("opens_on").values_list("pk", flat=True))
    frame = response_frame(wave_ids=waves)
    frame["wave"] = frame["wave_id"].map({pk: n for n, pk in enumerate(waves)})
    return frame.drop(columns=["wave_id"])


def test_two_waves_one_open_one_closed_with_plausible_answers(home):
    added = seed_survey(seed=7)

    assert sorted(added.values()) == sorted(WAVE_SIZES)
    closed, open_ = Wave.objects.order_by("opens_on")
    assert closed.status == "closed" and open_.is_open
    frame = response_frame(wave_ids=[closed.pk, open_.pk])
    assert len(frame) == sum(WAVE_SIZES)
    assert frame["hours_weekly"].between(0, 100).all()
    assert frame["hourly_rate"].between(0, 150).all()
    rates = frame.groupby("region_code", observed=True)["hourly_rate"].median()
    assert rates["E12000007"] > rates["E12000001"]  # London pays more than the North East
    assert frame.groupby("region_code", observed=True).size().min() >= 10
    assert SurveyPage.objects.live().count() == 1


def test_a_second_run_adds_nothing(home):
    seed_survey(seed=7)

    assert set(seed_survey(seed=7).values()) == {0}
    assert Response.objects.count() == sum(WAVE_SIZES)
    assert SurveyPage.objects.count() == 1


def test_the_same_seed_gives_the_same_answers(home):
    seed_survey(seed=7)
    first = frame_without_ids()
    Response.objects.all().delete()
    Wave.objects.all().delete()

    seed_survey(seed=7)

    assert first.equals(frame_without_ids())

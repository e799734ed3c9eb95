"""Property tests: for random microdata, every rule of disclosure control holds for every
table spec, checked against an attacker's model built independently (tests/survey/recovery.py)."""

import itertools

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from survey import disclosure
from survey.synthetic import synthetic_frame
from survey.tables.build import build_trend_table, build_wave_tables
from survey.tables.geography import small_geography
from tests.survey.recovery import Attacker

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def scenarios(draw):
    geography = small_geography(draw(st.integers(1, 3)), draw(st.integers(1, 3)))
    frame = synthetic_frame(
        draw(st.integers(0, 300)),
        geography=geography,
        seed=draw(st.integers(0, 2**32 - 1)),
        concentration=draw(st.sampled_from([0.05, 0.3, 1.0, 5.0])),
        null_rate=draw(st.sampled_from([0.0, 0.1, 0.5])),
    )
    if draw(st.booleans()):  # some people skipped the single-answer questions
        rng = np.random.default_rng(draw(st.integers(0, 1000)))
        for item in ("previous_employment", "qualification", "intention_12m"):
            frame.loc[rng.random(len(frame)) < 0.15, item] = np.nan
        frame.loc[rng.random(len(frame)) < 0.15, "reasons"] = pd.Series(
            [[]] * len(frame), index=frame.index
        )
    tables = build_wave_tables(frame, geography, wave={"id": 1, "name": "Wave 1"})
    return geography, frame, tables


@SETTINGS
@given(scenarios())
def test_every_published_count_rests_on_k_and_is_its_true_count_rounded_to_5(scenario):
    geography, frame, tables = scenario
    for table in tables.values():
        attacker = Attacker(frame, geography, [table])
        k = table["threshold"]
        measures = [m["key"] for m in table["measures"]]
        for _slug, row, column, vector, cell in attacker.cells([table]):
            true = attacker.true_value(vector)
            if cell["suppressed"]:
                assert all(cell[m] is None for m in measures), (table["slug"], row, column)
                continue
            assert true >= k, (table["slug"], row, column, true)
            assert cell["count"] == disclosure.round_count(true)
            assert cell["count"] % 5 == 0
            # A mean of bands only for BAND_MEAN_MIN_RESPONDENTS or more (rule 4).
            band_mean = table["slug"].startswith("turnover-")
            small = true < disclosure.BAND_MEAN_MIN_RESPONDENTS
            assert all(
                cell[m] is not None
                for m in measures
                if m != "percent" and not (m == "mean" and band_mean and small)
            )
            if band_mean:
                assert (cell["mean"] is None) == small


@SETTINGS
@given(scenarios())
def test_percentages_come_from_rounded_counts_and_only_where_the_base_passes(scenario):
    geography, frame, tables = scenario
    for slug in ("previous-employment", "qualifications", "reasons", "intentions"):
        table = tables[slug]
        attacker = Attacker(frame, geography, [table])
        base_row = next(r for r in table["rows"] if r["is_total"])
        for row in table["rows"]:
            if row["is_total"]:  # the whole of its column wherever it is published
                for cell in row["cells"]:
                    expected = None if cell["suppressed"] else (100.0 if cell["count"] else 0.0)
                    assert cell["percent"] == expected
                continue
            for column, cell, base in zip(
                table["columns"], row["cells"], base_row["cells"], strict=True
            ):
                if cell["suppressed"] or base["suppressed"]:
                    assert cell["percent"] is None
                    continue
                true = attacker.true_value(attacker.vector(table, row, column["key"]))
                true_base = attacker.true_value(attacker.vector(table, base_row, column["key"]))
                # From rounded counts: exact ones would undo the rounding.
                rounded, rounded_base = (
                    disclosure.round_count(true),
                    disclosure.round_count(true_base),
                )
                assert cell["percent"] == round(100 * rounded / rounded_base, 1)


# Reasons cells add up only along their rows (several answers each) and share nothing with
# other tables but their base, respondents answering by kind, which the respondents tables
# hold nationally: so reasons is checked alone and against respondents by region (pairs
# with it are the widest attacker spaces, and slow).
def pairs(tables):
    for first, second in itertools.combinations_with_replacement(list(tables.values()), 2):
        if "reasons" in (first["slug"], second["slug"]):
            continue
        yield [first] if first is second else [first, second]


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_no_suppressed_cell_is_recoverable_from_any_table_or_pair_of_tables(scenario):
    geography, frame, tables = scenario
    for pair in pairs(tables):
        attacker = Attacker(frame, geography, pair)
        assert attacker.recovered(pair) == [], [t["slug"] for t in pair]


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_no_reasons_cell_is_recoverable_alone_or_against_respondents(scenario):
    geography, frame, tables = scenario
    for pair in ([tables["reasons"]], [tables["reasons"], tables["respondents-region"]]):
        attacker = Attacker(frame, geography, pair)
        assert attacker.recovered(pair) == [], [t["slug"] for t in pair]


@SETTINGS
@given(scenarios(), scenarios())
def test_trend_rows_repeat_each_waves_published_national_row(first, second):
    waves = [({"id": 1, "name": "Spring"}, first[2]), ({"id": 2, "name": "Autumn"}, second[2])]
    for slug, source in [
        ("trend-respondents", "respondents-region"),
        ("trend-hours", "hours-region"),
        ("trend-rate", "rate-region"),
    ]:
        trend = build_trend_table(slug, [(w, tables[source]) for w, tables in waves])
        for row, (wave, tables) in zip(trend["rows"], waves, strict=True):
            national = next(r for r in tables[source]["rows"] if r["key"] == "all")
            assert row["label"] == wave["name"]
            assert row["cells"] == national["cells"]

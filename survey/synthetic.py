"""Synthetic response frames with exactly the columns of the data contract
(`survey.selectors.response_frame`), for tests and the benchmark. Deterministic from a seed
and vectorised (a million rows in about a second)."""

import numpy as np
import pandas as pd

from survey.tables import vocab
from survey.tables.geography import Geography

CURRENT_YEAR = 2026


def _category(rng, n, codes, probs, null_rate=0.0):
    probs = np.asarray(probs, dtype=float)
    picks = rng.choice(len(codes), size=n, p=probs / probs.sum())
    if null_rate:
        picks = np.where(rng.random(n) < null_rate, -1, picks)
    return pd.Categorical.from_codes(picks, categories=list(codes))


def _nullable(values, mask, dtype):
    series = pd.Series(values).astype(dtype)
    series[mask] = pd.NA
    return series


def synthetic_frame(
    n: int,
    *,
    geography: Geography,
    seed: int = 2026,
    wave_ids=(1,),
    concentration: float = 2.0,
    null_rate: float = 0.1,
) -> pd.DataFrame:
    """n responses spread over geography's councils and the given waves. A small
    `concentration` makes respondents bunch into few councils and kinds (many small
    cells); `null_rate` is the share of unanswered optional items."""
    rng = np.random.default_rng(seed)
    councils = [code for code, _name, _region in geography.councils]
    council_weights = rng.dirichlet(np.full(len(councils), concentration))
    kinds = list(vocab.PROVIDER_KINDS)
    kind_weights = 0.5 * np.array([0.55, 0.2, 0.05, 0.2]) + 0.5 * rng.dirichlet(
        np.full(4, concentration)
    )
    council = rng.choice(len(councils), size=n, p=council_weights)
    region_codes = [code for code, _name in geography.regions]
    region_index = {code: i for i, code in enumerate(region_codes)}
    council_region = np.array([region_index[geography.region_of[c]] for c in councils])
    kind = rng.choice(4, size=n, p=kind_weights / kind_weights.sum())
    missing = lambda: rng.random(n) < null_rate  # noqa: E731

    hours = np.clip(rng.normal(28 + 6 * (kind == 1), 12, n), 0, 100).round(1)
    rate = np.clip(rng.lognormal(np.log(19 + 3 * (kind == 3)), 0.25, n), 0, 150).round(2)
    started = rng.integers(1975, CURRENT_YEAR + 1, n)
    self_employed = started + (rng.random(n) * (CURRENT_YEAR - started + 1)).astype(int)
    reason_codes = list(vocab.REASONS)
    reason_masks = (
        rng.random((n, len(reason_codes))) < [0.6, 0.5, 0.3, 0.45, 0.2, 0.08, 0.1, 0.05]
    ) @ (1 << np.arange(len(reason_codes)))
    combos = np.empty(1 << len(reason_codes), dtype=object)
    for mask in range(len(combos)):
        combos[mask] = [code for bit, code in enumerate(reason_codes) if mask >> bit & 1]
    consented = missing() | (rng.random(n) < 0.1)

    frame = pd.DataFrame(
        {
            "wave_id": np.asarray(wave_ids)[rng.integers(0, len(wave_ids), n)],
            "provider_kind": pd.Categorical.from_codes(kind, categories=kinds),
            "legal_form": _category(rng, n, vocab.LEGAL_FORMS, [6, 1, 2, 0.5, 0.5]),
            "council_code": pd.Categorical.from_codes(council, categories=councils),
            "region_code": pd.Categorical.from_codes(
                council_region[council], categories=region_codes
            ),
            "people_supported": _nullable(rng.integers(0, 30, n), missing(), "Int64"),
            "workers": pd.array(1 + rng.poisson(0.8, n).clip(0, 49), dtype="Int64"),
            "hours_weekly": _nullable(hours, missing(), "Float64"),
            "hourly_rate": _nullable(rate, missing(), "Float64"),
            "turnover_band": _category(
                rng, n, vocab.TURNOVER_ALL_ANSWERS, [18, 22, 20, 18, 8, 3, 11], null_rate / 2
            ),
            "previous_employment": _category(
                rng, n, vocab.PREVIOUS_EMPLOYMENT, [14, 10, 30, 12, 10, 16, 8]
            ),
            "reasons": combos[reason_masks],
            "intention_12m": _category(rng, n, vocab.INTENTIONS, [40, 30, 15, 10, 5]),
            "qualification": _category(rng, n, vocab.QUALIFICATIONS, [12, 30, 35, 13, 10]),
            "care_certificate": _category(rng, n, vocab.CARE_CERTIFICATE, [55, 15, 30]),
            "year_started_care": pd.array(started, dtype="Int64"),
            "year_self_employed": pd.array(self_employed, dtype="Int64"),
            "disability": _masked_category(rng, n, vocab.CONSENTED_ANSWER, [15, 75, 10], consented),
            "unpaid_carer": _masked_category(
                rng, n, vocab.CONSENTED_ANSWER, [25, 65, 10], consented
            ),
            "age_band": _category(rng, n, vocab.AGE_BANDS, [5, 15, 22, 27, 22, 6, 3]),
        }
    )
    frame["wave_id"] = frame["wave_id"].astype("int64")
    return frame


def _masked_category(rng, n, codes, probs, mask):
    values = _category(rng, n, codes, probs)
    codes_array = np.where(mask, -1, values.codes)
    return pd.Categorical.from_codes(codes_array, categories=values.categories)

"""Build every disclosure-controlled table of a wave from its response frame, and the trend
tables from the waves' published national rows."""

import pandas as pd

from survey import disclosure
from survey.tables import categories, geo, vocab
from survey.tables.base import KINDS, table_dict
from survey.tables.geography import Geography
from survey.tables.microdata import Microdata
from survey.tables.specs import SPECS_BY_SLUG, WAVE_SPECS

ALL = vocab.ALL


def wave_dict(wave) -> dict:
    return {"id": wave.pk, "name": str(wave)} if not isinstance(wave, dict) else wave


def build_wave_tables(frame: pd.DataFrame, geography: Geography, *, wave) -> dict[str, dict]:
    """Every per-wave table (slug -> published table) for one wave's responses."""
    wave = wave_dict(wave)
    data = Microdata(frame, geography)
    by_family = {}
    for spec in WAVE_SPECS:
        by_family.setdefault((spec.family, spec.item), []).append(spec)
    tables = {}
    tables.update(geo.respondent_tables(by_family[("respondents", "")], data, wave=wave))
    national = _national(data)
    for (family, item), specs in by_family.items():
        if family == "statistic":
            tables.update(geo.statistic_tables(specs, data, wave=wave, item=item, fmt=specs[0].fmt))
        elif family == "category":
            tables[specs[0].slug] = categories.category_table(
                specs[0], data, wave=wave, national=national
            )
        elif family == "reasons":
            tables[specs[0].slug] = categories.reasons_table(
                specs[0], data, wave=wave, national=national
            )
    return {spec.slug: tables[spec.slug] for spec in WAVE_SPECS}


def _national(data: Microdata) -> tuple[dict, dict]:
    """National respondents by kind (true values) and their suppression pattern."""
    counts = data.council_kind_counts().sum(axis=0)
    values = dict(zip(KINDS, (int(v) for v in counts), strict=True))
    status = disclosure.national_pattern(
        values, k=disclosure.threshold(sensitive=False), all_key=ALL
    )
    values[ALL] = sum(values[k] for k in KINDS)
    return values, status


def build_trend_table(slug: str, waves: list[tuple[dict, dict]]) -> dict:
    """waves: (wave, that wave's published source table) in time order. Each row repeats a
    wave's published national row, so the trend adds nothing not already published."""
    spec = SPECS_BY_SLUG[slug]
    rows = []
    threshold, measures = disclosure.threshold(sensitive=spec.sensitive), None
    for wave, source in waves:
        national = next(r for r in source["rows"] if r["key"] == ALL)
        rows.append({**national, "key": wave["id"], "label": wave["name"], "is_total": False})
        measures = source["measures"]
    latest = waves[-1][0] if waves else {"id": None, "name": ""}
    return table_dict(
        spec,
        wave=latest,
        k=threshold,
        row_heading="Wave",
        rows=rows,
        measures=measures or [],
        dimensions={"row": "wave_id", "column": "provider_kind"},
        respondents=None,
    )

"""Tables by region x kind and council x kind: respondents, and hours, hourly rate and turnover
(count, quartiles, median, mean). Councils nest in regions, so each item's pair of tables is
protected as one family: a council cell suppressed in one table can never be recovered by
subtracting the other councils from the region in the other table."""

import numpy as np

from survey import disclosure
from survey.disclosure import Grid, Line
from survey.tables import vocab
from survey.tables.base import COLUMN_KEYS, KINDS, count_cell, measure, row_dict, table_dict
from survey.tables.geography import Geography
from survey.tables.microdata import Microdata
from survey.tables.statistics import item_values, statistics_by_cell

ALL = vocab.ALL
NATION = ("all", ALL)  # the row for every area together
STATISTICS = ("q1", "median", "q3", "mean")


def geo_grid(counts: np.ndarray, geography: Geography) -> Grid:
    councils = [c for c, _n, _r in geography.councils]
    values, support, lines = {}, {}, []
    position = {c: i for i, c in enumerate(councils)}
    for ci, council in enumerate(councils):
        for ki, kind in enumerate(KINDS):
            values[("council", council, kind)] = int(counts[ci, ki])
            support[("council", council, kind)] = frozenset([ci * len(KINDS) + ki])
    for level, code, members in [
        *(("council", c, [c]) for c in councils),
        *(("region", r, geography.councils_in(r)) for r, _name in geography.regions),
        ("all", ALL, councils),
    ]:
        rows = [position[c] for c in members]
        for ki, kind in enumerate(KINDS):
            if level != "council":
                values[(level, code, kind)] = int(counts[rows, ki].sum())
                support[(level, code, kind)] = frozenset(r * len(KINDS) + ki for r in rows)
        values[(level, code, ALL)] = int(counts[rows].sum())
        support[(level, code, ALL)] = frozenset(
            r * len(KINDS) + ki for r in rows for ki in range(len(KINDS))
        )
        lines.append(Line((level, code, ALL), tuple((level, code, kind) for kind in KINDS)))
    for region, _name in geography.regions:
        inside = geography.councils_in(region)
        for kind in COLUMN_KEYS:
            lines.append(
                Line(("region", region, kind), tuple(("council", c, kind) for c in inside))
            )
    for kind in COLUMN_KEYS:
        lines.append(
            Line((*NATION, kind), tuple(("region", r, kind) for r, _ in geography.regions))
        )
    return Grid(values, support, lines)


def protect_geo(counts: np.ndarray, geography: Geography, *, k: int) -> tuple[Grid, set]:
    grid = geo_grid(counts, geography)
    national = disclosure.national_pattern(
        {kind: grid.values[(*NATION, kind)] for kind in KINDS}, k=k, all_key=ALL
    )
    fixed = {(*NATION, kind): status for kind, status in national.items()}
    return grid, disclosure.protect(grid, k=k, fixed=fixed)


def _area_rows(geography: Geography, level: str) -> list[tuple]:
    """(key, label, group) of each row of a table by `level`, then the national row."""
    if level == "region":
        rows = [(code, name, "") for code, name in geography.regions]
    else:
        rows = [
            (code, name, geography.region_names[region])
            for code, name, region in geography.councils
        ]
    return rows


def _assemble(spec, grid, suppressed, geography, *, wave, k, measures, stats, dimensions):
    level = spec.level
    rows = []
    for key, label, group in [*_area_rows(geography, level), (ALL, "All areas", "")]:
        cell_level = "all" if key == ALL else level
        cells = []
        for kind in COLUMN_KEYS:
            cell = (cell_level, key, kind)
            extra = stats.get(cell, dict.fromkeys(STATISTICS)) if stats is not None else None
            cells.append(count_cell(grid.values[cell], suppressed=cell in suppressed, extra=extra))
        rows.append(row_dict(key, label, cells, group=group, is_total=key == ALL))
    total = (*NATION, ALL)
    return table_dict(
        spec,
        wave=wave,
        k=k,
        row_heading="Region" if level == "region" else "Council",
        rows=rows,
        measures=measures,
        dimensions=dimensions,
        respondents=None if total in suppressed else disclosure.round_count(grid.values[total]),
    )


def respondent_tables(specs, data: Microdata, *, wave) -> dict:
    """Respondents by region x kind and by council x kind, protected together."""
    k = disclosure.threshold(sensitive=False)
    geography = data.geography
    grid, suppressed = protect_geo(data.council_kind_counts(), geography, k=k)
    measures = [measure("count", "Respondents", "count")]
    return {
        spec.slug: _assemble(
            spec,
            grid,
            suppressed,
            geography,
            wave=wave,
            k=k,
            measures=measures,
            stats=None,
            dimensions={"row": f"{spec.level}_code", "column": "provider_kind"},
        )
        for spec in specs
    }


def statistic_tables(specs, data: Microdata, *, wave, item: str, fmt: str) -> dict:
    """Count, quartiles, median and mean of a sensitive item (hours, rate or turnover)."""
    k = disclosure.threshold(sensitive=True)
    geography = data.geography
    values = item_values(data.frame, item)
    answered = data.in_scope & ~np.isnan(values)
    grid, suppressed = protect_geo(data.council_kind_counts(answered), geography, k=k)
    published = {cell for cell in grid.values if cell not in suppressed}
    stats = statistics_by_cell(data, values, answered, published, fmt=fmt)
    label = "Median band" if fmt == "band" else "Median"
    measures = [
        measure("count", "Respondents answering", "count"),
        measure("q1", "Lower quartile", fmt),
        measure("median", label, fmt),
        measure("q3", "Upper quartile", fmt),
        measure(
            "mean", "Estimated mean" if fmt == "band" else "Mean", "money" if fmt == "band" else fmt
        ),
    ]
    return {
        spec.slug: _assemble(
            spec,
            grid,
            suppressed,
            geography,
            wave=wave,
            k=k,
            measures=measures,
            stats=stats,
            dimensions={"row": f"{spec.level}_code", "column": "provider_kind", "answered": item},
        )
        for spec in specs
    }

"""Disclosure control: the rules every table passes before it leaves the survey app.

1. Threshold: a cell (a count, or a statistic and the count it rests on) is suppressed when
   fewer than k respondents are in it: k = 10 for sensitive items (pay, hours, turnover,
   health, disability), 5 for everything else. Zero cells are suppressed too.
2. Rounding: every published count is rounded to the nearest 5 (totals from the unrounded
   total, not by adding rounded cells). Percentages use the rounded counts (exact ones would
   undo the rounding) and are shown only where the cell and its base are both published.
3. Secondary suppression. A table family is a set of cells that are sums of disjoint
   "microcells" (for the geographic tables: council x kind of provider), tied by lines
   (total = sum of parts): rows, columns, the nesting of councils in regions, regions in the
   whole. Within each line the number of suppressed members is never exactly one, and
   where the total is published the suppressed parts together hold at least k
   respondents. Then an audit solves the published cells as a linear system (published
   values taken as exact, which is stricter than reality since they are rounded): any
   suppressed cell that is a linear combination of published cells would be recoverable,
   so another cell next to it is suppressed and the audit runs again until none is.
4. A mean of banded answers (turnover: each band counted at its midpoint, all multiples of
   £5,000) is published only for cells of at least BAND_MEAN_MIN_RESPONDENTS. In a small
   cell, the rounded mean times the few possible counts is a sum of midpoints that, with the
   quartile bands, leaves one way to share the people among the bands: a band of one person
   could be read off.
5. Cells shared between tables (the national totals by kind of provider appear in most of
   them) take the status decided once by `national_pattern`, so differencing two tables
   never meets the same quantity published in one and suppressed in the other.
"""

from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

import numpy as np

K_FLOOR = 5
K_SENSITIVE = 10
ROUNDING_BASE = 5
SUPPRESSED_MARK = "[c]"  # ONS convention: confidential
BAND_MEAN_MIN_RESPONDENTS = 50  # rule 4


class DisclosureError(RuntimeError):
    """A table could not be protected (would only happen with contradictory fixed cells)."""


def threshold(*, sensitive: bool) -> int:
    return K_SENSITIVE if sensitive else K_FLOOR


def round_count(n: int) -> int:
    """To the nearest multiple of 5 (n is a non-negative whole number, so no ties)."""
    n = int(n)
    return (n + ROUNDING_BASE // 2) // ROUNDING_BASE * ROUNDING_BASE


def percentage(part: int, base: int) -> float:
    return round(100 * part / base, 1) if base else 0.0


@dataclass(frozen=True)
class Line:
    total: Hashable
    parts: tuple

    @property
    def members(self) -> tuple:
        return (self.total, *self.parts)


@dataclass
class Grid:
    """A table family: every cell's true count, the microcells it sums, and its lines."""

    values: dict  # cell key -> true count
    support: dict  # cell key -> frozenset of microcell ids
    lines: list[Line]


def protect(grid: Grid, *, k: int, fixed: dict | None = None) -> set:
    """The set of cells to suppress. `fixed` maps cells to a status decided elsewhere
    (True: must be suppressed; False: published elsewhere, never chosen here)."""
    fixed = fixed or {}
    values = grid.values
    suppressed = {c for c, v in values.items() if v < k or fixed.get(c) is True}
    locked = {c for c, status in fixed.items() if status is False and c not in suppressed}
    lines_of = defaultdict(list)
    for line in grid.lines:
        for member in line.members:
            lines_of[member].append(line)

    def cost(cell):
        return (values[cell], len(grid.support[cell]), repr(cell))

    for _round in range(len(values) + 1):
        _apply_line_rules(grid.lines, values, suppressed, locked, k, cost)
        exposed = recoverable(grid.support, set(values) - suppressed, suppressed)
        if not exposed:
            return suppressed
        added = set()
        for cell in sorted(exposed, key=cost):
            if any(m in added for line in lines_of[cell] for m in line.members):
                continue  # a neighbour was just suppressed: look again before adding more
            neighbours = {
                m
                for line in lines_of[cell]
                for m in line.members
                if m not in suppressed and m not in locked
            } or {
                c
                for c in values
                if c not in suppressed and c not in locked and grid.support[c] & grid.support[cell]
            }
            if neighbours:
                added.add(min(neighbours, key=cost))
        if not added:
            raise DisclosureError(f"cannot protect {sorted(map(repr, exposed))[:3]}")
        suppressed |= added
    raise DisclosureError("secondary suppression did not settle")


def _apply_line_rules(lines, values, suppressed, locked, k, cost) -> None:
    changed = True
    while changed:
        changed = False
        for line in lines:
            hidden = [m for m in line.members if m in suppressed]
            if not hidden:
                continue
            hidden_parts = sum(values[p] for p in line.parts if p in suppressed)
            if len(hidden) > 1 and (line.total in suppressed or hidden_parts >= k):
                continue
            candidates = [p for p in line.parts if p not in suppressed and p not in locked]
            if not candidates and line.total not in suppressed and line.total not in locked:
                candidates = [line.total]
            if candidates:
                suppressed.add(min(candidates, key=cost))
                changed = True


def recoverable(support: dict, published: Iterable, suppressed: Iterable) -> set:
    """Suppressed cells whose value follows exactly from the published cells (each a sum
    of microcells): those whose microcell vector lies in the row space of the published
    ones. Microcells published on their own are eliminated first, and the rest is split
    into independent blocks, so realistic tables cost a few small eliminations."""
    published = list(published)
    known = {next(iter(support[c])) for c in published if len(support[c]) == 1}
    rows = [r for r in (support[c] - known for c in published) if r]
    targets = {c: support[c] - known for c in suppressed}
    exposed = {c for c, t in targets.items() if not t}

    parent: dict = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for row in rows:
        first, *rest = row
        for other in rest:
            parent[find(other)] = find(first)
    blocks = defaultdict(list)
    for row in rows:
        blocks[find(next(iter(row)))].append(row)
    pending = defaultdict(list)  # block -> [(cell, its microcells in that block)]
    for cell, target in targets.items():
        if cell in exposed:
            continue
        pieces = defaultdict(list)
        for m in target:
            pieces[find(m) if m in parent else ("alone", m)].append(m)
        if any(root not in blocks for root in pieces):
            continue  # part of it is in no published cell at all
        for root, piece in pieces.items():
            pending[root].append((cell, piece))
    determined: dict = {}
    for root, items in pending.items():
        inside = _in_row_space(blocks[root], [piece for _cell, piece in items])
        for (cell, _piece), ok in zip(items, inside, strict=True):
            determined[cell] = determined.get(cell, True) and ok
    return exposed | {cell for cell, ok in determined.items() if ok}


def _in_row_space(rows: list, pieces: list) -> list[bool]:
    """For each piece (a set of microcells), whether its indicator vector is a linear
    combination of the rows (sets of microcells), i.e. orthogonal to their null space.
    Gauss-Jordan elimination in plain numpy array operations (no LAPACK call, whose
    threads thrash on a small shared machine) gives the null space directly."""
    columns = sorted(set().union(*rows))
    index = {m: i for i, m in enumerate(columns)}
    matrix = np.zeros((len(rows), len(columns)))
    for i, row in enumerate(rows):
        matrix[i, [index[m] for m in row]] = 1.0
    pivots, rank = [], 0
    for column in range(len(columns)):
        if rank == len(matrix):
            break
        pivot = rank + int(np.argmax(np.abs(matrix[rank:, column])))
        if abs(matrix[pivot, column]) < 1e-9:
            continue
        matrix[[rank, pivot]] = matrix[[pivot, rank]]
        matrix[rank] /= matrix[rank, column]
        factors = matrix[:, column].copy()
        factors[rank] = 0.0
        rows_hit, columns_hit = np.flatnonzero(factors), np.flatnonzero(matrix[rank])
        if len(rows_hit):  # sparse update: only rows with this column, only its non-zeros
            matrix[np.ix_(rows_hit, columns_hit)] -= np.outer(
                factors[rows_hit], matrix[rank, columns_hit]
            )
        pivots.append(column)
        rank += 1
    free = np.setdiff1d(np.arange(len(columns)), pivots)
    null_space = np.zeros((len(columns), len(free)))  # one basis vector per free column
    null_space[free, np.arange(len(free))] = 1.0
    null_space[pivots, :] = -matrix[:rank][:, free]
    return [
        bool(np.all(np.abs(null_space[[index[m] for m in piece]].sum(axis=0)) < 1e-7))
        for piece in pieces
    ]


def exposed_groups(grid: Grid, suppressed: set, *, k: int) -> list[Line]:
    """Lines whose total is published while their suppressed parts hold between 1 and k-1
    respondents together: the difference would be a published group smaller than k."""
    return [
        line
        for line in grid.lines
        if line.total not in suppressed
        and any(p in suppressed for p in line.parts)
        and sum(grid.values[p] for p in line.parts if p in suppressed) < k
    ]


def national_pattern(counts_by_kind: dict, *, k: int, all_key: Hashable = "all") -> dict:
    """The suppression status (True = suppressed) of the national totals by kind and overall,
    decided once per wave and item so that every table repeating them agrees."""
    kinds = list(counts_by_kind)
    values = {kind: int(v) for kind, v in counts_by_kind.items()}
    values[all_key] = sum(values.values())
    support = {kind: frozenset([i]) for i, kind in enumerate(kinds)}
    support[all_key] = frozenset(range(len(kinds)))
    grid = Grid(values, support, [Line(all_key, tuple(kinds))])
    hidden = protect(grid, k=k)
    return {cell: cell in hidden for cell in values}

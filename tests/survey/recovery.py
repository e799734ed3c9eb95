"""An attacker's view of published tables, written independently of the builders.

Each published cell is read back from its table's JSON (its dimensions, row and column) as
a sum of microcells: the full cross-classification of every dimension the tables use
(council, kind of provider, each answer including "not answered" where anyone left it
blank, whether a sensitive item was answered). True microcell counts come straight from the
response frame. Then:

- `true_value(cell)` is what the cell should hold, to compare with the published count;
- `recovered(tables)` lists suppressed cells whose value is a linear combination of the
  published cells of those tables together (published values taken as exact, which is
  stricter than reality since they are rounded): those an attacker could work out from
  totals, margins or by differencing the tables. A cell of a sensitive item's table is
  attacked as the sum of the answers in it (count x mean), so its tables are checked
  against each other (region against council).
"""

import numpy as np
import pandas as pd

from survey.tables import vocab
from survey.tables.base import KINDS
from survey.tables.statistics import item_values

NA = "__not_answered__"
ALL = vocab.ALL


def _answers(item):
    from survey.tables.specs import SPECS

    return next(list(s.labels) for s in SPECS if s.item == item and s.labels)


def _reason_mask(answer) -> int:
    codes = list(vocab.REASONS)
    return sum(1 << codes.index(c) for c in answer) if isinstance(answer, list) and answer else -1


class Attacker:
    def __init__(self, frame: pd.DataFrame, geography, tables: list[dict]):
        self.geography = geography
        self.tables = tables
        names = set()
        for table in tables:
            dims = table["dimensions"]
            names |= {dims["row"], dims["column"]}
            if "answered" in dims:
                names.add("answered:" + dims["answered"])
        if "council_code" in names:
            names.discard("region_code")
        columns, levels = {}, {}
        for name in sorted(names):
            if name == "council_code":
                levels[name] = [c for c, _n, _r in geography.councils]
                columns[name] = frame[name].astype(str)
            elif name == "region_code":
                levels[name] = [r for r, _n in geography.regions]
                columns[name] = frame["council_code"].astype(str).map(geography.region_of)
            elif name == "provider_kind":
                levels[name] = KINDS
                columns[name] = frame[name].astype(str)
            elif name.startswith("answered:"):
                answered = ~np.isnan(item_values(frame, name.split(":", 1)[1]))
                levels[name] = [True, False] if not answered.all() else [True]
                columns[name] = pd.Series(answered, index=frame.index)
            elif name == "reasons":  # several answers: the set given, as a bit mask (-1: none)
                levels[name] = [*range(1, 1 << len(vocab.REASONS)), -1]
                columns[name] = frame[name].map(_reason_mask)
            else:
                answers = _answers(name)
                values = frame[name].astype(object).where(frame[name].isin(answers), NA)
                levels[name] = answers + ([NA] if (values == NA).any() else [])
                columns[name] = values
        self.levels = levels
        shape = [len(options) for options in levels.values()]
        self.size = int(np.prod(shape))
        codes = np.unravel_index(np.arange(self.size), shape)  # mixed radix, last fastest
        self.codes = dict(zip(levels, codes, strict=True))
        index = np.zeros(len(frame), dtype=np.int64)
        for name, options in levels.items():
            column = pd.Categorical(columns[name].to_numpy(), categories=options).codes
            assert (column >= 0).all(), name
            index = index * len(options) + column
        self.counts = np.bincount(index, minlength=self.size)

    def _is(self, name, value) -> np.ndarray:
        return self.codes[name] == self.levels[name].index(value)

    def vector(self, table: dict, row: dict, column_key: str) -> np.ndarray:
        dims = table["dimensions"]
        match = np.ones(self.size, dtype=bool)
        if column_key != ALL:
            match &= self._is("provider_kind", column_key)
        if "answered" in dims:
            match &= self._is("answered:" + dims["answered"], True)
        row_dim = dims["row"]
        if row_dim in ("council_code", "region_code"):
            if row["key"] != ALL:
                if row_dim in self.codes:
                    match &= self._is(row_dim, row["key"])
                else:  # a region, in a space of councils
                    inside = [
                        self.levels["council_code"].index(c)
                        for c in self.geography.councils_in(row["key"])
                    ]
                    match &= np.isin(self.codes["council_code"], inside)
        elif row_dim == "reasons":
            masks = np.array(self.levels[row_dim])[self.codes[row_dim]]
            if row["is_total"]:  # the base row: everyone who gave any reason
                match &= masks >= 0
            else:
                match &= (masks >= 0) & (masks & (1 << list(vocab.REASONS).index(row["key"])) > 0)
        elif row["is_total"]:  # the base row: everyone who answered
            if NA in self.levels[row_dim]:
                match &= ~self._is(row_dim, NA)
        else:
            match &= self._is(row_dim, row["key"])
        return match.astype(float)

    def cells(self, tables=None):
        """(table slug, row key, column key, vector, published cell)."""
        for table in tables or self.tables:
            for row in table["rows"]:
                for column, cell in zip(table["columns"], row["cells"], strict=True):
                    vector = self.vector(table, row, column["key"])
                    yield table["slug"], row["key"], column["key"], vector, cell

    def true_value(self, vector: np.ndarray) -> int:
        return int(vector @ self.counts)

    def recovered(self, tables) -> list[tuple]:
        """A sensitive table's cell is attacked as the sum of the item's answers in it (what
        its mean and count give away together): a variable of its own per microcell and
        item, shared by that item's tables only. Its count alone is no secret: it is a count
        of respondents, which the respondents tables publish under their own rule."""
        items = sorted(
            {t["dimensions"]["answered"] for t in tables if "answered" in t["dimensions"]}
        )
        segments = ["count", *items]
        published, hidden = [], []
        for table in tables:
            segment = segments.index(table["dimensions"].get("answered", "count"))
            for slug, row, column, vector, cell in self.cells([table]):
                full = np.zeros(self.size * len(segments))
                full[segment * self.size : (segment + 1) * self.size] = vector
                (hidden if cell["suppressed"] else published).append(((slug, row, column), full))
        if not hidden or not published:
            return []
        matrix = np.array([v for _k, v in published], dtype=np.int64)
        targets = np.array([v for _k, v in hidden], dtype=np.int64)
        # Microcells that no cell tells apart (identical columns) merge into one.
        stacked = np.vstack([matrix, targets])
        weights = np.random.default_rng(0).integers(1, 2**40, len(stacked), dtype=np.int64)
        _keys, first = np.unique(weights @ stacked, return_index=True)
        matrix, targets = matrix[:, first], targets[:, first]
        inside = in_row_space_mod_p(matrix, targets)
        return [key for (key, _v), ok in zip(hidden, inside, strict=True) if ok]


PRIME = 2_147_483_647  # exact arithmetic modulo a prime: no rounding, no tolerance


def in_row_space_mod_p(matrix: np.ndarray, targets: np.ndarray) -> np.ndarray:
    """Row reduction over the integers modulo a large prime (exact, and a different method
    from the float elimination in survey.disclosure). A target in the rational row space is
    in this one; the converse fails only with negligible probability, and would make this
    test stricter, never weaker."""
    rows = matrix % PRIME
    targets = targets % PRIME
    rank = 0
    while rank < len(rows):
        live = np.flatnonzero(rows[rank:].any(axis=0))
        if not len(live):
            break  # the remaining rows are all zero: dependent on the pivots
        column = int(live[0])
        pivot = rank + int(np.flatnonzero(rows[rank:, column])[0])
        rows[[rank, pivot]] = rows[[pivot, rank]]
        rows[rank] = rows[rank] * pow(int(rows[rank, column]), PRIME - 2, PRIME) % PRIME
        factors = rows[:, column].copy()
        factors[rank] = 0
        rows = (rows - np.outer(factors, rows[rank]) % PRIME) % PRIME
        targets = (targets - np.outer(targets[:, column], rows[rank]) % PRIME) % PRIME
        rank += 1
    return ~targets.any(axis=1)

"""A response frame prepared once for tabulation: each response's council, region and kind
of provider as small integer positions, so every table is a `numpy.bincount` and every
statistic one radix sort, whatever the number of responses."""

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd

from survey.tables.base import KINDS
from survey.tables.geography import Geography

N_KINDS = len(KINDS)


def positions(series: pd.Series, categories: list) -> np.ndarray:
    """Position of each value in `categories` (-1 for null or unknown), as int64."""
    if isinstance(series.dtype, pd.CategoricalDtype):  # map the few categories, not every row
        mapping = np.append(pd.Index(categories).get_indexer(series.cat.categories), -1)
        return mapping[series.cat.codes.to_numpy()].astype(np.int64)
    return pd.Index(categories).get_indexer(series.astype(object)).astype(np.int64)


@dataclass
class Microdata:
    frame: pd.DataFrame
    geography: Geography

    @cached_property
    def council(self) -> np.ndarray:
        return positions(self.frame["council_code"], [c for c, _n, _r in self.geography.councils])

    @cached_property
    def kind(self) -> np.ndarray:
        return positions(self.frame["provider_kind"], KINDS)

    @cached_property
    def region_of_council(self) -> np.ndarray:
        regions = {code: i for i, (code, _name) in enumerate(self.geography.regions)}
        return np.array([regions[r] for _c, _n, r in self.geography.councils], dtype=np.int64)

    @cached_property
    def in_scope(self) -> np.ndarray:
        """Responses with a known council and kind: the population of every table."""
        return (self.council >= 0) & (self.kind >= 0)

    @property
    def n_councils(self) -> int:
        return len(self.geography.councils)

    def council_kind_counts(self, mask: np.ndarray | None = None) -> np.ndarray:
        keep = self.in_scope if mask is None else self.in_scope & mask
        cells = self.council[keep] * N_KINDS + self.kind[keep]
        counts = np.bincount(cells, minlength=self.n_councils * N_KINDS)
        return counts.reshape(self.n_councils, N_KINDS)

    def answer_kind_counts(self, item: str, answers: list[str]) -> np.ndarray:
        """answers x kinds counts of a single-answer item."""
        answer = positions(self.frame[item], answers)
        keep = self.in_scope & (answer >= 0)
        cells = answer[keep] * N_KINDS + self.kind[keep]
        return np.bincount(cells, minlength=len(answers) * N_KINDS).reshape(len(answers), N_KINDS)

    def groupings(self, mask: np.ndarray) -> dict[tuple[str, bool], np.ndarray]:
        """Group number of each masked response for every level of a geographic table:
        (level, by kind) -> ids (council x kind, council, region x kind, region, kind, all)."""
        council, kind = self.council[mask], self.kind[mask]
        region = self.region_of_council[council]
        return {
            ("council", True): council * N_KINDS + kind,
            ("council", False): council,
            ("region", True): region * N_KINDS + kind,
            ("region", False): region,
            ("all", True): kind,
            ("all", False): np.zeros_like(kind),
        }

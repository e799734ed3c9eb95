"""The areas the geographic tables are laid out by: every upper-tier council (the fixed
table design lists all of them, whether or not anyone answered there) within its region.

Read from the reference tables in providers.geography (the one part of providers the
survey may read)."""

from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True)
class Geography:
    regions: tuple[tuple[str, str], ...]  # (region code, name), in display order
    councils: tuple[tuple[str, str, str], ...]  # (council code, name, region code)

    @cached_property
    def region_of(self) -> dict[str, str]:
        return {code: region for code, _name, region in self.councils}

    @cached_property
    def council_names(self) -> dict[str, str]:
        return {code: name for code, name, _region in self.councils}

    @cached_property
    def region_names(self) -> dict[str, str]:
        return dict(self.regions)

    def councils_in(self, region_code: str) -> list[str]:
        return [code for code, _name, region in self.councils if region == region_code]


def _build(rows) -> Geography:
    """rows: (council code, council name, region code, region name), any order."""
    rows = sorted(set(rows), key=lambda r: (r[2], r[1]))
    regions = tuple(dict.fromkeys((r[2], r[3]) for r in rows))
    return Geography(regions=regions, councils=tuple((r[0], r[1], r[2]) for r in rows))


def reference_geography() -> Geography:
    from providers.geography.models import Council

    return _build(Council.objects.values_list("gss_code", "name", "region_code", "region_name"))


def small_geography(regions: int = 2, councils_per_region: int = 3) -> Geography:
    """A made-up geography for tests: few enough areas that small cells are common."""
    return _build(
        (f"C{r}{c:02d}", f"Council {r}-{c}", f"R{r}", f"Region {r}")
        for r in range(1, regions + 1)
        for c in range(1, councils_per_region + 1)
    )

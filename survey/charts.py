"""Accessible server-rendered charts: an inline SVG horizontal bar chart with role="img",
<title> and <desc>, beside the data table it draws, and the same chart as a file of its own
(standalone: a fixed size and its own font). No script, no style attributes (strict CSP):
shapes use presentation attributes only. A suppressed value gets no bar, only [c]."""

from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from survey import disclosure
from survey.tables import vocab
from survey.tables.formatting import format_value

WIDTH = 720
LABEL_WIDTH = 290
VALUE_WIDTH = 90
BAR_HEIGHT = 22
GAP = 8
TOP = 8
BLUE = "#1d70b8"
BLACK = "#0b0c0c"
FONT = "Arial, Helvetica, sans-serif"  # standalone; inline, the chart takes the page's font

# Which measure of the "All kinds" column each kind of table draws.
CHART_MEASURE = {"count": "count", "percent": "percent", "hours": "median", "money": "median"}


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None  # None: suppressed
    text: str  # the value as shown
    low: float | None = None  # lower and upper quartile, drawn as a whisker
    high: float | None = None


def chart_for(table: dict, *, formatter) -> tuple[list[Bar], str]:
    """The bars of a table (its "All kinds" column) and what they measure."""
    keys = [m["key"] for m in table["measures"]]
    key = "percent" if "percent" in keys else ("median" if "median" in keys else "count")
    fmt = next(m["format"] for m in table["measures"] if m["key"] == key)
    if fmt == "band":  # ordinal bands can't make bar lengths: draw the estimated mean
        key, fmt = "mean", "money"
    label = next(m["label"] for m in table["measures"] if m["key"] == key)
    column = [c["key"] for c in table["columns"]].index(vocab.ALL)
    bars = []
    for row in table["rows"]:
        if key == "percent" and row["is_total"]:
            continue
        cell = row["cells"][column]
        value = cell[key]
        whisker = key == "median" and value is not None
        bars.append(
            Bar(
                label=row["label"],
                value=value,
                text=formatter(value, fmt),
                low=cell.get("q1") if whisker else None,
                high=cell.get("q3") if whisker else None,
            )
        )
    return bars, f"{label}, all kinds of provider"


def table_chart(table: dict, *, standalone: bool = False) -> SafeString:
    """A published table's chart, titled and described as its text alternative."""
    bars, measured = chart_for(table, formatter=format_value)
    description = (
        f"Bar chart of {measured.lower()} by {table['row_heading'].lower()}. "
        + (
            "Lines across the bars run from the lower to the upper quartile. "
            if any(b.low is not None for b in bars)
            else ""
        )
        + "Values suppressed to protect respondents are marked [c]. "
        + (
            "The figures are in the table's CSV, Excel and JSON downloads."
            if standalone
            else "The figures are in the tables below."
        )
    )
    title = table["title"]
    if standalone and table["row_heading"] != "Wave":  # a file of its own says which wave
        title += f", {table['wave']['name']}"
    return bar_chart(
        bars,
        chart_id=f"chart-{table['slug']}",
        title=f"{title}: {measured}",
        description=description,
        standalone=standalone,
    )


def bar_chart(
    bars: list[Bar], *, chart_id: str, title: str, description: str, standalone: bool = False
) -> SafeString:
    top = max([b.high or b.value or 0 for b in bars] + [1])
    scale = (WIDTH - LABEL_WIDTH - VALUE_WIDTH - 10) / top
    height = TOP * 2 + len(bars) * (BAR_HEIGHT + GAP)
    shapes = []
    for i, bar in enumerate(bars):
        y = TOP + i * (BAR_HEIGHT + GAP)
        middle = y + BAR_HEIGHT / 2 + 5
        shapes.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="end" font-size="15" fill="{}">{}</text>',
                LABEL_WIDTH - 8,
                middle,
                BLACK,
                _shorten(bar.label),
            )
        )
        if bar.value is None:
            shapes.append(
                format_html(
                    '<text x="{}" y="{}" font-size="15" fill="{}">{} suppressed</text>',
                    LABEL_WIDTH + 4,
                    middle,
                    BLACK,
                    disclosure.SUPPRESSED_MARK,
                )
            )
            continue
        length = max(bar.value * scale, 1)
        shapes.append(
            format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"></rect>',
                LABEL_WIDTH,
                y,
                f"{length:.1f}",
                BAR_HEIGHT,
                BLUE,
            )
        )
        if bar.low is not None and bar.high is not None:
            shapes.append(
                format_html(
                    '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" stroke-width="2"></line>',
                    f"{LABEL_WIDTH + bar.low * scale:.1f}",
                    f"{LABEL_WIDTH + bar.high * scale:.1f}",
                    y + BAR_HEIGHT / 2,
                    y + BAR_HEIGHT / 2,
                    BLACK,
                )
            )
        shapes.append(
            format_html(
                '<text x="{}" y="{}" font-size="15" fill="{}">{}</text>',
                f"{LABEL_WIDTH + max(length, (bar.high or 0) * scale) + 6:.1f}",
                middle,
                BLACK,
                bar.text,
            )
        )
    size = (
        format_html('width="{}" height="{}" font-family="{}"', WIDTH, height, FONT)
        if standalone
        else format_html('width="{}"', "100%")
    )
    return format_html(
        '<svg class="survey-chart" xmlns="http://www.w3.org/2000/svg" role="img" '
        'viewBox="0 0 {} {}" {} aria-labelledby="{}-title {}-desc">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>{}</svg>',
        WIDTH,
        height,
        size,
        chart_id,
        chart_id,
        chart_id,
        title,
        chart_id,
        description,
        format_html_join("", "{}", ((s,) for s in shapes)),
    )


def _shorten(label: str, limit: int = 34) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"

"""How a published value reads on the page."""

from survey import disclosure
from survey.tables import vocab


def format_value(value, fmt: str) -> str:
    if value is None:
        return disclosure.SUPPRESSED_MARK
    if fmt == "count":
        return f"{value:,}"
    if fmt == "percent":
        return f"{value:.1f}%"
    if fmt == "hours":
        return f"{value:.1f}"
    if fmt == "money":
        return f"£{value:,.0f}" if float(value).is_integer() and value >= 1000 else f"£{value:,.2f}"
    if fmt == "band":
        return vocab.TURNOVER_BANDS.get(value, str(value))
    return str(value)

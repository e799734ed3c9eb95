"""Text that goes into a CSV or spreadsheet file and must never run there."""

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    """Prefix a text cell that a spreadsheet would read as a formula with an apostrophe
    (OWASP "CSV injection"). Numbers, dates and other values pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value

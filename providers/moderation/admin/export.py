"""Spreadsheet export that cannot run code in the reader's spreadsheet program."""

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    """Prefix a text cell that a spreadsheet would read as a formula with an apostrophe
    (OWASP "CSV injection"). Numbers, dates and other values pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class SafeSpreadsheetExportMixin:
    """For Wagtail's SpreadsheetExportMixin (IndexView.list_export): every text value is
    neutralised in both CSV and XLSX."""

    def preprocess_field_value(self, field, value, export_format):
        return neutralise_formula(super().preprocess_field_value(field, value, export_format))

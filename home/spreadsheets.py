"""Text that goes into a CSV or spreadsheet file and must never run there."""

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    """Prefix a text cell that a spreadsheet would read as a formula with an apostrophe
    (OWASP "CSV injection"). Numbers, dates and other values pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def neutralise_wagtail_exports() -> None:
    """Make every Wagtail spreadsheet export (CSV and XLSX) neutralise formulas: its
    Reports (site history, workflows, workflow tasks, locked pages, aging pages) and any
    admin IndexView with `list_export`. A provider chooses their listing's title, and the
    reports export it as it is. Wagtail has no hook to replace its report views, so this
    wraps the one method every export passes each cell through. Called from
    HomeConfig.ready(); calling it again changes nothing."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    wagtails = SpreadsheetExportMixin.preprocess_field_value
    if getattr(wagtails, "neutralises_formulas", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        return neutralise_formula(wagtails(self, field, value, export_format))

    preprocess_field_value.neutralises_formulas = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value

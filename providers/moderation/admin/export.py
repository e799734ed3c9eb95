"""Spreadsheet export that cannot run code in the reader's spreadsheet program."""

from home.spreadsheets import neutralise_formula


class SafeSpreadsheetExportMixin:
    """For Wagtail's SpreadsheetExportMixin (IndexView.list_export): every text value is
    neutralised in both CSV and XLSX."""

    def preprocess_field_value(self, field, value, export_format):
        return neutralise_formula(super().preprocess_field_value(field, value, export_format))

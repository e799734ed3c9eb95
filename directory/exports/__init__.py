"""The public directory as CSV: public fields only, spreadsheet formulas neutralised,
streamed so the full file never sits in memory."""

"""Bulk import of listings by moderators: a CSV in our documented format
(docs/import-format.md) or an Open Referral UK / HSDS 3.0 JSON feed.

read (readers.py) -> validate each row (spec.py, with the portal's rules: rules.py) -> plan
a dry run -> apply it, all-or-nothing or valid rows only (services.py). Idempotent by
external ID."""

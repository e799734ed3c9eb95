"""Wagtail admin hooks of the providers app, one module per feature."""

from .imports import wagtail_hooks as _imports  # noqa: F401

"""Wagtail admin hooks of the providers app, one module per feature."""

from .claims import wagtail_hooks as _claims  # noqa: F401
from .imports import wagtail_hooks as _imports  # noqa: F401

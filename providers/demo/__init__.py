"""Demo providers for `manage.py seed_demo` (see seed.py)."""

from .seed import DemoProviderLogin, seed_providers

__all__ = ["DemoProviderLogin", "seed_providers"]

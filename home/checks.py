"""Deployment checks of the site as a whole (`manage.py check --deploy`)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register

PER_PROCESS_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


@register(Tags.caches, deploy=True)
def shared_cache(app_configs, **kwargs):
    """Login lock-outs, rate limits and the cached site shell (with its map of page view
    restrictions, home/shell.py) must be shared by every app process."""
    if settings.CACHES["default"]["BACKEND"] in PER_PROCESS_CACHES:
        return [
            Warning(
                "The default cache is held in each process.",
                hint="Set REDIS_URL: sign-in lock-outs, rate limits and page view "
                "restrictions must be shared by every app process.",
                id="home.W001",
            )
        ]
    return []

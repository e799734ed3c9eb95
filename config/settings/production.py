"""Production: HTTPS behind a proxy, secrets and hosts from the environment.

`DJANGO_SETTINGS_MODULE=config.settings.production manage.py check --deploy --fail-level WARNING`
passes with no silenced warning."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .env import env_bool, env_int, env_str

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY")  # no default: refuse to start without one
# The public address: emails (enquiries, reminders, claims, survey invitations) link to
# it. No default: base.py's http://127.0.0.1:8000 would point every link at 127.0.0.1.
WAGTAILADMIN_BASE_URL = env_str("BASE_URL")
if not WAGTAILADMIN_BASE_URL.startswith(("https://", "http://")):
    raise ImproperlyConfigured(
        "Set the BASE_URL environment variable to the site's public address, "
        "e.g. https://care.example.org (emails link to it)."
    )

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

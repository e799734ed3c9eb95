"""Settings come from the environment: each deployment sets values, never edits code."""

import json
import os
import re
import subprocess
import sys

from django.conf import settings
from django.test import override_settings

PRINT_SETTINGS = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps({
    "db_engine": settings.DATABASES["default"]["ENGINE"],
    "db_name": str(settings.DATABASES["default"]["NAME"]),
    "cache": settings.CACHES["default"]["BACKEND"],
    "cache_location": settings.CACHES["default"].get("LOCATION"),
    "allowed_hosts": settings.ALLOWED_HOSTS,
    "mailer": settings.MAILERS["default"],
    "search": settings.WAGTAILSEARCH_BACKENDS["default"],
    "debug": settings.DEBUG,
    "sessions": settings.SESSION_ENGINE,
}))
"""


def settings_with(module="config.settings.base", **env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "REDIS_URL", "SEARCH_BACKEND", "ALLOWED_HOSTS"}
    }
    clean.update(env, DJANGO_SETTINGS_MODULE=module)
    result = subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS],
        cwd=settings.BASE_DIR,
        env=clean,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_defaults_are_a_local_sqlite_file_and_an_in_process_cache():
    values = settings_with()

    assert values["db_engine"] == "django.db.backends.sqlite3"
    assert values["db_name"].endswith("db.sqlite3")
    assert values["cache"].endswith("LocMemCache")
    # (sessions cached in one process's memory would go stale in another's)
    assert values["sessions"] == "django.contrib.sessions.backends.db"
    assert values["debug"] is False
    assert values["search"]["BACKEND"] == "wagtail.search.backends.database"


def test_database_url_selects_postgresql():
    values = settings_with(DATABASE_URL="postgres://care:pw@db.internal:5432/care")

    assert values["db_engine"] == "django.db.backends.postgresql"
    assert values["db_name"] == "care"


def test_redis_url_turns_on_the_shared_cache():
    values = settings_with(REDIS_URL="redis://127.0.0.1:6379/1")

    assert values["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert values["cache_location"] == "redis://127.0.0.1:6379/1"
    assert values["sessions"] == "django.contrib.sessions.backends.cached_db"


def test_hosts_email_and_search_backend_come_from_the_environment():
    values = settings_with(
        ALLOWED_HOSTS="care.example.org, www.care.example.org",
        EMAIL_HOST="smtp.example.org",
        EMAIL_PORT="2525",
        EMAIL_HOST_USER="mailer",
        SEARCH_BACKEND="wagtail.search.backends.elasticsearch8",
        SEARCH_URLS="http://search.internal:9200",
        SEARCH_INDEX_PREFIX="care_",
    )

    assert values["allowed_hosts"] == ["care.example.org", "www.care.example.org"]
    assert values["mailer"]["OPTIONS"]["host"] == "smtp.example.org"
    assert values["mailer"]["OPTIONS"]["port"] == 2525
    assert values["mailer"]["OPTIONS"]["username"] == "mailer"
    assert values["search"] == {
        "BACKEND": "wagtail.search.backends.elasticsearch8",
        "URLS": ["http://search.internal:9200"],
        "INDEX_PREFIX": "care_",
    }


def test_development_settings_print_email_and_turn_debug_on():
    values = settings_with(module="config.settings.dev")

    assert values["debug"] is True
    assert values["mailer"]["BACKEND"] == "django.core.mail.backends.console.EmailBackend"


def test_deploy_check_wants_a_shared_cache():
    from home.checks import shared_cache

    with override_settings(
        CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    ):
        assert [w.id for w in shared_cache(None)] == ["home.W001"]
    redis = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/0",
    }
    with override_settings(CACHES={"default": redis}):
        assert shared_cache(None) == []


def test_the_readme_documents_every_setting_read_from_the_environment():
    """README.md's settings table is the operator's list: a variable missing from it is a
    setting nobody knows they can (or must) set."""
    readers = (
        r"(?:env_str|env_bool|env_int|env_list|os\.environ\.get|os\.getenv)\(\s*\"([A-Z0-9_]+)\""
    )
    names = set()
    for module in (settings.BASE_DIR / "config" / "settings").glob("*.py"):
        names |= set(re.findall(readers, module.read_text()))
    readme = (settings.BASE_DIR / "README.md").read_text()

    assert len(names) > 30  # the pattern still finds them
    assert sorted(name for name in names if f"`{name}`" not in readme) == []

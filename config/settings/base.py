"""Settings shared by every environment. Each value that differs between
deployments is read from the environment; README.md lists them all."""

from pathlib import Path

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from .env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
CSRF_FAILURE_VIEW = "home.views.csrf_failure"  # in the site's layout, saying what to do

INSTALLED_APPS = [
    "home",
    "providers",
    "providers.geography",
    "providers.accounts",
    "directory",
    "survey",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.forms",  # widget templates for home.forms.GovukRenderer (TemplatesSetting)
]

# Proxies of our own in front of the app servers (a load balancer that terminates TLS):
# each appends to X-Forwarded-For, and the client's address is the count-th entry from its
# right (home.middleware.ClientAddressMiddleware). 0: no proxy, REMOTE_ADDR is the client.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

MIDDLEWARE = [
    # First: every later middleware, django-axes, the rate limits and logs read its address.
    "home.middleware.ClientAddressMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "home.middleware.SiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "home.middleware.PrivateResponsesMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "home.middleware.AdminHeadersMiddleware",
    "home.middleware.AdminRoutesMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so that a locked-out login is answered before anything else runs.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.shell",
            ],
        },
    },
]

# Database: SQLite file by default, PostgreSQL (or any dj-database-url URL) when set.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    INSTALLED_APPS.append("django.contrib.postgres")  # full-text search for Wagtail's backend
    # No JIT: it compiled the directory search for 0.3 s per query (measured in bench/search.py).
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set (required with several app servers), else in-process.
REDIS_URL = env_str("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "care-directory"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Admin login lockout (django-axes): lock a username from an address after repeated failures.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 60) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "home/locked_out.html"
# REMOTE_ADDR only: ClientAddressMiddleware has already set it to the client's address
# behind TRUSTED_PROXY_COUNT proxies (forwarded headers are otherwise the client's to forge).
AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]
# No AccessLog row (email, address, browser) for every sign-in, kept forever: lockouts
# count AccessAttempt rows, which expire after the cool-off, and nothing reads the log.
AXES_DISABLE_ACCESS_LOG = True

LANGUAGE_CODE = "en-gb"
LANGUAGES = [("en-gb", _("English"))]
TIME_ZONE = "Europe/London"
# The site is in English only, so Django's translation machinery stays unloaded: every
# untranslated string otherwise walks ~20 per-app catalogues, 12% of a search page's
# instructions (bench/instructions.py). Strings stay marked for translation, and dates and
# numbers keep their en-GB formats; a second language means USE_I18N = True and an entry
# in LANGUAGES.
USE_I18N = False
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [
    ("dist", BASE_DIR / "static" / "dist"),
    ("js", BASE_DIR / "static" / "js"),
    ("img", BASE_DIR / "static" / "img"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Email (Django 6.1 mailers): SMTP from the environment; dev.py prints to the console.
EMAIL_BACKEND_CLASS = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
MAILERS = {
    "default": {
        "BACKEND": EMAIL_BACKEND_CLASS,
        "OPTIONS": {
            "host": env_str("EMAIL_HOST", "localhost"),
            "port": env_int("EMAIL_PORT", 587),
            "username": env_str("EMAIL_HOST_USER", ""),
            "password": env_str("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env_bool("EMAIL_USE_TLS", True),
            "timeout": env_int("EMAIL_TIMEOUT", 10),
        }
        if EMAIL_BACKEND_CLASS.endswith("smtp.EmailBackend")
        else {},
    }
}
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Care directory <no-reply@example.org>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# Security headers that hold everywhere (production.py adds HTTPS-only ones).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # the admin allows SAMEORIGIN for its preview panel (home.middleware)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 14 * 24 * 60 * 60  # the shortlist page tells visitors "2 weeks"
# The shortlist reads the session on every search: from the cache when it is shared (a
# per-process cache would hand one app process another's stale copy of a session).
SESSION_ENGINE = f"django.contrib.sessions.backends.{'cached_db' if REDIS_URL else 'db'}"

# Public pages: everything from this origin, scripts only with this response's nonce.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
# The Wagtail admin (trusted staff only) needs inline scripts and styles.
ADMIN_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "font-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "frame-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
ADMIN_PATH_PREFIXES = ("/admin/",)
# Pages for one person, never cached (home.middleware.PrivateResponsesMiddleware), as is
# every page served to a signed-in user.
PRIVATE_PATH_PREFIXES = ("/manage/",)
# Sent with every response: no page uses these browser features.
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()"
)

# Wagtail
WAGTAIL_SITE_NAME = env_str("SITE_NAME", "Find care and support near you")
WAGTAILADMIN_BASE_URL = env_str("BASE_URL", "http://127.0.0.1:8000")
# The admin's "Forgotten password?" emails staff only, at most once in 2 minutes an address
# (S105: a dotted path, not a password).
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "providers.accounts.admin_forms.StaffPasswordResetForm"  # noqa: S105
WAGTAIL_ENABLE_UPDATE_CHECK = False  # no call home from the admin
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no third-party avatars
WAGTAILEMBEDS_FINDERS = []  # embeds would fetch from third parties
WAGTAIL_I18N_ENABLED = False
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
# Pixels decide what decoding an image costs, not its file size: a 375 KB PNG can be
# 121 megapixels (over 1 GB decoded). 25 megapixels takes a 6000x4000 phone photo.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 25_000_000
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "ods", "csv", "txt"]
WAGTAIL_MODERATION_ENABLED = True

# Search: Wagtail's database backend (PostgreSQL full-text search on PostgreSQL,
# FTS5 on SQLite) unless SEARCH_BACKEND names another (e.g. Elasticsearch/OpenSearch).
SEARCH_BACKEND = env_str("SEARCH_BACKEND", "wagtail.search.backends.database")
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": SEARCH_BACKEND,
        **(
            {"URLS": env_list("SEARCH_URLS"), "INDEX_PREFIX": env_str("SEARCH_INDEX_PREFIX", "")}
            if SEARCH_BACKEND != "wagtail.search.backends.database"
            else {}
        ),
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

AXES_VERBOSE = False
# `manage.py seed_demo` creates users with published passwords: never in production.
DEMO_CONTENT_ALLOWED = False

# The product's own rules (freshness, accounts, enquiries, survey, open data).
from .product import *  # noqa: E402, F403

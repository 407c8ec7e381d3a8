"""Veerkracht settings: one module, everything that differs per machine comes from the environment.

Production is the default: without DJANGO_DEBUG=1 the site refuses to start without a real
DJANGO_SECRET_KEY and uses secure cookies, HSTS and HTTPS redirects. `make run` sets DJANGO_DEBUG=1.
Every variable is documented in the README ("Configuration").
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
PACKAGE_DIR = Path(__file__).resolve().parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), not {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)
# Tests run with DEBUG off (as in production) but must not need HTTPS; conftest sets this.
TESTING = env_bool("VEERKRACHT_TESTING", False)

_DEV_SECRET = "dev-only-insecure-key-do-not-use-in-production-0123456789abcdefghijklmnop"  # noqa: S105 - only with DEBUG or tests
SECRET_KEY = env_str("DJANGO_SECRET_KEY") or (_DEV_SECRET if (DEBUG or TESTING) else "")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is not set. Set it to a long random value, or set DJANGO_DEBUG=1 "
        "for local development."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if (DEBUG or TESTING) else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# The region this installation serves (a Region.slug loaded with `manage.py load_region`).
VEERKRACHT_REGION = env_str("VEERKRACHT_REGION", "limburg")
# Public base URL used in e-mails (links back to the site).
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000" if (DEBUG or TESTING) else "").rstrip("/")
# The Ed25519 key that signs Open Badges (64 hex characters); empty: derived from SECRET_KEY.
LEARNING_BADGE_KEY = env_str("LEARNING_BADGE_KEY", "")

INSTALLED_APPS = [
    "veerkracht.core.admin_site.VeerkrachtAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.forms",
    "rules.apps.AutodiscoverRulesConfig",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "csp",
    "django_htmx",
    "template_partials",
    "huey.contrib.djhuey",
    "veerkracht.core",
    "veerkracht.regions",
    "veerkracht.accounts",
    "veerkracht.spiderweb",
    "veerkracht.actioncentre",
    "veerkracht.agenda",
    "veerkracht.community",
    "veerkracht.learning",
    "veerkracht.network",
    "veerkracht.policy",
    "veerkracht.monitor",
]

MIDDLEWARE = [
    # First: load balancers ask /gezondheid/ by IP over plain HTTP (core/health.py).
    "veerkracht.core.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "veerkracht.core.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages go out compressed to browsers that ask (about a fifth of the bytes on a phone's slow
    # connection); Django adds random padding to every compressed answer against BREACH, and CSRF tokens
    # are masked per answer. Static files are compressed ahead by collectstatic (WhiteNoise).
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "veerkracht.regions.middleware.RegionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "veerkracht.accounts.middleware.PreferredLanguageMiddleware",
    "veerkracht.accounts.middleware.RequireMFAMiddleware",
]

ROOT_URLCONF = "veerkracht.urls"
FORM_RENDERER = "veerkracht.core.forms.FormRenderer"
WSGI_APPLICATION = "veerkracht.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "veerkracht.core.context_processors.site",
            ],
            "string_if_invalid": "",
        },
    }
]

# --- Database ---------------------------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        # Keep connections between requests: opening one costs PostgreSQL several milliseconds
        # per request. Checked before reuse, so a restarted database server is no problem.
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and one writer work at the same time; IMMEDIATE avoids "database is locked"
    # surprises when two requests write at once.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

_redis_url = env_str("REDIS_URL")
# The cache holds what every web worker must agree on: rate limits (ours and allauth's), used two-step
# codes, and the version numbers that invalidate cached counts. So by default it is a table in the
# database (created on migrate, core/apps.py), shared by every worker and kept across restarts; with
# REDIS_URL it is Redis. CACHE_BACKEND=locmem keeps it in each process (tests, or one single process).
_cache_backend = env_str("CACHE_BACKEND", "locmem" if TESTING else "database")
if _redis_url:
    _default_cache = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": _redis_url,
        "KEY_PREFIX": env_str("CACHE_KEY_PREFIX"),
    }
elif _cache_backend == "database":
    _default_cache = {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "veerkracht_cache",
        # Culling is by expiry first; a flood of keys must not push out live rate-limit counters.
        "OPTIONS": {"MAX_ENTRIES": 200_000, "CULL_FREQUENCY": 10},
    }
else:
    _default_cache = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
CACHES = {"default": _default_cache}
# With Redis, sessions are read from the cache and written through to the database (a Redis restart
# logs nobody out); without it they stay in the database.
# Both keep the id of the person logged in beside the session (accounts.UserSession), so that deleting
# an account finds its sessions without decoding every session.
SESSION_ENGINE = "veerkracht.accounts.sessions.db"
if _redis_url:
    SESSION_ENGINE = "veerkracht.accounts.sessions.cached_db"

# --- Background jobs (Huey; README "Background jobs") ------------------------------------------
# Without REDIS_URL the queue is a SQLite file next to the database (or under var/ when the database is
# not SQLite); with REDIS_URL every web server and worker shares the queue in Redis. Tests run every
# job at once, in the test process (immediate mode).
_db_name = DATABASES["default"].get("NAME") if DATABASES["default"]["ENGINE"].endswith("sqlite3") else None
if _db_name and str(_db_name) != ":memory:":
    _jobs_default = Path(_db_name).with_name(f"{Path(_db_name).stem}-jobs.sqlite3")
else:
    _jobs_default = BASE_DIR / "var" / "jobs.sqlite3"
JOBS_SQLITE_PATH = Path(env_str("JOBS_SQLITE_PATH") or _jobs_default)
if not _redis_url:
    JOBS_SQLITE_PATH.parent.mkdir(parents=True, exist_ok=True)
HUEY = {
    "name": env_str("JOBS_QUEUE_NAME", "veerkracht"),
    # Mail goes before bulk work: both storages honour task priorities (plain RedisHuey does not).
    "huey_class": "huey.PriorityRedisHuey" if _redis_url else "veerkracht.core.queue.SqliteQueue",
    **({"url": _redis_url} if _redis_url else {"filename": str(JOBS_SQLITE_PATH)}),
    "immediate": env_bool("JOBS_IMMEDIATE", TESTING),
    # Nobody reads a job's return value: store none (the queue stays small).
    "results": False,
    # Scheduled jobs run at Dutch local time (Django sets the process time zone to TIME_ZONE).
    "utc": False,
    "consumer": {
        "workers": env_int("JOBS_WORKERS", 2),
        "worker_type": "thread",
        "periodic": env_bool("JOBS_PERIODIC", True),
        "backoff": 1.15,
        "max_delay": 2.0,
    },
}
# E-mail jobs: attempts after the first, the wait before the first retry (doubled each time) and when a
# mail that is still "being sent" counts as lost with its worker (README "Background jobs").
MAIL_RETRIES = env_int("MAIL_RETRIES", 6)
MAIL_RETRY_DELAY = env_int("MAIL_RETRY_DELAY", 60)
MAIL_STALE_SECONDS = env_int("MAIL_STALE_SECONDS", 600)

# --- Accounts ---------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "veerkracht.accounts.backends.RolePermissionBackend",
    "veerkracht.accounts.backends.LoginBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:profile"
LOGOUT_REDIRECT_URL = "core:home"

ACCOUNT_ADAPTER = "veerkracht.accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {
    "login": "veerkracht.accounts.forms.LoginForm",
    "signup": "veerkracht.accounts.forms.SignupForm",
}
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
# Residents log in with a code sent by e-mail. The optional "password1" keeps allauth's password
# login available for people who set a password later; our sign-up form drops the field itself.
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_BY_CODE_TIMEOUT = 15 * 60
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD = "website"
ACCOUNT_RATE_LIMITS = {
    "login": "20/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "10/m/ip,30/h/ip",
    "request_login_code": "10/m/ip,3/m/key",
    "reset_password": "10/m/ip,3/m/key",
    # A sign-up whose code did not arrive (a mail outage) can be tried again at once; about as many
    # mails to one address per hour as allauth's default (1 per 3 minutes).
    "confirm_email": "3/10m/key",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env_str("MFA_TOTP_ISSUER", "Veerkracht")
MFA_RECOVERY_CODE_COUNT = 10

# --- Internationalisation ---------------------------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_NAME = "veerkracht_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = not (DEBUG or TESTING)
LANGUAGE_COOKIE_HTTPONLY = True

# --- Static files -----------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if (DEBUG or TESTING)
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Development and tests serve static files straight from the app folders (no collectstatic needed).
WHITENOISE_USE_FINDERS = DEBUG or TESTING
WHITENOISE_AUTOREFRESH = DEBUG or TESTING
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or BASE_DIR / "media")
MEDIA_URL = "/media/"
# Photos waiting for approval: outside MEDIA_ROOT, never served by the web server (actioncentre/storage.py).
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT") or BASE_DIR / "var" / "private-media")
# Backups (core/backup.py): `manage.py backup`, and every night the job `core.backup`.
BACKUP_DIR = Path(env_str("BACKUP_DIR") or BASE_DIR / "var" / "backups")
BACKUP_KEEP = env_int("BACKUP_KEEP", 14)

# --- E-mail -----------------------------------------------------------------------------------
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Veerkracht <noreply@veerkracht.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_HOST = env_str("EMAIL_HOST")
# Only the job worker talks to the mail server; a server that accepts and never answers must not hold
# a worker for ever (the mail is tried again later).
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20)
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = 10
# Development: mails go to the console and to files under var/mail, shown at /dev/mail/.
DEV_MAIL_DIR = BASE_DIR / "var" / "mail"
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else (
        "veerkracht.core.mail.DevMailBackend" if DEBUG else "django.core.mail.backends.console.EmailBackend"
    ),
)
if not (DEBUG or TESTING) and not EMAIL_HOST and "EMAIL_BACKEND" not in os.environ:
    # Production without SMTP would silently lose login codes; say so at start-up.
    import warnings

    warnings.warn(
        "EMAIL_HOST is not set: e-mails (login codes!) are only printed to the console.", stacklevel=1
    )

# --- Security ---------------------------------------------------------------------------------
_secure = not (DEBUG or TESTING)
SESSION_COOKIE_SECURE = _secure
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 14 * 24 * 3600
SESSION_COOKIE_NAME = "veerkracht_session" if not _secure else "__Host-veerkracht_session"
CSRF_COOKIE_SECURE = _secure
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "veerkracht.core.views.csrf_failure"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", _secure)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000 if _secure else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = _secure
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", _secure)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if env_bool("BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 1)

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"

# --- Demo data (`make run`) ------------------------------------------------------------------
# The demo's monitor is computed from the year of the first activity in the demo data (2019): about two
# minutes. A later year computes fewer periods (the crawl tests use this year only).
MONITOR_DEMO_FROM_YEAR = env_int("MONITOR_DEMO_FROM_YEAR", 0)

# --- Logging ----------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.security.DisallowedHost": {"level": "ERROR"},
        # The worker logs its jobs once (run_huey adds a handler of its own only when there is none).
        "huey": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
ADMINS = [("Beheer", a) for a in env_list("DJANGO_ADMINS", [])]

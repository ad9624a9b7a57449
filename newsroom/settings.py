"""
Newsroom settings: one module, configured by environment variables.

Every value has a safe default for development; production sets the variables
listed in the README (DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, DATABASE_URL, ...).
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


# GENERAL
# ------------------------------------------------------------------------------
DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off "
            "(set DJANGO_DEBUG=1 for local development)."
        )
    SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])

# British English: dates read "1 Dec 2026" on the site and in the admin.
LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True

# The site's public address, the one source for feeds, sitemaps, feed ids, e-mails and the
# Sites record (kept in sync on every migrate). Development serves it with `make run`.
NEWSROOM_SITE_URL = os.environ.get("NEWSROOM_SITE_URL", "").strip() or "http://127.0.0.1:8000"
SITE_ID = 1
SITE_NAME = os.environ.get("NEWSROOM_SITE_NAME", "Newsroom")
ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# APPS
# ------------------------------------------------------------------------------
INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.flatpages",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "axes",
    "cookie_consent",
    "django_prose_editor",
    "django_tasks_db",
    # The project package only registers its checks (newsroom/apps.py).
    "newsroom",
    "consent",
    "articles",
    "comments",
    "edge",
    "jobs",
    # Demo content and the seed_demo command; it may import every other app.
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside everything that may set a cookie: who may store the response (edge.middleware).
    "edge.middleware.CacheHeadersMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Sanitises the consent cookie, applies Global Privacy Control, adds Vary: Cookie.
    "consent.middleware.ConsentMiddleware",
    # Deletes the cookies of groups the visitor has not accepted (or has withdrawn).
    "cookie_consent.middleware.CleanCookiesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # The comments this browser posted (a signed cookie), for their author's own view.
    "comments.own.OwnCommentsMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Django's flat-page fallback, refusing methods other than GET and HEAD.
    "consent.middleware.FlatpageFallbackMiddleware",
    # Axes must come last so it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "newsroom.context_processors.site",
            ],
        },
    },
]

# DATABASES
# ------------------------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server and the task worker write to the same file: a transaction takes the
    # write lock when it begins, waiting for the other's, rather than fail halfway through
    # with "database is locked".
    DATABASES["default"]["OPTIONS"] = {"transaction_mode": "IMMEDIATE", "timeout": 20}

# CACHES
# ------------------------------------------------------------------------------
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "newsroom",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# AUTHENTICATION
# ------------------------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    # Axes first: it refuses locked-out credentials before they are checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "admin:login"

# SECURITY
# ------------------------------------------------------------------------------
# HTTPS is on whenever debug is off; DJANGO_HTTPS=0 serves a production-like
# site over plain HTTP on loopback (benchmarks, black-box tests).
HTTPS = env_bool("DJANGO_HTTPS", not DEBUG)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
# Behind a TLS-terminating proxy that sets X-Forwarded-Proto.
if env_bool("DJANGO_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

# A strict policy: scripts and styles only from our own origin; no inline handlers, no
# 'unsafe-inline'. Pages for readers are cached, so they carry no nonce: the snippets' inline
# code is allowed by its hash, added per page (consent.snippets). The nonce is the admin's
# (its form media); it is only in the header of a response that used it.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}
# The site needs no camera, microphone or location (django-permissions-policy).
PERMISSIONS_POLICY = {"camera": [], "microphone": [], "geolocation": [], "payment": [], "usb": []}

# STATIC / MEDIA
# ------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
# Serve MEDIA_URL from Django itself (development, tests, a single small host).
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Without collectstatic (tests, quick runs) WhiteNoise serves from the finders.
WHITENOISE_USE_FINDERS = env_bool("DJANGO_STATIC_FINDERS", DEBUG)
# Request bodies (other than files) above this size are refused; uploaded files above
# it are spooled to a temporary file rather than held in memory.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# EMAIL
# ------------------------------------------------------------------------------
MAILERS = {
    "default": {
        "BACKEND": os.environ.get(
            "DJANGO_EMAIL_BACKEND",
            "django.core.mail.backends.console.EmailBackend"
            if DEBUG
            else "django.core.mail.backends.smtp.EmailBackend",
        ),
    }
}
if os.environ.get("DJANGO_EMAIL_HOST"):
    MAILERS["default"]["OPTIONS"] = {
        "host": os.environ["DJANGO_EMAIL_HOST"],
        "port": int(os.environ.get("DJANGO_EMAIL_PORT", "587")),
        "username": os.environ.get("DJANGO_EMAIL_USER", ""),
        "password": os.environ.get("DJANGO_EMAIL_PASSWORD", ""),
        "use_tls": True,
    }
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "newsroom@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# LOGGING
# ------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}

# ARTICLES
# ------------------------------------------------------------------------------
NEWSROOM_PAGE_SIZE = 12
# How many articles the "You may also like" block shows.
NEWSROOM_RELATED_COUNT = int(os.environ.get("NEWSROOM_RELATED_COUNT", "6"))
# Widths, in pixels, of the renditions made for every uploaded image.
NEWSROOM_IMAGE_WIDTHS = [320, 640, 960, 1280, 1920]
# Images above this many pixels are refused (decompression-bomb guard).
NEWSROOM_IMAGE_MAX_PIXELS = 40_000_000
# Images above this many pixels get their renditions from a task worker (seconds of work),
# so the upload answers at once; pages show the original file until the renditions exist.
NEWSROOM_IMAGE_BACKGROUND_PIXELS = 2_000_000
# Image uploads larger than this many megabytes are refused with a form error before
# they are decoded (the web server's request size limit should sit a little above it).
NEWSROOM_MAX_UPLOAD_MB = int(os.environ.get("NEWSROOM_MAX_UPLOAD_MB", "20"))

# COMMENTS
# ------------------------------------------------------------------------------
# What happens to a comment Akismet calls ham: "publish", "hold_first" (hold a first
# comment from an e-mail address never approved before) or "hold_all".
# Anything else is a system check error (newsroom.E004).
COMMENTS_MODERATION = os.environ.get("COMMENTS_MODERATION", "publish").strip()
# Comments close on their own this many days after publication (0: never).
COMMENTS_CLOSE_AFTER_DAYS = int(os.environ.get("COMMENTS_CLOSE_AFTER_DAYS", "30"))
COMMENTS_MAX_DEPTH = 3
COMMENTS_THREADS_PER_PAGE = 50
# Reports from this many readers hide a comment until a moderator decides.
COMMENTS_REPORT_THRESHOLD = 3
# Blatant spam (Akismet's "discard") is deleted after this many days.
COMMENTS_DISCARD_AFTER_DAYS = 7
# One comment per address (and per e-mail address) per this many seconds.
COMMENTS_RATE_LIMIT_SECONDS = 15
# The same comment posted again within this many minutes is answered, not stored twice.
COMMENTS_DUPLICATE_MINUTES = 10
# Proxies in front of the site that append to X-Forwarded-For (0: use REMOTE_ADDR).
COMMENTS_TRUSTED_PROXIES = int(os.environ.get("DJANGO_TRUSTED_PROXIES", "0"))
# Commenters' IP addresses, user agents and referrers are erased this many days after the comment
# (the erase_comment_ips command, run by the housekeeping timer; stated on the privacy page).
COMMENTS_IP_RETENTION_DAYS = int(os.environ.get("COMMENTS_IP_RETENTION_DAYS", "30"))

# HTTP CACHE
# ------------------------------------------------------------------------------
# Public pages (those whose view adds surrogate keys, seen by an anonymous reader, setting no
# cookie) may be kept this many seconds by browsers, and by the shared cache in front...
NEWSROOM_CACHE_MAX_AGE = int(os.environ.get("NEWSROOM_CACHE_MAX_AGE", "60"))
NEWSROOM_CACHE_S_MAXAGE = int(os.environ.get("NEWSROOM_CACHE_S_MAXAGE", "600"))
# ...which may then serve them stale while it fetches a fresh copy, and while the site is down.
NEWSROOM_CACHE_STALE_WHILE_REVALIDATE = int(os.environ.get("NEWSROOM_CACHE_SWR", "30"))
NEWSROOM_CACHE_STALE_IF_ERROR = int(os.environ.get("NEWSROOM_CACHE_STALE_IF_ERROR", "86400"))
# The response header carrying the surrogate keys: xkey for Varnish (Surrogate-Key for
# Fastly, Cache-Tag for Cloudflare).
NEWSROOM_SURROGATE_KEY_HEADER = os.environ.get("NEWSROOM_SURROGATE_KEY_HEADER", "xkey")
# Where purges go (for example http://127.0.0.1:6081); unset, purging is off.
NEWSROOM_PURGE_URL = os.environ.get("NEWSROOM_PURGE_URL", "")
NEWSROOM_PURGE_BACKEND = os.environ.get("NEWSROOM_PURGE_BACKEND", "edge.purge.VarnishXkeyPurge")
NEWSROOM_PURGE_TIMEOUT = float(os.environ.get("NEWSROOM_PURGE_TIMEOUT", "2.0"))

# TASKS (background work)
# ------------------------------------------------------------------------------
# Work that must not hold a request, or must happen later, runs as Django tasks on a
# worker (`python manage.py worker`). "database" (the default) keeps the queue in the
# site's database (django-tasks-db); "rq" keeps it in Redis at REDIS_URL (django-tasks-rq),
# for workers on several machines. Periodic jobs are scheduled by the workers (jobs app).
TASKS_BACKEND = os.environ.get("NEWSROOM_TASKS_BACKEND", "database")
if TASKS_BACKEND == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
elif TASKS_BACKEND == "rq":
    if not os.environ.get("REDIS_URL"):
        raise ImproperlyConfigured("NEWSROOM_TASKS_BACKEND=rq needs REDIS_URL.")
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    RQ_QUEUES = {"default": {"URL": os.environ["REDIS_URL"], "DEFAULT_TIMEOUT": 900}}
else:
    raise ImproperlyConfigured(
        f"NEWSROOM_TASKS_BACKEND must be 'database' or 'rq', not {TASKS_BACKEND!r}."
    )
# A task still marked running after this long lost its worker (killed, machine gone) and
# is run again; every task is idempotent and far shorter than this.
TASKS_STUCK_AFTER = timedelta(minutes=int(os.environ.get("NEWSROOM_TASKS_STUCK_MINUTES", "15")))
# Load balancers probe /health/ over plain HTTP: answer there rather than redirect.
SECURE_REDIRECT_EXEMPT = [r"^health/"]
# `check --deploy` and /health/tasks/ report the workers as down after this long unseen.
TASKS_WORKER_LATE_AFTER = timedelta(
    minutes=int(os.environ.get("NEWSROOM_TASKS_WORKER_LATE_MINUTES", "10"))
)

# AKISMET
# ------------------------------------------------------------------------------
# The key and site URL come from PYTHON_AKISMET_API_KEY and PYTHON_AKISMET_BLOG_URL; without
# them comments are held for moderation, marked unchecked.
AKISMET_API_KEY = os.environ.get("PYTHON_AKISMET_API_KEY", "")
AKISMET_BLOG_URL = os.environ.get("PYTHON_AKISMET_BLOG_URL", "")
# A compatible server can stand in for the real service (tests run one on loopback).
AKISMET_API_URL = os.environ.get("AKISMET_API_URL", "https://rest.akismet.com")
AKISMET_TIMEOUT = float(os.environ.get("AKISMET_TIMEOUT", "2.0"))
AKISMET_IS_TEST = env_bool("AKISMET_IS_TEST", False)

# AXES (admin brute-force lockout)
# ------------------------------------------------------------------------------
# Keyed on username and IP together: one office behind a shared address cannot
# lock out the whole newsroom, and one account cannot be guessed from many IPs
# without each IP being locked in turn.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/lockout.html"
AXES_VERBOSE = False

# COOKIE CONSENT (django-cookie-consent)
# ------------------------------------------------------------------------------
# Opt-in: outside the strictly necessary group, no cookie is set before the visitor
# accepts its group. The groups and cookies come from a data migration (admin: Cookie
# consent), and the privacy page lists them from there.
COOKIE_CONSENT_OPT_OUT = False
# The consent cookie is HTTPS-only whenever the site is (the package defaults to False).
COOKIE_CONSENT_SECURE = HTTPS
COOKIE_CONSENT_HTTPONLY = True
COOKIE_CONSENT_SAMESITE = "Lax"
COOKIE_CONSENT_MAX_AGE = 60 * 60 * 24 * 365
# Every accept and decline is logged with the group's version (admin: Log items).
COOKIE_CONSENT_LOG_ENABLED = True
# A browser sending Global Privacy Control (Sec-GPC: 1) has declined these groups
# without being asked.
CONSENT_GPC_DECLINED_GROUPS = ["analytics"]

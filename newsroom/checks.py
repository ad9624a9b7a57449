from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

from articles import sites


def check_allowed_hosts(app_configs, **kwargs):
    """Django refuses every request when ALLOWED_HOSTS is empty and debug is off."""
    if settings.ALLOWED_HOSTS:
        return []
    return [
        Error(
            "ALLOWED_HOSTS is empty: the site would answer every request with 400.",
            hint="Set DJANGO_ALLOWED_HOSTS to the site's host names, separated by commas.",
            id="newsroom.E001",
        )
    ]


def check_consent_cookie_secure(app_configs, **kwargs):
    """django-cookie-consent sends its cookie over plain HTTP unless told otherwise."""
    if not settings.SESSION_COOKIE_SECURE or getattr(settings, "COOKIE_CONSENT_SECURE", False):
        return []
    return [
        Warning(
            "COOKIE_CONSENT_SECURE is off while the site's other cookies are HTTPS-only.",
            hint="Set COOKIE_CONSENT_SECURE = True (newsroom/settings.py follows DJANGO_HTTPS).",
            id="newsroom.W002",
        )
    ]


def check_site_url(app_configs, **kwargs):
    """NEWSROOM_SITE_URL must be a site's root address (feeds, sitemaps and e-mails use it)."""
    problem = sites.address_problem(settings.NEWSROOM_SITE_URL)
    if not problem:
        return []
    return [
        Error(
            f"NEWSROOM_SITE_URL ({settings.NEWSROOM_SITE_URL!r}) is not usable: {problem}.",
            hint="Set NEWSROOM_SITE_URL to the public address, e.g. https://news.example.com.",
            id="newsroom.E002",
        )
    ]


def check_public_site_url(app_configs, **kwargs):
    """A production site announcing a development address sends readers to nowhere."""
    if settings.DEBUG or not sites.is_development_address(settings.NEWSROOM_SITE_URL):
        return []
    return [
        Error(
            f"NEWSROOM_SITE_URL is unset or a development address ({sites.public_url()}): "
            "feeds, sitemaps and e-mails would point readers at it.",
            hint="Set NEWSROOM_SITE_URL to the public address, e.g. https://news.example.com.",
            id="newsroom.E003",
        )
    ]


# What happens to a comment Akismet calls ham (comments.services.ham_status reads it).
COMMENTS_MODERATION_POLICIES = ("publish", "hold_first", "hold_all")


def check_comments_moderation(app_configs, **kwargs):
    """A mistyped policy must stop the site, not quietly publish every comment."""
    if settings.COMMENTS_MODERATION in COMMENTS_MODERATION_POLICIES:
        return []
    return [
        Error(
            f"COMMENTS_MODERATION ({settings.COMMENTS_MODERATION!r}) is not a moderation policy.",
            hint="Set COMMENTS_MODERATION to one of: "
            + ", ".join(COMMENTS_MODERATION_POLICIES)
            + ".",
            id="newsroom.E004",
        )
    ]


def register_checks() -> None:
    register(check_site_url)
    register(check_comments_moderation)
    for check in (check_allowed_hosts, check_consent_cookie_secure, check_public_site_url):
        register(check, Tags.security, deploy=True)

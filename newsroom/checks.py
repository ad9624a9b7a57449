from django.conf import settings
from django.core.checks import Error, Tags, Warning, register


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


def register_deploy_checks() -> None:
    for check in (check_allowed_hosts, check_consent_cookie_secure):
        register(check, Tags.security, deploy=True)

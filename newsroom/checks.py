from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
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

from django.conf import settings
from django.urls import reverse


def site(request):
    """Site-wide constants for every template; no queries."""
    return {
        "SITE_NAME": settings.SITE_NAME,
        "PRIVACY_URL": reverse("privacy"),
    }

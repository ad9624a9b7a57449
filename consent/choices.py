"""
The visitor's cookie choices, on top of django-cookie-consent.

The package reads the choices from the consent cookie in request.COOKIES wherever it needs
them (template filters, the status view, the accept/decline views, its middleware), so
ConsentMiddleware cleans that value once per request, here, and every reader agrees.
"""

from datetime import datetime, timedelta

from cookie_consent.cache import all_cookie_groups
from cookie_consent.util import (
    dict_to_cookie_str,
    get_cookie_dict_from_request,
    get_cookie_value_from_request,
)
from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

# The cookie group of the comment form's "remember me" (created by consent/migrations/0003).
FUNCTIONAL = "functional"

CLOCK_TOLERANCE = timedelta(hours=1)


def accepted(request: HttpRequest, varname: str) -> bool:
    """True if the visitor accepted this cookie group under its current version."""
    return get_cookie_value_from_request(request, varname) is True


def gpc_declined(request: HttpRequest, varname: str) -> bool:
    """True if Global Privacy Control declined this group for the visitor."""
    return getattr(request, "global_privacy_control", False) and (
        varname in settings.CONSENT_GPC_DECLINED_GROUPS
    )


def _valid_choice(value: str) -> bool:
    """A choice the site could have written: "declined", or a group version in the past."""
    if value == settings.COOKIE_CONSENT_DECLINE:
        return True
    try:
        version = datetime.fromisoformat(value)
    except ValueError:
        return False
    # Versions come from the database clock: allow for servers whose clocks disagree a little.
    return version.tzinfo is not None and version <= timezone.now() + CLOCK_TOLERANCE


def clean_consent_cookie(request: HttpRequest) -> None:
    """
    Drop unknown groups and malformed values from the consent cookie the browser sent.

    The package compares versions as strings, so "analytics=zzz" would read as accepted;
    whatever the site did not write counts as no choice at all.
    """
    name = settings.COOKIE_CONSENT_NAME
    if name not in request.COOKIES:
        return
    groups = all_cookie_groups()
    choices = {
        varname: value
        for varname, value in get_cookie_dict_from_request(request).items()
        if varname in groups and _valid_choice(value)
    }
    if choices:
        request.COOKIES[name] = dict_to_cookie_str(choices)
    else:
        del request.COOKIES[name]


def apply_global_privacy_control(request: HttpRequest) -> bool:
    """
    Treat Sec-GPC: 1 as a standing "decline" for CONSENT_GPC_DECLINED_GROUPS.

    The signal wins over an earlier "accept" for as long as the browser sends it. Nothing is
    logged: the visitor made no choice on this site.
    """
    if request.headers.get("Sec-GPC", "").strip() != "1":
        return False
    choices = get_cookie_dict_from_request(request)
    for varname in settings.CONSENT_GPC_DECLINED_GROUPS:
        choices[varname] = settings.COOKIE_CONSENT_DECLINE
    request.COOKIES[settings.COOKIE_CONSENT_NAME] = dict_to_cookie_str(choices)
    return True

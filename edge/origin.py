"""
Cross-origin protection from the browser's own headers, for the anonymous forms.

A per-visitor CSRF token cannot live in a page that a shared cache gives to everyone, so the
forms anonymous readers post (comments, reports, cookie choices) are protected the way Go's
http.CrossOriginProtection and Rails protect theirs: every browser of the last years says
where a request comes from, in `Sec-Fetch-Site` or at least `Origin`, and a page on another
site cannot change either. A logged-in user still needs Django's token.
"""

import logging
from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import URLPattern, include, path
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect

logger = logging.getLogger("django.security.csrf")

SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}
# "none": typed in the address bar or opened from a bookmark, no page sent it.
SAME_ORIGIN = {"same-origin", "none"}


def trusted(origin: str) -> bool:
    """An origin of CSRF_TRUSTED_ORIGINS ("https://news.example.com", "https://*.example.com")."""
    for allowed in settings.CSRF_TRUSTED_ORIGINS:
        if origin == allowed:
            return True
        scheme, _sep, host = allowed.partition("://")
        if host.startswith("*."):
            parts = urlsplit(origin)
            if parts.scheme == scheme and (parts.netloc or "").endswith(host[1:]):
                return True
    return False


def refusal(request) -> str | None:
    """Why this request comes from another site and must be refused, or None."""
    if request.method in SAFE_METHODS:
        return None
    origin = request.headers.get("Origin")
    if origin and trusted(origin):
        return None
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        # same-site is refused too: a sibling subdomain may host pages we do not control.
        return None if fetch_site in SAME_ORIGIN else f"Sec-Fetch-Site is {fetch_site}"
    if origin is None:
        # A browser too old to send either header, or no browser at all: no page of another
        # site can make it post, so there is nothing to protect against (Go does the same).
        return None
    if urlsplit(origin).netloc == request.get_host():
        return None
    return f"Origin {origin} is not this site"


def refused(request, reason: str):
    logger.warning("Cross-origin %s %s refused: %s", request.method, request.path, reason)
    message = _("This form was sent from another website, so it was not accepted.")
    if "application/json" in request.headers.get("Accept", ""):
        return JsonResponse({"ok": False, "message": message}, status=403)
    return render(request, "edge/cross_origin.html", {"message": message}, status=403)


def cross_origin_protected(view):
    """
    Protect a view posted to by anonymous readers without a CSRF token in the page.

    Anonymous requests from another site are refused (403); anonymous requests from ours,
    and from browsers that say nothing, are accepted without a token. Logged-in users go
    through Django's token check as everywhere else.
    """
    token_checked = csrf_protect(view)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.user.is_authenticated:
            return token_checked(request, *args, **kwargs)
        if reason := refusal(request):
            return refused(request, reason)
        return view(request, *args, **kwargs)

    return csrf_exempt(wrapper)


def protected_urls(urlconf: str, *names: str) -> tuple:
    """include(urlconf) with the views of these URL names wrapped in cross_origin_protected."""
    patterns, app_name, namespace = include(urlconf)
    wrapped = [
        path(
            str(pattern.pattern),
            cross_origin_protected(pattern.callback),
            pattern.default_args,
            name=pattern.name,
        )
        if isinstance(pattern, URLPattern) and pattern.name in names
        else pattern
        for pattern in patterns.urlpatterns
    ]
    return wrapped, app_name, namespace

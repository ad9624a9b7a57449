"""Small helpers about the visitor's request, shared by the apps."""

import hashlib
from ipaddress import ip_address

from django.conf import settings


def client_ip(request) -> str | None:
    """
    The visitor's address: REMOTE_ADDR, or the address our trusted proxies saw.

    Only the last COMMENTS_TRUSTED_PROXIES entries of X-Forwarded-For were written by
    proxies we run; anything before them is whatever the client claimed.
    """
    candidate = request.META.get("REMOTE_ADDR", "")
    proxies = settings.COMMENTS_TRUSTED_PROXIES
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if proxies and len(forwarded) >= proxies:
        candidate = forwarded[-proxies]
    try:
        return str(ip_address(candidate))
    except ValueError:
        return None


def visitor_key(request) -> str:
    """A stable, anonymous key for one reader (address and browser), without storing either."""
    raw = f"{client_ip(request)}|{request.META.get('HTTP_USER_AGENT', '')}|{settings.SECRET_KEY}"
    return hashlib.sha256(raw.encode()).hexdigest()

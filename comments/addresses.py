"""Who is posting: the visitor's address behind our proxies, and an anonymous key for a reader."""

import hashlib
from ipaddress import IPv6Address, ip_address

from django.conf import settings


def parse_address(value: str) -> str | None:
    """
    One address as proxies and servers write it, in its canonical form, or None.

    Accepts what X-Forwarded-For and REMOTE_ADDR carry in the wild: `1.2.3.4`, `1.2.3.4:5678`,
    `2001:db8::1`, `[2001:db8::1]`, `[2001:db8::1]:443`, quoted forms, a zone (`fe80::1%eth0`)
    and IPv4-mapped IPv6 (`::ffff:1.2.3.4`, given as the IPv4 address). Anything else
    (`unknown`, obfuscated identifiers such as `_hidden`, host names, junk) is None.
    """
    value = value.strip().strip('"').strip()
    if value.startswith("["):
        # [IPv6] or [IPv6]:port; a port must be digits.
        host, bracket, port = value[1:].partition("]")
        if not bracket or (port and not (port.startswith(":") and port[1:].isdigit())):
            return None
        value = host
    elif value.count(":") == 1:
        # IPv4:port (an IPv6 address has at least two colons).
        value, _, port = value.partition(":")
        if not port.isdigit():
            return None
    if ":" in value:
        value = value.partition("%")[0]
    try:
        address = ip_address(value)
    except ValueError:
        return None
    if isinstance(address, IPv6Address) and address.ipv4_mapped:
        return str(address.ipv4_mapped)
    return str(address)


def client_ip(request) -> str | None:
    """
    The visitor's address: REMOTE_ADDR, or the address our trusted proxies saw.

    Only the last COMMENTS_TRUSTED_PROXIES entries of X-Forwarded-For were written by
    proxies we run; anything before them is whatever the client claimed. When the entry
    our outermost proxy wrote cannot be read as an address, REMOTE_ADDR (our nearest
    proxy) stands in, so a visitor never goes without one by sending junk.
    """
    remote = parse_address(request.META.get("REMOTE_ADDR", ""))
    proxies = settings.COMMENTS_TRUSTED_PROXIES
    if not proxies:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < proxies:
        return remote
    return parse_address(forwarded[-proxies]) or remote


def visitor_key(request) -> str:
    """A stable, anonymous key for one reader (address and browser), without storing either."""
    raw = f"{client_ip(request)}|{request.META.get('HTTP_USER_AGENT', '')}|{settings.SECRET_KEY}"
    return hashlib.sha256(raw.encode()).hexdigest()

"""
The site's public address, NEWSROOM_SITE_URL: its parts, and the Sites record that carries it.

Feeds and sitemaps build their URLs from the Sites framework's record; sync_site (run after
every migrate, connected in ArticlesConfig.ready) writes the setting's host there, so they
follow the setting. The scheme comes from the setting too, not from the request: a feed
fetched over plain HTTP from behind a proxy still links to https:// when the site is served
over HTTPS.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap

DEVELOPMENT_HOSTS = {"localhost", "127.0.0.1", "::1"}


def public_url() -> str:
    """The site's address without a trailing slash: "https://news.example.com"."""
    return settings.NEWSROOM_SITE_URL.strip().rstrip("/")


def public_scheme() -> str:
    return urlsplit(public_url()).scheme


def public_domain() -> str:
    """The host (and port, if any) readers use: what the Sites record stores."""
    return urlsplit(public_url()).netloc


def absolute_url(path: str) -> str:
    """A path on the site (/admin/...) as a full address, for e-mails and other documents."""
    return f"{public_url()}{path}"


def address_problem(url: str) -> str:
    """Why `url` cannot be the site's address, or "" when it can."""
    try:
        parts = urlsplit(url.strip())
        hostname, _port = parts.hostname, parts.port  # .port raises ValueError when malformed
    except ValueError:
        return "it is not a valid URL"
    if parts.scheme not in {"http", "https"} or not hostname:
        return "it must start with https:// or http:// and name a host"
    if parts.path.strip("/") or parts.query or parts.fragment or parts.username:
        return "it must be the site's root address, without a path, query or user name"
    return ""


def is_development_address(url: str) -> bool:
    hostname = urlsplit(url.strip()).hostname or ""
    return hostname in DEVELOPMENT_HOSTS or hostname.endswith(".localhost")


def sync_site(*, apps=None, using="default", **kwargs) -> None:
    """Make the Sites record (SITE_ID) carry the site's address; a post_migrate receiver."""
    if address_problem(settings.NEWSROOM_SITE_URL):
        return  # the system check newsroom.E002 reports it, and migrate stops on it
    from django.contrib.sites.models import Site as CurrentSite

    try:
        Site = apps.get_model("sites", "Site") if apps else CurrentSite
    except LookupError:  # migrating the sites app backwards
        return
    Site.objects.using(using).update_or_create(
        pk=settings.SITE_ID,
        defaults={"domain": public_domain(), "name": settings.SITE_NAME},
    )
    # Site.objects caches records per process; the historical model does not clear it.
    CurrentSite.objects.clear_cache()


class PublicSitemap(Sitemap):
    """Django's Sitemap, its URLs in the public address's scheme rather than the request's."""

    @property
    def protocol(self):
        return public_scheme()

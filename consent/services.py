"""Actions on the consent records that the admin (and anyone else) calls."""

from cookie_consent.models import Cookie, CookieGroup
from django.utils import timezone

from edge import keys
from edge.services import purge_after_commit


def ask_again(group: CookieGroup) -> bool:
    """
    Give a cookie group a new version, so every visitor who chose before is asked again.

    The package's version is the creation time of the group's newest cookie; it moves to
    now. False for a group without cookies, which has no version to change.
    """
    newest = Cookie.objects.filter(cookiegroup=group).order_by("-created", "-pk").first()
    if newest is None:
        return False
    # The queryset update clears the package's cache of groups, but sends no signal: the
    # pages showing the banner (every page) are purged here.
    Cookie.objects.filter(pk=newest.pk).update(created=timezone.now())
    purge_after_commit([keys.SITE])
    return True

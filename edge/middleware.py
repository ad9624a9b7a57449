from django.conf import settings
from django.utils.cache import patch_cache_control

from edge import keys

# Statuses a shared cache may keep (RFC 9111's heuristically cacheable ones we send).
CACHEABLE_STATUSES = {200, 301, 308, 404, 410}


class CacheHeadersMiddleware:
    """
    Say who may store each response.

    A page whose view added surrogate keys (edge.keys.add) is public when nothing in it is
    the visitor's own: `Cache-Control: public` with a short browser lifetime, the shared
    cache's lifetime (s-maxage) and its grace, and the keys in the surrogate-key header.
    Everything else is `private, no-store`: logged-in users, responses that set a cookie,
    pages marked per visitor, errors, unsafe requests, and any view that added no key.
    A Cache-Control set by the view itself (never_cache on previews, WhiteNoise) is kept;
    one that says `private` (a page that read the visitor's own comments' cookie) wins over
    any surrogate key and is made `no-store` too.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            if "private" in cache_directives(response):
                patch_cache_control(response, no_store=True)
            return response
        if self.is_public(request, response):
            patch_cache_control(
                response,
                public=True,
                max_age=settings.NEWSROOM_CACHE_MAX_AGE,
                s_maxage=settings.NEWSROOM_CACHE_S_MAXAGE,
                stale_while_revalidate=settings.NEWSROOM_CACHE_STALE_WHILE_REVALIDATE,
                stale_if_error=settings.NEWSROOM_CACHE_STALE_IF_ERROR,
            )
            tags = sorted({keys.SITE, *request.surrogate_keys})
            response[settings.NEWSROOM_SURROGATE_KEY_HEADER] = " ".join(tags)
        else:
            patch_cache_control(response, private=True, no_store=True)
        return response

    def is_public(self, request, response) -> bool:
        return (
            request.method in ("GET", "HEAD")
            and getattr(request, "surrogate_keys", None) is not None
            and not getattr(request, "per_visitor", False)
            and response.status_code in CACHEABLE_STATUSES
            and not response.cookies
            and not logged_in(request)
        )


def logged_in(request) -> bool:
    # Without a session cookie nobody is logged in, and the session is not even read
    # (reading it would add Vary: Cookie to feeds and sitemaps).
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated)


def cache_directives(response) -> set[str]:
    """The directive names of the response's Cache-Control ("private", "max-age", …)."""
    return {
        part.split("=", 1)[0].strip().lower()
        for part in response["Cache-Control"].split(",")
        if part.strip()
    }

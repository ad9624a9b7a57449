"""
Surrogate keys: what a page shows, so that a change purges exactly the pages that show it.

A view calls add(request, …) with the objects (or names) on its page. Its response is then
public, stored by the HTTP cache in front for NEWSROOM_CACHE_S_MAXAGE, and tagged with those
keys (edge.middleware). A page that adds no key stays private: nothing is shared by accident.
"""

from functools import wraps

# On every public page: the section menu and the cookie banner, which any page can show.
SITE = "site"
# Pages listing the latest articles, whatever their section, tag or author.
HOME = "home"
FEEDS = "feeds"
SITEMAPS = "sitemaps"
SEARCH = "search"
LISTINGS = (HOME, FEEDS, SITEMAPS, SEARCH)
# Flat pages (the privacy page).
FLATPAGES = "flatpages"


def key(item) -> str:
    """A name as it is, a model instance as "<model>-<pk>" (article-12, section-3)."""
    if isinstance(item, str):
        return item
    return f"{item._meta.model_name}-{item.pk}"


def add(request, *items) -> None:
    """Make this request's response public, tagged with the keys of these objects or names."""
    if not hasattr(request, "surrogate_keys"):
        request.surrogate_keys = set()
    request.surrogate_keys.update(key(item) for item in items)


def private(request) -> None:
    """This response shows something of this visitor's own: no shared cache may store it."""
    request.per_visitor = True


def tagged(*items):
    """add() as a view decorator, for views we do not write (sitemaps, flat pages)."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            add(request, *items)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator

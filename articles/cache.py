"""
What the public pages keep in the cache, and until when: the one place that decides.

Every cached read (the section list, the home page's section blocks, the related choices,
tag frequencies) and every template fragment (card grids, the related block, the section
menu) is keyed on `Freshness.key`, made of

* a version per kind of content, replaced by `bump()` whenever something it covers is saved
  or deleted, by signals so the admin and loaddata are covered too: CONTENT for articles,
  sections, tags, authors, images, links and picks (articles.signals); COMMENTS for the
  comment counts on cards, bumped by the comments app once it has stored a changed
  Article.comment_count (comments.signals);
* the time the next scheduled article goes live: once it has passed, the key changes, so a
  scheduled article is on every page at its time, with no save to trigger it.

`Freshness.timeout` is how long that key stays right: until the next go-live time, at most
MAX_AGE, so entries of old versions leave even a cache that never evicts.
"""

import math
import uuid
from dataclasses import dataclass

from django.core.cache import cache
from django.utils import timezone

CONTENT = "content"
COMMENTS = "comments"
# The ceiling on every entry this module keys (versions included: a version that expired
# is simply replaced by a new one, which only costs a recomputation).
MAX_AGE = 24 * 3600
# The schedule entry's value when nothing is scheduled.
NOTHING_SCHEDULED = 0


@dataclass(frozen=True)
class Freshness:
    key: str
    timeout: int

    def __str__(self):
        return self.key


def version(name: str) -> str:
    """The current version of `name`: a random token, so concurrent bumps never collide."""
    key = f"articles:version:{name}"
    value = cache.get(key)
    if value is None:
        cache.add(key, uuid.uuid4().hex, MAX_AGE)
        value = cache.get(key, "")
    return value


def bump(name: str = CONTENT) -> None:
    """Make every entry keyed on `name` stale."""
    cache.set(f"articles:version:{name}", uuid.uuid4().hex, MAX_AGE)


def next_go_live(content_version: str) -> float:
    """The timestamp of the next scheduled article's publication, or NOTHING_SCHEDULED."""
    key = f"articles:next-go-live:{content_version}"
    moment = cache.get(key)
    if moment is None or NOTHING_SCHEDULED < moment <= timezone.now().timestamp():
        from articles.models import Article

        upcoming = (
            Article.objects.scheduled()
            .order_by("published_at")
            .values_list("published_at", flat=True)
            .first()
        )
        moment = upcoming.timestamp() if upcoming else NOTHING_SCHEDULED
        cache.set(key, moment, MAX_AGE)
    return moment


def freshness(*names: str) -> Freshness:
    """The key and timeout for what depends on CONTENT and on `names`."""
    content_version = version(CONTENT)
    moment = next_go_live(content_version)
    parts = [content_version, *(version(name) for name in names if name != CONTENT)]
    timeout = MAX_AGE
    if moment != NOTHING_SCHEDULED:
        timeout = min(MAX_AGE, max(1, math.ceil(moment - timezone.now().timestamp())))
    return Freshness(key=".".join([*parts, f"{moment:.6f}"]), timeout=timeout)


def get_or_compute(name: str, compute, *, fresh: Freshness | None = None):
    """The cached value of `name` under the current freshness, computed on a miss."""
    fresh = fresh or freshness()
    key = f"articles:{name}:{fresh.key}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, fresh.timeout)
    return value


def forget(name: str) -> None:
    """Drop the entry of `name` under the current freshness (the others stay)."""
    cache.delete(f"articles:{name}:{freshness().key}")

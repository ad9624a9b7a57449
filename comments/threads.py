"""
The comments an article page shows: a page of threads, oldest first, and its cache.

The page's thread count and its list are cached under the article's comments version, which
changes whenever one of its comments is saved or deleted (comments/signals.py): a warm
article page reads no comment from the database.
"""

import uuid
from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import Q

from comments.models import Comment

# Versioned keys never go stale; the lifetime only frees the memory of old versions.
CACHE_SECONDS = 60 * 60 * 24


def version_key(article_id: int) -> str:
    return f"comments:version:{article_id}"


def comments_version(article_id: int) -> str:
    """The current version of an article's comments, for cache keys."""
    version = cache.get(version_key(article_id))
    if version is None:
        # A random version: a version evicted from the cache can never come back to
        # match a fragment cached under it.
        cache.add(version_key(article_id), uuid.uuid4().hex, timeout=None)
        version = cache.get(version_key(article_id), "")
    return version


def bump_comments_version(article_id: int) -> None:
    """What readers see of this article's comments changed: forget the cached page."""
    cache.set(version_key(article_id), uuid.uuid4().hex, timeout=None)


def thread_count(article, version: str) -> int:
    """How many threads readers see on the article (cached): the pages of its comments."""
    key = f"comments:threads:{article.pk}:{version}"
    threads = cache.get(key)
    if threads is None:
        threads = Comment.objects.visible().for_article(article).filter(depth=0).count()
        cache.set(key, threads, CACHE_SECONDS)
    return threads


@dataclass
class CommentPage:
    """One page of an article's threads. The comments are read only if asked for."""

    article: object
    total: int
    page: Page

    @cached_property
    def comments(self) -> list[Comment]:
        """The page's threads and all their replies (one query), depth-first."""
        per_page = self.page.paginator.per_page
        start = (self.page.number - 1) * per_page
        visible = Comment.objects.visible().for_article(self.article)
        page_threads = visible.filter(depth=0).order_by("created_at", "pk").values("pk")
        rows = visible.filter(thread__in=page_threads[start : start + per_page]).order_by(
            "created_at", "pk"
        )
        threads, children = [], {}
        for comment in rows:
            if comment.depth:
                children.setdefault(comment.parent_id, []).append(comment)
            else:
                threads.append(comment)
        flat: list[Comment] = []

        def walk(comment: Comment) -> None:
            flat.append(comment)
            for child in children.get(comment.pk, []):
                walk(child)

        for thread in threads:
            walk(thread)
        return flat


def comment_page(article, number, *, version: str) -> CommentPage:
    """
    The requested page of threads (any bad or too large number gives a page anyway).

    The paginator pages through the thread count, so clamping the number costs no query.
    The total is the article's stored count (comments.counts), the one the cards show.
    """
    paginator = Paginator(range(thread_count(article, version)), settings.COMMENTS_THREADS_PER_PAGE)
    return CommentPage(
        article=article, total=article.comment_count, page=paginator.get_page(number)
    )


def comment_url(comment: Comment) -> str:
    """A visible comment's address: the page of threads it is on, and its anchor."""
    earlier_threads = (
        Comment.objects.visible()
        .for_article(comment.article_id)
        .filter(depth=0)
        .filter(
            Q(created_at__lt=comment.thread.created_at)
            | Q(created_at=comment.thread.created_at, pk__lt=comment.thread_id)
        )
        .count()
    )
    number = earlier_threads // settings.COMMENTS_THREADS_PER_PAGE + 1
    query = f"?cpage={number}" if number > 1 else ""
    return f"{comment.article.get_absolute_url()}{query}#comment-{comment.pk}"

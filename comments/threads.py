"""The comments an article page shows: a page of threads, oldest first, in three queries."""

import math
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Q

from comments.models import Comment


@dataclass
class CommentPage:
    total: int
    number: int
    num_pages: int
    comments: list[Comment] = field(default_factory=list)  # depth-first, replies after parents

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages


def page_number(raw) -> int:
    try:
        return max(int(raw), 1)
    except (TypeError, ValueError):
        return 1


def comment_page(article, number: int = 1) -> CommentPage:
    approved = Comment.objects.approved().for_article(article)
    counts = approved.aggregate(total=Count("pk"), threads=Count("pk", filter=Q(depth=0)))
    per_page = settings.COMMENTS_THREADS_PER_PAGE
    num_pages = max(math.ceil(counts["threads"] / per_page), 1)
    number = min(number, num_pages)
    start = (number - 1) * per_page
    # The page's threads and all their replies in one query, whatever the page holds.
    page_threads = approved.filter(depth=0).order_by("created_at", "pk").values("pk")
    rows = approved.filter(thread__in=page_threads[start : start + per_page]).order_by(
        "created_at", "pk"
    )
    threads, replies = [], []
    for comment in rows:
        (replies if comment.depth else threads).append(comment)
    children: dict[int, list[Comment]] = {}
    for reply in replies:
        children.setdefault(reply.parent_id, []).append(reply)

    flat: list[Comment] = []

    def walk(comment: Comment) -> None:
        flat.append(comment)
        for child in children.get(comment.pk, []):
            walk(child)

    for thread in threads:
        walk(thread)
    return CommentPage(total=counts["total"], number=number, num_pages=num_pages, comments=flat)

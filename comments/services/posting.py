"""
What visitors do: post a comment, report one.

submit_comment stores a comment before any outside call, so no outcome of the Akismet
check can lose it.
"""

import hashlib
import math
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from comments import spam
from comments import tasks as comment_tasks
from comments.models import Comment, CommentReport, ModerationEvent
from comments.services.checking import apply_verdict
from comments.services.history import SYSTEM, record


class CommentRefused(Exception):
    """A comment the site will not take; the message is for the visitor."""

    status_code = 400


class CommentsClosed(CommentRefused):
    status_code = 403


class TooFast(CommentRefused):
    status_code = 429
    # Seconds until the visitor may try again, when the limit knows it.
    retry_after: int | None = None


@dataclass(frozen=True)
class RequestContext:
    """What the visitor's request tells Akismet about them."""

    ip_address: str | None
    user_agent: str = ""
    referrer: str = ""
    user: object = None
    # The comments this browser posted (its signed cookie): a repeat is recognised only
    # for the same poster.
    own_comment_ids: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Submission:
    comment: Comment
    duplicate: bool = False


# Rules --------------------------------------------------------------------------------


def comments_open(article: Article) -> bool:
    """Open when the editor left them open and the article is young enough."""
    if not article.comments_open or not article.is_published:
        return False
    days = settings.COMMENTS_CLOSE_AFTER_DAYS
    return not days or article.published_at > timezone.now() - timedelta(days=days)


def content_hash(*, article: Article, email: str, content: str) -> str:
    normalised = " ".join(content.split()).casefold()
    return hashlib.sha256(f"{article.pk}\n{email.casefold()}\n{normalised}".encode()).hexdigest()


def check_rate_limit(*, ip_address: str | None, email: str) -> None:
    """
    One comment per address and per e-mail address per COMMENTS_RATE_LIMIT_SECONDS.

    Each key holds the time of the post that opened its window, so a refusal says how
    long is left (TooFast.retry_after); a refused post does not open a window.
    """
    seconds = settings.COMMENTS_RATE_LIMIT_SECONDS
    keys = [
        f"comments:rate:email:{hashlib.sha256(email.casefold().encode()).hexdigest()}",
        # Posts without a readable address share one limit rather than escaping it.
        f"comments:rate:ip:{ip_address or 'unknown'}",
    ]
    now = timezone.now().timestamp()
    opened = list(cache.get_many(keys).values())
    if not opened:
        # cache.add is atomic: of posts racing here, only the first gets through.
        opened = [cache.get(key, now) for key in keys if not cache.add(key, now, timeout=seconds)]
    if opened:
        error = TooFast("You are posting comments too quickly. Please wait a moment.")
        error.retry_after = max(1, math.ceil(max(opened) + seconds - now))
        raise error


# Submitting ---------------------------------------------------------------------------

REPLY_REFUSED = _("You can only reply to a published comment on this article.")


def earlier_duplicate(*, digest: str, context: RequestContext) -> Comment | None:
    """
    The same comment from the same poster within COMMENTS_DUPLICATE_MINUTES, if any.

    The same poster is this browser (its own comments) or the same address and browser.
    The same text from anyone else is a new comment: nobody is shown someone else's.
    """
    poster = Q(pk__in=context.own_comment_ids)
    if context.ip_address:
        poster |= Q(ip_address=context.ip_address, user_agent=context.user_agent[:500])
    since = timezone.now() - timedelta(minutes=settings.COMMENTS_DUPLICATE_MINUTES)
    return (
        Comment.objects.filter(content_hash=digest, created_at__gte=since)
        .filter(poster)
        .order_by("created_at", "pk")
        .first()
    )


def submit_comment(
    *,
    article: Article,
    author_name: str,
    author_email: str,
    author_url: str,
    content: str,
    parent: Comment | None,
    context: RequestContext,
) -> Submission:
    """
    Store a visitor's comment, then check it with Akismet and apply the verdict.

    Raises CommentsClosed, TooFast or CommentRefused (nothing stored) for comments the
    site will not take. A repeat from the same poster returns the first one, marked
    duplicate (see earlier_duplicate).
    """
    if not comments_open(article):
        raise CommentsClosed("Comments are closed on this article.")
    if (
        parent is not None
        and not Comment.objects.reply_targets(article).filter(pk=parent.pk).exists()
    ):
        raise CommentRefused(REPLY_REFUSED)

    digest = content_hash(article=article, email=author_email, content=content)
    earlier = earlier_duplicate(digest=digest, context=context)
    if earlier is not None:
        return Submission(earlier, duplicate=True)
    check_rate_limit(ip_address=context.ip_address, email=author_email)

    user = context.user if getattr(context.user, "is_authenticated", False) else None
    with transaction.atomic():
        comment = Comment.objects.create(
            article=article,
            parent=parent,
            author_name=author_name,
            author_email=author_email,
            author_url=author_url,
            content=content,
            user=user,
            ip_address=context.ip_address,
            user_agent=context.user_agent[:500],
            referrer=context.referrer[:500],
            content_hash=digest,
            held_reason=Comment.HeldReason.UNCHECKED,
        )
    # The row is committed: whatever Akismet does now, the comment is kept. While Akismet
    # is known to be down the visitor does not wait for it: the re-check task asks later.
    verdict = spam.check(comment, skip_if_down=True)
    with transaction.atomic():
        apply_verdict(comment, verdict)
        comment_tasks.after_check(verdict)  # unchecked: the re-check commits with it
    return Submission(comment)


# Readers' reports ---------------------------------------------------------------------


def report_comment(*, comment: Comment, reason: str, details: str, reporter_key: str) -> bool:
    """
    Record a reader's report; False if this reader already reported the comment.

    Enough reports hold the comment back until a moderator decides.
    """
    if not comment.is_published:
        raise CommentRefused("This comment cannot be reported.")
    if not cache.add(f"comments:report-rate:{reporter_key}", 1, timeout=30):
        raise TooFast("You are sending reports too quickly. Please wait a moment.")
    with transaction.atomic():
        _, created = CommentReport.objects.get_or_create(
            comment=comment,
            reporter_key=reporter_key,
            defaults={"reason": reason, "details": details},
        )
        if not created:
            return False
        open_reports = comment.reports.filter(resolved=False).count()
        if open_reports >= settings.COMMENTS_REPORT_THRESHOLD:
            previous = comment.status
            comment.status, comment.held_reason = (
                Comment.Status.PENDING,
                Comment.HeldReason.REPORTED,
            )
            comment.save(update_fields=["status", "held_reason", "updated_at"])
            record(
                comment,
                action=ModerationEvent.Action.HIDDEN_AFTER_REPORTS,
                from_status=previous,
                actor_label=SYSTEM,
                note=f"{open_reports} readers reported it",
            )
    return True

"""
Commenters' data: a copy for whoever asks, erasure on request, and what is kept how long
(request details, blatant spam).
"""

from datetime import timedelta

from django.conf import settings
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from comments.models import Comment, ModerationEvent
from comments.services.history import SYSTEM, record

ERASED_NAME = "Anonymous"
# A syntactically valid address that can never be anyone's (RFC 2606 reserves .invalid).
ERASED_EMAIL = "erased@example.invalid"
ERASED_CONTENT = "[This comment was erased at its author's request.]"


def commenter_email(email: str) -> str:
    """The address of a data request, checked; raises ValidationError if malformed."""
    email = (email or "").strip()
    validate_email(email)
    return email


def export_commenter_data(*, email: str) -> dict:
    """
    Everything stored with one e-mail address, for a commenter who asks for a copy.

    Raises ValidationError for a malformed address; an unknown one has no comments.
    """
    email = commenter_email(email)
    comments = (
        Comment.objects.filter(author_email__iexact=email)
        .select_related("article")
        .order_by("created_at", "pk")
    )
    return {
        "email": email,
        "exported_at": timezone.now().isoformat(),
        "comments": [
            {
                "id": comment.pk,
                "article": comment.article.title,
                "url": comment.get_absolute_url(),
                "in_reply_to": comment.parent_id,
                "name": comment.author_name,
                "email": comment.author_email,
                "website": comment.author_url,
                "comment": comment.content,
                "status": comment.get_status_display(),
                "posted_at": comment.created_at.isoformat(),
                "ip_address": comment.ip_address,
                "user_agent": comment.user_agent,
                "referrer": comment.referrer,
                "sent_to_akismet": comment.check_attempts > 0,
            }
            for comment in comments
        ],
    }


def erase_commenter_data(*, email: str) -> int:
    """
    Erase what identifies a commenter on every comment from one e-mail address.

    The rows stay, so other readers' replies keep their place in the thread, but the name,
    address, website, text and request details are gone, and a history row (without the
    address) records the erasure. Returns how many comments were erased. Akismet keeps what
    it was sent under its own policy. Raises ValidationError for a malformed address.
    """
    email = commenter_email(email)
    with transaction.atomic():
        comments = list(Comment.objects.select_for_update().filter(author_email__iexact=email))
        Comment.objects.filter(pk__in=[comment.pk for comment in comments]).update(
            author_name=ERASED_NAME,
            author_email=ERASED_EMAIL,
            author_url="",
            content=ERASED_CONTENT,
            user=None,
            ip_address=None,
            user_agent="",
            referrer="",
            content_hash="",
            updated_at=timezone.now(),
        )
        for comment in comments:
            record(
                comment,
                action=ModerationEvent.Action.ERASED,
                from_status=comment.status,
                actor_label=SYSTEM,
            )
    return len(comments)


def erase_comment_ips() -> int:
    """
    Erase the request details (IP address, user agent, referrer) of comments older than
    COMMENTS_IP_RETENTION_DAYS; returns how many comments had some.
    """
    cutoff = timezone.now() - timedelta(days=settings.COMMENTS_IP_RETENTION_DAYS)
    return (
        Comment.objects.filter(created_at__lt=cutoff)
        .filter(Q(ip_address__isnull=False) | ~Q(user_agent="") | ~Q(referrer=""))
        .update(ip_address=None, user_agent="", referrer="")
    )


def purge_discarded_spam() -> int:
    """Delete blatant spam older than COMMENTS_DISCARD_AFTER_DAYS."""
    cutoff = timezone.now() - timedelta(days=settings.COMMENTS_DISCARD_AFTER_DAYS)
    deleted, _ = Comment.objects.filter(
        status=Comment.Status.SPAM, verdict=Comment.Verdict.DISCARD, created_at__lt=cutoff
    ).delete()
    return deleted

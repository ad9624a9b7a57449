"""
The comment pipeline: every action that changes a comment's state lives here.

submit_comment stores a comment before any outside call, so no outcome of the Akismet
check can lose it; moderate_comment records a moderator's decision and feeds it back to
Akismet without ever blocking on it.
"""

import hashlib
import math
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from comments import spam
from comments import tasks as comment_tasks
from comments.models import Comment, CommentReport, ModerationEvent
from newsroom.sites import absolute_url

SYSTEM = "system"
AKISMET = "Akismet"


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


def ham_status(email: str) -> tuple[str, str]:
    """Where a comment Akismet calls ham goes, by the moderation policy."""
    policy = settings.COMMENTS_MODERATION
    if policy == "hold_all":
        return Comment.Status.PENDING, Comment.HeldReason.POLICY
    if policy == "hold_first" and not (
        Comment.objects.approved().filter(author_email__iexact=email).exists()
    ):
        return Comment.Status.PENDING, Comment.HeldReason.POLICY
    return Comment.Status.APPROVED, Comment.HeldReason.NONE


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
    # The row is committed: whatever Akismet does now, the comment is kept.
    verdict = spam.check(comment)
    with transaction.atomic():
        apply_verdict(comment, verdict)
        comment_tasks.after_check(verdict)  # unchecked: the re-check commits with it
    return Submission(comment)


def apply_verdict(comment: Comment, verdict: spam.Verdict) -> Comment:
    """Move a comment where Akismet's verdict sends it, and keep a history row."""
    previous = comment.status
    comment.check_attempts += 1
    if verdict.value == Comment.Verdict.UNCHECKED:
        comment.status, comment.held_reason = Comment.Status.PENDING, Comment.HeldReason.UNCHECKED
        comment.last_check_error = verdict.error[:300]
    else:
        comment.checked_at = timezone.now()
        comment.last_check_error = ""
        if verdict.value == Comment.Verdict.HAM:
            comment.status, comment.held_reason = ham_status(comment.author_email)
        else:
            comment.status, comment.held_reason = Comment.Status.SPAM, Comment.HeldReason.NONE
    comment.verdict = verdict.value
    comment.save(
        update_fields=[
            "status",
            "held_reason",
            "verdict",
            "checked_at",
            "check_attempts",
            "last_check_error",
            "updated_at",
        ]
    )
    record(
        comment,
        # Say what happened: Akismet judged it, could not be reached or failed, or was never
        # asked because no key is configured (then the site, not Akismet, held it).
        action="checked" if verdict.checked else verdict.problem or spam.FAILED,
        from_status=previous,
        actor_label=SYSTEM if verdict.problem == spam.NO_KEY else AKISMET,
        note=verdict.error,
    )
    return comment


def recheck_unchecked_comments(*, limit: int = 200) -> dict[str, int]:
    """Check again every comment Akismet could not judge, and resend pending feedback."""
    outcome = {"checked": 0, "still_unchecked": 0, "feedback_sent": 0}
    for comment in Comment.objects.unchecked().select_related("article")[:limit]:
        verdict = spam.check(comment)
        apply_verdict(comment, verdict)
        outcome["checked" if verdict.checked else "still_unchecked"] += 1
        if not verdict.checked:
            break  # the service is down: try the rest next time
    for comment in Comment.objects.exclude(feedback_pending="").select_related("article")[:limit]:
        if not send_feedback(comment):
            break
        outcome["feedback_sent"] += 1
    return outcome


# Moderating ---------------------------------------------------------------------------

ACTIONS = {
    # action: (new status, feedback for Akismet)
    "approve": (Comment.Status.APPROVED, ""),
    "spam": (Comment.Status.SPAM, "spam"),
    "not_spam": (Comment.Status.APPROVED, "ham"),
}


def moderate_comment(*, comment: Comment, action: str, moderator) -> Comment:
    """
    Apply a moderator's decision, resolve open reports, and queue feedback for Akismet.

    The feedback is sent by a task; if Akismet cannot be reached it stays queued and the
    re-check job sends it later.
    """
    status, feedback = ACTIONS[action]
    previous = comment.status
    with transaction.atomic():
        comment.status, comment.held_reason = status, Comment.HeldReason.NONE
        if feedback:
            comment.feedback_pending = feedback
        comment.save(update_fields=["status", "held_reason", "feedback_pending", "updated_at"])
        comment.reports.filter(resolved=False).update(resolved=True)
        record(
            comment,
            action=action.replace("_", " "),
            from_status=previous,
            actor=moderator,
            actor_label=moderator.get_username(),
        )
    if feedback:
        comment_tasks.queue_feedback(comment)
    return comment


@transaction.atomic
def send_feedback(comment: Comment) -> bool:
    """Report a moderator's verdict to Akismet once, whichever worker or command gets there."""
    # The row stays locked until the report is marked sent: anyone else skips it.
    pending = Comment.objects.select_for_update(skip_locked=True).filter(pk=comment.pk)
    kind = pending.values_list("feedback_pending", flat=True).first()
    if not kind or not spam.submit_feedback(comment, kind):
        return False
    Comment.objects.filter(pk=comment.pk).update(feedback_pending="")
    comment.feedback_pending = ""
    record(
        comment,
        action=f"reported {kind} to Akismet",
        from_status=comment.status,
        actor_label=SYSTEM,
    )
    return True


def recheck_comment(*, comment: Comment, moderator) -> Comment:
    """A moderator's "check again with Akismet"."""
    verdict = spam.check(comment)
    apply_verdict(comment, verdict)
    record(
        comment,
        action="asked Akismet again",
        from_status=comment.status,
        actor=moderator,
        actor_label=moderator.get_username(),
    )
    return comment


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
                action="hidden after reports",
                from_status=previous,
                actor_label=SYSTEM,
                note=f"{open_reports} readers reported it",
            )
    return True


# Housekeeping -------------------------------------------------------------------------


def purge_discarded_spam() -> int:
    """Delete blatant spam older than COMMENTS_DISCARD_AFTER_DAYS."""
    cutoff = timezone.now() - timedelta(days=settings.COMMENTS_DISCARD_AFTER_DAYS)
    deleted, _ = Comment.objects.filter(
        status=Comment.Status.SPAM, verdict=Comment.Verdict.DISCARD, created_at__lt=cutoff
    ).delete()
    return deleted


def notify_moderators() -> int:
    """E-mail moderators one digest of what arrived for review since the last one."""
    waiting = Comment.objects.awaiting_review().filter(notified_at__isnull=True)
    comments = list(waiting.select_related("article")[:500])
    if not comments:
        return 0
    recipients = list(
        get_user_model()
        .objects.filter(is_active=True, groups__name="Moderators")
        .exclude(email="")
        .values_list("email", flat=True)
    )
    if recipients:
        lines = [
            f"- {c.author_name} on “{c.article.title}”: {c.get_held_reason_display()}"
            for c in comments
        ]
        send_mail(
            subject=f"{len(comments)} comment(s) waiting for review",
            message=(
                "These comments are waiting for a moderator:\n\n"
                + "\n".join(lines)
                + "\n\nReview them at "
                + absolute_url(reverse("admin:comments_comment_changelist") + "?queue=review")
                + "\n"
            ),
            from_email=None,
            recipient_list=recipients,
        )
    Comment.objects.filter(pk__in=[c.pk for c in comments]).update(notified_at=timezone.now())
    return len(comments)


# History ------------------------------------------------------------------------------


def record(
    comment: Comment, *, action: str, from_status: str, actor_label: str, actor=None, note: str = ""
) -> ModerationEvent:
    return ModerationEvent.objects.create(
        comment=comment,
        actor=actor,
        actor_label=actor_label,
        action=action,
        from_status=from_status,
        to_status=comment.status,
        verdict=comment.verdict,
        note=note[:300],
    )


# Commenters' data ---------------------------------------------------------------------

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
                action="erased at the author's request",
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

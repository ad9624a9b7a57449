"""
Akismet's side of the pipeline: apply a verdict, check again what it could not judge, and
deliver moderators' spam/ham feedback.
"""

import itertools
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from comments import spam
from comments.models import Comment, ModerationEvent
from comments.services.history import AKISMET, SYSTEM, record


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
    comment.save(update_fields=[*Comment.CHECK_FIELDS, "updated_at"])
    record(
        comment,
        # Say what happened: Akismet judged it, could not be reached or failed, or was never
        # asked because no key is configured (then the site, not Akismet, held it).
        action=(
            ModerationEvent.Action.CHECKED if verdict.checked else verdict.problem or spam.FAILED
        ),
        from_status=previous,
        actor_label=SYSTEM if verdict.problem == spam.NO_KEY else AKISMET,
        note=verdict.error,
    )
    return comment


# Akismet calls at once while the re-check works through a backlog: 3,000 held comments
# take about 20 s at Akismet's usual 50 ms, where one call at a time takes 150 s.
RECHECK_CONCURRENCY = 8


def recheck_unchecked_comments(
    *, limit: int = 200, concurrency: int = RECHECK_CONCURRENCY
) -> dict[str, int]:
    """
    Check again up to `limit` comments Akismet could not judge, and resend pending feedback.

    The first comment is asked alone and, once it is judged, the rest `concurrency` at a
    time, each verdict applied as it arrives. The first failure stops the batch, as the
    WordPress plugin does: while Akismet is down an attempt costs one call, however many
    comments wait (calls already under way finish and count).
    """
    outcome = {"checked": 0, "still_unchecked": 0, "feedback_sent": 0}
    waiting = iter(Comment.objects.unchecked().select_related("article", "user")[:limit])

    def judged(comment: Comment, verdict: spam.Verdict) -> bool:
        if apply_verdict_once(comment, verdict):
            outcome["checked" if verdict.checked else "still_unchecked"] += 1
        return verdict.checked

    first = next(waiting, None)
    if first is not None and judged(first, spam.check(first)):
        # The calls run in threads that never touch the database: each comment comes with
        # what Akismet is sent, and each verdict is applied here, in this thread.
        with ThreadPoolExecutor(concurrency, thread_name_prefix="akismet-recheck") as pool:
            asked: dict[Future, Comment] = {}

            def ask(count: int) -> None:
                for comment in itertools.islice(waiting, count):
                    asked[pool.submit(spam.check, comment)] = comment

            ask(concurrency)
            failed = False
            while asked:
                done, _ = wait(asked, return_when=FIRST_COMPLETED)
                for future in done:
                    failed |= not judged(asked.pop(future), future.result())
                    if not failed:
                        ask(1)

    for comment in Comment.objects.exclude(feedback_pending="").select_related("article")[:limit]:
        if not send_feedback(comment):
            break
        outcome["feedback_sent"] += 1
    return outcome


def apply_verdict_once(comment: Comment, verdict: spam.Verdict) -> bool:
    """
    Apply a re-check's verdict in a short transaction of its own, unless the comment moved
    on meanwhile (a moderator decided, another worker checked it); True if applied.

    The row is locked while the verdict is applied; a row another worker holds is skipped.
    """
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # A verdict lost in a crash a moment after its commit leaves the comment
            # unchecked, to be asked again: no need to wait for the disk on each one.
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
        current = (
            Comment.objects.unchecked()
            .select_for_update(skip_locked=True)
            .filter(pk=comment.pk)
            .first()
        )
        if current is None:
            return False
        current.article = comment.article
        apply_verdict(current, verdict)
    return True


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
        action=(
            ModerationEvent.Action.SPAM_REPORTED
            if kind == "spam"
            else ModerationEvent.Action.HAM_REPORTED
        ),
        from_status=comment.status,
        actor_label=SYSTEM,
    )
    return True

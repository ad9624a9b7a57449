"""
Comment work the task worker does: Akismet re-checks and feedback, the moderators' digest,
commenters' data erasure, the retention of request details and the spam purge.

Every task is idempotent (a second run finds nothing left to do) and calls a service.
"""

import time
from datetime import timedelta

from django.tasks import task

from comments import spam
from comments.models import Comment
from comments.services import checking, notifications, privacy
from jobs import schedule

RECHECK = "akismet-recheck"
# After Akismet failed, the re-check comes back in seconds, then minutes, then hourly.
RECHECK_BACKOFF = tuple(
    timedelta(seconds=seconds) for seconds in (10, 30, 60, 120, 300, 600, 1200, 1800)
)
RECHECK_BATCH = 200
# A visitor's post asks Akismet at most once per process this often whether the re-check
# should run now because Akismet is back.
WAKE_SECONDS = 10.0
_last_wake = [0.0]


def after_check(verdict: spam.Verdict) -> None:
    """
    In the transaction that records the Akismet verdict of a visitor's comment.

    Unchecked: the re-check is brought forward to seconds from now, its task committed with
    the comment's state, so it waits in the queue if no worker runs. Checked while the
    re-check is backing off: Akismet is back, so the held comments are checked now.
    """
    if not verdict.checked:
        schedule.run_soon(RECHECK, delay=RECHECK_BACKOFF[0])
    elif not 0 <= time.time() - _last_wake[0] < WAKE_SECONDS:
        _last_wake[0] = time.time()
        schedule.run_soon(RECHECK, backing_off=True)


@schedule.periodic(
    RECHECK,
    every=timedelta(hours=1),
    backoff=RECHECK_BACKOFF,
    label="Akismet re-check of unchecked comments and queued feedback",
)
def recheck_unchecked():
    # Stops at the first failure, as the WordPress plugin does: one call per attempt
    # while Akismet is down, however many comments wait.
    outcome = checking.recheck_unchecked_comments(limit=RECHECK_BATCH)
    if outcome["still_unchecked"]:
        return schedule.Retry(outcome)
    if outcome["checked"] >= RECHECK_BATCH:
        return schedule.RunAgain(outcome)
    return outcome


def queue_feedback(comment: Comment) -> None:
    """Send a moderator's verdict to Akismet from the worker, committed with the decision."""
    schedule.enqueue(send_feedback, comment.pk)


@task()
def send_feedback(comment_id: int) -> bool:
    """Report a comment to Akismet as spam or ham (once: the service locks the row)."""
    comment = Comment.objects.select_related("article").filter(pk=comment_id).first()
    return comment is not None and checking.send_feedback(comment)


@task()
def erase_commenter_data(email: str) -> int:
    """A commenter's erasure request, answered by the worker."""
    return privacy.erase_commenter_data(email=email)


@schedule.periodic(
    "moderator-digest", every=timedelta(minutes=10), label="E-mail digest for moderators"
)
def moderator_digest() -> dict:
    return {"comments": notifications.notify_moderators()}


@schedule.periodic(
    "comment-retention",
    every=timedelta(hours=1),
    label="Commenters' IP address, user agent and referrer erased after the retention period",
)
def comment_retention() -> dict:
    return {"comments": privacy.erase_comment_ips()}


@schedule.periodic(
    "spam-purge", every=timedelta(hours=1), label="Blatant spam deleted after a few days"
)
def spam_purge() -> dict:
    return {"deleted": privacy.purge_discarded_spam()}

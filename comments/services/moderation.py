"""
What moderators do: decide about a comment, and ask Akismet again.

A decision is recorded at once and fed back to Akismet by a task, never blocking on it.
"""

from django.db import transaction

from comments import spam
from comments import tasks as comment_tasks
from comments.models import Comment, ModerationEvent
from comments.services.checking import apply_verdict
from comments.services.history import record

ACTIONS = {
    # decision: (new status, feedback for Akismet, history entry)
    Comment.Moderation.APPROVE: (Comment.Status.APPROVED, "", ModerationEvent.Action.APPROVED),
    Comment.Moderation.SPAM: (Comment.Status.SPAM, "spam", ModerationEvent.Action.SPAM),
    Comment.Moderation.NOT_SPAM: (
        Comment.Status.APPROVED,
        "ham",
        ModerationEvent.Action.NOT_SPAM,
    ),
}


def moderate_comment(*, comment: Comment, action: Comment.Moderation, moderator) -> Comment:
    """
    Apply a moderator's decision, resolve open reports, and queue feedback for Akismet.

    The feedback is sent by a task; if Akismet cannot be reached it stays queued and the
    re-check job sends it later.
    """
    status, feedback, entry = ACTIONS[action]
    previous = comment.status
    with transaction.atomic():
        comment.status, comment.held_reason = status, Comment.HeldReason.NONE
        if feedback:
            comment.feedback_pending = feedback
        comment.save(update_fields=["status", "held_reason", "feedback_pending", "updated_at"])
        comment.reports.filter(resolved=False).update(resolved=True)
        record(
            comment,
            action=entry,
            from_status=previous,
            actor=moderator,
            actor_label=moderator.get_username(),
        )
    if feedback:
        comment_tasks.queue_feedback(comment)
    return comment


def recheck_comment(*, comment: Comment, moderator) -> Comment:
    """A moderator's "check again with Akismet"."""
    verdict = spam.check(comment)
    apply_verdict(comment, verdict)
    record(
        comment,
        action=ModerationEvent.Action.RECHECKED,
        from_status=comment.status,
        actor=moderator,
        actor_label=moderator.get_username(),
    )
    return comment

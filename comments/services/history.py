"""The moderation history: one row for every change of a comment's state."""

from comments.models import Comment, ModerationEvent

# Who made a change, when no moderator did.
SYSTEM = "system"
AKISMET = "Akismet"


def record(
    comment: Comment,
    *,
    action: ModerationEvent.Action,
    from_status: str,
    actor_label: str,
    actor=None,
    note: str = "",
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

"""
Cache invalidation for the comment list: it must follow saves we do not call (the admin's
edits and deletions, loaddata) as well as ours, so it hangs on the model's signals.
"""

from django.db.models.signals import post_delete, post_save

from comments.models import Comment, ModerationEvent
from comments.threads import bump_comments_version


def forget_comment_list(sender, instance, **kwargs):
    bump_comments_version(instance.article_id)


def forget_comment_list_after_event(sender, instance, created, **kwargs):
    # Bulk changes (an erasure at the author's request) update rows without saving them,
    # but each one leaves a history row.
    if created:
        bump_comments_version(instance.comment.article_id)


def connect():
    post_save.connect(forget_comment_list, sender=Comment, dispatch_uid="comments-list")
    post_delete.connect(forget_comment_list, sender=Comment, dispatch_uid="comments-list-d")
    post_save.connect(
        forget_comment_list_after_event, sender=ModerationEvent, dispatch_uid="comments-list-e"
    )

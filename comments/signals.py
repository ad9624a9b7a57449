"""
What follows a change to comments, whoever makes it (our services, the admin's edits and
deletions, loaddata), so it hangs on the models' signals: the article's stored count of
the comments readers see (comments.counts), then the caches showing it: the article's
comment list, and the cards of every page (articles.cache.COMMENTS) when the count moved.
"""

from django.db import transaction
from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save

from articles import cache as articles_cache
from articles.models import Article
from comments import counts
from comments.models import Comment, ModerationEvent
from comments.threads import bump_comments_version


def comments_changed(article_id: int, *, recount: bool) -> None:
    """Recount the article's visible comments if asked, and forget what showed them."""
    cards = counts.recount_article(article_id) if recount else False

    def forget():
        bump_comments_version(article_id)
        if cards:
            articles_cache.bump(articles_cache.COMMENTS)

    # Now, for what this transaction renders, and again after the commit: a page drawn by
    # another request in between read the rows as they were, and cached them as new.
    forget()
    transaction.on_commit(forget)


def comment_saved(sender, instance, created, update_fields=None, **kwargs):
    if created:
        # A new comment is seen only if it was published at once (loaddata, the admin).
        visibility_may_change = instance.status == Comment.Status.APPROVED
    else:
        visibility_may_change = update_fields is None or "status" in update_fields
    comments_changed(instance.article_id, recount=visibility_may_change)


def comment_deleted(sender, instance, origin=None, **kwargs):
    if is_article(origin):
        return  # the article goes with its comments: nothing left to count or show
    # Only a published comment can be seen; its replies are deleted with it.
    comments_changed(instance.article_id, recount=instance.status == Comment.Status.APPROVED)


def event_recorded(sender, instance, created, **kwargs):
    # Bulk changes (an erasure at the author's request) update rows without saving them,
    # but each one leaves a history row; one that moved the status may move the count.
    if created:
        comments_changed(
            instance.comment.article_id, recount=instance.from_status != instance.to_status
        )


def is_article(origin) -> bool:
    """Whether a deletion started from articles (one, or a queryset of them)."""
    if isinstance(origin, QuerySet):
        return origin.model is Article
    return isinstance(origin, Article)


def connect():
    post_save.connect(comment_saved, sender=Comment, dispatch_uid="comments-saved")
    post_delete.connect(comment_deleted, sender=Comment, dispatch_uid="comments-deleted")
    post_save.connect(event_recorded, sender=ModerationEvent, dispatch_uid="comments-event")

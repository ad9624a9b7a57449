from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from articles.models import Article


class CommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Comment.Status.APPROVED)

    def pending(self):
        return self.filter(status=Comment.Status.PENDING)

    def spam(self):
        return self.filter(status=Comment.Status.SPAM)

    def unchecked(self):
        """Stored, but Akismet could not give a verdict yet: re-checked automatically."""
        return self.filter(status=Comment.Status.PENDING, verdict=Comment.Verdict.UNCHECKED)

    def reported(self):
        return self.filter(reports__resolved=False).distinct()

    def for_article(self, article):
        return self.filter(article=article)

    def awaiting_review(self):
        """What a moderator should look at: held, unchecked or reported comments."""
        return self.filter(Q(status=Comment.Status.PENDING) | Q(reports__resolved=False)).distinct()


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Awaiting moderation"
        APPROVED = "approved", "Published"
        SPAM = "spam", "Spam"

    class Verdict(models.TextChoices):
        UNCHECKED = "unchecked", "Not checked yet"
        HAM = "ham", "Not spam"
        SPAM = "spam", "Spam"
        DISCARD = "discard", "Blatant spam (discard)"

    class HeldReason(models.TextChoices):
        NONE = "", "—"
        POLICY = "policy", "Held by the moderation policy"
        UNCHECKED = "unchecked", "Spam check not made yet"
        REPORTED = "reported", "Reported by readers"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )
    # The top-level comment of the thread (itself for a top-level comment): a page of
    # threads is read in one query.
    thread = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="thread_comments"
    )
    depth = models.PositiveSmallIntegerField(default=0, editable=False)

    author_name = models.CharField("name", max_length=80)
    author_email = models.EmailField("email", max_length=254)
    author_url = models.URLField("website", max_length=200, blank=True)
    content = models.TextField("comment", max_length=5000)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="comments",
    )

    status = models.CharField(max_length=10, choices=Status, default=Status.PENDING, db_index=True)
    held_reason = models.CharField(max_length=10, choices=HeldReason, blank=True, default="")
    verdict = models.CharField(
        "Akismet verdict", max_length=10, choices=Verdict, default=Verdict.UNCHECKED
    )
    checked_at = models.DateTimeField(null=True, blank=True)
    check_attempts = models.PositiveSmallIntegerField(default=0)
    last_check_error = models.CharField(max_length=300, blank=True)
    # Moderator feedback still to be sent to Akismet ("spam" or "ham").
    feedback_pending = models.CharField(max_length=4, blank=True, default="")

    # Request context, for Akismet; IP and user agent are erased after a while.
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=500, blank=True)
    referrer = models.CharField(max_length=500, blank=True)
    content_hash = models.CharField(max_length=64, db_index=True, editable=False)

    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    # When moderators were last told about this comment (the e-mail digest).
    notified_at = models.DateTimeField(null=True, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(
                fields=["article", "status", "created_at"], name="comment_article_status_idx"
            ),
            models.Index(fields=["thread", "created_at"], name="comment_thread_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(author_url__istartswith="javascript:"),
                name="comment_url_not_javascript",
            ),
        ]

    def __str__(self):
        return f"{self.author_name} on {self.article}: {self.content[:40]}"

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#comment-{self.pk}"

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.APPROVED


class ModerationEvent(models.Model):
    """One change of a comment's status: who or what made it, and Akismet's verdict then."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor_label = models.CharField(
        "by", max_length=150, help_text="A moderator's name, Akismet or the system."
    )
    action = models.CharField(max_length=40)
    from_status = models.CharField(max_length=10, blank=True)
    to_status = models.CharField(max_length=10)
    verdict = models.CharField("Akismet verdict", max_length=10, blank=True)
    note = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.action} by {self.actor_label}"


class CommentReport(models.Model):
    """A reader's report of a published comment."""

    class Reason(models.TextChoices):
        SPAM = "spam", "Spam or advertising"
        ABUSE = "abuse", "Abusive or hateful"
        OFF_TOPIC = "off_topic", "Off topic"
        PERSONAL = "personal", "Personal information"
        OTHER = "other", "Something else"

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reports")
    reason = models.CharField(max_length=10, choices=Reason)
    details = models.CharField(max_length=300, blank=True)
    # A hash of the reader's address and browser: one report per reader, no IP stored.
    reporter_key = models.CharField(max_length=64)
    resolved = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "reporter_key"], name="one_report_per_reader"
            ),
        ]

    def __str__(self):
        return f"{self.get_reason_display()}: {self.comment}"

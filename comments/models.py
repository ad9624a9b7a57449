from django.conf import settings
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article


def max_parent_depth() -> int:
    """The deepest comment a reader may answer: replies nest COMMENTS_MAX_DEPTH levels at most."""
    return settings.COMMENTS_MAX_DEPTH - 2


def visible_q() -> Q:
    """
    What readers see: approved comments whose every ancestor is approved too.

    A reply under a held, reported or spam comment is hidden with it. Replies nest at most
    COMMENTS_MAX_DEPTH levels, so the ancestors are that many joins on the primary key at
    most (no recursive query), and the top one is always checked through `thread`,
    whatever depth older rows reached. It names fields only, so the data migration that
    first counted Article.comment_count applies it to its historical models; a change here
    needs a migration recounting them (comments.counts.recount).
    """
    approved = Comment.Status.APPROVED
    condition = Q(status=approved) & (Q(thread__isnull=True) | Q(thread__status=approved))
    ancestor = ""
    for _level in range(max(settings.COMMENTS_MAX_DEPTH - 2, 0)):
        ancestor += "parent__"
        condition &= Q(**{f"{ancestor}isnull": True}) | Q(**{f"{ancestor}status": approved})
    return condition


def count_per_article(comments: models.QuerySet, article: str | OuterRef = "pk") -> Coalesce:
    """
    An expression counting `comments` on the outer query's article, for annotations and
    updates; `article` names the outer query's article id (an OuterRef or its field name).
    """
    outer = article if isinstance(article, OuterRef) else OuterRef(article)
    counted = (
        comments.filter(article=outer)
        .order_by()
        .values("article")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(counted, output_field=models.IntegerField()), 0)


class CommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Comment.Status.APPROVED)

    def visible(self):
        """What readers see (see visible_q)."""
        return self.filter(visible_q())

    def visible_count(self, article: str | OuterRef = "pk") -> Coalesce:
        """
        An expression counting what readers see on an article, for annotations:
        `Article.objects.annotate(n=Comment.objects.visible_count())`. Pages read the
        stored count instead, Article.comment_count (comments.counts keeps it).
        """
        return count_per_article(self.visible(), article)

    def with_visibility(self):
        """Each comment with `is_visible`: whether readers see it (see visible())."""
        return self.annotate(is_visible=Exists(Comment.objects.visible().filter(pk=OuterRef("pk"))))

    def reply_targets(self, article: Article):
        """The comments a reader may answer on an article: visible, and not nested too deep."""
        return self.visible().for_article(article).filter(depth__lte=max_parent_depth())

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

    # The moderation queues, each a method above: the admin's list filter, its counts and
    # the admin index agree.
    QUEUES = {
        "review": "awaiting_review",
        "pending": "pending",
        "unchecked": "unchecked",
        "spam": "spam",
        "reported": "reported",
        "approved": "approved",
    }

    def queue(self, name: str):
        """The comments in one of QUEUES."""
        return getattr(self, self.QUEUES[name])()

    def queue_counts(self) -> dict[str, int]:
        """Sizes of the moderation queues (published comments are no queue to count)."""
        return {name: self.queue(name).count() for name in self.QUEUES if name != "approved"}


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting moderation")
        APPROVED = "approved", _("Published")
        SPAM = "spam", _("Spam")

    class Verdict(models.TextChoices):
        UNCHECKED = "unchecked", _("Not checked yet")
        HAM = "ham", _("Not spam")
        SPAM = "spam", _("Spam")
        DISCARD = "discard", _("Blatant spam (discard)")

    class HeldReason(models.TextChoices):
        NONE = "", "—"
        POLICY = "policy", _("Held by the moderation policy")
        UNCHECKED = "unchecked", _("Spam check not made yet")
        REPORTED = "reported", _("Reported by readers")

    class Moderation(models.TextChoices):
        """What a moderator can decide about a comment."""

        APPROVE = "approve", _("Approve (publish)")
        SPAM = "spam", _("Mark as spam")
        NOT_SPAM = "not_spam", _("Not spam: publish")

    # The fields a spam check writes: the services save them, the admin shows them read-only.
    CHECK_FIELDS = (
        "status",
        "held_reason",
        "verdict",
        "checked_at",
        "check_attempts",
        "last_check_error",
    )

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )
    # The top-level comment of the thread (itself for a top-level comment): a page of
    # threads is read in one query. Derived from the parent in save(), with depth.
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

    def save(self, *args, **kwargs):
        # Depth and thread are derived from the parent, once, wherever a comment is created.
        adding = self._state.adding
        if adding:
            self.depth = self.parent.depth + 1 if self.parent_id else 0
            self.thread_id = self.parent.thread_id if self.parent_id else None
        super().save(*args, **kwargs)
        if adding and self.thread_id is None:  # a new thread: it is its own top
            type(self).objects.filter(pk=self.pk).update(thread_id=self.pk)
            self.thread_id = self.pk

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#comment-{self.pk}"

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.APPROVED

    @property
    def accepts_replies(self) -> bool:
        """Whether replies may nest under this comment (see CommentQuerySet.reply_targets)."""
        return self.depth <= max_parent_depth()

    @property
    def public_status(self) -> str:
        """The status its author is told: Akismet's verdict never shows (spam reads as held)."""
        return self.Status.APPROVED if self.is_published else self.Status.PENDING

    def poster_message(self, *, duplicate: bool = False, visible: bool | None = None) -> str:
        """What the author is told: `visible` if known (see CommentQuerySet.visible)."""
        if duplicate:
            return _("You have already posted this comment.")
        if self.is_published if visible is None else visible:
            return _("Your comment has been published.")
        return _("Your comment is awaiting moderation.")


class ModerationEvent(models.Model):
    """One change of a comment's status: who or what made it, and Akismet's verdict then."""

    class Action(models.TextChoices):
        # The values are what the history has always stored.
        CHECKED = "checked", _("checked")
        CHECK_FAILED = "check failed", _("check failed")  # rows written before the reasons
        NO_KEY = (
            "not checked: no Akismet key configured",
            _("not checked: no Akismet key configured"),
        )
        UNREACHABLE = "not checked: Akismet unreachable", _("not checked: Akismet unreachable")
        KEY_REFUSED = (
            "not checked: Akismet refused the key",
            _("not checked: Akismet refused the key"),
        )
        FAILED = "not checked: Akismet error", _("not checked: Akismet error")
        APPROVED = "approve", _("approve")
        SPAM = "spam", _("spam")
        NOT_SPAM = "not spam", _("not spam")
        RECHECKED = "asked Akismet again", _("asked Akismet again")
        SPAM_REPORTED = "reported spam to Akismet", _("reported spam to Akismet")
        HAM_REPORTED = "reported ham to Akismet", _("reported ham to Akismet")
        HIDDEN_AFTER_REPORTS = "hidden after reports", _("hidden after reports")
        ERASED = "erased at the author's request", _("erased at the author's request")

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor_label = models.CharField(
        "by", max_length=150, help_text="A moderator's name, Akismet or the system."
    )
    action = models.CharField(max_length=40, choices=Action)
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

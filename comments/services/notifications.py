"""Telling moderators what waits for them."""

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone

from articles.sites import absolute_url
from comments.models import Comment


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

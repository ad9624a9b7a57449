from django import template
from django.urls import reverse
from django.utils import translation

from comments import services
from comments.forms import CommentForm
from comments.models import Comment
from comments.own import OwnOnArticle
from comments.threads import CACHE_SECONDS, comment_page, comments_version

register = template.Library()


@register.inclusion_tag("comments/_section.html", takes_context=True)
def comments_section(context, article):
    """
    The comments of an article page: the list (a cached fragment), then what belongs to
    this visitor alone (their own waiting comments, one-time notices) and the form.
    """
    request = context["request"]
    version = comments_version(article.pk)
    own_comments = getattr(request, "own_comments", None)
    replyto = request.GET.get("replyto", "")
    return {
        "request": request,
        "article": article,
        "listing": comment_page(article, request.GET.get("cpage"), version=version),
        "version": version,
        "cache_seconds": CACHE_SECONDS,
        "language": translation.get_language(),
        "mine": own_comments.on_article(article) if own_comments else OwnOnArticle(),
        "form": CommentForm(initial={"parent": replyto}),
        "is_open": services.comments_open(article),
        "replying_to": reply_target(article, replyto),
    }


def reply_target(article, raw: str) -> Comment | None:
    if not raw.isdigit():
        return None
    return Comment.objects.reply_targets(article).filter(pk=raw).first()


@register.inclusion_tag("comments/_moderation_queue.html")
def moderation_queue():
    """Queue sizes for the admin index."""
    return {
        "counts": Comment.objects.queue_counts(),
        "changelist": reverse("admin:comments_comment_changelist"),
    }

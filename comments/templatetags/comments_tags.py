from django import template
from django.conf import settings
from django.urls import reverse

from comments import services
from comments.forms import CommentForm
from comments.models import Comment
from comments.rendering import comment_html
from comments.threads import comment_page, page_number
from comments.views import read_posted_token, status_message

register = template.Library()


@register.inclusion_tag("comments/_section.html", takes_context=True)
def comments_section(context, article):
    """The comments of an article page: the list, the author's own held comment, the form."""
    request = context["request"]
    page = comment_page(article, page_number(request.GET.get("cpage")))
    posted = read_posted_token(request.GET.get("posted"))
    own, notice = None, ""
    if posted:
        own = Comment.objects.filter(pk=posted["c"], article=article).first()
        if own is not None:
            notice = status_message(own, duplicate=bool(posted["d"]))
            if own.is_published:
                own = None  # it is in the list already
    form = context.get("comment_form") or CommentForm(
        initial={"parent": request.GET.get("replyto")}
    )
    return {
        "request": request,
        "article": article,
        "page": page,
        "own": own,
        "notice": notice,
        "form": form,
        "is_open": services.comments_open(article),
        "max_depth": settings.COMMENTS_MAX_DEPTH,
        "replying_to": reply_target(page, request.GET.get("replyto")),
    }


def reply_target(page, raw):
    for comment in page.comments:
        if str(comment.pk) == raw:
            return comment
    return None


@register.inclusion_tag("comments/_moderation_queue.html")
def moderation_queue():
    """Queue sizes for the admin index."""
    from comments.admin import queue_counts

    return {"counts": queue_counts(), "changelist": reverse("admin:comments_comment_changelist")}


@register.simple_tag(takes_context=True)
def comment_item(context, comment, own=False):
    """One comment's <li>; the reply link only where replies are allowed."""
    if "report_url" not in context:
        context["report_url"] = reverse("comments:report", args=[0])
    return comment_html(
        comment,
        own=own,
        can_reply=context.get("is_open", False) and comment.depth + 1 < context["max_depth"],
        report_url=context["report_url"],
    )

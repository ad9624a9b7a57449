"""
One comment as HTML.

An article can show hundreds of comments: built with format_html this costs a fraction of
a template include per comment (benchmarked in bench/), and every value is still escaped.
The list page and the no-reload answer to a post both use it, so the markup exists once.
"""

from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, linebreaks
from django.utils.safestring import SafeString, mark_safe

from comments.models import Comment

AWAITING = mark_safe(
    '<p class="comment-awaiting"><em>Your comment is awaiting moderation.</em> '
    "Only you can see it.</p>"
)


def comment_html(
    comment: Comment, *, own: bool = False, can_reply: bool = False, report_url: str = ""
) -> SafeString:
    """`report_url` is the report address with 0 for the id, resolved once per page."""
    pk = comment.pk
    name = comment.author_name
    author = (
        format_html(
            '<a href="{}" rel="external nofollow ugc noopener">{}</a>', comment.author_url, name
        )
        if comment.author_url
        else name
    )
    created = timezone.localtime(comment.created_at)
    actions = ""
    if comment.status == Comment.Status.APPROVED:
        reply = (
            format_html(
                '<a class="comment-reply" href="?replyto={}#respond" data-reply-to="{}" '
                'data-reply-name="{}">Reply<span class="visually-hidden"> to {}</span></a>',
                pk,
                pk,
                name,
                name,
            )
            if can_reply
            else ""
        )
        report = (report_url or reverse("comments:report", args=[0])).replace("/0/", f"/{pk}/")
        actions = format_html(
            '<p class="comment-actions">{}<a class="comment-report" href="{}" rel="nofollow">'
            'Report<span class="visually-hidden"> this comment</span></a></p>',
            reply,
            report,
        )
    return format_html(
        '<li class="comment depth-{}{}" id="comment-{}"><article aria-label="Comment by {}">'
        '<header class="comment-meta"><span class="comment-author">{}</span>'
        '<a class="comment-date" href="#comment-{}"><time datetime="{}">{}</time></a></header>'
        '{}<div class="comment-body">{}</div>{}</article></li>',
        comment.depth,
        " comment-own" if own else "",
        pk,
        name,
        author,
        pk,
        created.isoformat(),
        f"{created.day} {created:%B %Y} at {created:%H:%M}",
        AWAITING if own and comment.status != Comment.Status.APPROVED else "",
        linebreaks(comment.content, autoescape=True),
        actions,
    )

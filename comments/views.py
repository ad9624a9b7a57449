import json
from urllib.parse import quote

from django.conf import settings
from django.core import signing
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from articles.models import Article
from articles.views import ArticleDetailView
from comments import services
from comments.forms import CommentForm, ReportForm
from comments.models import Comment
from comments.rendering import comment_html
from consent import choices
from edge.origin import cross_origin_protected
from newsroom.http import client_ip, visitor_key

REMEMBER_COOKIE = "comment_author"
REMEMBER_DAYS = 365
POSTED_SALT = "comments.posted"


def wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def posted_token(comment: Comment, *, duplicate: bool = False) -> str:
    """Lets the author (and only someone holding the link) see their comment's status."""
    return signing.dumps({"c": comment.pk, "d": int(duplicate)}, salt=POSTED_SALT, compress=True)


def read_posted_token(token: str | None) -> dict | None:
    if not token:
        return None
    try:
        return signing.loads(token, salt=POSTED_SALT, max_age=60 * 60 * 24)
    except signing.BadSignature:
        return None


def refused(request, error: services.CommentRefused, article: Article):
    if wants_json(request):
        return JsonResponse({"ok": False, "message": str(error)}, status=error.status_code)
    return render(
        request,
        "comments/refused.html",
        {"message": str(error), "article": article},
        status=error.status_code,
    )


@cross_origin_protected
@require_POST
def post_comment(request, article_id: int):
    article = get_object_or_404(Article.objects.published(), pk=article_id)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return form_errors(request, article, form)

    parent = None
    if form.cleaned_data["parent"]:
        parent = Comment.objects.filter(pk=form.cleaned_data["parent"]).first()
        if parent is None:
            form.add_error(None, "You can only reply to a published comment on this article.")
            return form_errors(request, article, form)
    try:
        submission = services.submit_comment(
            article=article,
            author_name=form.cleaned_data["author_name"],
            author_email=form.cleaned_data["author_email"],
            author_url=form.cleaned_data["author_url"],
            content=form.cleaned_data["content"],
            parent=parent,
            context=services.RequestContext(
                ip_address=client_ip(request),
                user_agent=request.headers.get("User-Agent", ""),
                referrer=request.headers.get("Referer", ""),
                user=request.user,
            ),
        )
    except services.CommentRefused as error:
        return refused(request, error, article)

    comment = submission.comment
    token = posted_token(comment, duplicate=submission.duplicate)
    if wants_json(request):
        response = JsonResponse(
            {
                "ok": True,
                "status": comment.status,
                "duplicate": submission.duplicate,
                "message": status_message(comment, duplicate=submission.duplicate),
                "anchor": f"comment-{comment.pk}",
                "html": comment_html(comment, own=True),
            }
        )
    else:
        response = redirect(f"{article.get_absolute_url()}?posted={token}#comment-{comment.pk}")
    remember(request, response, form)
    return response


def status_message(comment: Comment, *, duplicate: bool = False) -> str:
    if duplicate:
        return "You have already posted this comment."
    if comment.is_published:
        return "Your comment has been published."
    # Spam is not announced as such: its author sees the same as for a held comment.
    return "Your comment is awaiting moderation."


def remember(request, response, form: CommentForm) -> None:
    """
    The "Save my name…" cookie: set only when the box is ticked and the visitor accepted
    functional cookies, removed otherwise.

    The page never reads it on the server (so cached pages cannot leak it to another
    reader): static/js/comment-remember.js fills the form from it in the browser.
    """
    if form.cleaned_data.get("remember") and choices.accepted(request, choices.FUNCTIONAL):
        value = json.dumps(
            {
                "name": form.cleaned_data["author_name"],
                "email": form.cleaned_data["author_email"],
                "url": form.cleaned_data["author_url"],
            },
            ensure_ascii=True,
            separators=(",", ":"),
        )
        response.set_cookie(
            REMEMBER_COOKIE,
            quote(value),
            max_age=60 * 60 * 24 * REMEMBER_DAYS,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
        )
    elif REMEMBER_COOKIE in request.COOKIES:
        response.delete_cookie(REMEMBER_COOKIE, samesite="Lax")


def form_errors(request, article: Article, form: CommentForm):
    """Show the form again with its errors: as JSON, or on the article page itself."""
    if wants_json(request):
        return JsonResponse(
            {
                "ok": False,
                "errors": form.errors.get_json_data(),
                "message": "Please check the form.",
            },
            status=400,
        )
    view = ArticleDetailView()
    view.setup(request, slug=article.slug)
    view.object = view.get_queryset().get(pk=article.pk)
    context = view.get_context_data(object=view.object, comment_form=form)
    return render(request, "articles/article_detail.html", context, status=400)


@cross_origin_protected
def report_comment(request, comment_id: int):
    comment = get_object_or_404(
        Comment.objects.approved().select_related("article"),
        pk=comment_id,
        article__in=Article.objects.published(),
    )
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.report_comment(
                comment=comment,
                reason=form.cleaned_data["reason"],
                details=form.cleaned_data["details"],
                reporter_key=visitor_key(request),
            )
        except services.CommentRefused as error:
            return refused(request, error, comment.article)
        message = (
            "Thank you: the moderators will look at this comment."
            if created
            else "You have already reported this comment."
        )
        if wants_json(request):
            return JsonResponse({"ok": True, "message": message})
        return render(request, "comments/reported.html", {"comment": comment, "message": message})
    status = 400 if request.method == "POST" else 200
    return render(
        request, "comments/report.html", {"comment": comment, "form": form}, status=status
    )

import json
from urllib.parse import quote

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import FormView

from articles.models import Article
from comments import services
from comments.addresses import client_ip, visitor_key
from comments.forms import CommentForm, ReportForm
from comments.models import Comment
from comments.threads import comment_url
from consent import choices
from edge.origin import cross_origin_protected

REMEMBER_COOKIE = "comment_author"
REMEMBER_DAYS = 365


def wants_json(request) -> bool:
    """The no-reload form asks for JSON; a browser posting the form gets pages."""
    return request.get_preferred_type(["text/html", "application/json"]) == "application/json"


def refused(request, error: services.CommentRefused, article: Article):
    if wants_json(request):
        return JsonResponse({"ok": False, "message": str(error)}, status=error.status_code)
    return render(
        request,
        "comments/refused.html",
        {"message": str(error), "article": article},
        status=error.status_code,
    )


@method_decorator(cross_origin_protected, name="dispatch")
class PostCommentView(FormView):
    """
    A visitor's comment (POST only): a valid one goes to services.submit_comment, then
    back to the article; an invalid one comes back on its own page with the errors and
    everything typed (or as JSON for the no-reload form).
    """

    form_class = CommentForm
    template_name = "comments/comment_form.html"
    http_method_names = ["post"]

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.article = get_object_or_404(Article.objects.published(), pk=kwargs["article_id"])

    def get_context_data(self, **kwargs):
        form = kwargs.get("form")
        parent = form.cleaned_data.get("parent") if form and hasattr(form, "cleaned_data") else None
        return super().get_context_data(
            article=self.article,
            is_open=services.comments_open(self.article),
            replying_to=(
                Comment.objects.reply_targets(self.article).filter(pk=parent).first()
                if parent
                else None
            ),
            **kwargs,
        )

    def form_invalid(self, form, *, status: int = 400, retry_after: int | None = None):
        if wants_json(self.request):
            answer = {
                "ok": False,
                "errors": form.errors.get_json_data(),
                "message": _("Please check the form."),
            }
            if retry_after:
                answer["retry_after"] = retry_after
            response = JsonResponse(answer, status=status)
        else:
            response = self.render_to_response(self.get_context_data(form=form), status=status)
        if retry_after:
            response["Retry-After"] = str(retry_after)
        return response

    def form_valid(self, form):
        parent = None
        if form.cleaned_data["parent"]:
            # Which comments may be answered is the service's rule; here only the lookup.
            parent = Comment.objects.filter(pk=form.cleaned_data["parent"]).first()
            if parent is None:
                form.add_error(None, services.REPLY_REFUSED)
                return self.form_invalid(form)
        own_comments = self.request.own_comments
        try:
            submission = services.submit_comment(
                article=self.article,
                author_name=form.cleaned_data["author_name"],
                author_email=form.cleaned_data["author_email"],
                author_url=form.cleaned_data["author_url"],
                content=form.cleaned_data["content"],
                parent=parent,
                context=services.RequestContext(
                    ip_address=client_ip(self.request),
                    user_agent=self.request.headers.get("User-Agent", ""),
                    referrer=self.request.headers.get("Referer", ""),
                    user=self.request.user,
                    own_comment_ids=own_comments.ids,
                ),
            )
        except services.TooFast as error:
            seconds = error.retry_after or settings.COMMENTS_RATE_LIMIT_SECONDS
            form.add_error(None, too_fast_message(seconds))
            return self.form_invalid(form, status=429, retry_after=seconds)
        except services.CommentsClosed as error:
            return refused(self.request, error, self.article)
        except services.CommentRefused as error:
            form.add_error(None, str(error))
            return self.form_invalid(form, status=error.status_code)

        comment = submission.comment
        json_answer = wants_json(self.request)
        # A JSON answer tells its outcome at once; after a redirect the page tells it.
        own_comments.add(comment, duplicate=submission.duplicate, announced=json_answer)
        if json_answer:
            response = JsonResponse(posted_answer(self.request, comment, submission.duplicate))
        elif comment.is_published:
            response = redirect(comment_url(comment))
        else:
            response = redirect(f"{self.article.get_absolute_url()}#comment-{comment.pk}")
        remember(self.request, response, form)
        return response


def too_fast_message(seconds: int) -> str:
    return ngettext(
        "You are posting comments too quickly. You can post again in %(seconds)d second.",
        "You are posting comments too quickly. You can post again in %(seconds)d seconds.",
        seconds,
    ) % {"seconds": seconds}


def posted_answer(request, comment: Comment, duplicate: bool) -> dict:
    """The no-reload answer: what the author is told, never Akismet's verdict."""
    return {
        "ok": True,
        "status": comment.public_status,
        "duplicate": duplicate,
        "message": comment.poster_message(duplicate=duplicate),
        "anchor": f"comment-{comment.pk}",
        "html": render_to_string(
            "comments/_comment.html",
            {
                "comment": comment,
                "own": True,
                "waiting": not comment.is_published,
                "is_open": services.comments_open(comment.article),
            },
            request=request,
        ),
    }


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
            _("Thank you: the moderators will look at this comment.")
            if created
            else _("You have already reported this comment.")
        )
        if wants_json(request):
            return JsonResponse({"ok": True, "message": message})
        return render(request, "comments/reported.html", {"comment": comment, "message": message})
    status = 400 if request.method == "POST" else 200
    return render(
        request, "comments/report.html", {"comment": comment, "form": form}, status=status
    )

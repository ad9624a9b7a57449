"""
The comments this browser posted, remembered in a signed, strictly necessary cookie.

The author keeps seeing a comment for as long as it waits for moderation, is told once
when it is published, and a repeat post is recognised as theirs. The cookie holds comment
ids only (the newest MAX_COMMENTS), is HttpOnly and SameSite=Lax, and any response that
read or wrote it is marked Cache-Control: private. OwnCommentsMiddleware attaches an
OwnComments to each request and writes the cookie after the response is rendered.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.core import signing
from django.utils.cache import patch_cache_control

from comments.models import Comment
from comments.threads import comment_url

COOKIE = "comments_posted"
SALT = "comments.own"
MAX_COMMENTS = 20
MAX_AGE = 60 * 60 * 24 * 90


@dataclass
class Notice:
    message: str
    url: str


@dataclass
class OwnOnArticle:
    """What this browser's author sees of their own comments on one article page."""

    waiting: list[Comment] = field(default_factory=list)  # not visible to readers yet
    notices: list[Notice] = field(default_factory=list)  # each shown once


class OwnComments:
    def __init__(self, request):
        self.request = request
        # A page that reads the cookie is this browser's alone.
        self.read = COOKIE in request.COOKIES
        self.changed = False
        state = self._load()
        self.posted: list[int] = state["posted"]
        self.told: set[int] = state["told"]
        self.just_posted: tuple[int, bool] | None = state["just_posted"]

    def _load(self) -> dict:
        empty = {"posted": [], "told": set(), "just_posted": None}
        if not self.read:
            return empty
        try:
            value = signing.loads(self.request.COOKIES[COOKIE], salt=SALT, max_age=MAX_AGE)
            posted = [int(pk) for pk in value.get("p", [])][:MAX_COMMENTS]
            just = value.get("n")
            return {
                "posted": posted,
                "told": {int(pk) for pk in value.get("t", [])} & set(posted),
                "just_posted": (int(just[0]), bool(just[1])) if just else None,
            }
        except (signing.BadSignature, AttributeError, TypeError, ValueError, IndexError):
            self.changed = True  # drop what the site did not write
            return empty

    @property
    def ids(self) -> frozenset[int]:
        return frozenset(self.posted)

    def add(self, comment: Comment, *, duplicate: bool = False, announced: bool = False) -> None:
        """
        Remember a comment this browser just posted. `announced`: its author was already
        told the outcome (the no-reload answer); otherwise the next article page tells it.
        """
        self.posted = [comment.pk, *(pk for pk in self.posted if pk != comment.pk)]
        self.posted = self.posted[:MAX_COMMENTS]
        if announced:
            self.just_posted = None
            if comment.is_published:
                self.told.add(comment.pk)
        else:
            self.just_posted = (comment.pk, duplicate)
        self.told &= set(self.posted)
        self.changed = True

    def on_article(self, article) -> OwnOnArticle:
        """This browser's comments on an article: those waiting, and one-time notices."""
        own = OwnOnArticle()
        if not self.posted:
            return own
        rows = {
            comment.pk: comment
            for comment in Comment.objects.filter(pk__in=self.posted)
            .with_visibility()
            .select_related("article", "thread")
        }
        gone = [pk for pk in self.posted if pk not in rows]
        if gone:  # deleted by a moderator, or purged
            self.posted = [pk for pk in self.posted if pk in rows]
            self.told -= set(gone)
            self.changed = True
        if self.just_posted and self.just_posted[0] in rows:
            pk, duplicate = self.just_posted
            comment = rows[pk]
            if comment.article_id == article.pk:
                self.just_posted = None
                self.changed = True
                if comment.is_visible:
                    self.told.add(pk)
                own.notices.append(self.notice(comment, duplicate=duplicate))
        for pk in self.posted:
            comment = rows.get(pk)
            if comment is None or comment.article_id != article.pk:
                continue
            if not comment.is_visible:
                own.waiting.append(comment)
            elif pk not in self.told:
                self.told.add(pk)
                self.changed = True
                own.notices.append(self.notice(comment))
        own.waiting.reverse()  # oldest first, as the list reads
        return own

    def notice(self, comment: Comment, *, duplicate: bool = False) -> Notice:
        visible = comment.is_visible
        url = comment_url(comment) if visible else f"#comment-{comment.pk}"
        return Notice(comment.poster_message(duplicate=duplicate, visible=visible), url)

    def update(self, response) -> None:
        """Write the cookie if it changed; keep shared caches away from what it showed."""
        if self.read or self.changed:
            patch_cache_control(response, private=True)
        if not self.changed:
            return
        if not self.posted:
            response.delete_cookie(COOKIE, samesite="Lax")
            return
        value = {"p": self.posted, "t": sorted(self.told)}
        if self.just_posted:
            value["n"] = [self.just_posted[0], int(self.just_posted[1])]
        response.set_cookie(
            COOKIE,
            signing.dumps(value, salt=SALT, compress=True),
            max_age=MAX_AGE,
            httponly=True,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
        )


class OwnCommentsMiddleware:
    """Gives each request its OwnComments and saves them once the response is rendered."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.own_comments = OwnComments(request)
        response = self.get_response(request)
        request.own_comments.update(response)
        return response

"""
The Akismet adapter: the only module that imports `akismet`.

It builds the client from settings (a stand-in server can replace the service through
AKISMET_API_URL), keeps calls short, and turns every outcome into our own Verdict. After
Akismet failed to answer, a circuit breaker spares visitors the wait for a while (see
akismet_down).
"""

import functools
import logging
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import akismet
import httpx
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import to_locale

from comments.models import Comment, ModerationEvent

logger = logging.getLogger(__name__)

HONEYPOT_FIELD = "contact_me_by_fax"


# Why a comment has no verdict: the moderation history's own actions.
NO_KEY = ModerationEvent.Action.NO_KEY
UNREACHABLE = ModerationEvent.Action.UNREACHABLE
KEY_REFUSED = ModerationEvent.Action.KEY_REFUSED
FAILED = ModerationEvent.Action.FAILED


@dataclass(frozen=True)
class Verdict:
    value: str  # one of Comment.Verdict
    error: str = ""
    problem: str = ""  # one of the actions above when unchecked

    @property
    def checked(self) -> bool:
        return self.value != Comment.Verdict.UNCHECKED


class _ServiceTransport(httpx.HTTPTransport):
    """Send the client's requests to AKISMET_API_URL (the library's URL is fixed)."""

    def __init__(self, base_url: str, **kwargs):
        super().__init__(**kwargs)
        self.base = urlsplit(base_url)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.url = request.url.copy_with(
            scheme=self.base.scheme, host=self.base.hostname, port=self.base.port
        )
        request.headers["Host"] = self.base.netloc
        return super().handle_request(request)


# After Akismet failed to answer (a timeout, no connection, an error status), visitors'
# comments do not wait for it for this long: they are stored unchecked at once, and the
# re-check task, which still asks, finds out when it is back.
BREAKER_SECONDS = 15
BREAKER_KEY = "comments:akismet-down-until"
# When this process last saw the breaker open, so that only a process that knows it is
# open closes it (one cache call on recovery, not one per answer).
_seen_down_until = [0.0]


def _shared(method, *args, **kwargs):
    """A cache call that never fails the check: without the cache, the breaker is only off."""
    try:
        return method(*args, **kwargs)
    except Exception:
        logger.warning("The cache is unavailable; Akismet's state is not shared.", exc_info=True)
        return None


def akismet_down() -> bool:
    """Whether Akismet failed to answer less than BREAKER_SECONDS ago (in any process)."""
    until = _shared(cache.get, BREAKER_KEY) or 0.0
    _seen_down_until[0] = max(_seen_down_until[0], until)
    return until > time.time()


def _went_down() -> None:
    until = time.time() + BREAKER_SECONDS
    _seen_down_until[0] = until
    _shared(cache.set, BREAKER_KEY, until, timeout=BREAKER_SECONDS)


def _answered() -> None:
    if _seen_down_until[0] > time.time():
        _seen_down_until[0] = 0.0
        _shared(cache.delete, BREAKER_KEY)


def is_configured() -> bool:
    return bool(settings.AKISMET_API_KEY and settings.AKISMET_BLOG_URL)


def client() -> akismet.SyncClient:
    """A client for the current settings, reused across requests (it keeps connections)."""
    return _client(
        settings.AKISMET_API_URL,
        settings.AKISMET_API_KEY,
        settings.AKISMET_BLOG_URL,
        settings.AKISMET_TIMEOUT,
    )


@functools.lru_cache(maxsize=4)
def _client(api_url: str, key: str, blog_url: str, timeout: float) -> akismet.SyncClient:
    http_client = httpx.Client(
        transport=_ServiceTransport(api_url),
        timeout=timeout,
        headers={"User-Agent": akismet.USER_AGENT},
    )
    return akismet.SyncClient(config=akismet.Config(key=key, url=blog_url), http_client=http_client)


def comment_arguments(comment: Comment) -> dict:
    """Everything Akismet uses to judge a comment."""
    article = comment.article
    site = settings.AKISMET_BLOG_URL.rstrip("/")
    arguments = {
        "user_agent": comment.user_agent,
        "referrer": comment.referrer,
        "permalink": f"{site}{article.get_absolute_url()}",
        "comment_type": "reply" if comment.parent_id else "comment",
        "comment_author": comment.author_name,
        "comment_author_email": comment.author_email,
        "comment_author_url": comment.author_url,
        "comment_content": comment.content,
        "comment_date_gmt": comment.created_at.isoformat(),
        "blog_lang": to_locale(settings.LANGUAGE_CODE),  # ISO 639-1 with region: en_GB
        "blog_charset": "UTF-8",
        "honeypot_field_name": HONEYPOT_FIELD,
    }
    if article.published_at:
        arguments["comment_post_modified_gmt"] = article.published_at.isoformat()
    if comment.user_id and comment.user.is_staff:
        arguments["user_role"] = "administrator"
    if settings.AKISMET_IS_TEST:
        arguments["is_test"] = True
    return arguments


def check(comment: Comment, *, skip_if_down: bool = False) -> Verdict:
    """
    Ask Akismet about a comment; any failure gives an UNCHECKED verdict, never raises.

    With `skip_if_down` (a visitor is waiting), Akismet is not asked while the breaker is
    open: the verdict is UNCHECKED at once.
    """
    if not is_configured():
        return Verdict(Comment.Verdict.UNCHECKED, "Akismet is not configured (no API key).", NO_KEY)
    if skip_if_down and akismet_down():
        return Verdict(
            Comment.Verdict.UNCHECKED,
            "Akismet failed to answer moments ago; the comment is checked later.",
            UNREACHABLE,
        )
    try:
        answer = client().comment_check(
            comment.ip_address or "127.0.0.1", **comment_arguments(comment)
        )
    except akismet.APIKeyError:
        logger.error("Akismet refused the API key; comments are held unchecked.")
        return Verdict(Comment.Verdict.UNCHECKED, "Akismet refused the API key.", KEY_REFUSED)
    except akismet.AkismetError as error:
        logger.warning("Akismet check failed: %s", type(error).__name__)
        # RequestError: a timeout, no connection or an HTTP error status.
        problem = UNREACHABLE if isinstance(error, akismet.RequestError) else FAILED
        if problem == UNREACHABLE:
            _went_down()
        return Verdict(
            Comment.Verdict.UNCHECKED, f"Akismet unavailable ({type(error).__name__}).", problem
        )
    _answered()
    return Verdict(
        {
            akismet.CheckResponse.HAM: Comment.Verdict.HAM,
            akismet.CheckResponse.SPAM: Comment.Verdict.SPAM,
            akismet.CheckResponse.DISCARD: Comment.Verdict.DISCARD,
        }[answer]
    )


def submit_feedback(comment: Comment, kind: str) -> bool:
    """Tell Akismet a comment was spam or ham; True when it was received."""
    if not is_configured():
        return False
    try:
        akismet_client = client()
        submit = akismet_client.submit_spam if kind == "spam" else akismet_client.submit_ham
        return bool(submit(comment.ip_address or "127.0.0.1", **comment_arguments(comment)))
    except akismet.AkismetError as error:
        logger.warning("Akismet %s feedback failed: %s", kind, type(error).__name__)
        return False

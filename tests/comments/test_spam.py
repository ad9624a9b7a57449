"""The real akismet client against the loopback server, through comments.spam."""

import socket

import pytest
from django.test import override_settings

from comments import spam
from comments.models import Comment
from comments.services import checking, moderation, posting
from tests.factories import make_article, make_comment

pytestmark = pytest.mark.django_db


def pending_comment(**overrides):
    fields = {"status": Comment.Status.PENDING, "verdict": Comment.Verdict.UNCHECKED} | overrides
    return make_comment(**fields)


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        ("ham", Comment.Verdict.HAM),
        ("spam", Comment.Verdict.SPAM),
        ("discard", Comment.Verdict.DISCARD),
        ("slow", Comment.Verdict.UNCHECKED),
        ("error", Comment.Verdict.UNCHECKED),
        ("garbage", Comment.Verdict.UNCHECKED),
        ("invalid-key", Comment.Verdict.UNCHECKED),
    ],
)
def test_every_answer_maps_to_a_verdict(akismet, mode, expected):
    akismet.mode = mode
    verdict = spam.check(pending_comment())
    assert verdict.value == expected
    assert bool(verdict.error) == (expected == Comment.Verdict.UNCHECKED)


def test_server_down_is_unchecked(akismet, settings):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.AKISMET_API_URL = f"http://127.0.0.1:{port}"
    assert spam.check(pending_comment()).value == Comment.Verdict.UNCHECKED


def test_no_key_configured_is_unchecked_and_clearly_reported(akismet, settings):
    settings.AKISMET_API_KEY = ""
    verdict = spam.check(pending_comment())
    assert verdict.value == Comment.Verdict.UNCHECKED
    assert "not configured" in verdict.error
    assert akismet.requests == []


def test_the_full_context_is_sent(akismet, admin_user):
    article = make_article(title="Talks")
    parent = make_comment(article=article)
    comment = pending_comment(
        article=article,
        parent=parent,
        author_name="Ana",
        author_email="ana@example.com",
        author_url="https://ana.example.org",
        content="Interesting point.",
        ip_address="198.51.100.4",
        user_agent="TestBrowser/1.0",
        referrer="https://news.example.com/",
        user=admin_user,
    )

    spam.check(comment)

    sent = akismet.calls("comment-check")[0]
    assert sent["user_ip"] == "198.51.100.4"
    assert sent["user_agent"] == "TestBrowser/1.0"
    assert sent["referrer"] == "https://news.example.com/"
    assert sent["permalink"] == f"https://news.example.com{article.get_absolute_url()}"
    assert sent["comment_type"] == "reply"
    assert sent["comment_author"] == "Ana"
    assert sent["comment_author_email"] == "ana@example.com"
    assert sent["comment_author_url"] == "https://ana.example.org"
    assert sent["comment_content"] == "Interesting point."
    assert sent["comment_date_gmt"].startswith(str(comment.created_at.year))
    assert sent["comment_post_modified_gmt"].startswith(str(article.published_at.year))
    assert sent["blog_lang"] == "en_GB"
    assert sent["blog_charset"] == "UTF-8"
    assert sent["user_role"] == "administrator"
    assert sent["honeypot_field_name"] == spam.HONEYPOT_FIELD
    assert sent["blog"] == "https://news.example.com"


def test_unchecked_comments_recover_through_the_recheck(akismet):
    akismet.mode = "error"
    article = make_article()
    submission = posting.submit_comment(
        article=article,
        author_name="Ana",
        author_email="ana@example.com",
        author_url="",
        content="Kept while Akismet is down.",
        parent=None,
        context=posting.RequestContext(ip_address="198.51.100.4"),
    )
    comment = submission.comment
    assert (comment.status, comment.verdict) == ("pending", "unchecked")

    akismet.mode = "auto"
    outcome = checking.recheck_unchecked_comments()

    comment.refresh_from_db()
    assert outcome["checked"] == 1
    assert (comment.status, comment.verdict) == ("approved", "ham")
    history = [(e.actor_label, e.action, e.to_status) for e in comment.events.all()]
    assert history == [
        ("Akismet", "not checked: Akismet unreachable", "pending"),
        ("Akismet", "checked", "approved"),
    ]


def test_moderator_feedback_is_retried_until_akismet_gets_it(akismet, admin_user):
    comment = make_comment(status=Comment.Status.PENDING)
    akismet.mode = "error"
    moderation.moderate_comment(comment=comment, action="spam", moderator=admin_user)
    checking.send_feedback(comment)
    comment.refresh_from_db()
    assert comment.status == "spam"
    assert comment.feedback_pending == "spam"

    akismet.mode = "auto"
    assert checking.recheck_unchecked_comments()["feedback_sent"] == 1
    comment.refresh_from_db()
    assert comment.feedback_pending == ""
    assert len(akismet.calls("submit-spam")) == 2


def test_after_akismet_failed_a_visitors_check_does_not_wait_for_it(akismet, time_machine):
    time_machine.move_to("2030-01-01 12:00", tick=False)
    akismet.mode = "error"
    assert spam.check(pending_comment()).problem == spam.UNREACHABLE
    asked = len(akismet.requests)

    verdict = spam.check(pending_comment(), skip_if_down=True)

    assert (verdict.value, verdict.problem) == (Comment.Verdict.UNCHECKED, spam.UNREACHABLE)
    assert len(akismet.requests) == asked  # not asked at all
    # The re-check and moderators still ask.
    assert not spam.check(pending_comment()).checked
    assert len(akismet.requests) == asked + 1

    akismet.mode = "auto"
    time_machine.shift(spam.BREAKER_SECONDS + 1)
    assert spam.check(pending_comment(), skip_if_down=True).value == Comment.Verdict.HAM


def test_an_answer_to_the_recheck_lets_visitors_checks_through_again(akismet):
    akismet.mode = "error"
    spam.check(pending_comment())
    assert spam.akismet_down()

    akismet.mode = "auto"
    assert spam.check(pending_comment()).checked  # the re-check finds Akismet back

    assert not spam.akismet_down()
    assert spam.check(pending_comment(), skip_if_down=True).value == Comment.Verdict.HAM


@pytest.mark.parametrize("mode", ["auto", "error"])
def test_a_cache_outage_never_fails_the_check(akismet, mode):
    comment = pending_comment()
    akismet.mode = mode
    with socket.socket() as probe:  # a port nothing listens on: the cache server is down
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    down = {"BACKEND": "django.core.cache.backends.redis.RedisCache"}
    with override_settings(CACHES={"default": down | {"LOCATION": f"redis://127.0.0.1:{port}/0"}}):
        first = spam.check(comment, skip_if_down=True)
        second = spam.check(comment, skip_if_down=True)

    expected = Comment.Verdict.HAM if mode == "auto" else Comment.Verdict.UNCHECKED
    assert (first.value, second.value) == (expected, expected)
    assert len(akismet.calls("comment-check")) == 2  # without the cache, no breaker

"""The re-check of held comments: Akismet asked several at a time, each verdict applied once."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from comments import spam
from comments.models import Comment
from comments.services import checking
from tests.factories import make_article, make_comment


def held_comments(n: int, *, spam_every: int = 0) -> list[Comment]:
    """`n` comments Akismet could not judge; every `spam_every`-th one is spam."""
    article = make_article()
    return [
        make_comment(
            article=article,
            status=Comment.Status.PENDING,
            verdict=Comment.Verdict.UNCHECKED,
            held_reason=Comment.HeldReason.UNCHECKED,
            content=(
                f"Please buy cheap pills, number {i}."
                if spam_every and i % spam_every == 0
                else f"A fair point, number {i}."
            ),
        )
        for i in range(1, n + 1)
    ]


@pytest.mark.django_db
def test_a_batch_is_checked_concurrently_and_each_verdict_lands_on_its_comment(akismet):
    comments = held_comments(40, spam_every=4)
    akismet.delay = 0.2

    started = time.monotonic()
    outcome = checking.recheck_unchecked_comments()
    elapsed = time.monotonic() - started

    # One at a time would take 40 × 0.2 s = 8 s.
    assert elapsed < 3.0
    assert outcome == {"checked": 40, "still_unchecked": 0, "feedback_sent": 0}
    assert len(akismet.calls("comment-check")) == 40
    for comment in comments:
        comment.refresh_from_db()
        expected = ("spam", "spam") if "pills" in comment.content else ("approved", "ham")
        assert (comment.status, comment.verdict) == expected, comment.content
        assert comment.check_attempts == 1
        assert [event.action for event in comment.events.all()] == ["checked"]


@pytest.mark.django_db
def test_the_batch_stops_once_a_check_fails(akismet, settings):
    comments = held_comments(40)
    settings.AKISMET_TIMEOUT = 2.0
    akismet.delay = 0.5
    # Akismet fails from 0.75 s on: the first comment (answered at 0.5 s) is judged, the
    # eight asked next fail, and nobody else is asked.
    outage = threading.Timer(0.75, setattr, (akismet, "mode", "error"))
    outage.start()
    try:
        outcome = checking.recheck_unchecked_comments(concurrency=8)
    finally:
        outage.cancel()

    assert outcome == {"checked": 1, "still_unchecked": 8, "feedback_sent": 0}
    assert len(akismet.calls("comment-check")) == 9
    attempts = [c.check_attempts for c in Comment.objects.filter(pk__in=[c.pk for c in comments])]
    assert attempts == [1] * 9 + [0] * 31
    assert Comment.objects.unchecked().count() == 39


@pytest.mark.django_db
def test_a_comment_a_moderator_decided_meanwhile_keeps_the_decision(akismet, moderator):
    (comment,) = held_comments(1)
    # The moderator publishes it while Akismet is being asked (same row, another request).
    Comment.objects.filter(pk=comment.pk).update(
        status=Comment.Status.APPROVED, held_reason=Comment.HeldReason.NONE
    )

    assert checking.apply_verdict_once(comment, spam.check(comment)) is False

    comment.refresh_from_db()
    assert (comment.status, comment.verdict, comment.check_attempts) == ("approved", "unchecked", 0)
    assert not comment.events.exists()


@pytest.mark.django_db(transaction=True)
def test_two_rechecks_at_once_apply_each_verdict_once(akismet):
    comments = held_comments(30)
    akismet.delay = 0.05

    def recheck(_: int) -> dict[str, int]:
        try:
            return checking.recheck_unchecked_comments(concurrency=4)
        finally:
            if connection.vendor == "postgresql":
                connection.close()  # each thread opened its own connection

    if connection.vendor == "postgresql":
        with ThreadPoolExecutor(max_workers=2) as pool:
            outcomes = list(pool.map(recheck, range(2)))
    else:
        # SQLite's in-memory test database cannot take concurrent writers: one after the other.
        outcomes = [recheck(0), recheck(1)]

    assert sum(outcome["checked"] for outcome in outcomes) == 30
    for comment in comments:
        comment.refresh_from_db()
        assert (comment.status, comment.check_attempts) == ("approved", 1)
        assert comment.events.count() == 1

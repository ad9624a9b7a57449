"""Akismet goes down and comes back: held comments are checked by the worker on their own."""

import time
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from comments.models import Comment
from tests.tasks.conftest import post, recheck, scheduled_run, seconds_until
from tests.worker import run_worker

# The worker runs as in production, committing its work (so not in a test transaction).
pytestmark = pytest.mark.django_db(transaction=True)


def test_akismet_down_holds_the_comment_and_a_recheck_waits(
    client, akismet, article, worker_started
):
    akismet.mode = "error"
    response = post(client, article)

    assert "awaiting moderation" in client.get(response["Location"]).content.decode()
    comment = Comment.objects.get()
    assert (comment.status, comment.verdict) == ("pending", "unchecked")
    # The re-check, due in seconds rather than at the hourly run, committed with the comment.
    waiting = scheduled_run(recheck())
    assert 0 < seconds_until(waiting.run_after) <= 10


def test_the_worker_publishes_it_once_akismet_is_back(
    client, akismet, article, worker_started, time_machine
):
    time_machine.move_to(timezone.now(), tick=False)
    akismet.mode = "error"
    post(client, article)
    run_worker()  # nothing due yet: the comment stays held
    assert Comment.objects.get().status == "pending"

    akismet.mode = "auto"
    time_machine.shift(timedelta(seconds=11))
    run_worker()

    comment = Comment.objects.get()
    assert (comment.status, comment.verdict) == ("approved", "ham")
    assert comment.content in Client().get(article.get_absolute_url()).content.decode()


def test_while_akismet_is_down_each_attempt_asks_once_and_backs_off(
    client, akismet, article, worker_started, time_machine
):
    time_machine.move_to(timezone.now(), tick=False)
    akismet.mode = "error"
    for n in range(1, 4):
        post(client, article, n=n)
    calls_from_posts = len(akismet.calls("comment-check"))

    delays = []
    for _ in range(10):
        time_machine.move_to(recheck().next_run_at)
        run_worker()
        delays.append(round(seconds_until(recheck().next_run_at)))

    # Seconds, then minutes, then the hourly cadence.
    assert delays == [10, 30, 60, 120, 300, 600, 1200, 1800, 3600, 3600]
    # One comment asked per attempt: the batch stops at the first failure.
    assert len(akismet.calls("comment-check")) == calls_from_posts + 10
    assert Comment.objects.unchecked().count() == 3


def test_a_comment_judged_again_wakes_the_backed_off_recheck(
    client, akismet, article, worker_started, time_machine
):
    time_machine.move_to(timezone.now(), tick=False)
    akismet.mode = "error"
    post(client, article, n=1)
    for _ in range(6):  # well into the backoff: the next attempt is ten minutes away
        time_machine.move_to(recheck().next_run_at)
        run_worker()
    assert seconds_until(recheck().next_run_at) >= 600

    akismet.mode = "auto"
    time_machine.shift(timedelta(seconds=30))
    post(client, article, n=2)  # Akismet answers this visitor at once
    run_worker()

    assert Comment.objects.unchecked().count() == 0
    assert Comment.objects.approved().count() == 2


def test_nothing_is_lost_while_no_worker_runs(
    client, akismet, article, worker_started, time_machine
):
    time_machine.move_to(timezone.now(), tick=False)
    akismet.mode = "error"
    for n in range(1, 4):
        post(client, article, n=n)
    # One re-check waits for them all, however many are held.
    assert scheduled_run(recheck())

    akismet.mode = "auto"
    time_machine.shift(timedelta(hours=6))  # the worker was down all this time
    run_worker()

    assert Comment.objects.approved().count() == 3


def test_once_akismet_failed_the_next_visitor_does_not_wait_for_it(
    client, akismet, settings, article, worker_started, time_machine
):
    time_machine.move_to(timezone.now(), tick=False)
    settings.AKISMET_TIMEOUT = 2.0
    akismet.mode, akismet.slow_seconds = "slow", 5.0  # Akismet takes longer than the timeout

    started = time.perf_counter()
    first = post(client, article, n=1)
    waited_first = time.perf_counter() - started
    started = time.perf_counter()
    second_visitor = Client()
    second = post(second_visitor, article, n=2)
    waited_second = time.perf_counter() - started

    assert waited_first >= 2.0  # the first visitor found out
    assert waited_second < 1.0  # the second was not kept waiting
    assert len(akismet.calls("comment-check")) == 1
    assert "awaiting moderation" in second_visitor.get(second["Location"]).content.decode()
    assert first.status_code == second.status_code == 302

    akismet.mode = "auto"
    time_machine.shift(timedelta(seconds=11))
    run_worker()

    assert Comment.objects.approved().count() == 2
    page = Client().get(article.get_absolute_url()).content.decode()
    assert "A thoughtful comment, number 2." in page
    # The worker found Akismet back: the next visitor's comment is published at once.
    third_visitor = Client()
    third = post(third_visitor, article, n=3)
    assert "has been published" in third_visitor.get(third["Location"]).content.decode()

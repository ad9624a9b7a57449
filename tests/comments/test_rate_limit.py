"""
"Posting too quickly": the visitor is told how long is left of the window their last post
opened, in the form and in Retry-After, and may post again the moment it ends.
"""

from datetime import UTC, datetime, timedelta

import pytest
from django.test import Client

from comments.models import Comment
from tests.comments.test_views import document, post, visible_text
from tests.factories import make_article

pytestmark = pytest.mark.django_db

START = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def clock(time_machine):
    """Stopped at the time of the first post; `clock.shift()` moves it on."""
    time_machine.move_to(START, tick=False)
    return time_machine


@pytest.fixture
def article(settings, clock):
    settings.COMMENTS_RATE_LIMIT_SECONDS = 15
    return make_article(published_at=START - timedelta(hours=1))


def error_messages(response) -> list[str]:
    return [
        " ".join(item.text_content().split())
        for item in document(response).xpath("//ul[contains(@class, 'errorlist')]/li")
    ]


def test_the_form_says_how_many_seconds_are_left(client, akismet, article, clock):
    assert post(client, article).status_code == 302
    clock.shift(timedelta(seconds=6))

    response = post(client, article, content="Kept, and posted later.")

    assert response.status_code == 429
    assert response["Retry-After"] == "9"
    assert "You are posting comments too quickly. You can post again in 9 seconds." in (
        error_messages(response)
    )
    (textarea,) = document(response).xpath("//textarea[@name='content']")
    assert textarea.text_content().strip() == "Kept, and posted later."


def test_the_no_reload_answer_says_how_many_seconds_are_left(client, akismet, article, clock):
    post(client, article)
    clock.shift(timedelta(seconds=10.5))

    response = post(client, article, json=True, content="Another.")

    answer = response.json()
    assert (response.status_code, response["Retry-After"], answer["retry_after"]) == (429, "5", 5)
    assert answer["errors"]["__all__"][0]["message"].endswith("post again in 5 seconds.")


def test_the_last_second_is_said_in_the_singular(client, akismet, article, clock):
    post(client, article)
    clock.shift(timedelta(seconds=14.2))

    response = post(client, article, content="Nearly there.")

    assert response["Retry-After"] == "1"
    assert "You can post again in 1 second." in visible_text(response)


def test_the_visitor_may_post_again_when_the_time_given_is_up(client, akismet, article, clock):
    post(client, article)
    clock.shift(timedelta(seconds=6))
    wait = int(post(client, article, content="Too soon.")["Retry-After"])
    clock.shift(timedelta(seconds=wait))

    response = post(client, article, content="Now it is fine.")

    assert response.status_code == 302
    assert Comment.objects.filter(content="Now it is fine.").exists()


def test_a_refused_post_does_not_restart_the_window(client, akismet, article, clock):
    post(client, article)
    for _ in range(3):
        clock.shift(timedelta(seconds=4))
        assert post(client, article, content="Again and again.").status_code == 429

    clock.shift(timedelta(seconds=3))  # 15 seconds after the one post that got through

    assert post(client, article, content="At last.").status_code == 302


def test_another_email_from_the_same_address_waits_for_the_addresss_window_only(
    akismet, article, clock
):
    post(Client(), article, ip="198.51.100.30")
    clock.shift(timedelta(seconds=5))
    other = {"ip": "198.51.100.30", "author_email": "someone-else@example.com"}

    refused = post(Client(), article, **other, content="Mine, from the same office.")
    clock.shift(timedelta(seconds=int(refused["Retry-After"])))
    posted = post(Client(), article, **other, content="Mine, from the same office.")

    assert (refused.status_code, refused["Retry-After"]) == (429, "10")
    assert posted.status_code == 302

"""Moderators at work: the queue, the actions, the history, and nothing else."""

import pytest
from django.urls import reverse

from comments.models import Comment
from tests.factories import make_article, make_comment
from tests.worker import run_worker

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:comments_comment_changelist"


def act(client, action, *comments):
    return client.post(
        reverse(CHANGELIST),
        {"action": action, "_selected_action": [c.pk for c in comments]},
        follow=True,
    )


def test_queue_counts_are_visible_from_the_admin_index(moderator_client):
    make_comment(status="pending", verdict="unchecked")
    make_comment(status="spam", verdict="spam")
    html = moderator_client.get(reverse("admin:index")).content.decode()
    assert "Comment moderation" in html
    assert "?queue=unchecked" in html


def test_queue_filter_shows_what_needs_review(moderator_client):
    make_comment(content="Held one.", status="pending")
    make_comment(content="Published one.")
    reported = make_comment(content="Reported one.")
    reported.reports.create(reason="abuse", reporter_key="k1")

    html = moderator_client.get(reverse(CHANGELIST), {"queue": "review"}).content.decode()

    assert "Held one." in html
    assert "Reported one." in html
    assert "Published one." not in html
    assert "Needs review (2)" in html


def test_approve_publishes_and_records_who_did_it(moderator_client, moderator):
    comment = make_comment(status="pending", verdict="unchecked")
    response = act(moderator_client, "approve", comment)
    assert "1 comment(s) approved." in response.content.decode()
    comment.refresh_from_db()
    assert comment.status == "approved"
    event = comment.events.last()
    assert (event.actor, event.action, event.from_status, event.to_status) == (
        moderator,
        "approve",
        "pending",
        "approved",
    )


@pytest.mark.django_db(transaction=True)  # the worker commits its work
def test_mark_as_spam_tells_akismet(moderator_client, akismet):
    comment = make_comment()
    act(moderator_client, "mark_spam", comment)
    run_worker()  # the report goes from the task worker
    comment.refresh_from_db()
    assert comment.status == "spam"
    assert comment.feedback_pending == ""
    assert akismet.calls("submit-spam")[0]["comment_content"] == comment.content


@pytest.mark.django_db(transaction=True)  # the worker commits its work
def test_not_spam_publishes_and_sends_ham(moderator_client, akismet):
    comment = make_comment(status="spam", verdict="spam")
    act(moderator_client, "mark_not_spam", comment)
    run_worker()
    comment.refresh_from_db()
    assert comment.status == "approved"
    assert len(akismet.calls("submit-ham")) == 1


@pytest.mark.django_db(transaction=True)  # the worker commits its work
def test_akismet_down_never_blocks_the_moderator(moderator_client, akismet):
    akismet.mode = "error"
    comment = make_comment()
    response = act(moderator_client, "mark_spam", comment)
    run_worker()
    assert response.status_code == 200
    comment.refresh_from_db()
    assert (comment.status, comment.feedback_pending) == ("spam", "spam")


def test_check_again_with_akismet(moderator_client, akismet):
    comment = make_comment(status="pending", verdict="unchecked")
    act(moderator_client, "check_again", comment)
    comment.refresh_from_db()
    assert (comment.status, comment.verdict) == ("approved", "ham")


def test_delete_after_confirmation(moderator_client):
    comment = make_comment()
    confirm = act(moderator_client, "delete_selected", comment)
    assert "Are you sure" in confirm.content.decode()
    moderator_client.post(
        reverse(CHANGELIST),
        {"action": "delete_selected", "_selected_action": [comment.pk], "post": "yes"},
    )
    assert not Comment.objects.filter(pk=comment.pk).exists()


def test_comment_page_shows_article_verdict_reports_and_history(moderator_client):
    comment = make_comment(content="Look at me.", verdict="spam", status="spam")
    comment.reports.create(reason="spam", details="Selling things", reporter_key="k")
    comment.events.create(actor_label="Akismet", action="checked", to_status="spam", verdict="spam")
    html = moderator_client.get(
        reverse("admin:comments_comment_change", args=[comment.pk])
    ).content.decode()
    assert comment.article.title in html
    assert "Selling things" in html
    assert "Akismet" in html and "checked" in html


def test_moderators_can_do_this_and_nothing_else(moderator_client):
    article = make_article()
    for name, args in [
        ("admin:articles_article_add", []),
        ("admin:auth_user_changelist", []),
        ("admin:auth_group_changelist", []),
        ("admin:articles_section_changelist", []),
    ]:
        assert moderator_client.get(reverse(name, args=args)).status_code == 403, name
    response = moderator_client.post(
        reverse("admin:articles_article_change", args=[article.pk]), {"title": "Changed"}
    )
    assert response.status_code == 403
    assert moderator_client.get(reverse(CHANGELIST)).status_code == 200


def test_journalists_cannot_moderate(journalist_client):
    assert journalist_client.get(reverse(CHANGELIST)).status_code == 403

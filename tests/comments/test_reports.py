import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from comments.models import CommentReport
from tests.factories import make_comment

pytestmark = pytest.mark.django_db


def report(client, comment, ip="198.51.100.20", reason="abuse"):
    return client.post(
        reverse("comments:report", args=[comment.pk]),
        {"reason": reason, "details": "Rude."},
        REMOTE_ADDR=ip,
    )


def test_reader_reports_a_comment_with_a_reason(client):
    comment = make_comment()
    assert client.get(reverse("comments:report", args=[comment.pk])).status_code == 200
    response = report(client, comment)
    assert "moderators will look at this comment" in response.content.decode()
    assert CommentReport.objects.get().reason == "abuse"


def test_one_report_per_reader(client):
    comment = make_comment()
    report(client, comment)
    cache.clear()  # past the report rate limit
    response = report(client, comment)
    assert "already reported" in response.content.decode()
    assert CommentReport.objects.count() == 1


def test_reports_are_rate_limited(client):
    first, second = make_comment(), make_comment()
    report(client, first)
    assert report(client, second).status_code == 429


def test_enough_reports_hide_the_comment_until_a_moderator_decides(settings):
    settings.COMMENTS_REPORT_THRESHOLD = 2
    comment = make_comment(content="Contested words.")
    for ip in ("198.51.100.1", "198.51.100.2"):
        report(Client(), comment, ip=ip)

    comment.refresh_from_db()
    assert (comment.status, comment.held_reason) == ("pending", "reported")
    assert (
        "Contested words." not in Client().get(comment.article.get_absolute_url()).content.decode()
    )


def test_bad_reports_are_refused_cleanly(client):
    comment = make_comment()
    assert report(client, comment, reason="nonsense").status_code == 400
    assert client.get(reverse("comments:report", args=[999999])).status_code == 404
    held = make_comment(status="pending")
    assert client.get(reverse("comments:report", args=[held.pk])).status_code == 404

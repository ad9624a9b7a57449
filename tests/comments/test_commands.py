from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from lxml import html as lxml_html

from comments.models import Comment
from tests.factories import make_comment, make_user

pytestmark = pytest.mark.django_db


def test_recheck_comments_command(akismet, capsys):
    comment = make_comment(status="pending", verdict="unchecked")
    call_command("recheck_comments")
    comment.refresh_from_db()
    assert comment.status == "approved"
    assert "Checked 1 comment(s)" in capsys.readouterr().out


def test_recheck_stops_early_while_akismet_is_down(akismet):
    akismet.mode = "error"
    for _ in range(3):
        make_comment(status="pending", verdict="unchecked")
    call_command("recheck_comments")
    assert len(akismet.calls("comment-check")) == 1
    assert Comment.objects.unchecked().count() == 3


def test_discarded_spam_is_purged_after_the_configured_days(settings):
    settings.COMMENTS_DISCARD_AFTER_DAYS = 7
    old = make_comment(
        status="spam", verdict="discard", created_at=timezone.now() - timedelta(days=8)
    )
    recent = make_comment(status="spam", verdict="discard")
    kept_spam = make_comment(
        status="spam", verdict="spam", created_at=timezone.now() - timedelta(days=30)
    )
    call_command("purge_comments")
    remaining = set(Comment.objects.values_list("pk", flat=True))
    assert old.pk not in remaining
    assert {recent.pk, kept_spam.pk} <= remaining


def test_moderators_get_one_digest_not_a_mail_per_comment():
    make_user(email="mod@example.com", groups=[Group.objects.get(name="Moderators")])
    make_user(email="journalist@example.com", groups=[Group.objects.get(name="Journalists")])
    for _ in range(3):
        make_comment(status="pending", verdict="unchecked")

    call_command("notify_moderators")
    call_command("notify_moderators")  # nothing new: no second mail

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["mod@example.com"]
    assert "3 comment(s) waiting for review" in mail.outbox[0].subject


def test_referrers_are_erased_with_ips_after_the_retention_period(settings):
    settings.COMMENTS_IP_RETENTION_DAYS = 30
    old = make_comment(
        created_at=timezone.now() - timedelta(days=31), referrer="https://social.example/post/1"
    )
    recent = make_comment(referrer="https://social.example/post/2")

    call_command("erase_comment_ips")

    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.ip_address, old.user_agent, old.referrer) == (None, "", "")
    assert recent.referrer == "https://social.example/post/2"


def test_the_privacy_page_names_the_referrer_among_stored_data(client):
    page = client.get(reverse("privacy"))
    (section,) = lxml_html.fromstring(page.content.decode()).xpath("//*[@id='comment-data']")
    text = " ".join(section.text_content().split())
    assert "the address of the page you came from (the referrer)" in text
    assert "IP addresses, user agents and referrers are deleted 30 days after" in text

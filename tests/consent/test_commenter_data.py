"""Commenters' data: a copy on request, erasure on request, and IP addresses that expire."""

import json
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from comments import services
from comments.models import Comment
from tests.factories import make_article, make_comment

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:comments_comment_changelist"


@pytest.fixture
def ana(db):
    """Two comments by Ana (her address in two spellings), and a reply by someone else."""
    article = make_article(title="Talks in Stockholm")
    first = make_comment(
        article=article,
        author_name="Ana",
        author_email="ana@example.com",
        author_url="https://ana.example",
        content="First thoughts.",
        ip_address="203.0.113.7",
        user_agent="Firefox",
        referrer="https://search.example/",
    )
    second = make_comment(author_name="Ana", author_email="Ana@Example.com", content="Again.")
    reply = make_comment(
        article=article,
        parent=first,
        author_name="Ben",
        author_email="ben@example.com",
        content="Replying to Ana.",
    )
    return first, second, reply


# Export ------------------------------------------------------------------------------------


def test_export_has_every_comment_of_the_address_and_nothing_else(ana):
    first, second, _ = ana

    data = services.export_commenter_data(email="ANA@example.com")

    assert data["email"] == "ANA@example.com"
    assert [item["id"] for item in data["comments"]] == [first.pk, second.pk]
    item = data["comments"][0]
    assert item["article"] == "Talks in Stockholm"
    assert item["url"] == first.get_absolute_url()
    assert (item["name"], item["email"], item["website"]) == (
        "Ana",
        "ana@example.com",
        "https://ana.example",
    )
    assert item["comment"] == "First thoughts."
    assert (item["ip_address"], item["user_agent"]) == ("203.0.113.7", "Firefox")
    assert "Replying to Ana." not in json.dumps(data)


def test_export_of_an_unknown_address_is_empty(db):
    assert services.export_commenter_data(email="nobody@example.com")["comments"] == []


@pytest.mark.parametrize("email", ["", "   ", "not-an-email", "a@b@c", "<script>@x"])
def test_malformed_addresses_are_refused(db, email):
    with pytest.raises(ValidationError):
        services.export_commenter_data(email=email)
    with pytest.raises(ValidationError):
        services.erase_commenter_data(email=email)


def test_export_command_prints_json(ana, capsys):
    call_command("export_commenter_data", "ana@example.com")

    data = json.loads(capsys.readouterr().out)
    assert len(data["comments"]) == 2


@pytest.mark.parametrize(
    ("command", "email", "message"),
    [
        (["export_commenter_data"], "nobody@example.com", "No comments were posted with"),
        (["export_commenter_data"], "not-an-email", "is not a valid e-mail address"),
        (["erase_commenter_data", "--no-input"], "nobody@example.com", "No comments were posted"),
        (["erase_commenter_data", "--no-input"], "not-an-email", "is not a valid e-mail address"),
    ],
)
def test_commands_explain_bad_input_without_a_traceback(db, command, email, message):
    with pytest.raises(CommandError, match=message):
        call_command(*command, email)


# Erasure -----------------------------------------------------------------------------------


def test_erasure_anonymises_every_comment_of_the_address(ana):
    first, second, reply = ana

    assert services.erase_commenter_data(email="ana@example.com") == 2

    for comment in (first, second):
        comment.refresh_from_db()
        assert comment.author_name == services.ERASED_NAME
        assert comment.author_email == services.ERASED_EMAIL
        assert comment.author_url == ""
        assert comment.content == services.ERASED_CONTENT
        assert (comment.ip_address, comment.user_agent, comment.referrer) == (None, "", "")
        assert comment.events.last().action == "erased at the author's request"
    # Ben's reply keeps its place in the thread, untouched.
    reply.refresh_from_db()
    assert (reply.parent, reply.author_name, reply.content) == (first, "Ben", "Replying to Ana.")
    assert services.export_commenter_data(email="ana@example.com")["comments"] == []


def test_an_erased_comment_shows_without_its_author(client, ana):
    first, _, _ = ana
    services.erase_commenter_data(email="ana@example.com")

    html = client.get(first.article.get_absolute_url()).content.decode()

    assert "First thoughts." not in html
    assert "ana.example" not in html
    assert "Replying to Ana." in html


def test_erase_command(ana, capsys):
    call_command("erase_commenter_data", "ana@example.com", "--no-input")

    assert "Erased 2 comment(s)" in capsys.readouterr().out
    assert not Comment.objects.filter(author_email__iexact="ana@example.com").exists()


def test_erase_command_asks_first(ana, monkeypatch):
    monkeypatch.setattr("builtins.input", lambda prompt: "no")

    with pytest.raises(CommandError, match="Erasure cancelled"):
        call_command("erase_commenter_data", "ana@example.com")

    assert Comment.objects.filter(author_email__iexact="ana@example.com").count() == 2


# The admin ---------------------------------------------------------------------------------


def test_admin_exports_the_selected_commenters(moderator_client, ana):
    first, _, reply = ana

    response = moderator_client.post(
        reverse(CHANGELIST),
        {"action": "export_commenter_data", "_selected_action": [first.pk, reply.pk]},
    )

    assert response["Content-Disposition"] == 'attachment; filename="commenter-data.json"'
    commenters = json.loads(response.content)["commenters"]
    assert [c["email"] for c in commenters] == ["ana@example.com", "ben@example.com"]
    assert len(commenters[0]["comments"]) == 2  # every comment of the address, not the selection


def test_admin_erasure_asks_for_confirmation_first(moderator_client, ana):
    first, _, _ = ana
    data = {"action": "erase_commenter_data", "_selected_action": [first.pk]}

    response = moderator_client.post(reverse(CHANGELIST), data)

    html = response.content.decode()
    assert "ana@example.com: 2 comments" in html
    assert "This cannot be undone." in html
    assert Comment.objects.filter(author_email__iexact="ana@example.com").count() == 2

    response = moderator_client.post(reverse(CHANGELIST), data | {"confirm": "yes"}, follow=True)

    assert "Erased 2 comment(s) from 1 address(es)." in response.content.decode()
    assert not Comment.objects.filter(author_email__iexact="ana@example.com").exists()


# IP addresses and user agents expire -----------------------------------------------------


def test_ips_and_user_agents_are_erased_after_the_configured_days(settings, capsys):
    settings.COMMENTS_IP_RETENTION_DAYS = 30
    old = make_comment(created_at=timezone.now() - timedelta(days=31), content="Kept.")
    recent = make_comment(created_at=timezone.now() - timedelta(days=29))

    call_command("erase_comment_ips")

    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.ip_address, old.user_agent) == (None, "")
    assert (recent.ip_address, recent.user_agent) == ("203.0.113.7", "Mozilla/5.0")
    assert old.content == "Kept."  # nothing else changes
    out = capsys.readouterr().out
    assert (
        "Erased the IP address, user agent and referrer of 1 comment(s) older than 30 days." in out
    )


def test_erasing_ips_twice_does_nothing_more(settings):
    settings.COMMENTS_IP_RETENTION_DAYS = 1
    make_comment(created_at=timezone.now() - timedelta(days=2))
    assert services.erase_comment_ips() == 1
    assert services.erase_comment_ips() == 0

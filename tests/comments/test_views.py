"""A visitor posting comments: the pipeline from the form to the page."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from comments.models import Comment
from comments.spam import HONEYPOT_FIELD
from tests.factories import make_article, make_comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(db):
    return make_article(title="Talks in Stockholm", body="<p>One.</p><p>Two.</p>")


def post(client, article, ip="198.51.100.10", json=False, **overrides):
    data = {
        "author_name": "Ana Reader",
        "author_email": "ana@example.com",
        "author_url": "",
        "content": "A thoughtful comment.",
    } | overrides
    headers = {"Accept": "application/json"} if json else {}
    return client.post(
        reverse("comments:post", args=[article.pk]), data, REMOTE_ADDR=ip, headers=headers
    )


def test_ham_is_published_at_its_anchor(client, akismet, article):
    response = post(client, article)

    comment = Comment.objects.get()
    assert comment.status == "approved"
    assert response.status_code == 302
    assert response["Location"].endswith(f"#comment-{comment.pk}")
    page = client.get(response["Location"]).content.decode()
    assert f'id="comment-{comment.pk}"' in page
    assert "Your comment has been published." in page
    assert "1 comment" in page


def test_spam_is_held_and_shown_to_its_author_alone(client, akismet, article):
    response = post(client, article, author_name="akismet-guaranteed-spam", content="Buy now")

    comment = Comment.objects.get()
    assert comment.status == "spam"
    author_view = client.get(response["Location"]).content.decode()
    assert "Your comment is awaiting moderation." in author_view
    assert "Buy now" in author_view
    assert "Buy now" not in Client().get(article.get_absolute_url()).content.decode()


def test_akismet_down_keeps_the_comment_unchecked_and_never_500s(client, akismet, article):
    akismet.mode = "error"
    response = post(client, article)

    comment = Comment.objects.get()
    assert response.status_code == 302
    assert (comment.status, comment.verdict, comment.held_reason) == (
        "pending",
        "unchecked",
        "unchecked",
    )
    assert "awaiting moderation" in client.get(response["Location"]).content.decode()


def test_discard_is_spam_and_hidden(client, akismet, article):
    post(client, article, content="akismet-discard this")
    comment = Comment.objects.get()
    assert (comment.status, comment.verdict) == ("spam", "discard")


def test_policy_can_hold_first_time_commenters(client, akismet, article, settings):
    settings.COMMENTS_MODERATION = "hold_first"
    post(client, article)
    assert Comment.objects.get().status == "pending"

    Comment.objects.update(status="approved")
    cache.clear()  # past the rate-limit window
    post(client, article, ip="198.51.100.11", content="Second one.")
    assert Comment.objects.get(content="Second one.").status == "approved"


def test_json_post_needs_no_reload(client, akismet, article):
    response = post(client, article, json=True)
    answer = response.json()
    assert answer["ok"] is True
    assert answer["status"] == "approved"
    assert "A thoughtful comment." in answer["html"]


def test_remember_cookie_is_set_only_when_ticked(client, akismet, article):
    # A functional cookie: the reader accepted them (tests/consent covers the refusal).
    client.post(reverse("cookie_consent_accept"), {"cookie_groups": "functional"})
    response = post(client, article)
    assert "comment_author" not in response.cookies

    cache.clear()  # past the rate-limit window
    response = post(client, article, ip="198.51.100.12", content="Again, later.", remember="on")
    assert "ana%40example.com" in response.cookies["comment_author"].value

    cache.clear()
    response = post(client, article, ip="198.51.100.13", content="Forget me now.")
    assert response.cookies["comment_author"]["max-age"] == 0  # unticking removes it


def test_the_page_never_reads_the_remember_cookie(client, akismet, article):
    client.cookies["comment_author"] = '{"name":"Someone","email":"x@example.com","url":""}'
    html = client.get(article.get_absolute_url()).content.decode()
    assert "x@example.com" not in html


def test_threaded_replies_are_shown_under_their_parent(client, akismet, article):
    first = make_comment(article=article, content="Top level.")
    make_comment(article=article, content="Second thread.")
    post(client, article, content="A reply.", parent=first.pk)

    reply = Comment.objects.get(content="A reply.")
    assert (reply.parent, reply.thread, reply.depth) == (first, first, 1)
    html = client.get(article.get_absolute_url()).content.decode()
    assert html.index("Top level.") < html.index("A reply.") < html.index("Second thread.")
    assert 'class="comment depth-1' in html


@pytest.mark.parametrize("target", ["other_article", "held", "missing", "too_deep"])
def test_forged_parents_are_refused(client, akismet, article, settings, target):
    settings.COMMENTS_MAX_DEPTH = 2
    parents = {
        "other_article": lambda: make_comment().pk,
        "held": lambda: make_comment(article=article, status="pending").pk,
        "missing": lambda: 999999,
        "too_deep": lambda: make_comment(article=article, parent=make_comment(article=article)).pk,
    }
    parent = parents[target]()
    count = Comment.objects.count()

    response = post(client, article, parent=parent)

    assert response.status_code == 400
    assert "only reply to a published comment" in response.content.decode()
    assert Comment.objects.count() == count


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("author_name", "", "This field is required"),
        ("author_email", "", "This field is required"),
        ("content", "", "This field is required"),
        ("author_email", "not-an-email", "Enter a valid email address"),
        ("author_url", "javascript:alert(1)", "Enter a valid URL"),
        ("author_url", "ftp://example.org/file", "Enter a valid URL"),
        ("author_url", "data:text/html,hi", "Enter a valid URL"),
        ("content", "x" * 5001, "at most 5000 characters"),
        ("author_name", "n" * 81, "at most 80 characters"),
        ("author_email", "a" * 250 + "@example.com", "at most 254 characters"),
        ("content", "   \n  ", "This field is required"),
        ("content", "Hello\x00world", "Null characters are not allowed"),
        ("author_name", "Ana\x00", "Null characters are not allowed"),
    ],
)
def test_bad_input_gets_a_clear_error_and_stores_nothing(
    client, akismet, article, field, value, message
):
    response = post(client, article, **{field: value})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Comment.objects.exists()
    assert akismet.requests == []


def test_bad_input_keeps_what_was_typed(client, akismet, article):
    response = post(client, article, author_email="nope", content="Do not lose me.")
    assert "Do not lose me." in response.content.decode()


def test_honeypot_stores_nothing(client, akismet, article):
    response = post(client, article, **{HONEYPOT_FIELD: "http://spam.example"})
    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_markup_in_every_field_is_rendered_escaped(client, akismet, article):
    script = "<script>alert(1)</script>"
    post(
        client,
        article,
        author_name=f"Eve {script}",
        content=f"Hello {script} <b>bold</b>",
        author_url="https://example.org/?q=<script>",
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert script not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_rtl_and_emoji_text_is_kept(client, akismet, article):
    post(client, article, author_name="سارا", content="مرحبا 👋 שלום\u202e!")
    comment = Comment.objects.get()
    assert comment.author_name == "سارا"
    assert comment.content == "مرحبا 👋 שלום\u202e!"
    assert "مرحبا 👋 שלום\u202e!" in client.get(article.get_absolute_url()).content.decode()


def test_posts_from_another_site_are_refused(akismet, article):
    # No token in the (cached) form: the browser's Sec-Fetch-Site header says who sent it.
    client = Client(enforce_csrf_checks=True, headers={"Sec-Fetch-Site": "cross-site"})
    response = post(client, article)
    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_posts_to_drafts_are_404(client, akismet):
    draft = make_article(status=Article.Status.DRAFT, published_at=None)
    assert post(client, draft).status_code == 404
    assert not Comment.objects.exists()


def test_closed_article_shows_no_form_and_refuses_posts(client, akismet):
    closed = make_article(comments_open=False)
    html = client.get(closed.get_absolute_url()).content.decode()
    assert "Comments are closed." in html
    assert "Leave a Comment" not in html

    response = post(client, closed)
    assert response.status_code == 403
    assert "Comments are closed on this article." in response.content.decode()
    assert not Comment.objects.exists()


def test_comments_close_on_their_own_after_the_configured_age(client, akismet, settings):
    settings.COMMENTS_CLOSE_AFTER_DAYS = 30
    old = make_article(published_at=timezone.now() - timedelta(days=31))
    assert post(client, old).status_code == 403


def test_rate_limit_answers_429(client, akismet, article):
    assert post(client, article).status_code == 302
    response = post(client, article, content="Another one straight away.")
    assert response.status_code == 429
    assert "posting comments too quickly" in response.content.decode()
    assert Comment.objects.count() == 1


def test_the_same_comment_twice_is_answered_not_stored_twice(client, akismet, article):
    first = post(client, article)
    again = post(client, article, ip="198.51.100.99")

    assert Comment.objects.count() == 1
    assert again.status_code == 302
    assert again["Location"].split("#")[1] == first["Location"].split("#")[1]
    assert "You have already posted this comment." in client.get(again["Location"]).content.decode()


def test_approved_comments_oldest_first_with_pagination(client, article, settings):
    settings.COMMENTS_THREADS_PER_PAGE = 2
    for i in range(5):
        make_comment(
            article=article,
            content=f"Comment {i}",
            created_at=timezone.now() + timedelta(minutes=i),
        )

    first_page = client.get(article.get_absolute_url()).content.decode()
    last_page = client.get(article.get_absolute_url() + "?cpage=3").content.decode()

    assert "5 comments" in first_page
    assert first_page.index("Comment 0") < first_page.index("Comment 1")
    assert "Comment 2" not in first_page
    assert "Comment 4" in last_page
    assert client.get(article.get_absolute_url() + "?cpage=abc").status_code == 200


def test_held_comments_are_shown_to_nobody_else(client, article):
    make_comment(article=article, status="pending", content="Secret pending.")
    make_comment(article=article, status="spam", content="Spammy.")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Secret pending." not in html
    assert "Spammy." not in html


def test_a_forged_posted_token_shows_nothing(client, article):
    make_comment(article=article, status="pending", content="Secret pending.")
    html = client.get(article.get_absolute_url() + "?posted=forged:token").content.decode()
    assert "Secret pending." not in html


def test_akismet_notice_links_to_the_comment_data_policy(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    assert "This site uses Akismet to reduce spam." in html
    assert 'href="/privacy/#comment-data">Learn how your comment data is processed.</a>' in html
    assert "Save my name, email, and website in this browser for the next time I comment." in html

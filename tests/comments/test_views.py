"""A visitor posting comments: the pipeline from the form to the page."""

import json
from datetime import timedelta

import lxml.html
import pytest
from django.core import signing
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from comments import own, services
from comments.models import Comment
from comments.spam import HONEYPOT_FIELD
from tests.factories import make_article, make_comment

pytestmark = pytest.mark.django_db


def document(response):
    return lxml.html.fromstring(response.content.decode())


def visible_text(response) -> str:
    """The page's text as a reader sees it (scripts and templates left out)."""
    page = document(response)
    for node in page.xpath("//script | //template | //style"):
        node.drop_tree()
    return " ".join(page.text_content().split())


def comment_texts(response) -> list[str]:
    """The text of each comment on the page, in order."""
    return [
        " ".join(item.xpath('string(.//div[contains(@class, "comment-body")])').split())
        for item in document(response).xpath('//li[contains(@class, "comment")]')
    ]


def notices(response) -> list[str]:
    return [
        " ".join(node.text_content().split())
        for node in document(response).xpath('//*[contains(@class, "comment-notice")]')
    ]


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


@pytest.mark.parametrize(
    ("accept", "answer"),
    [
        ("application/json", "application/json"),
        ("text/html;q=0.5, application/json", "application/json"),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html"),
        ("application/json;q=0.1, text/html", "text/html"),
        ("*/*", "text/html"),
    ],
)
def test_the_answer_follows_the_preferred_type(client, akismet, article, accept, answer):
    response = client.post(
        reverse("comments:post", args=[article.pk]),
        {"author_name": "Ana", "author_email": "ana@example.com", "content": ""},
        REMOTE_ADDR="198.51.100.10",
        headers={"Accept": accept},
    )

    assert response.status_code == 400
    assert response["Content-Type"].startswith(answer)


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


def test_a_forged_own_comments_cookie_shows_nothing(client, article):
    held = make_comment(article=article, status="pending", content="Secret pending.")
    client.cookies[own.COOKIE] = signing.dumps({"p": [held.pk]}, salt="another.salt")
    response = client.get(article.get_absolute_url())
    assert "Secret pending." not in visible_text(response)
    assert response.cookies[own.COOKIE]["max-age"] == 0  # and it is dropped


def test_akismet_notice_links_to_the_comment_data_policy(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    assert "This site uses Akismet to reduce spam." in html
    assert 'href="/privacy/#comment-data">Learn how your comment data is processed.</a>' in html
    assert "Save my name, email, and website in this browser for the next time I comment." in html


# What a reader sees counted -------------------------------------------------------------


def heading(response) -> str:
    (node,) = document(response).xpath('//*[@id="comments-heading"]')
    return node.text_content().strip()


def test_the_count_leaves_out_replies_under_a_hidden_parent(client, article):
    held = make_comment(article=article, status="pending")
    make_comment(article=article, parent=held, content="Under a held parent.")
    shown = make_comment(article=article, content="Shown.")
    make_comment(article=article, parent=shown, content="Shown reply.")
    response = client.get(article.get_absolute_url())
    assert heading(response) == "2 comments"
    assert comment_texts(response) == ["Shown.", "Shown reply."]


def test_a_reply_two_levels_under_a_spam_comment_is_hidden(client, article):
    top = make_comment(article=article, content="Top.")
    middle = make_comment(article=article, parent=top, content="Middle.")
    make_comment(article=article, parent=middle, content="Deepest.")
    middle.status = Comment.Status.SPAM
    middle.save()
    response = client.get(article.get_absolute_url())
    assert heading(response) == "1 comment"
    assert comment_texts(response) == ["Top."]


def test_cards_can_count_what_readers_see(article):
    held = make_comment(article=article, status="pending")
    make_comment(article=article, parent=held)
    make_comment(article=article)
    quiet = make_article()
    counts = dict(
        Article.objects.filter(pk__in=[article.pk, quiet.pk]).values_list("pk", "comment_count")
    )
    assert counts == {article.pk: 1, quiet.pk: 0}


# The cached list ---------------------------------------------------------------------


def test_a_moderated_comment_appears_on_the_cached_page(client, article, moderator):
    held = make_comment(article=article, status="pending", content="Held a while.")
    assert comment_texts(client.get(article.get_absolute_url())) == []  # now cached
    services.moderate_comment(comment=held, action="approve", moderator=moderator)
    assert comment_texts(client.get(article.get_absolute_url())) == ["Held a while."]


def test_an_edit_saved_outside_the_services_reaches_the_cached_page(client, article):
    comment = make_comment(article=article, content="Before the edit.")
    client.get(article.get_absolute_url())
    comment.content = "After the edit."
    comment.save()  # as the admin's change form does
    assert comment_texts(client.get(article.get_absolute_url())) == ["After the edit."]


def test_a_deleted_comment_leaves_the_cached_page(client, article):
    comment = make_comment(article=article, content="Soon gone.")
    client.get(article.get_absolute_url())
    comment.delete()
    response = client.get(article.get_absolute_url())
    assert (comment_texts(response), heading(response)) == ([], "Comments")


# The author's own view (the signed cookie) ------------------------------------------


def hold_all(settings):
    settings.COMMENTS_MODERATION = "hold_all"


def test_a_waiting_comment_stays_visible_to_its_author_on_reload(
    client, akismet, article, settings
):
    hold_all(settings)
    post(client, article, content="Still waiting.")
    client.get(article.get_absolute_url())  # the first visit after posting
    again = client.get(article.get_absolute_url())
    assert comment_texts(again) == ["Still waiting."]
    assert "Your comment is awaiting moderation. Only you can see it." in visible_text(again)


def test_nobody_else_sees_a_waiting_comment(client, akismet, article, settings):
    hold_all(settings)
    post(client, article, content="Still waiting.")
    assert comment_texts(Client().get(article.get_absolute_url())) == []


def test_the_author_is_told_once_that_the_comment_is_published(
    client, akismet, article, settings, moderator
):
    hold_all(settings)
    post(client, article, content="Worth the wait.")
    client.get(article.get_absolute_url())
    comment = Comment.objects.get()
    services.moderate_comment(comment=comment, action="approve", moderator=moderator)

    told = client.get(article.get_absolute_url())
    (link,) = document(told).xpath('//*[contains(@class, "comment-notice")]//a')
    assert link.text_content() == "Your comment has been published."
    assert link.get("href") == f"{article.get_absolute_url()}#comment-{comment.pk}"
    assert comment_texts(told) == ["Worth the wait."]
    assert notices(client.get(article.get_absolute_url())) == []


def test_the_published_notice_points_at_the_page_the_comment_is_on(
    client, akismet, article, settings
):
    settings.COMMENTS_THREADS_PER_PAGE = 2
    for i in range(2):
        make_comment(article=article, created_at=timezone.now() - timedelta(hours=i + 1))
    response = post(client, article, content="On the second page.")
    comment = Comment.objects.get(content="On the second page.")
    assert response["Location"] == f"{article.get_absolute_url()}?cpage=2#comment-{comment.pk}"


def test_the_own_comments_cookie_is_strictly_necessary_and_safe(client, akismet, article):
    cookie = post(client, article).cookies[own.COOKIE]
    assert (cookie["httponly"], cookie["samesite"], cookie["path"]) == (True, "Lax", "/")
    assert signing.loads(cookie.value, salt=own.SALT)["p"] == [Comment.objects.get().pk]


def test_the_own_comments_cookie_is_secure_on_https(client, akismet, article, settings):
    settings.SESSION_COOKIE_SECURE = True
    assert post(client, article).cookies[own.COOKIE]["secure"] is True


def test_the_own_comments_cookie_remembers_a_bounded_list(client, akismet, article):
    for i in range(own.MAX_COMMENTS + 5):
        cache.clear()  # past the rate-limit window
        post(client, article, content=f"Comment {i}.")
    remembered = signing.loads(client.cookies[own.COOKIE].value, salt=own.SALT)["p"]
    newest = Comment.objects.order_by("-pk").values_list("pk", flat=True)
    assert remembered == list(newest[: own.MAX_COMMENTS])


def test_pages_that_read_the_own_comments_cookie_are_private(client, akismet, article):
    post(client, article)
    response = client.get(article.get_absolute_url())
    assert "private" in response["Cache-Control"]


def test_readers_who_never_posted_get_no_own_comments_cookie(client, article):
    assert own.COOKIE not in client.get(article.get_absolute_url()).cookies


# The verdict stays private -----------------------------------------------------------


def test_the_answer_to_spam_is_the_answer_to_a_held_comment(client, akismet, article):
    answer = post(client, article, json=True, author_name="akismet-guaranteed-spam").json()
    assert Comment.objects.get().status == "spam"
    assert (answer["status"], answer["message"]) == (
        "pending",
        "Your comment is awaiting moderation.",
    )
    assert "spam" not in json.dumps(answer).replace("akismet-guaranteed-spam", "")


def test_the_same_text_from_another_browser_is_a_new_comment(client, akismet, article, settings):
    hold_all(settings)
    post(client, article, author_name="First Poster", author_url="https://first.example")
    cache.clear()  # past the rate-limit window

    other = Client()
    answer = post(other, article, ip="198.51.100.77", json=True, author_name="Second").json()

    assert Comment.objects.count() == 2
    assert answer["duplicate"] is False
    item = lxml.html.fragment_fromstring(answer["html"])
    assert "First Poster" not in item.text_content()
    assert item.xpath("//a[@href='https://first.example']") == []


def test_the_same_address_and_browser_repeating_itself_is_a_duplicate(client, akismet, article):
    post(client, article)
    answer = post(Client(), article, json=True).json()  # no cookie, same address and browser
    assert (answer["duplicate"], Comment.objects.count()) == (True, 1)


# Posting too quickly -----------------------------------------------------------------


def test_posting_too_quickly_keeps_the_text_and_says_when_to_try_again(
    client, akismet, article, time_machine
):
    time_machine.move_to(timezone.now(), tick=False)  # the whole window is left
    post(client, article)
    response = post(client, article, content="Do not throw me away.")
    (textarea,) = document(response).xpath("//textarea[@name='content']")
    assert response.status_code == 429
    assert response["Retry-After"] == "15"
    assert textarea.text_content().strip() == "Do not throw me away."
    assert "You can post again in 15 seconds." in visible_text(response)


def test_posting_too_quickly_without_reload_says_when_to_try_again(
    client, akismet, article, time_machine
):
    time_machine.move_to(timezone.now(), tick=False)  # the whole window is left
    post(client, article)
    response = post(client, article, json=True, content="Another.")
    answer = response.json()
    assert (response.status_code, response["Retry-After"], answer["retry_after"]) == (429, "15", 15)
    assert answer["errors"]["__all__"][0]["message"].endswith("post again in 15 seconds.")


# The form's HTML ---------------------------------------------------------------------


def described_by_targets_exist(response) -> bool:
    page = document(response)
    ids = {node.get("id") for node in page.xpath("//*[@id]")}
    wanted = {
        target
        for node in page.xpath("//*[@aria-describedby]")
        for target in node.get("aria-describedby").split()
    }
    return bool(wanted) and wanted <= ids


def test_every_aria_describedby_on_the_article_page_points_at_an_element(client, article):
    assert described_by_targets_exist(client.get(article.get_absolute_url()))


def test_every_aria_describedby_on_the_error_page_points_at_an_element(client, akismet, article):
    assert described_by_targets_exist(post(client, article, author_email="nope", content=""))


def test_the_honeypot_has_one_name(client, article):
    response = client.get(article.get_absolute_url())
    assert response.content.decode().count(f'name="{HONEYPOT_FIELD}"') == 1
    (field,) = document(response).xpath(f"//input[@name='{HONEYPOT_FIELD}']")
    assert field.get("tabindex") == "-1"


def test_an_invalid_comment_comes_back_with_its_errors_on_its_own_page(client, akismet, article):
    response = post(client, article, author_email="nope", content="Keep me.")
    (email,) = document(response).xpath("//input[@name='author_email']")
    assert response.status_code == 400
    assert "Please check your comment" in visible_text(response)
    assert email.get("aria-invalid") == "true"
    assert "Enter a valid email address." in visible_text(response)


def test_the_post_address_answers_only_posts(client, article):
    assert client.get(reverse("comments:post", args=[article.pk])).status_code == 405


def test_no_reply_link_where_replies_may_not_nest_deeper(client, article, settings):
    settings.COMMENTS_MAX_DEPTH = 2
    top = make_comment(article=article, author_name="Top")
    make_comment(article=article, parent=top, author_name="Deep")
    names = [
        " ".join(link.text_content().split())
        for link in document(client.get(article.get_absolute_url())).xpath(
            "//a[contains(@class, 'comment-reply')]"
        )
    ]
    assert names == ["Reply to Top"]


def test_an_erased_commenter_leaves_the_cached_page(client, article):
    make_comment(article=article, author_name="Ana Identifiable", author_email="ana@example.com")
    client.get(article.get_absolute_url())
    services.erase_commenter_data(email="ana@example.com")
    text = visible_text(client.get(article.get_absolute_url()))
    assert "Ana Identifiable" not in text
    assert services.ERASED_NAME in text

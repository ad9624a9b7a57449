"""A reader comments, a spammer is held, a moderator approves: in a real browser."""

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from comments.models import Comment
from tests.factories import make_article
from tests.worker import run_worker

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def cookie_names(page) -> set[str]:
    return {cookie["name"] for cookie in page.context.cookies()}


def fill_comment(page, *, name: str, content: str, email: str = "reader@example.com"):
    page.get_by_role("textbox", name="Comment", exact=True).fill(content)
    page.get_by_role("textbox", name="Name", exact=True).fill(name)
    page.get_by_role("textbox", name="Email", exact=True).fill(email)
    page.get_by_role("button", name="Post Comment").click()


def test_post_see_it_spam_held_moderator_approves(
    page, akismet, browser, live_server, browser_problems
):
    article = make_article(title="Ministers meet in Stockholm")
    page.goto(article.get_absolute_url())
    page.evaluate("window.__noReload = true")
    page.wait_for_load_state("networkidle")
    # A first-time visitor: no CSRF token cookie, and the post is accepted all the same.
    assert "csrftoken" not in cookie_names(page)

    fill_comment(page, name="Ana", content="A very fair report.")

    status = page.locator("[data-comment-status]")
    expect(status).to_have_text("Your comment has been published.")
    expect(page.locator(".comment").filter(has_text="A very fair report.")).to_be_visible()
    assert page.evaluate("window.__noReload") is True  # posted without a page reload

    cache.clear()  # past the rate-limit window
    fill_comment(
        page,
        name="akismet-guaranteed-spam",
        email="spammer@example.com",
        content="Cheap watches here.",
    )
    expect(status).to_have_text("Your comment is awaiting moderation.")
    held = Comment.objects.get(content="Cheap watches here.")
    assert held.status == "spam"

    # Another reader does not see it.
    other = browser.new_page()
    other.goto(live_server.url + article.get_absolute_url())
    expect(other.locator(".comment")).to_have_count(1)

    # A moderator approves it as not spam in the admin.
    from django.contrib.auth.models import Group

    from tests.factories import make_user

    make_user(
        username="mod",
        password="moderator-password-1",
        is_staff=True,
        groups=[Group.objects.get(name="Moderators")],
    )
    admin = browser.new_page()
    admin.goto(live_server.url + "/admin/login/")
    admin.get_by_label("Username").fill("mod")
    admin.get_by_label("Password").fill("moderator-password-1")
    admin.get_by_role("button", name="Log in").click()
    admin.goto(live_server.url + "/admin/comments/comment/?queue=spam")
    admin.get_by_role("row").filter(has_text="Cheap watches here.").get_by_role("checkbox").check()
    admin.get_by_label("Action:").select_option(label="Not spam: publish (and tell Akismet)")
    admin.get_by_role("button", name="Run").click()
    expect(admin.get_by_text("1 comment(s) published as not spam.")).to_be_visible()

    other.reload()
    expect(other.locator(".comment").filter(has_text="Cheap watches here.")).to_be_visible()
    run_worker()  # the report to Akismet goes from the task worker
    assert akismet.calls("submit-ham")
    assert browser_problems.console_errors == []
    assert browser_problems.csp_violations() == []


def test_commenting_works_without_javascript(browser, live_server, akismet):
    article = make_article(title="No script needed")
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + article.get_absolute_url())
    assert cookie_names(page) == set()  # a first-time visitor, without a CSRF token

    fill_comment(page, name="Bo", content="Plain HTML works.")

    expect(page.locator(".comment-notice")).to_have_text("Your comment has been published.")
    assert "csrftoken" not in cookie_names(page)
    expect(page.locator(".comment").filter(has_text="Plain HTML works.")).to_be_visible()
    assert "#comment-" in page.url
    page.reload()
    expect(page.locator(".comment-notice")).to_have_count(0)  # told once
    context.close()


def test_reply_in_place(page, akismet):
    article = make_article()
    from tests.factories import make_comment

    make_comment(article=article, author_name="First", content="Opening remark.")
    page.goto(article.get_absolute_url())

    page.get_by_role("link", name="Reply to First").click()
    expect(page.locator("#reply-title")).to_contain_text("Reply to First")
    fill_comment(page, name="Second", content="A reply in the thread.")

    reply = page.locator(".comment.depth-1").filter(has_text="A reply in the thread.")
    expect(reply).to_be_visible()
    assert Comment.objects.get(content="A reply in the thread.").parent.author_name == "First"


def test_a_comment_reads_as_written(page, akismet):
    article = make_article()
    page.goto(article.get_absolute_url())
    fill_comment(page, name="Ana", content='It\'s "fine" & good.\n\nSecond paragraph.')

    body = page.locator(".comment .comment-body")
    expect(body.locator("p")).to_have_text(['It\'s "fine" & good.', "Second paragraph."])
    page.reload()
    expect(body.locator("p")).to_have_text(['It\'s "fine" & good.', "Second paragraph."])


def test_a_held_comment_stays_with_its_author_after_reload(page, akismet, settings):
    settings.COMMENTS_MODERATION = "hold_all"
    article = make_article()
    page.goto(article.get_absolute_url())
    fill_comment(page, name="Ana", content="Waiting patiently.")
    expect(page.locator("[data-comment-status]")).to_have_text(
        "Your comment is awaiting moderation."
    )

    page.reload()
    waiting = page.locator(".comment-own").filter(has_text="Waiting patiently.")
    expect(waiting).to_contain_text("Your comment is awaiting moderation.")


def test_an_invalid_submit_moves_focus_to_the_first_bad_field(page, akismet):
    article = make_article()
    page.goto(article.get_absolute_url())
    page.get_by_role("textbox", name="Comment", exact=True).fill("Kept while I fix the rest.")
    page.get_by_role("textbox", name="Email", exact=True).fill("not-an-address")
    page.get_by_role("button", name="Post Comment").click()

    name = page.get_by_role("textbox", name="Name", exact=True)
    expect(name).to_be_focused()
    expect(name).to_have_accessible_description("This field is required.")
    email = page.get_by_role("textbox", name="Email", exact=True)
    expect(email).to_have_accessible_description("Never published. Enter a valid email address.")
    expect(page.get_by_role("textbox", name="Comment", exact=True)).to_have_value(
        "Kept while I fix the rest."
    )


def test_posting_too_quickly_says_when_and_keeps_the_text(page, akismet):
    article = make_article()
    page.goto(article.get_absolute_url())
    fill_comment(page, name="Ana", content="First.")
    expect(page.locator("[data-comment-status]")).to_have_text("Your comment has been published.")

    fill_comment(page, name="Ana", content="Second, too soon.")
    expect(page.get_by_role("alert")).to_contain_text("You can post again in 15 seconds.")
    expect(page.get_by_role("alert")).to_be_focused()
    expect(page.get_by_role("textbox", name="Comment", exact=True)).to_have_value(
        "Second, too soon."
    )

"""The article body's rich-text editor, in Chromium, under the site's strict CSP."""

import os

import pytest
from django.conf import settings
from django.urls import reverse

from articles.models import Article
from tests.factories import make_author, make_section, make_user

# Playwright's sync API runs an event loop in the test thread; the ORM is only used between
# browser calls (tests/e2e/conftest.py lifts the same guard for the whole package).
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def add_article_page(page, browser_problems, client, live_server):
    """The admin's Add article page, signed in as a superuser who writes as an author."""
    user = make_user(username="editor", is_staff=True, is_superuser=True)
    make_author(user=user, display_name="Jane Reporter", slug="jane-reporter")
    # The test client's session, handed to the browser: no login form, so django-axes
    # counts no attempt.
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )
    page.goto(live_server.url + reverse("admin:articles_article_add"))
    return page


def real_console_errors(browser_problems):
    # The admin has no favicon; Chromium's request for /favicon.ico is not the editor's.
    return [error for error in browser_problems.console_errors if "/favicon.ico" not in error]


def test_journalist_formats_the_body_in_the_editor(add_article_page, browser_problems):
    page = add_article_page
    make_section(name="Europe", slug="europe")
    page.fill("#id_title", "Budget talks resume")  # The slug follows the title.

    editor = page.locator(".prose-editor").get_by_role("textbox")
    editor.click()
    page.keyboard.type("Negotiators ")
    page.keyboard.press("Control+b")
    page.keyboard.type("return")
    page.keyboard.press("Control+b")
    page.keyboard.type(" to ")
    italic = page.locator(".prose-menubar").get_by_role("button", name="italic")
    italic.click()
    page.keyboard.type("Brussels")
    italic.click()
    page.keyboard.type(".")
    assert editor.locator("strong").inner_text() == "return"
    assert editor.locator("em").inner_text() == "Brussels"

    # The section is an autocomplete (select2) field; the author defaults to the user's.
    page.click("#id_section + .select2 .select2-selection")
    page.locator(".select2-dropdown .select2-search__field").fill("Eur")
    page.locator(".select2-results__option", has_text="Europe").click()

    # Violations are recorded per document: read them before leaving the page.
    assert browser_problems.csp_violations() == []
    page.click("input[name=_save]")
    page.wait_for_url("**" + reverse("admin:articles_article_changelist"))

    article = Article.objects.get(slug="budget-talks-resume")
    assert article.body == "<p>Negotiators <strong>return</strong> to <em>Brussels</em>.</p>"
    assert real_console_errors(browser_problems) == []
    assert browser_problems.page_errors == []
    assert browser_problems.csp_violations() == []

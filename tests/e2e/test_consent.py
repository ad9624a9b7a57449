"""Cookie consent in a real browser: first visit, accept, settings, snippets, keyboard, no JS."""

import base64
import hashlib

import pytest
from cookie_consent.models import CookieGroup, LogItem
from django.conf import settings
from playwright.sync_api import expect

from consent.models import Snippet
from tests.factories import make_article

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

BANNER_TEXT = (
    "This website sets optional cookies only if you accept them: functional cookies "
    "remember your details for the comment form, and analytics cookies count visits. "
    "Until you choose, and if you opt out, it uses only the cookies it needs to work."
)
REMEMBER = "Save my name, email, and website in this browser for the next time I comment."
ANALYTICS_SNIPPET = '<script>document.documentElement.dataset.analytics = "on";</script>'


def cookie_names(page) -> set[str]:
    return {cookie["name"] for cookie in page.context.cookies()}


def consent_cookie(page) -> str:
    return next(c["value"] for c in page.context.cookies() if c["name"] == "cookie_consent")


def banner(page):
    return page.get_by_role("region", name="Cookie consent")


def scripted_banner(page):
    """The banner once consent.js has swapped the server's forms for its own buttons."""
    expect(page.locator("[data-cookie-banner]")).to_have_count(0)
    expect(banner(page)).to_be_visible()
    return banner(page)


def accept_in_banner(page):
    with page.expect_response(lambda response: "/cookies/accept/" in response.url):
        scripted_banner(page).get_by_role("button", name="Accept").click()


def assert_no_problems(browser_problems):
    assert browser_problems.console_errors == []
    assert browser_problems.page_errors == []
    assert browser_problems.csp_violations() == []


def test_a_first_visit_sets_no_cookie_at_all(page, browser_problems):
    article = make_article(title="Ministers meet in Stockholm")

    for path in ("/", article.get_absolute_url(), "/privacy/", "/cookies/"):
        page.goto(path)
        if path != "/cookies/":  # the settings page is the choice itself: no banner
            expect(scripted_banner(page)).to_contain_text(BANNER_TEXT)
            read_more = banner(page).get_by_role(
                "link", name="Read More about cookies in our Privacy & Cookies Policy", exact=True
            )
            expect(read_more).to_have_attribute("href", "/privacy/")
        page.wait_for_load_state("networkidle")

        # Not even a CSRF token: the pages are the same for every reader, and cached.
        assert cookie_names(page) == set(), path
    assert_no_problems(browser_problems)


def test_the_policy_lists_the_cookie_of_a_readers_own_comments(page):
    page.goto("/privacy/")
    necessary = page.get_by_role("region", name="Strictly necessary (always on)")
    listed = set(necessary.locator("tbody th code").all_text_contents())
    assert {"cookie_consent", "comments_posted", "csrftoken"} <= listed


def test_accept_hides_the_banner_without_a_reload_and_a_reload_keeps_it_hidden(
    page, browser_problems
):
    article = make_article(title="Ministers meet in Stockholm")
    page.goto(article.get_absolute_url())
    expect(page.get_by_label(REMEMBER)).to_be_disabled()
    page.evaluate("window.__noReload = true")

    accept_in_banner(page)

    expect(banner(page)).to_have_count(0)
    expect(page.get_by_role("status").filter(has_text="Cookies accepted.")).to_be_visible()
    assert page.evaluate("window.__noReload") is True
    assert "cookie_consent" in cookie_names(page)
    assert "functional=" in consent_cookie(page)
    # The comment form's "remember me" works at once, without the explanation.
    expect(page.get_by_label(REMEMBER)).to_be_enabled()
    expect(page.get_by_text("needs functional cookies")).to_be_hidden()
    assert LogItem.objects.filter(action=1).count() == 2

    page.reload()

    expect(page.get_by_role("heading", level=1)).to_have_text(article.title)
    expect(banner(page)).to_have_count(0)
    expect(page.get_by_label(REMEMBER)).to_be_enabled()
    assert_no_problems(browser_problems)


def test_the_settings_page_withdraws_analytics(page, browser_problems):
    page.goto("/")
    accept_in_banner(page)

    page.get_by_role("contentinfo").get_by_role("link", name="Cookie settings").click()

    expect(page).to_have_title(f"Cookie settings | {settings.SITE_NAME}")
    analytics = page.get_by_role("region", name="Analytics")
    expect(analytics).to_contain_text("You accepted these cookies.")
    analytics.get_by_role("button", name="Decline Analytics cookies").click()

    analytics = page.get_by_role("region", name="Analytics")
    expect(analytics).to_contain_text("You declined these cookies.")
    expect(page.get_by_role("region", name="Functional")).to_contain_text(
        "You accepted these cookies."
    )
    assert "analytics=-1" in consent_cookie(page)
    assert LogItem.objects.filter(action=-1, cookiegroup__varname="analytics").count() == 1
    assert_no_problems(browser_problems)


def test_an_analytics_snippet_runs_only_after_consent(page, browser_problems):
    Snippet.objects.create(
        name="Analytics",
        cookie_group=CookieGroup.objects.get(varname="analytics"),
        code=ANALYTICS_SNIPPET,
    )
    html = page.locator("html")

    page.goto("/")
    page.wait_for_load_state("networkidle")
    assert html.get_attribute("data-analytics") is None

    page.goto("/cookies/")
    page.get_by_role("button", name="Accept Analytics cookies").click()
    expect(page.get_by_role("region", name="Analytics")).to_contain_text("You accepted")
    response = page.goto("/")

    expect(html).to_have_attribute("data-analytics", "on")
    # It ran under the strict policy, which allows exactly its code by hash (no nonce: the
    # page may be cached).
    policy = response.header_value("Content-Security-Policy")
    code = ANALYTICS_SNIPPET.removeprefix("<script>").removesuffix("</script>")
    digest = base64.b64encode(hashlib.sha256(code.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in policy
    assert "nonce" not in policy
    assert "unsafe-inline" not in policy
    assert_no_problems(browser_problems)


def test_the_keyboard_alone_can_accept(page, browser_problems):
    page.goto("/")
    accept = scripted_banner(page).get_by_role("button", name="Accept")

    # From the top of the page: the skip link, then the banner.
    for _ in range(3):
        page.keyboard.press("Tab")
        if accept.evaluate("button => button === document.activeElement"):
            break
    expect(accept).to_be_focused()
    assert accept.evaluate("button => getComputedStyle(button).outlineStyle") == "solid"

    with page.expect_response(lambda response: "/cookies/accept/" in response.url):
        page.keyboard.press("Enter")

    expect(banner(page)).to_have_count(0)
    # Focus stays where the banner was, on the confirmation, not lost to the document.
    expect(page.locator("[data-cookie-status]")).to_be_focused()
    assert "cookie_consent" in cookie_names(page)
    page.keyboard.press("Tab")
    expect(page.get_by_role("banner").get_by_role("link").first).to_be_focused()
    assert_no_problems(browser_problems)


def test_the_banner_works_without_javascript(new_context, live_server):
    article = make_article(title="No script needed")
    page = new_context(java_script_enabled=False).new_page()
    page.goto(live_server.url + article.get_absolute_url())
    expect(banner(page)).to_contain_text(BANNER_TEXT)

    banner(page).get_by_role("button", name="Opt out").click()

    expect(page).to_have_url(live_server.url + article.get_absolute_url())
    expect(banner(page)).to_have_count(0)
    assert consent_cookie(page).strip('"') == "functional=-1|analytics=-1"


def test_global_privacy_control_keeps_analytics_off(new_context):
    Snippet.objects.create(
        name="Analytics",
        cookie_group=CookieGroup.objects.get(varname="analytics"),
        code=ANALYTICS_SNIPPET,
    )
    page = new_context(extra_http_headers={"Sec-GPC": "1"}).new_page()
    page.goto("/")
    expect(scripted_banner(page)).to_contain_text("Your browser sends Global Privacy Control")

    accept_in_banner(page)
    page.reload()

    expect(banner(page)).to_have_count(0)
    assert page.locator("html").get_attribute("data-analytics") is None
    assert "functional=" in consent_cookie(page)
    assert "analytics=-1" in consent_cookie(page)

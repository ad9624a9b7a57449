"""
The anonymous forms (comment, report, cookie choices) without a CSRF token: the browser's
Sec-Fetch-Site and Origin headers say whether another site sent them.
"""

import pytest
from cookie_consent.models import LogItem
from django.test import Client
from django.urls import reverse

from comments.models import Comment, CommentReport
from tests.factories import make_comment

pytestmark = pytest.mark.django_db

OURS = "http://testserver"
SAME_ORIGIN = {"Sec-Fetch-Site": "same-origin", "Origin": OURS}
CROSS_SITE = {"Sec-Fetch-Site": "cross-site", "Origin": "https://attacker.example"}
# news.example.com and www.example.com: one site, two origins.
SAME_SITE = {"Sec-Fetch-Site": "same-site", "Origin": "https://www.example.com"}
REFUSAL = "This form was sent from another website, so it was not accepted."

COMMENT = {
    "author_name": "Ana Reader",
    "author_email": "ana@example.com",
    "author_url": "",
    "content": "A thoughtful comment.",
}


@pytest.fixture
def visitor():
    """An anonymous browser that never received a CSRF token (the page came from a cache)."""
    return Client(enforce_csrf_checks=True)


def post_comment(client, article, headers, **extra):
    return client.post(
        reverse("comments:post", args=[article.pk]), COMMENT, headers=headers, **extra
    )


def test_a_comment_from_our_own_page_is_accepted_without_a_token(visitor, akismet, article):
    response = post_comment(visitor, article, SAME_ORIGIN)
    assert response.status_code == 302
    assert Comment.objects.get().content == "A thoughtful comment."


def test_a_comment_posted_from_another_site_is_refused_with_a_clear_page(visitor, akismet, article):
    response = post_comment(visitor, article, CROSS_SITE)

    assert response.status_code == 403
    html = response.content.decode()
    assert REFUSAL in html
    assert "Only forms on this site's own pages can send comments" in html
    assert not Comment.objects.exists()


def test_a_script_on_another_site_gets_the_refusal_as_json(visitor, akismet, article):
    headers = CROSS_SITE | {"Accept": "application/json"}
    response = post_comment(visitor, article, headers)
    assert response.status_code == 403
    assert response.json() == {"ok": False, "message": REFUSAL}


def test_a_sibling_subdomain_is_refused(visitor, akismet, article):
    assert post_comment(visitor, article, SAME_SITE).status_code == 403
    assert not Comment.objects.exists()


def test_a_sibling_subdomain_listed_in_the_trusted_origins_is_accepted(
    visitor, akismet, article, settings
):
    settings.CSRF_TRUSTED_ORIGINS = ["https://*.example.com"]
    assert post_comment(visitor, article, SAME_SITE).status_code == 302
    assert Comment.objects.exists()


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        # Browsers before Sec-Fetch-Site (Safari until 16.4) still send Origin on a POST.
        ({"Origin": OURS}, 302),
        ({"Origin": "https://attacker.example"}, 403),
        ({"Origin": "null"}, 403),
        # Neither header: a browser too old to send them, or no browser at all.
        ({}, 302),
    ],
)
def test_without_sec_fetch_site_the_origin_decides(visitor, akismet, article, headers, status):
    assert post_comment(visitor, article, headers).status_code == status
    assert Comment.objects.exists() is (status == 302)


def test_a_logged_in_user_still_needs_the_token(akismet, article, journalist):
    client = Client(enforce_csrf_checks=True)
    client.force_login(journalist)

    refused = post_comment(client, article, SAME_ORIGIN)
    assert refused.status_code == 403
    assert not Comment.objects.exists()

    # With the token of the page the user was served, as in every logged-in form.
    client.get(article.get_absolute_url())
    token = client.cookies["csrftoken"].value
    accepted = client.post(
        reverse("comments:post", args=[article.pk]),
        COMMENT | {"csrfmiddlewaretoken": token},
        headers=SAME_ORIGIN,
    )
    assert accepted.status_code == 302
    assert Comment.objects.get().user == journalist


def test_a_report_from_another_site_is_refused(visitor, article):
    comment = make_comment(article=article)
    url = reverse("comments:report", args=[comment.pk])
    form = {"reason": CommentReport.Reason.SPAM, "details": ""}

    assert visitor.get(url).status_code == 200
    assert visitor.post(url, form, headers=CROSS_SITE).status_code == 403
    assert not CommentReport.objects.exists()

    response = visitor.post(url, form, headers=SAME_ORIGIN)
    assert "the moderators will look at this comment" in response.content.decode()
    assert CommentReport.objects.count() == 1


@pytest.mark.parametrize("action", ["accept", "decline"])
def test_cookie_choices_from_our_pages_are_kept_without_a_token(visitor, action):
    response = visitor.post(
        reverse(f"cookie_consent_{action}"), {"cookie_groups": ["analytics"]}, headers=SAME_ORIGIN
    )
    assert response.status_code == 302
    assert "analytics=" in response.cookies["cookie_consent"].value
    assert LogItem.objects.count() == 1


@pytest.mark.parametrize("action", ["accept", "decline"])
def test_cookie_choices_from_another_site_are_refused(visitor, action):
    response = visitor.post(
        reverse(f"cookie_consent_{action}"), {"cookie_groups": ["analytics"]}, headers=CROSS_SITE
    )
    assert response.status_code == 403
    assert REFUSAL in response.content.decode()
    assert "cookie_consent" not in response.cookies
    assert not LogItem.objects.exists()


def test_a_logged_in_users_cookie_choice_needs_the_token(journalist):
    client = Client(enforce_csrf_checks=True)
    client.force_login(journalist)
    response = client.post(
        reverse("cookie_consent_accept"), {"cookie_groups": ["analytics"]}, headers=SAME_ORIGIN
    )
    assert response.status_code == 403
    assert not LogItem.objects.exists()


def test_the_admin_keeps_djangos_token_check(journalist):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        reverse("admin:login"),
        {"username": "journalist", "password": "whatever"},
        headers=SAME_ORIGIN,
    )
    assert response.status_code == 403
    assert "CSRF" in response.content.decode()

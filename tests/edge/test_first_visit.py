"""
A first-time visitor, as a shared cache sees them: every public page is the same for
everyone, sets no cookie, and says it may be stored; the forms on it still work.
"""

import pytest
from django.test import Client
from django.urls import reverse

from comments.models import Comment
from tests.factories import make_article, make_comment, make_tag

pytestmark = pytest.mark.django_db

SAME_ORIGIN = {"Sec-Fetch-Site": "same-origin", "Origin": "http://testserver"}

# Every public page, as (name, path of the `site` fixture's page).
PUBLIC_PAGES = {
    "home": lambda site: "/",
    "article": lambda site: site["article"].get_absolute_url(),
    "section": lambda site: site["article"].section.get_absolute_url(),
    "tag": lambda site: site["tag"].get_absolute_url(),
    "author": lambda site: site["author"].get_absolute_url(),
    "search": lambda site: "/search/?q=harbour",
    "rss feed": lambda site: "/feed/",
    "atom feed": lambda site: "/feed/atom/",
    "section feed": lambda site: f"{site['article'].section.get_absolute_url()}feed/",
    "tag feed": lambda site: f"{site['tag'].get_absolute_url()}feed/atom/",
    "author feed": lambda site: f"{site['author'].get_absolute_url()}feed/",
    "sitemap index": lambda site: "/sitemap.xml",
    "articles sitemap": lambda site: "/sitemap-articles.xml",
    "news sitemap": lambda site: "/sitemap-news.xml",
    "privacy": lambda site: reverse("privacy"),
    "cookie settings": lambda site: reverse("cookie_consent_cookie_group_list"),
}


@pytest.fixture
def site(section):
    """An article open for comments (so its page has the comment form), with a comment."""
    tag = make_tag(name="Ports", slug="ports")
    article = make_article(section=section, title="Harbour reopens", slug="harbour", tags=[tag])
    make_comment(article=article, content="Good news for the island.")
    return {"article": article, "tag": tag, "author": article.authors.get()}


def first_visit(path):
    """A browser that has never been here: no cookie at all."""
    return Client().get(path)


def directives(response) -> set[str]:
    return {part.strip() for part in response.headers.get("Cache-Control", "").split(",")}


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_a_first_time_visitor_gets_no_cookie_and_a_page_a_shared_cache_may_keep(site, name):
    response = first_visit(PUBLIC_PAGES[name](site))

    assert response.status_code == 200
    assert not response.cookies, response.cookies.output()
    assert {"public", "s-maxage=600", "stale-while-revalidate=30"} <= directives(response)
    assert "private" not in directives(response)
    assert "site" in response.headers["xkey"].split()


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_two_first_time_visitors_get_the_very_same_bytes(site, name):
    path = PUBLIC_PAGES[name](site)
    first, second = first_visit(path), first_visit(path)

    assert first.content == second.content
    # Nothing per request in the policy either: no nonce, no 'unsafe-inline'.
    assert first["Content-Security-Policy"] == second["Content-Security-Policy"]
    assert "nonce" not in first["Content-Security-Policy"]
    assert "unsafe-inline" not in first["Content-Security-Policy"]


def test_the_article_page_has_the_forms_without_a_token(site):
    html = first_visit(site["article"].get_absolute_url()).content.decode()

    assert 'class="comment-form"' in html
    assert 'action="/cookies/accept/"' in html
    assert "csrfmiddlewaretoken" not in html


def test_a_first_time_visitor_comments_without_any_cookie(site, akismet):
    visitor = Client(enforce_csrf_checks=True)
    article = site["article"]

    response = visitor.post(
        reverse("comments:post", args=[article.pk]),
        {
            "author_name": "Ana",
            "author_email": "ana@example.com",
            "content": "Ferries at last.",
        },
        headers=SAME_ORIGIN,
    )

    assert response.status_code == 302
    assert Comment.objects.filter(content="Ferries at last.", author_name="Ana").exists()
    assert "csrftoken" not in response.cookies


def test_a_first_time_visitor_chooses_cookies_without_any_cookie(site):
    visitor = Client(enforce_csrf_checks=True)

    response = visitor.post(
        reverse("cookie_consent_decline"),
        {"cookie_groups": ["functional", "analytics"], "next": "/"},
        headers=SAME_ORIGIN,
    )

    assert response.status_code == 302
    assert "cookie_consent" in response.cookies
    assert "csrftoken" not in response.cookies


def test_the_banner_script_gets_its_status_without_a_token_or_a_cookie(site):
    response = first_visit(reverse("cookie_consent_status"))

    assert response.json() == {
        "csrftoken": "",
        "acceptUrl": "/cookies/accept/",
        "declineUrl": "/cookies/decline/",
        "acceptedCookieGroups": [],
        "declinedCookieGroups": [],
        "notAcceptedOrDeclinedCookieGroups": ["functional", "analytics"],
    }
    assert not response.cookies
    assert {"private", "no-store"} <= directives(response)


def test_a_logged_in_user_gets_the_token_in_the_forms_and_the_status(site, journalist_client):
    html = journalist_client.get(site["article"].get_absolute_url()).content.decode()
    assert html.count('name="csrfmiddlewaretoken"') == 3  # comment form, accept, opt out

    status = journalist_client.get(reverse("cookie_consent_status")).json()
    assert status["csrftoken"]

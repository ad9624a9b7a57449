"""
What each visitor gets through the shipped Varnish configuration: a first-time visitor's
cached page with its forms working, a comment's author their held comment (and nobody
else), and each consent state its own copy, with Global Privacy Control honoured.
"""

import base64
import hashlib

import lxml.html
import pytest
from cookie_consent.models import CookieGroup
from django.urls import reverse

from comments.models import Comment
from consent.models import BannerText, Snippet
from tests.factories import make_article

pytestmark = [pytest.mark.varnish, pytest.mark.django_db(transaction=True)]

ANALYTICS = 'document.documentElement.dataset.analytics = "on";'
REMEMBER_NEEDS_CONSENT = "saving your details in this browser needs functional cookies"


def same_origin(varnish) -> dict:
    return {"Sec-Fetch-Site": "same-origin", "Origin": varnish.url}


def visible(html: str, xpath: str = "//body") -> str:
    return " ".join(lxml.html.fromstring(html).xpath(f"string({xpath})").split())


def banner(html: str) -> str:
    return visible(html, "//*[@data-cookie-banner]")


def choose(varnish, action: str) -> dict:
    """A reader accepts or declines every optional group in the banner, without a token."""
    response = varnish.post(
        reverse(f"cookie_consent_{action}"),
        {"cookie_groups": ["functional", "analytics"]},
        headers=same_origin(varnish),
    )
    assert response.status == 302
    return {"Cookie": f"cookie_consent={response.cookies['cookie_consent'].value}"}


def twice(varnish, path, headers=None):
    """The page twice: the second answer is the cached copy for these headers."""
    varnish.get(path, headers=headers)
    response = varnish.get(path, headers=headers)
    assert response.status == 200
    assert response.header("X-Cache") == "HIT", path
    return response


@pytest.fixture
def story(section):
    return make_article(section=section, title="Harbour reopens", slug="harbour")


def test_a_first_time_visitor_gets_the_article_with_its_forms_from_the_cache(varnish, story):
    page = twice(varnish, story.get_absolute_url())

    assert not page.cookies
    assert "Leave a Comment" in visible(page.text)
    assert BannerText.objects.message() in banner(page.text)


def test_a_first_time_visitor_comments_on_the_cached_page_without_a_token(varnish, story):
    twice(varnish, story.get_absolute_url())

    posted = varnish.post(
        reverse("comments:post", args=[story.pk]),
        {"author_name": "Ana", "author_email": "ana@example.com", "content": "Ferries!"},
        headers=same_origin(varnish),
    )

    assert posted.status == 302
    assert posted.header("X-Cache") == "PASS"
    assert "csrftoken" not in posted.cookies
    assert Comment.objects.get().content == "Ferries!"


# The author of a comment held for moderation -----------------------------------------------


@pytest.fixture
def author(varnish, story, settings):
    """A reader's comment waits for moderation; returns the cookies their browser sends."""
    settings.COMMENTS_MODERATION = "hold_all"
    posted = varnish.post(
        reverse("comments:post", args=[story.pk]),
        {"author_name": "Ana", "author_email": "ana@example.com", "content": "Held for now."},
        headers=same_origin(varnish),
    )
    assert posted.status == 302
    assert Comment.objects.get().status == Comment.Status.PENDING
    own = posted.cookies["comments_posted"].value
    # As a browser sends them: with the cookies a cache must ignore.
    return {"Cookie": f"_ga=GA1.2.3; comments_posted={own}; comment_author=%7B%7D"}


def test_the_author_sees_their_held_comment_through_the_cache(varnish, story, author):
    twice(varnish, story.get_absolute_url())  # the readers' copy is in the cache

    for _ in range(2):
        page = varnish.get(story.get_absolute_url(), headers=author)
        assert page.header("X-Cache") == "PASS"
        assert "Held for now." in visible(page.text)
        assert "Your comment is awaiting moderation." in visible(page.text)
        assert "private" in page.header("Cache-Control")


def test_another_visitor_gets_the_cached_page_without_it(varnish, story, author):
    varnish.get(story.get_absolute_url(), headers=author)

    page = twice(varnish, story.get_absolute_url())

    assert "Held for now." not in page.text
    assert "Leave a Comment" in visible(page.text)


def test_the_authors_other_pages_still_come_from_the_cache(varnish, story, author):
    twice(varnish, "/")
    assert varnish.get("/", headers=author).header("X-Cache") == "HIT"


# Consent states ----------------------------------------------------------------------------


@pytest.fixture
def analytics_snippet(db):
    return Snippet.objects.create(
        name="Analytics",
        cookie_group=CookieGroup.objects.get(varname="analytics"),
        code=f"<script>{ANALYTICS}</script>",
    )


def test_accepted_declined_and_undecided_each_get_their_own_copy(varnish, story, analytics_snippet):
    accepted, declined = choose(varnish, "accept"), choose(varnish, "decline")
    path = story.get_absolute_url()

    for _ in range(2):
        for_accepted = twice(varnish, path, headers=accepted)
        for_declined = twice(varnish, path, headers=declined)
        newcomer = twice(varnish, path)

        assert ANALYTICS in for_accepted.text
        assert REMEMBER_NEEDS_CONSENT not in visible(for_accepted.text)
        assert banner(for_accepted.text) == ""

        assert ANALYTICS not in for_declined.text
        assert REMEMBER_NEEDS_CONSENT in visible(for_declined.text)
        assert banner(for_declined.text) == ""

        assert ANALYTICS not in newcomer.text
        assert BannerText.objects.message() in banner(newcomer.text)


def test_the_cached_copy_allows_its_snippet_by_hash(varnish, story, analytics_snippet):
    accepted = choose(varnish, "accept")
    digest = base64.b64encode(hashlib.sha256(ANALYTICS.encode()).digest()).decode()

    page = twice(varnish, story.get_absolute_url(), headers=accepted)

    policy = page.header("Content-Security-Policy")
    assert f"'sha256-{digest}'" in policy
    assert "nonce" not in policy
    # The readers' copies name no inline code at all.
    assert "sha256" not in twice(varnish, story.get_absolute_url()).header(
        "Content-Security-Policy"
    )


def test_global_privacy_control_is_honoured_through_the_cache(varnish, story, analytics_snippet):
    accepted = choose(varnish, "accept")
    twice(varnish, story.get_absolute_url(), headers=accepted)

    # The same reader, now with GPC on (sent as browsers do, "1"): analytics off.
    with_gpc = accepted | {"Sec-GPC": "1"}
    page = varnish.get(story.get_absolute_url(), headers=with_gpc)
    assert page.header("X-Cache") == "MISS"
    assert ANALYTICS not in page.text
    assert ANALYTICS not in twice(varnish, story.get_absolute_url(), headers=with_gpc).text

    # A newcomer with GPC is told so on the banner; one without it is not.
    assert "Global Privacy Control" in banner(twice(varnish, "/", headers={"Sec-GPC": "1"}).text)
    assert "Global Privacy Control" not in banner(twice(varnish, "/").text)

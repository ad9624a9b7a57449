"""
The shipped Varnish configuration, run by Debian's varnishd in front of the live server:
anonymous pages are served from the cache, changes show through it at once, and nothing
personal is ever stored.
"""

import time

import lxml.html
import pytest
from django.urls import reverse

from comments import services as comment_services
from comments.models import Comment
from consent.models import BannerText
from tests.edge.conftest import fetch
from tests.factories import make_article, make_comment

pytestmark = [pytest.mark.varnish, pytest.mark.django_db(transaction=True)]


def banner(html: str) -> str:
    """The visible text of the cookie banner on a page ("" without one)."""
    return " ".join(lxml.html.fromstring(html).xpath("string(//*[@data-cookie-banner])").split())


def same_origin(varnish):
    return {"Sec-Fetch-Site": "same-origin", "Origin": varnish.url}


def opt_out(varnish) -> dict:
    """A reader answers the banner through the cache; returns the headers their browser sends."""
    response = varnish.post(
        reverse("cookie_consent_decline"),
        {"cookie_groups": ["functional", "analytics"]},
        headers=same_origin(varnish) | {"Cookie": "csrftoken=from-an-earlier-visit"},
    )
    assert response.status == 302
    assert response.header("X-Cache") == "PASS"
    return {"Cookie": f"cookie_consent={response.cookies['cookie_consent'].value}"}


def visible_within(varnish, path, text, *, headers, seconds=1.0) -> float:
    """Seconds until `text` shows on `path` through the cache; fails past `seconds`."""
    start = time.monotonic()
    while (elapsed := time.monotonic() - start) < seconds:
        if text in varnish.get(path, headers=headers).text:
            return elapsed
        time.sleep(0.05)
    pytest.fail(f"{text!r} did not show on {path} within {seconds} s")


@pytest.fixture
def story(section):
    # Comments closed: the page is the article alone.
    return make_article(
        section=section, title="Harbour reopens", slug="harbour", comments_open=False
    )


def test_a_second_anonymous_request_is_a_hit(varnish, story):
    reader = opt_out(varnish)
    first = varnish.get(story.get_absolute_url(), headers=reader)
    second = varnish.get(story.get_absolute_url(), headers=reader)

    assert first.status == second.status == 200
    assert "Harbour reopens" in second.text
    assert (first.header("X-Cache"), second.header("X-Cache")) == ("MISS", "HIT")
    assert second.header("Age") != ""
    assert not second.cookies
    # The surrogate keys stay between the site and the cache.
    assert second.header("xkey") == ""


def test_other_cookies_do_not_split_the_cache(varnish, story):
    reader = opt_out(varnish)
    varnish.get("/", headers=reader)
    cookie = reader["Cookie"] + "; _ga=GA1.2.3; csrftoken=abc; comment_author=%7B%7D"
    assert varnish.get("/", headers={"Cookie": cookie}).header("X-Cache") == "HIT"


def test_a_first_time_visitor_gets_feeds_and_sitemaps_from_the_cache(varnish, story):
    for path in ("/feed/", "/sitemap.xml"):
        assert varnish.get(path).header("X-Cache") == "MISS"
        cached = varnish.get(path)
        assert cached.header("X-Cache") == "HIT"
        assert not cached.cookies


def test_an_edit_in_the_admin_is_visible_through_the_cache_within_a_second(
    varnish, purging_worker, story, journalist_client
):
    purging_worker.wait_until_idle()  # the purges that followed the story's creation
    reader = opt_out(varnish)
    for path in (story.get_absolute_url(), "/", story.section.get_absolute_url()):
        varnish.get(path, headers=reader)
        assert varnish.get(path, headers=reader).header("X-Cache") == "HIT"

    form = journalist_client.get(reverse("admin:articles_article_change", args=[story.pk]))
    assert form.status_code == 200
    response = journalist_client.post(
        reverse("admin:articles_article_change", args=[story.pk]),
        {
            "title": "Harbour reopens after the storm",
            "slug": story.slug,
            "standfirst": story.standfirst,
            "body": story.body,
            "authors": [author.pk for author in story.authors.all()],
            "section": story.section_id,
            "status": story.status,
            "published_at_0": story.published_at.astimezone().strftime("%Y-%m-%d"),
            "published_at_1": story.published_at.astimezone().strftime("%H:%M:%S"),
            "see_also_links-TOTAL_FORMS": "0",
            "see_also_links-INITIAL_FORMS": "0",
            "related_picks-TOTAL_FORMS": "0",
            "related_picks-INITIAL_FORMS": "0",
            "slug_redirects-TOTAL_FORMS": "0",
            "slug_redirects-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302

    for path in (story.get_absolute_url(), "/", story.section.get_absolute_url()):
        assert visible_within(varnish, path, "Harbour reopens after the storm", headers=reader) < 1


def test_a_comment_a_moderator_approves_is_visible_within_a_second(
    varnish, purging_worker, story, moderator
):
    reader = opt_out(varnish)
    comment = make_comment(
        article=story, status=Comment.Status.PENDING, content="The ferry is back."
    )
    purging_worker.wait_until_idle()
    varnish.get(story.get_absolute_url(), headers=reader)
    cached = varnish.get(story.get_absolute_url(), headers=reader)
    assert cached.header("X-Cache") == "HIT"
    assert "The ferry is back." not in cached.text

    comment_services.moderate_comment(comment=comment, action="approve", moderator=moderator)

    assert (
        visible_within(varnish, story.get_absolute_url(), "The ferry is back.", headers=reader) < 1
    )


def test_the_admin_and_a_logged_in_editor_are_never_cached(varnish, story, journalist_client):
    session = journalist_client.cookies["sessionid"].value
    editor = {"Cookie": f"sessionid={session}"}
    reader = opt_out(varnish)
    varnish.get("/", headers=reader)
    assert varnish.get("/", headers=reader).header("X-Cache") == "HIT"

    preview = reverse("articles:preview", args=[story.pk])
    for path in (
        reverse("admin:index"),
        reverse("admin:articles_article_changelist"),
        "/",
        preview,
    ):
        for _ in range(2):
            response = varnish.get(path, headers=editor)
            assert response.status == 200, path
            assert response.header("X-Cache") == "PASS", path
            assert "private" in response.header("Cache-Control")

    # The admin's login page, for someone not logged in, is not cached either.
    for _ in range(2):
        login = varnish.get(reverse("admin:login"))
        assert login.header("X-Cache") != "HIT"


def test_a_response_that_sets_a_cookie_is_never_cached(varnish, settings):
    settings.ROOT_URLCONF = "tests.edge.urls"
    # Even one that calls itself public: the cache refuses to keep a Set-Cookie.
    for path in ("/test/public-cookie/", "/test/tagged-cookie/"):
        for _ in range(3):
            response = varnish.get(path)
            assert response.header("X-Cache") != "HIT"
            assert "visitor" in response.cookies


def test_one_visitors_consent_choice_is_never_shown_to_another(varnish, story):
    # The wording editors gave the banner (Cookie banner text in the admin).
    wording = BannerText.objects.message()
    chose = opt_out(varnish)
    for _ in range(2):
        assert banner(varnish.get("/", headers=chose).text) == ""

    newcomer = varnish.get("/")
    assert wording in banner(newcomer.text)
    # And the reader who chose still gets their own copy afterwards.
    assert banner(varnish.get("/", headers=chose).text) == ""


def test_a_comment_from_another_site_is_refused_through_the_cache(varnish, akismet, settings):
    settings.ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
    article = make_article(title="Open for comments")
    response = varnish.post(
        reverse("comments:post", args=[article.pk]),
        {"author_name": "A", "author_email": "a@example.com", "content": "Hello"},
        headers={"Sec-Fetch-Site": "cross-site", "Origin": "https://attacker.example"},
    )
    assert response.status == 403
    assert "sent from another website" in response.text
    assert not Comment.objects.exists()


def test_only_this_host_may_purge_and_only_by_key(varnish):
    assert fetch(varnish.url, "/", method="PURGE").status == 400
    assert fetch(varnish.url, "/", method="PURGE", headers={"xkey": "home"}).status == 200

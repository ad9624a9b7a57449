"""Who may store each response: Cache-Control and surrogate keys, as a shared cache sees them."""

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from articles.models import Article
from edge import keys
from edge.middleware import CacheHeadersMiddleware
from tests.factories import make_article, make_tag

pytestmark = pytest.mark.django_db

SAME_ORIGIN = {"Sec-Fetch-Site": "same-origin", "Origin": "http://testserver"}


@pytest.fixture
def reader():
    """A reader who has answered the cookie banner (opted out): their pages show no banner."""
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        reverse("cookie_consent_decline"),
        {"cookie_groups": ["functional", "analytics"]},
        headers=SAME_ORIGIN,
    )
    assert response.status_code == 302
    # The opt-out also deleted the groups' cookies (Max-Age=0), which a browser drops and the
    # test client would keep sending.
    consent = response.cookies["cookie_consent"].value
    client.cookies.clear()
    client.cookies["cookie_consent"] = consent
    return client


@pytest.fixture
def closed_article(section):
    # Comments closed: the page is the article alone (tests/edge/test_first_visit.py has
    # the pages with a comment form).
    return make_article(
        section=section, title="Harbour reopens", slug="harbour", comments_open=False
    )


def directives(response) -> set[str]:
    return {part.strip() for part in response.headers.get("Cache-Control", "").split(",")}


def surrogate_keys(response) -> set[str]:
    return set(response.headers.get("xkey", "").split())


def assert_public(response):
    assert response.status_code == 200
    assert directives(response) == {
        "public",
        "max-age=60",
        "s-maxage=600",
        "stale-while-revalidate=30",
        "stale-if-error=86400",
    }
    assert not response.cookies


def assert_private(response):
    assert {"private", "no-store"} <= directives(response)
    assert "public" not in directives(response)
    assert "xkey" not in response.headers


def test_the_home_page_is_public_and_tagged(reader, closed_article):
    response = reader.get("/")
    assert_public(response)
    assert surrogate_keys(response) == {"site", "home"}


def test_an_article_page_carries_its_own_key_and_those_of_the_articles_it_shows(
    reader, closed_article, section
):
    tag = make_tag(name="Ports")
    closed_article.tags.set([tag])
    neighbour = make_article(section=section, tags=[tag], title="Ferries return")

    response = reader.get(closed_article.get_absolute_url())

    assert_public(response)
    assert "Ferries return" in response.content.decode()
    assert surrogate_keys(response) == {
        "site",
        f"article-{closed_article.pk}",
        f"article-{neighbour.pk}",
    }


@pytest.mark.parametrize("name", ["section", "tag", "author"])
def test_listing_pages_carry_the_key_of_what_they_list(reader, closed_article, name):
    tag = make_tag(name="Ports", slug="ports")
    closed_article.tags.set([tag])
    owner = {
        "section": closed_article.section,
        "tag": tag,
        "author": closed_article.authors.get(),
    }[name]

    response = reader.get(owner.get_absolute_url())

    assert_public(response)
    assert surrogate_keys(response) == {"site", f"{name}-{owner.pk}"}


@pytest.mark.parametrize(
    ("path", "key"),
    [
        ("/feed/", "feeds"),
        ("/feed/atom/", "feeds"),
        ("/sitemap.xml", "sitemaps"),
        ("/sitemap-articles.xml", "sitemaps"),
        ("/sitemap-news.xml", "sitemaps"),
    ],
)
def test_feeds_and_sitemaps_are_public_even_for_a_first_time_visitor(
    client, closed_article, path, key
):
    response = client.get(path)
    assert_public(response)
    assert surrogate_keys(response) == {"site", key}
    # Nothing per visitor in them: no variant per cookie.
    assert "Cookie" not in response.headers.get("Vary", "")


def test_search_and_the_privacy_page_are_public(reader, closed_article):
    search = reader.get("/search/", {"q": "harbour"})
    assert_public(search)
    assert surrogate_keys(search) == {"site", "search"}

    privacy = reader.get(reverse("privacy"))
    assert_public(privacy)
    assert surrogate_keys(privacy) == {"site", "flatpages"}


def test_pages_vary_on_the_consent_cookie_and_gpc(reader, closed_article):
    vary = {part.strip() for part in reader.get("/").headers["Vary"].split(",")}
    assert {"Cookie", "Sec-GPC"} <= vary


def test_a_logged_in_editor_gets_private_pages(journalist_client, closed_article):
    for path in ("/", closed_article.get_absolute_url(), "/feed/", reverse("admin:index")):
        response = journalist_client.get(path)
        assert response.status_code == 200
        assert_private(response)


def test_a_preview_is_never_stored(journalist_client):
    draft = make_article(title="Not yet", status=Article.Status.DRAFT, published_at=None)
    response = journalist_client.get(reverse("articles:preview", args=[draft.pk]))
    assert response.status_code == 200
    assert {"private", "no-store", "no-cache"} <= directives(response)
    assert "xkey" not in response.headers


def test_a_page_that_sets_a_cookie_is_private(client, settings):
    settings.ROOT_URLCONF = "tests.edge.urls"
    response = client.get("/test/tagged-cookie/")
    assert "visitor" in response.cookies
    assert_private(response)


def own_comment_page(request):
    keys.add(request, "article-1")
    keys.private(request)
    return HttpResponse("Your comment is awaiting moderation.")


def test_a_page_marked_per_visitor_is_private_whatever_its_keys(rf):
    response = CacheHeadersMiddleware(own_comment_page)(rf.get("/articles/a/?posted=token"))
    assert_private(response)


def test_not_found_pages_and_unsafe_requests_are_private(reader, closed_article):
    assert_private(reader.get("/articles/no-such-article/"))
    refused = reader.post(
        reverse("comments:post", args=[closed_article.pk]), {}, headers=SAME_ORIGIN
    )
    assert_private(refused)


def test_a_page_without_surrogate_keys_stays_private(reader):
    # The consent status answer is per visitor: its view adds no key.
    assert_private(reader.get(reverse("cookie_consent_status")))


# The comment author's own pages ------------------------------------------------------------


@pytest.fixture
def author(closed_article, settings):
    """A reader whose comment waits for moderation: their browser has comments_posted."""
    settings.COMMENTS_MODERATION = "hold_all"
    closed_article.comments_open = True
    closed_article.save()
    client = Client()
    response = client.post(
        reverse("comments:post", args=[closed_article.pk]),
        {"author_name": "Ana", "author_email": "ana@example.com", "content": "Held for now."},
        headers=SAME_ORIGIN,
    )
    assert response.status_code == 302
    assert "comments_posted" in response.cookies
    return client


def test_an_authors_page_showing_their_held_comment_is_private_whatever_its_keys(
    author, closed_article
):
    response = author.get(closed_article.get_absolute_url())

    assert "Held for now." in response.content.decode()
    assert "Your comment is awaiting moderation." in response.content.decode()
    # The comments app said private; no surrogate key or public lifetime overrides it.
    assert_private(response)


def test_another_reader_gets_the_public_page_without_the_held_comment(author, closed_article):
    response = Client().get(closed_article.get_absolute_url())

    assert "Held for now." not in response.content.decode()
    assert_public(response)

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.factories import make_article, make_author, make_image, make_section, make_tag

pytestmark = pytest.mark.django_db


def test_article_page_shows_what_a_reader_expects(client, section):
    author = make_author(display_name="Anna Lindqvist")
    article = make_article(
        section=section,
        title="Ministers meet in Stockholm",
        standfirst="Talks at the OSCE.",
        authors=[author],
        tags=[make_tag(name="Diplomacy")],
        featured_image=make_image(
            alt_text="Flags outside the venue", caption="The venue", credit="Photo: Staff"
        ),
    )

    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert 'aria-label="Breadcrumb"' in html
    assert "Ministers meet in Stockholm</li>" in html
    assert '<h1 class="article-title">Ministers meet in Stockholm</h1>' in html
    assert ">Anna Lindqvist</a>" in html
    assert "by <a" in html
    assert 'alt="Flags outside the venue"' in html
    assert "Photo: Staff" in html
    assert ">Diplomacy</a>" in html
    assert '<meta property="og:type" content="article">' in html


def test_byline_never_shows_a_login_name(client, journalist):
    article = make_article(authors=[journalist.author])
    response = client.get(article.get_absolute_url())
    assert "Jane Reporter" in response.content.decode()
    assert ">journalist<" not in response.content.decode()


def test_draft_is_404_to_the_public(client):
    draft = make_article(status=Article.Status.DRAFT, published_at=None)
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_scheduled_article_is_404_before_its_time_and_appears_on_its_own(client, time_machine):
    publish_at = timezone.now() + timedelta(hours=2)
    article = make_article(published_at=publish_at, title="Coming up")

    assert client.get(article.get_absolute_url()).status_code == 404
    assert "Coming up" not in client.get("/").content.decode()

    time_machine.move_to(publish_at + timedelta(minutes=1))
    assert client.get(article.get_absolute_url()).status_code == 200
    assert "Coming up" in client.get("/").content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/articles/no-such-article/",
        "/section/nowhere/",
        "/tag/nothing/",
        "/author/nobody/",
        "/?page=abc",
        "/?page=999",
        "/?page=-1",
        "/preview/12345/",
        "/articles/%00/",
        "/no/such/page/",
    ],
)
def test_bad_addresses_give_the_404_page(client, path, article):
    response = client.get(path)
    assert response.status_code in (302, 404)
    if response.status_code == 404:
        assert "can't find that page" in response.content.decode()


def test_home_shows_lead_latest_and_section_blocks(client, settings):
    settings.NEWSROOM_PAGE_SIZE = 3
    culture = make_section(name="Culture", slug="culture")
    make_article(
        section=culture, title="Older story", published_at=timezone.now() - timedelta(days=3)
    )
    for i in range(3):
        make_article(title=f"Recent {i}", published_at=timezone.now() - timedelta(hours=i + 2))
    make_article(title="Newest story")

    html = client.get("/").content.decode()

    lead = html.index('aria-label="Top story"')
    assert lead < html.index("Newest story") < html.index('id="latest-heading"')
    assert html.index('id="latest-heading"') < html.index("Recent 0")
    # Past the first page of latest news, each section shows its own newest articles.
    assert html.index('id="section-culture"') < html.index("Older story")
    assert '<meta property="og:type" content="website">' in html


def test_home_is_paginated(client, settings):
    settings.NEWSROOM_PAGE_SIZE = 3
    section = make_section()
    for i in range(7):
        make_article(
            section=section,
            title=f"Story {i}",
            published_at=timezone.now() - timedelta(hours=i + 1),
        )

    page_three = client.get("/?page=3")

    assert page_three.status_code == 200
    assert "Story 6" in page_three.content.decode()
    assert "Story 0" not in page_three.content.decode()


def test_section_tag_and_author_pages_list_only_published_articles(client):
    section = make_section(name="Business", slug="business")
    tag = make_tag(name="Energy", slug="energy")
    author = make_author(display_name="Sam Writer", slug="sam-writer", bio="Covers energy.")
    make_article(section=section, tags=[tag], authors=[author], title="Gas prices fall")
    make_article(
        section=section,
        tags=[tag],
        authors=[author],
        title="Secret draft",
        status=Article.Status.DRAFT,
        published_at=None,
    )

    for url in ("/section/business/", "/tag/energy/", "/author/sam-writer/"):
        html = client.get(url).content.decode()
        assert "Gas prices fall" in html, url
        assert "Secret draft" not in html, url
    assert "Covers energy." in client.get("/author/sam-writer/").content.decode()


def test_changed_slug_redirects_permanently(admin_client, article):
    old_url = article.get_absolute_url()
    data = {
        "title": article.title,
        "slug": "stockholm-talks",
        "standfirst": article.standfirst,
        "body": article.body,
        "authors": [a.pk for a in article.authors.all()],
        "section": article.section_id,
        "status": "published",
        "published_at_0": timezone.localtime(article.published_at).strftime("%Y-%m-%d"),
        "published_at_1": timezone.localtime(article.published_at).strftime("%H:%M:%S"),
        "comments_open": "on",
        "see_also_links-TOTAL_FORMS": "0",
        "see_also_links-INITIAL_FORMS": "0",
        "related_picks-TOTAL_FORMS": "0",
        "related_picks-INITIAL_FORMS": "0",
        "slug_redirects-TOTAL_FORMS": "0",
        "slug_redirects-INITIAL_FORMS": "0",
    }
    response = admin_client.post(reverse("admin:articles_article_change", args=[article.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]

    response = admin_client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == "/articles/stockholm-talks/"


def test_staff_preview_shows_a_draft_with_noindex(admin_client, client):
    draft = make_article(status=Article.Status.DRAFT, published_at=None, title="Unfinished")
    url = reverse("articles:preview", args=[draft.pk])

    assert client.get(url).status_code == 302  # to the login page
    response = admin_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Unfinished" in html
    assert 'content="noindex, nofollow"' in html
    assert "no-cache" in response["Cache-Control"]


def test_privacy_page_is_served_from_the_admin_editable_page(client):
    response = client.get("/privacy/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Privacy &amp; Cookies Policy" in html
    assert 'id="comment-data"' in html


def test_every_page_links_to_the_privacy_policy(client, article):
    for url in ("/", article.get_absolute_url(), "/no-such-page/"):
        assert 'href="/privacy/"' in client.get(url).content.decode()


def test_article_updated_after_publication_says_so(client, time_machine):
    time_machine.move_to(timezone.now() - timedelta(hours=5), tick=False)
    article = make_article(published_at=None)
    time_machine.move_to(timezone.now() + timedelta(minutes=10), tick=False)
    article.save()  # a quick fix soon after publication is not an update
    assert "Updated" not in client.get(article.get_absolute_url()).content.decode()

    time_machine.move_to(timezone.now() + timedelta(hours=3), tick=False)
    article.title = "Corrected headline"
    article.save()

    assert '<p class="updated">Updated' in client.get(article.get_absolute_url()).content.decode()


def test_server_error_page_is_styled_and_needs_no_context():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Something went wrong on our side" in html
    assert "/static/css/site.css" in html

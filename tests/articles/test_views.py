import re
from datetime import timedelta
from itertools import pairwise

import pytest
from django.urls import reverse
from django.utils import timezone
from lxml import html as lxml_html

from articles.models import Article
from tests.articles.html import by_class, card_titles, headings, parse, text
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

    document = parse(client.get(article.get_absolute_url()))

    (breadcrumb,) = document.xpath("//nav[@aria-label='Breadcrumb']")
    assert text(breadcrumb) == "Home Ministers meet in Stockholm"
    assert [text(h1) for h1 in document.xpath("//h1")] == ["Ministers meet in Stockholm"]
    (byline,) = by_class(document, "byline")
    assert text(byline).startswith("by Anna Lindqvist ")
    assert byline.xpath(".//a[@rel='author']/@href") == [author.get_absolute_url()]
    assert document.xpath("//figure//img/@alt") == ["Flags outside the venue"]
    assert text(document.xpath("//figcaption")[0]) == "The venue Photo: Staff"
    assert [text(a) for a in document.xpath("//ul[@aria-label='Tags']//a")] == ["Diplomacy"]
    assert document.xpath("//meta[@property='og:type']/@content") == ["article"]


def test_byline_never_shows_a_login_name(client, journalist):
    article = make_article(authors=[journalist.author])
    (byline,) = by_class(parse(client.get(article.get_absolute_url())), "byline")
    assert text(byline).startswith("by Jane Reporter ")
    assert "journalist" not in text(byline)


def test_draft_is_404_to_the_public(client):
    draft = make_article(status=Article.Status.DRAFT, published_at=None)
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_scheduled_article_is_404_before_its_time_and_appears_on_its_own(client, time_machine):
    publish_at = timezone.now() + timedelta(hours=2)
    article = make_article(published_at=publish_at, title="Coming up")

    assert client.get(article.get_absolute_url()).status_code == 404
    assert "Coming up" not in card_titles(client, "/")

    time_machine.move_to(publish_at + timedelta(minutes=1))
    assert client.get(article.get_absolute_url()).status_code == 200
    assert card_titles(client, "/") == ["Coming up"]


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

    document = parse(client.get("/"))

    (lead,) = document.xpath("//section[@aria-label='Top story']")
    assert [text(t) for t in by_class(lead, "card-title")] == ["Newest story"]
    (latest,) = document.xpath("//section[@aria-labelledby='latest-heading']")
    assert [text(t) for t in by_class(latest, "card-title")] == ["Recent 0", "Recent 1"]
    # Past the first page of latest news, each section shows its own newest articles.
    (culture,) = document.xpath("//section[@aria-labelledby='section-culture']")
    assert text(culture.xpath(".//h2")[0]) == "Culture"
    assert [text(t) for t in by_class(culture, "card-title")] == ["Older story"]
    assert document.xpath("//meta[@property='og:type']/@content") == ["website"]


def test_home_is_paginated(client, settings):
    settings.NEWSROOM_PAGE_SIZE = 3
    section = make_section()
    for i in range(7):
        make_article(
            section=section,
            title=f"Story {i}",
            published_at=timezone.now() - timedelta(hours=i + 1),
        )

    assert card_titles(client, "/?page=3") == ["Story 6"]


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
        assert card_titles(client, url) == ["Gas prices fall"], url
    author_page = parse(client.get("/author/sam-writer/"))
    assert text(by_class(author_page, "author-bio")[0]) == "Covers energy."


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
    document = parse(response)
    assert text(document.xpath("//h1")[0]) == "Unfinished"
    assert text(by_class(document, "preview-banner")[0]) == (
        "Preview: this article is draft. Only staff can see this page."
    )
    assert document.xpath("//meta[@name='robots']/@content") == ["noindex, nofollow"]
    assert "no-cache" in response["Cache-Control"]


def test_staff_preview_of_a_scheduled_article_says_when_it_goes_live(admin_client):
    when = timezone.localtime() + timedelta(days=1)
    scheduled = make_article(published_at=when)
    document = parse(admin_client.get(reverse("articles:preview", args=[scheduled.pk])))
    assert text(by_class(document, "preview-banner")[0]) == (
        f"Preview: this article is scheduled for {when:%-d %B %Y, %H:%M}. "
        "Only staff can see this page."
    )


def test_privacy_page_is_served_from_the_admin_editable_page(client):
    document = parse(client.get("/privacy/"))
    assert "Privacy & Cookies Policy" in text(document.xpath("//main")[0])
    assert document.xpath("//*[@id='comment-data']")


def test_every_page_links_to_the_privacy_policy(client, article):
    for url in ("/", article.get_absolute_url(), "/no-such-page/"):
        document = lxml_html.fromstring(client.get(url).content)
        links = document.xpath("//footer//a[@href='/privacy/']")
        assert [text(link) for link in links] == ["Privacy & Cookies Policy"], url


def test_article_updated_after_publication_says_so(client, time_machine):
    time_machine.move_to(timezone.now() - timedelta(hours=5), tick=False)
    article = make_article(published_at=None)
    time_machine.move_to(timezone.now() + timedelta(minutes=10), tick=False)
    article.save()  # a quick fix soon after publication is not an update
    assert not by_class(parse(client.get(article.get_absolute_url())), "updated")

    time_machine.move_to(timezone.now() + timedelta(hours=3), tick=False)
    article.title = "Corrected headline"
    article.save()

    (updated,) = by_class(parse(client.get(article.get_absolute_url())), "updated")
    assert text(updated) == f"Updated {timezone.localtime():%-d %B %Y, %H:%M}"


def test_server_error_page_is_styled_and_needs_no_context():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Something went wrong on our side" in html
    assert "/static/css/site.css" in html


# Valid HTML where validators complained ----------------------------------------------------

# A valid global date and time, to the second, with its offset (no fractions).
DATETIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$")


def test_dates_on_pages_are_valid_datetime_values(client, section):
    author = make_author(slug="anna")
    article = make_article(section=section, authors=[author], tags=[make_tag(slug="talks")])
    article.published_at = article.published_at.replace(microsecond=123456)
    article.save()
    pages = ["/", article.get_absolute_url(), "/section/europe/", "/tag/talks/", "/author/anna/"]
    for url in pages:
        values = parse(client.get(url)).xpath("//time/@datetime")
        stamps = [value for value in values if "T" in value]
        assert stamps, url
        assert all(DATETIME.match(value) for value in stamps), (url, stamps)


@pytest.mark.parametrize("kind", ["home", "section", "tag", "author", "article"])
def test_headings_go_down_one_level_at_a_time(client, kind):
    section = make_section(slug="world")
    author = make_author(slug="anna")
    tag = make_tag(slug="talks")
    articles = [make_article(section=section, authors=[author], tags=[tag]) for _ in range(3)]
    url = {
        "home": "/",
        "section": "/section/world/",
        "tag": "/tag/talks/",
        "author": "/author/anna/",
        "article": articles[0].get_absolute_url(),
    }[kind]

    levels = headings(parse(client.get(url)))

    assert levels[0] == 1 and levels.count(1) == 1
    assert all(later <= earlier + 1 for earlier, later in pairwise(levels)), levels

"""Sitemaps, the Google News sitemap and robots.txt, validated against the published schemas."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from lxml import etree

from articles import sitemaps
from articles.models import Article
from articles.sites import public_url
from tests.factories import make_article, make_author, make_section, make_tag

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).parent / "schemas"
NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}
# The News elements sit in <url> under the Sitemap schema's strict <xsd:any>: validate with
# both schemas imported together.
NEWS_DRIVER = f"""<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <xsd:import namespace="{NS["sm"]}" schemaLocation="sitemap.xsd"/>
  <xsd:import namespace="{NS["news"]}" schemaLocation="sitemap-news.xsd"/>
</xsd:schema>"""


def schema(name: str) -> etree.XMLSchema:
    if name == "news":
        document = etree.fromstring(NEWS_DRIVER.encode(), base_url=f"{SCHEMAS}/")
        return etree.XMLSchema(document)
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name)))


def valid(client, url: str, schema_name: str) -> etree._Element:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    document = etree.fromstring(response.content)
    checker = schema(schema_name)
    assert checker.validate(document), checker.error_log
    return document


def locations(document) -> list[str]:
    return document.xpath("//sm:loc/text()", namespaces=NS)


@pytest.fixture
def site(db):
    """Published and unpublished articles, an empty section, a tag and an author unused."""
    world = make_section(name="World", slug="world")
    make_section(name="Empty", slug="empty")
    tag, author = make_tag(slug="climate"), make_author(slug="anna")
    published = make_article(section=world, slug="published", tags=[tag], authors=[author])
    make_article(section=world, slug="draft", status=Article.Status.DRAFT, published_at=None)
    make_article(section=world, slug="scheduled", published_at=timezone.now() + timedelta(days=1))
    make_tag(slug="unused")
    make_author(slug="nobody-yet", display_name="Nobody yet")
    return published


def test_index_is_valid_and_lists_the_four_sitemaps_with_lastmod(client, site):
    document = valid(client, reverse("sitemap"), "siteindex.xsd")

    assert [loc.rsplit("/", 1)[1] for loc in locations(document)] == [
        "sitemap-sections.xml",
        "sitemap-articles.xml",
        "sitemap-tags.xml",
        "sitemap-authors.xml",
    ]
    assert len(document.xpath("//sm:sitemap/sm:lastmod", namespaces=NS)) == 4


@pytest.mark.parametrize(
    ("section", "expected"),
    [
        ("sections", ["/section/world/", "/section/empty/"]),
        ("articles", ["/articles/published/"]),
        ("tags", ["/tag/climate/"]),
        ("authors", ["/author/anna/"]),
    ],
)
def test_each_sitemap_is_valid_and_lists_what_readers_can_see(client, site, section, expected):
    document = valid(client, reverse("sitemap-section", args=[section]), "sitemap.xsd")

    paths = [loc.removeprefix(public_url()) for loc in locations(document)]
    assert sorted(paths) == sorted(expected)


def test_urls_carry_their_last_change(client, site):
    site.refresh_from_db()

    articles = valid(client, reverse("sitemap-section", args=["articles"]), "sitemap.xsd")
    sections = valid(client, reverse("sitemap-section", args=["sections"]), "sitemap.xsd")

    day = timezone.localtime(max(site.updated_at, site.published_at)).date().isoformat()
    assert articles.xpath("//sm:url/sm:lastmod/text()", namespaces=NS) == [day]
    world = sections.xpath("//sm:url[contains(sm:loc, '/world/')]/sm:lastmod/text()", namespaces=NS)
    assert world == [day]
    # A section without articles has no date to give.
    empty = sections.xpath("//sm:url[contains(sm:loc, '/empty/')]/sm:lastmod", namespaces=NS)
    assert empty == []


def test_a_large_articles_sitemap_is_split_into_pages(client, site, monkeypatch):
    monkeypatch.setattr(sitemaps.ArticleSitemap, "limit", 2)
    for _ in range(3):
        make_article()

    index = valid(client, reverse("sitemap"), "siteindex.xsd")
    second = valid(client, reverse("sitemap-section", args=["articles"]) + "?p=2", "sitemap.xsd")

    assert any(loc.endswith("sitemap-articles.xml?p=2") for loc in locations(index))
    assert len(locations(second)) == 2


@pytest.mark.parametrize("articles", [1, 10])
def test_index_reads_two_aggregates_per_sitemap_not_every_row(
    client, site, articles, django_assert_num_queries
):
    for _ in range(articles):
        make_article()
    # Site-wide reads cached after the first request (the site, the consent groups) are not ours.
    client.get(reverse("sitemap"))

    # For each of the four: its latest change and its number of pages.
    with django_assert_num_queries(8):
        client.get(reverse("sitemap"))


def test_news_sitemap_is_valid_and_has_only_the_last_two_days(client, site):
    make_article(slug="last-week", published_at=timezone.now() - timedelta(days=7))
    make_article(
        slug="yesterday", title="Yesterday & today", published_at=timezone.now() - timedelta(days=1)
    )

    document = valid(client, reverse("sitemap-news"), "news")

    assert sorted(loc.rsplit("/", 2)[1] for loc in locations(document)) == [
        "published",
        "yesterday",
    ]
    news = document.xpath("//sm:url[contains(sm:loc, 'yesterday')]/news:news", namespaces=NS)[0]
    assert news.xpath("news:publication/news:name/text()", namespaces=NS) == ["Newsroom"]
    assert news.xpath("news:publication/news:language/text()", namespaces=NS) == ["en"]
    assert news.xpath("news:title/text()", namespaces=NS) == ["Yesterday & today"]


def test_news_sitemap_with_nothing_recent_is_well_formed(client):
    make_article(published_at=timezone.now() - timedelta(days=5))

    response = client.get(reverse("sitemap-news"))

    assert response.status_code == 200
    assert locations(etree.fromstring(response.content)) == []


def test_robots_txt_points_to_the_sitemaps(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Sitemap: http://testserver/sitemap-news.xml" in lines


def test_an_unknown_sitemap_is_404(client):
    assert client.get("/sitemap-nothing.xml").status_code == 404


@pytest.fixture
def dirty(db):
    """Rows saved before text was cleaned on input: controls and non-characters."""
    return make_article(
        slug="flood-warning",
        title="Flood\x0bwarning\uffff & more",
        section=make_section(name="Wea\x0bther", slug="weather"),
        tags=[make_tag(name="Rain\x1b", slug="rain")],
        authors=[make_author(display_name="Anna\x0b\ufffe", slug="anna")],
    )


@pytest.mark.parametrize(
    ("url", "schema_name"),
    [
        ("/sitemap.xml", "siteindex.xsd"),
        ("/sitemap-sections.xml", "sitemap.xsd"),
        ("/sitemap-articles.xml", "sitemap.xsd"),
        ("/sitemap-tags.xml", "sitemap.xsd"),
        ("/sitemap-authors.xml", "sitemap.xsd"),
        ("/sitemap-news.xml", "news"),
    ],
)
def test_sitemaps_stay_valid_with_control_characters_stored(client, dirty, url, schema_name):
    valid(client, url, schema_name)


def test_the_news_sitemap_prints_a_stored_title_without_its_control_characters(client, dirty):
    document = valid(client, reverse("sitemap-news"), "news")

    assert document.xpath("//news:title/text()", namespaces=NS) == ["Flood warning & more"]

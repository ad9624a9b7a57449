"""Page metadata: titles, descriptions, canonical URLs, Open Graph, Twitter cards, JSON-LD."""

import json

import pytest
from django.contrib.sites.models import Site
from django.urls import reverse
from django.utils import timezone
from lxml import html as lxml_html

from articles.models import Article
from articles.sites import sync_site
from tests.factories import make_article, make_author, make_image, make_section, make_tag

pytestmark = pytest.mark.django_db

# Absolute addresses come from the Sites record, whatever host the request named.
SITE_DOMAIN = "news.example.com"


@pytest.fixture(autouse=True)
def site(db, settings):
    Site.objects.filter(pk=settings.SITE_ID).update(domain=SITE_DOMAIN)
    Site.objects.clear_cache()
    yield
    Site.objects.clear_cache()


@pytest.fixture
def story(db):
    return make_article(
        title="Ministers meet in Stockholm",
        slug="ministers-meet",
        standfirst="Talks at the OSCE.",
        section=make_section(name="World", slug="world"),
        authors=[
            make_author(display_name="Anna Lindqvist", slug="anna", photo=make_image()),
            make_author(display_name="Ben Costa", slug="ben"),
        ],
        tags=[make_tag(name="Diplomacy", slug="diplomacy")],
        featured_image=make_image(alt_text="Flags outside the venue"),
    )


def page(client, url: str):
    response = client.get(url)
    assert response.status_code == 200
    return lxml_html.fromstring(response.content)


def meta(document, key: str) -> list[str]:
    return document.xpath(f"//meta[@property='{key}' or @name='{key}']/@content")


def jsonld(document) -> list[dict]:
    (script,) = document.xpath("//script[@type='application/ld+json']/text()")
    return json.loads(script)


def to_the_second(moment) -> str:
    return timezone.localtime(moment).replace(microsecond=0).isoformat()


# Every public page ------------------------------------------------------------------------


PUBLIC_PAGES = {
    "home": lambda story: "/",
    "home, page 2": lambda story: "/?page=2",
    "article": lambda story: story.get_absolute_url(),
    "section": lambda story: story.section.get_absolute_url(),
    "tag": lambda story: "/tag/diplomacy/",
    "author": lambda story: "/author/anna/",
    "search": lambda story: "/search/?q=ministers",
    "privacy": lambda story: reverse("privacy"),
}


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_every_public_page_has_its_metadata(client, settings, story, name):
    settings.NEWSROOM_PAGE_SIZE = 1
    make_article(section=story.section)  # a second page for the home page
    url = PUBLIC_PAGES[name](story)

    document = page(client, url)

    assert document.findtext(".//title").strip()
    assert meta(document, "description")[0].strip()
    (canonical,) = document.xpath("//link[@rel='canonical']/@href")
    assert canonical.startswith("http://news.example.com/")
    assert meta(document, "og:type") == ["article" if name == "article" else "website"]
    for key in ("og:title", "og:description", "og:url", "og:site_name", "twitter:card"):
        assert len(meta(document, key)) == 1, key
        assert meta(document, key)[0].strip(), key
    assert meta(document, "og:url") == [canonical]


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("/?utm_source=newsletter", "http://news.example.com/"),
        ("/?page=2&utm_source=x", "http://news.example.com/?page=2"),
        ("/section/world/?page=1", "http://news.example.com/section/world/"),
        ("/search/?q=ministers&page=1", "http://news.example.com/search/"),
    ],
)
def test_canonical_url_drops_the_query_string_but_the_page(client, settings, story, url, canonical):
    settings.NEWSROOM_PAGE_SIZE = 1
    make_article()

    document = page(client, url)

    assert document.xpath("//link[@rel='canonical']/@href") == [canonical]


@pytest.fixture
def public_https_site(settings):
    """NEWSROOM_SITE_URL on HTTPS, the Sites record following it as after every migrate."""
    settings.NEWSROOM_SITE_URL = f"https://{SITE_DOMAIN}"
    sync_site()


def test_canonical_and_og_url_use_the_public_https_address(client, story, public_https_site):
    for path in ["/", story.get_absolute_url(), story.section.get_absolute_url()]:
        document = page(client, path)  # asked over plain HTTP, as from behind a TLS proxy

        assert document.xpath("//link[@rel='canonical']/@href") == [f"https://{SITE_DOMAIN}{path}"]
        assert meta(document, "og:url") == [f"https://{SITE_DOMAIN}{path}"]


def test_json_ld_and_shared_pictures_use_the_public_https_address(client, story, public_https_site):
    document = page(client, story.get_absolute_url())
    news, breadcrumbs = jsonld(document)

    url = f"https://{SITE_DOMAIN}/articles/ministers-meet/"
    assert (news["url"], news["mainEntityOfPage"]["@id"]) == (url, url)
    assert [author["url"] for author in news["author"]] == [
        f"https://{SITE_DOMAIN}/author/anna/",
        f"https://{SITE_DOMAIN}/author/ben/",
    ]
    assert news["publisher"]["url"] == f"https://{SITE_DOMAIN}/"
    assert all(image["url"].startswith(f"https://{SITE_DOMAIN}/media/") for image in news["image"])
    assert [item["item"] for item in breadcrumbs["itemListElement"]] == [
        f"https://{SITE_DOMAIN}/",
        url,
    ]
    (image,) = meta(document, "og:image")
    assert image.startswith(f"https://{SITE_DOMAIN}/media/")


def test_article_page_shares_its_picture_with_its_size(client, story):
    document = page(client, story.get_absolute_url())

    rendition = story.featured_image.rendition("jpeg", 1280)
    (image,) = meta(document, "og:image")
    assert image.startswith("http://news.example.com/") and image.endswith(rendition["name"])
    assert meta(document, "og:image:width") == [str(rendition["width"])]
    assert meta(document, "og:image:height") == [str(rendition["height"])]
    assert meta(document, "og:image:alt") == ["Flags outside the venue"]
    assert meta(document, "twitter:card") == ["summary_large_image"]
    assert meta(document, "twitter:image") == [image]
    assert meta(document, "article:section") == ["World"]
    assert meta(document, "article:author") == [
        "http://news.example.com/author/anna/",
        "http://news.example.com/author/ben/",
    ]


@pytest.mark.parametrize(
    ("url", "image_of"),
    [
        ("/section/world/", "article"),
        ("/tag/diplomacy/", "article"),
        ("/author/anna/", "photo"),
        ("/", "article"),
    ],
)
def test_listing_pages_share_a_picture(client, story, url, image_of):
    document = page(client, url)

    image = story.featured_image if image_of == "article" else story.authors.get(slug="anna").photo
    assert meta(document, "og:image")[0].endswith(image.rendition("jpeg", 1280)["name"])
    assert meta(document, "og:image:width")
    assert meta(document, "twitter:card") == ["summary_large_image"]


def test_a_page_without_picture_gets_a_summary_card(client, story):
    document = page(client, "/author/ben/")

    assert meta(document, "og:image") == []
    assert meta(document, "twitter:card") == ["summary"]


def test_preview_of_a_draft_is_not_indexed_and_points_to_the_public_address(
    client, admin_user, story
):
    draft = make_article(slug="coming-soon", status=Article.Status.DRAFT, published_at=None)
    client.force_login(admin_user)

    document = page(client, reverse("articles:preview", args=[draft.pk]))

    assert meta(document, "robots") == ["noindex, nofollow"]
    assert document.xpath("//link[@rel='canonical']/@href") == [
        "http://news.example.com/articles/coming-soon/"
    ]


def test_a_published_article_is_indexed(client, story):
    assert meta(page(client, story.get_absolute_url()), "robots") == []


# JSON-LD ----------------------------------------------------------------------------------


def test_article_has_news_article_json_ld(client, story):
    story.refresh_from_db()

    news, _ = jsonld(page(client, story.get_absolute_url()))

    url = "http://news.example.com/articles/ministers-meet/"
    assert news["@context"] == "https://schema.org"
    assert news["@type"] == "NewsArticle"
    assert news["headline"] == "Ministers meet in Stockholm"
    assert news["description"] == "Talks at the OSCE."
    assert news["url"] == url
    assert news["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    # To the second, as every date the pages show.
    assert news["datePublished"] == to_the_second(story.published_at)
    assert news["dateModified"] == to_the_second(story.updated_at)
    assert news["author"] == [
        {
            "@type": "Person",
            "name": "Anna Lindqvist",
            "url": "http://news.example.com/author/anna/",
        },
        {"@type": "Person", "name": "Ben Costa", "url": "http://news.example.com/author/ben/"},
    ]
    assert news["publisher"] == {
        "@type": "Organization",
        "name": "Newsroom",
        "url": "http://news.example.com/",
    }
    assert news["articleSection"] == "World"
    assert news["keywords"] == ["Diplomacy"]
    assert news["isAccessibleForFree"] is True


def test_json_ld_images_are_the_renditions_with_their_sizes(client, story):
    news, _ = jsonld(page(client, story.get_absolute_url()))

    jpegs = {r["width"]: r for r in story.featured_image.renditions if r["format"] == "jpeg"}
    assert [image["width"] for image in news["image"]] == sorted(jpegs, reverse=True)
    for image in news["image"]:
        assert image["@type"] == "ImageObject"
        assert image["url"].startswith("http://news.example.com/media/")
        assert image["height"] == jpegs[image["width"]]["height"]


def test_breadcrumb_json_ld_matches_the_visible_breadcrumb(client, story):
    document = page(client, story.get_absolute_url())
    _, breadcrumbs = jsonld(document)

    visible = [
        (item.text_content().strip(), item.xpath("./a/@href"))
        for item in document.xpath("//nav[@aria-label='Breadcrumb']//li")
    ]
    assert breadcrumbs["@type"] == "BreadcrumbList"
    listed = [(item["name"], item["item"]) for item in breadcrumbs["itemListElement"]]
    assert [name for name, _ in listed] == [name for name, _ in visible]
    assert listed[0][1] == "http://news.example.com" + visible[0][1][0]
    assert listed[-1][1] == "http://news.example.com" + story.get_absolute_url()
    assert [item["position"] for item in breadcrumbs["itemListElement"]] == [1, 2]


def test_json_ld_cannot_close_its_script_element(client):
    title = "</script><script>alert(1)</script> & <!-- more"
    article = make_article(title=title)

    response = client.get(article.get_absolute_url())

    assert b"</script><script>alert(1)" not in response.content
    news, breadcrumbs = jsonld(lxml_html.fromstring(response.content))
    assert news["headline"] == title
    assert breadcrumbs["itemListElement"][1]["name"] == title


def test_an_article_without_picture_has_json_ld_without_images(client):
    article = make_article(featured_image=None)

    news, _ = jsonld(page(client, article.get_absolute_url()))

    assert "image" not in news

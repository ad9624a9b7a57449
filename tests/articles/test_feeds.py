"""RSS and Atom feeds: they parse cleanly, carry full metadata, and the pages link to them."""

from datetime import timedelta

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone
from lxml import etree

from articles import feeds
from articles.models import Article
from articles.sites import public_domain, public_url
from tests.factories import make_article, make_author, make_image, make_section, make_tag

pytestmark = pytest.mark.django_db

KINDS = ["site", "section", "tag", "author"]
FORMATS = {"rss": ("", "rss20"), "atom": ("-atom", "atom10")}


@pytest.fixture
def story(db):
    """A published article with two authors, two tags and a picture."""
    return make_article(
        title="Ministers & mayors meet <today>",
        standfirst="Talks on housing, energy & transport.",
        section=make_section(name="Politics", slug="politics"),
        authors=[
            make_author(display_name="Anna Lindqvist", slug="anna"),
            make_author(display_name="Ben Costa", slug="ben"),
        ],
        tags=[make_tag(name="Housing", slug="housing"), make_tag(name="Energy", slug="energy")],
        featured_image=make_image(alt_text="The town hall", credit="Photo: Staff"),
    )


def feed_url(kind: str, fmt: str, story: Article) -> str:
    suffix = FORMATS[fmt][0]
    if kind == "site":
        return reverse(f"articles:feed{suffix}")
    owner = {
        "section": story.section,
        "tag": story.tags.get(slug="housing"),
        "author": story.authors.get(slug="anna"),
    }[kind]
    return reverse(f"articles:{kind}-feed{suffix}", args=[owner.slug])


def parse(client, url: str):
    response = client.get(url)
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return response, parsed


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("kind", KINDS)
def test_feed_parses_cleanly_with_full_metadata(client, story, kind, fmt):
    response, parsed = parse(client, feed_url(kind, fmt, story))

    assert parsed.version == FORMATS[fmt][1]
    assert response["Content-Type"].startswith(
        "application/rss+xml" if fmt == "rss" else "application/atom+xml"
    )
    assert parsed.feed.title.startswith("Newsroom")
    assert parsed.feed.language == "en-gb"
    (entry,) = parsed.entries
    assert entry.title == "Ministers & mayors meet <today>"
    assert entry.link == f"{public_url()}{story.get_absolute_url()}"
    assert entry.summary == "Talks on housing, energy &amp; transport."
    assert [author.name for author in entry.authors] == ["Anna Lindqvist", "Ben Costa"]
    assert [tag.term for tag in entry.tags] == ["Politics", "Energy", "Housing"]
    assert entry.published_parsed[:5] == story.published_at.utctimetuple()[:5]
    assert entry.updated_parsed[:5] == story.updated_at.utctimetuple()[:5]
    assert entry.id == f"tag:{public_domain()},{story.created_at:%Y-%m-%d}:article-{story.pk}"


@pytest.mark.parametrize("fmt", FORMATS)
def test_feed_items_carry_the_picture(client, story, fmt):
    _, parsed = parse(client, feed_url("site", fmt, story))

    (entry,) = parsed.entries
    (media,) = entry.media_content
    rendition = story.featured_image.rendition("jpeg", feeds.IMAGE_WIDTH)
    assert media["url"].endswith(rendition["name"])
    assert (media["width"], media["height"]) == (str(rendition["width"]), str(rendition["height"]))
    assert media["medium"] == "image"
    (enclosure,) = entry.enclosures
    assert enclosure.href == media["url"]
    assert enclosure.type == "image/jpeg"
    assert int(enclosure.length) > 0
    assert entry.media_credit[0]["content"] == "Photo: Staff"


def test_feed_lists_the_latest_published_articles_newest_first(client, section):
    now = timezone.now()
    for hours in (5, 1, 3):
        make_article(
            title=f"{hours} hours ago", section=section, published_at=now - timedelta(hours=hours)
        )
    make_article(title="Draft", section=section, status=Article.Status.DRAFT, published_at=None)
    make_article(title="Scheduled", section=section, published_at=now + timedelta(hours=1))

    _, parsed = parse(client, reverse("articles:section-feed", args=[section.slug]))

    assert [entry.title for entry in parsed.entries] == [
        "1 hours ago",
        "3 hours ago",
        "5 hours ago",
    ]


def test_feed_is_limited_in_size(client, section, monkeypatch):
    monkeypatch.setattr(feeds, "FEED_SIZE", 2)
    for _ in range(3):
        make_article(section=section)

    _, parsed = parse(client, reverse("articles:feed"))

    assert len(parsed.entries) == 2


def test_a_section_feed_has_only_that_section(client, story):
    make_article(title="Elsewhere")

    _, parsed = parse(client, reverse("articles:section-feed", args=["politics"]))

    assert [entry.title for entry in parsed.entries] == [story.title]


def test_an_item_id_survives_a_new_slug(client, story):
    _, before = parse(client, reverse("articles:feed-atom"))
    story.slug = "a-new-address"
    story.save()

    _, after = parse(client, reverse("articles:feed-atom"))

    assert before.entries[0].id == after.entries[0].id
    assert after.entries[0].link.endswith("/a-new-address/")


def test_an_article_without_picture_or_standfirst_still_parses(client):
    make_article(standfirst="", featured_image=None)

    for name in ("articles:feed", "articles:feed-atom"):
        _, parsed = parse(client, reverse(name))
        assert "media_content" not in parsed.entries[0]


def test_an_empty_feed_parses(client, section):
    _, parsed = parse(client, reverse("articles:section-feed-atom", args=[section.slug]))

    assert parsed.entries == []


@pytest.mark.parametrize("kind", ["section", "tag", "author"])
def test_an_unknown_owner_is_404(client, kind):
    assert client.get(reverse(f"articles:{kind}-feed", args=["nobody"])).status_code == 404


@pytest.mark.parametrize(
    ("kind", "feeds_linked"),
    [
        ("home", ["/feed/", "/feed/atom/"]),
        ("article", ["/feed/", "/feed/atom/"]),
        ("section", ["/feed/", "/section/politics/feed/", "/section/politics/feed/atom/"]),
        ("tag", ["/feed/", "/tag/housing/feed/", "/tag/housing/feed/atom/"]),
        ("author", ["/feed/", "/author/anna/feed/", "/author/anna/feed/atom/"]),
    ],
)
def test_pages_link_to_their_feeds(client, story, kind, feeds_linked):
    url = {
        "home": "/",
        "article": story.get_absolute_url(),
        "section": "/section/politics/",
        "tag": "/tag/housing/",
        "author": "/author/anna/",
    }[kind]

    html = client.get(url).content.decode()

    for href in feeds_linked:
        kind = "atom" if href.endswith("atom/") else "rss"
        assert f'<link rel="alternate" type="application/{kind}+xml"' in html
        assert f'href="{href}"' in html


@pytest.fixture
def dirty_story(db):
    """An article saved before text was cleaned on input: controls and non-characters."""
    tag = make_tag(name="Energy\x0bprices", slug="energy")
    author = make_author(display_name="Anna\x1bLindqvist\uffff", slug="anna")
    return make_article(
        title="Flood\x0bwarning\ufffe for the coast",
        standfirst="Rivers\x0crise.\x85",
        section=make_section(name="Wea\x0bther", slug="weather"),
        authors=[author],
        tags=[tag],
        featured_image=make_image(alt_text="A swollen\x0briver", credit="Photo:\x1b Staff"),
    )


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("kind", KINDS)
def test_a_feed_listing_text_stored_with_control_characters_is_valid_xml(
    client, dirty_story, kind, fmt
):
    owner = {
        "site": None,
        "section": dirty_story.section,
        "tag": dirty_story.tags.get(),
        "author": dirty_story.authors.get(),
    }[kind]
    suffix = FORMATS[fmt][0]
    url = (
        reverse(f"articles:feed{suffix}")
        if owner is None
        else reverse(f"articles:{kind}-feed{suffix}", args=[owner.slug])
    )

    response, parsed = parse(client, url)

    etree.fromstring(response.content)
    (entry,) = parsed.entries
    assert entry.title == "Flood warning for the coast"
    assert entry.summary == "Rivers rise."
    assert [author.name for author in entry.authors] == ["AnnaLindqvist"]
    assert [tag.term for tag in entry.tags] == ["Wea ther", "Energy prices"]
    assert entry.media_credit[0]["content"] == "Photo: Staff"

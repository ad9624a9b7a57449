"""
RSS 2.0 and Atom feeds of the latest published articles: the site, a section, a tag, an author.

Every item carries its authors (one element each), its categories (section, then tags), its
publication and update dates (Atom needs both), the standfirst as summary, and the featured
image twice: as an enclosure (with its length, as RSS requires) and as Media RSS
<media:content> with its size, alt text and credit, which feed readers show as the picture.
Every string is cleaned on the way out (articles.text), so a control character stored
before text was cleaned on input cannot make the XML invalid.
"""

import copy

from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.contrib.syndication.views import Feed, add_domain
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import feedgenerator
from django.utils.decorators import method_decorator
from django.utils.html import escape
from django.views.decorators.http import require_safe

from articles import text
from articles.models import Article, Author, Section, Tag
from articles.sites import public_scheme
from edge import keys

FEED_SIZE = 20
IMAGE_WIDTH = 1280
MEDIA_NS = "http://search.yahoo.com/mrss/"
DC_NS = "http://purl.org/dc/elements/1.1/"


def add_media(handler, item) -> None:
    image = item.get("image")
    if not image:
        return
    handler.startElement(
        "media:content",
        {
            "url": image["url"],
            "type": "image/jpeg",
            "medium": "image",
            "width": str(image["width"]),
            "height": str(image["height"]),
        },
    )
    handler.addQuickElement("media:description", image["alt"], {"type": "plain"})
    if image["credit"]:
        handler.addQuickElement("media:credit", image["credit"])
    handler.endElement("media:content")


class NewsRssFeed(feedgenerator.Rss201rev2Feed):
    """RSS 2.0 with one <dc:creator> per author, an update date and Media RSS for the image."""

    def rss_attributes(self):
        return super().rss_attributes() | {"xmlns:dc": DC_NS, "xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        # RSS has no update date of its own; readers understand Atom's.
        if item["updateddate"] is not None:
            handler.addQuickElement("atom:updated", feedgenerator.rfc3339_date(item["updateddate"]))
        for name, _ in item.get("authors", []):
            handler.addQuickElement("dc:creator", name)
        add_media(handler, item)


class NewsAtomFeed(feedgenerator.Atom1Feed):
    """Atom with one <author> per author and Media RSS for the image."""

    def root_attributes(self):
        return super().root_attributes() | {"xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, link in item.get("authors", []):
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.addQuickElement("uri", link)
            handler.endElement("author")
        add_media(handler, item)


def xml_safe(value):
    """`value` with every string in it cleaned of what XML 1.0 cannot carry."""
    if isinstance(value, str):
        # One line: feeds carry no multi-line plain text (a summary is HTML).
        return text.clean_text(value)
    if isinstance(value, dict):
        return {key: xml_safe(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(xml_safe(item) for item in value)
    return value


def file_size(name: str) -> int:
    """A stored file's size; files are never rewritten under the same name, so it is cached."""
    key = f"feeds:size:{name}"
    size = cache.get(key)
    if size is None:
        try:
            size = default_storage.size(name)
        except OSError:
            return 0
        cache.set(key, size, timeout=None)
    return size


class ArticleFeed(Feed):
    """The site's latest articles; subclasses narrow them to one section, tag or author."""

    feed_type = NewsRssFeed
    language = settings.LANGUAGE_CODE
    item_guid_is_permalink = False

    @method_decorator(require_safe)
    def __call__(self, request, *args, **kwargs):
        # One instance serves every request (and thread): this request's copy holds the
        # domain and scheme that the authors' and the image's links need, as the item links.
        feed = copy.copy(self)
        feed.domain = get_current_site(request).domain
        feed.secure, feed.path = public_scheme() == "https", request.path
        keys.add(request, keys.FEEDS)
        return super(ArticleFeed, feed).__call__(request, *args, **kwargs)

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed = xml_safe(feed.feed)
        feed.items = [xml_safe(item) for item in feed.items]
        return feed

    def absolute(self, url: str) -> str:
        return add_domain(self.domain, url, self.secure)

    def title(self, obj):
        return settings.SITE_NAME if obj is None else f"{settings.SITE_NAME}: {obj}"

    # Absolute links, so the public scheme wins over the request's (NEWSROOM_SITE_URL).
    def link(self, obj):
        return self.absolute(reverse("articles:home") if obj is None else obj.get_absolute_url())

    def feed_url(self, obj):
        return self.absolute(self.path)

    def item_link(self, item):
        return self.absolute(item.get_absolute_url())

    def description(self, obj):
        return f"The latest articles from {settings.SITE_NAME}."

    def subtitle(self, obj):
        return self.description(obj)

    def author_name(self, obj):
        return settings.SITE_NAME

    def items(self, obj):
        articles = Article.objects.all() if obj is None else obj.articles.all()
        return (
            articles.published()
            .for_listing()
            .prefetch_related("tags")
            .order_by("-published_at", "-pk")[:FEED_SIZE]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # A summary is HTML in both formats: the standfirst is plain text.
        return escape(item.standfirst)

    def item_guid(self, item):
        # Stable when the slug (and so the link) changes.
        return f"tag:{self.domain},{item.created_at:%Y-%m-%d}:article-{item.pk}"

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return max(item.updated_at, item.published_at)

    def item_categories(self, item):
        return [item.section.name, *(tag.name for tag in item.tags.all())]

    def item_enclosures(self, item):
        rendition = self.rendition(item)
        if rendition is None:
            return []
        url = self.absolute(default_storage.url(rendition["name"]))
        return [feedgenerator.Enclosure(url, str(file_size(rendition["name"])), "image/jpeg")]

    def item_extra_kwargs(self, item):
        authors = [
            (author.display_name, self.absolute(author.get_absolute_url()))
            for author in item.authors.all()
        ]
        image = None
        if rendition := self.rendition(item):
            image = {
                "url": self.absolute(default_storage.url(rendition["name"])),
                "width": rendition["width"],
                "height": rendition["height"],
                "alt": item.featured_image.alt_text,
                "credit": item.featured_image.credit,
            }
        return {"authors": authors, "image": image}

    def rendition(self, item) -> dict | None:
        if item.featured_image is None:
            return None
        return item.featured_image.rendition("jpeg", IMAGE_WIDTH)


class ListingFeed(ArticleFeed):
    """The articles of one section, tag or author (`model`), found by its slug."""

    model: type[Section | Tag | Author]

    def get_object(self, request, slug):
        return get_object_or_404(self.model, slug=slug)


class CategoryFeed(ListingFeed):
    """A section or a tag: its name is the feed's category."""

    def categories(self, obj):
        return [obj.name]


class SectionFeed(CategoryFeed):
    model = Section

    def description(self, obj):
        return obj.description or f"The latest {obj.name} articles from {settings.SITE_NAME}."


class TagFeed(CategoryFeed):
    model = Tag

    def description(self, obj):
        return f"The latest articles about {obj.name} from {settings.SITE_NAME}."


class AuthorFeed(ListingFeed):
    model = Author

    def description(self, obj):
        return f"The latest articles by {obj.display_name} in {settings.SITE_NAME}."


class SiteAtomFeed(ArticleFeed):
    feed_type = NewsAtomFeed


class SectionAtomFeed(SectionFeed):
    feed_type = NewsAtomFeed


class TagAtomFeed(TagFeed):
    feed_type = NewsAtomFeed


class AuthorAtomFeed(AuthorFeed):
    feed_type = NewsAtomFeed

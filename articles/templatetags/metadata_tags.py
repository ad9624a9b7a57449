"""Page metadata for crawlers and sharing: canonical URLs, social images, JSON-LD."""

import json

from django import template
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.contrib.syndication.views import add_domain
from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from articles.models import Article, Image
from articles.sites import public_scheme
from articles.templatetags.articles_tags import datetime_attribute

register = template.Library()

# Open Graph and Twitter cards show pictures about 1200 pixels wide.
SOCIAL_WIDTH = 1280
# JSON-LD lists the article's picture at these widths at most, largest first.
JSONLD_IMAGES = 3
# Inside <script>, "</script>" or "<!--" in a title must not end the element.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def absolute_url(request, path: str) -> str:
    """
    `path` on the site's public address, as feeds and sitemaps build it: the Sites record's
    domain and NEWSROOM_SITE_URL's scheme, never the request's (behind a TLS-terminating
    cache the request arrives over plain HTTP).
    """
    return add_domain(get_current_site(request).domain, path, public_scheme() == "https")


@register.simple_tag(takes_context=True)
def canonical_url(context, path: str | None = None) -> str:
    """The absolute address of `path`, or of this page without its query string but its page."""
    request = context["request"]
    if path:
        return absolute_url(request, path)
    page = context.get("page_obj")
    if page is not None and page.number > 1:
        return absolute_url(request, f"{request.path}?page={page.number}")
    return absolute_url(request, request.path)


def picture(request, image: Image, width: int) -> dict:
    """The JPEG rendition closest to `width`, with its absolute URL and size."""
    chosen = image.rendition("jpeg", width)
    if chosen is None:
        url, size = image.file.url, (image.width, image.height)
    else:
        url, size = default_storage.url(chosen["name"]), (chosen["width"], chosen["height"])
    return {"url": absolute_url(request, url), "width": size[0], "height": size[1]}


@register.inclusion_tag("articles/_social_image.html", takes_context=True)
def social_image(context, image: Image | None):
    """og:image with its size and alt text, and the Twitter card that fits."""
    # A missing variable (the home page's lead, on later pages) arrives as "".
    if not image:
        return {"image": None}
    return {"image": image, "picture": picture(context["request"], image, SOCIAL_WIDTH)}


@register.filter
def first_image(articles) -> Image | None:
    """
    The featured image of the first article that has one. Iterating evaluates a page's
    queryset once, as the loop further down the page would: no query of its own.
    """
    for article in articles:
        if article.featured_image_id:
            return article.featured_image
    return None


def for_script(data) -> SafeString:
    return mark_safe(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(SCRIPT_ESCAPES)
    )


@register.simple_tag(takes_context=True)
def article_jsonld(context, article: Article) -> SafeString:
    """schema.org NewsArticle and the BreadcrumbList of the visible breadcrumb, as JSON."""
    request = context["request"]
    url = absolute_url(request, article.get_absolute_url())
    home = absolute_url(request, reverse("articles:home"))
    news_article = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": article.title,
        "description": article.standfirst,
        "datePublished": iso(article.published_at),
        "dateModified": iso(max(filter(None, [article.updated_at, article.published_at]))),
        "author": [
            {
                "@type": "Person",
                "name": author.display_name,
                "url": absolute_url(request, author.get_absolute_url()),
            }
            for author in article.byline_authors
        ],
        "publisher": {"@type": "Organization", "name": settings.SITE_NAME, "url": home},
        "articleSection": article.section.name,
        "keywords": [tag.name for tag in article.tags.all()],
        "inLanguage": settings.LANGUAGE_CODE,
        "isAccessibleForFree": True,
    }
    if article.featured_image:
        news_article["image"] = images(request, article.featured_image)
    breadcrumbs = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": "Home", "item": home},
            {"@type": "ListItem", "position": 2, "name": article.title, "item": url},
        ],
    }
    return for_script([news_article, breadcrumbs])


def images(request, image: Image) -> list[dict]:
    widths = {rendition["width"] for rendition in image.renditions if rendition["format"] == "jpeg"}
    widths = sorted(widths, reverse=True)[:JSONLD_IMAGES] or [image.width]
    return [{"@type": "ImageObject", **picture(request, image, width)} for width in widths]


def iso(moment) -> str | None:
    return datetime_attribute(moment) or None

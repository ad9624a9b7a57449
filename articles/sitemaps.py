"""
Sitemaps: an index of sections, articles, tags and authors, each URL with its lastmod, and a
Google News sitemap of the last two days' articles (newsroom/urls.py wires them, robots.txt
points to both).

Only what readers can see is listed: published articles, and tags and authors with at least
one of them. A listing page's lastmod is that of its newest article.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Max, Value
from django.db.models.functions import Greatest
from django.utils import timezone, translation

from articles import text
from articles.models import Article, Author, Section, State, Tag, state_q
from articles.sites import PublicSitemap as Sitemap  # URLs in NEWSROOM_SITE_URL's scheme

# Google News reads articles published in the last two days, at most 1,000 of them.
NEWS_DAYS = 2
NEWS_LIMIT = 1000


def last_change(prefix: str = ""):
    """Max of the publication and update times of the published articles under `prefix`."""
    published = state_q(State.PUBLISHED, prefix=prefix)
    return Max(
        Greatest(f"{prefix}updated_at", f"{prefix}published_at"),
        filter=published if prefix else None,
    )


def latest_of(items) -> datetime | None:
    return max((item.lastmod for item in items if item.lastmod), default=None)


class ArticleSitemap(Sitemap):
    # URLs per page; the index lists every page.
    limit = 10_000

    def items(self):
        # Ordered by id so a page keeps its articles as new ones are published.
        return (
            Article.objects.published()
            .only("slug", "published_at", "updated_at")
            .annotate(lastmod=Greatest("updated_at", "published_at"))
            .order_by("pk")
        )

    def lastmod(self, article):
        return article.lastmod

    def get_latest_lastmod(self):
        # One aggregate, not a pass over every article.
        return Article.objects.published().aggregate(lastmod=last_change())["lastmod"]


class ListingSitemap(Sitemap):
    """Sections, tags or authors: pages listing articles, as fresh as the newest one."""

    model = None
    only_with_articles = True

    def items(self):
        listings = self.model.objects.annotate(lastmod=last_change("articles__"))
        if self.only_with_articles:
            listings = listings.filter(lastmod__isnull=False)
        return listings.order_by("pk")

    def lastmod(self, listing):
        return listing.lastmod

    def get_latest_lastmod(self):
        return latest_of(self.items())


class SectionSitemap(ListingSitemap):
    model = Section
    # A section is in the menu even before its first article.
    only_with_articles = False


class TagSitemap(ListingSitemap):
    model = Tag


class AuthorSitemap(ListingSitemap):
    model = Author


SITEMAPS = {
    "sections": SectionSitemap,
    "articles": ArticleSitemap,
    "tags": TagSitemap,
    "authors": AuthorSitemap,
}


class NewsSitemap(Sitemap):
    """The last two days' articles, with what Google News asks for (templates/…/news)."""

    limit = NEWS_LIMIT

    def items(self):
        since = timezone.now() - timedelta(days=NEWS_DAYS)
        articles = list(
            Article.objects.published()
            .filter(published_at__gte=since)
            .only("slug", "title", "published_at", "updated_at")
            .annotate(
                lastmod=Greatest("updated_at", "published_at"),
                # The template reads these from each item.
                publication_name=Value(settings.SITE_NAME),
                publication_language=Value(news_language()),
            )
            .order_by("-published_at", "-pk")[:NEWS_LIMIT]
        )
        # The template prints these as they are: rows stored before text was cleaned on
        # input must not make the XML invalid.
        for article in articles:
            article.title = text.clean_text(article.title)
            article.publication_name = text.clean_text(article.publication_name)
        return articles

    def lastmod(self, article):
        return article.lastmod


def news_language() -> str:
    """ISO 639 code, as Google News wants it (zh-cn and zh-tw for Chinese)."""
    language = (translation.get_language() or settings.LANGUAGE_CODE).lower()
    if language.startswith("zh"):
        return "zh-tw" if language in {"zh-tw", "zh-hant", "zh-hk"} else "zh-cn"
    return language.split("-")[0]

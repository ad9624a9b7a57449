"""The list of sections (menu, home page blocks), read on every page: kept in the cache."""

from django.core.cache import cache

from articles import related
from articles.models import Article, Section

CACHE_KEY = "articles:sections"
# Saves and deletions clear it (articles.signals); the timeout covers raw SQL edits.
CACHE_SECONDS = 3600


def all_sections() -> list[Section]:
    sections = cache.get(CACHE_KEY)
    if sections is None:
        sections = list(Section.objects.all())
        cache.set(CACHE_KEY, sections, CACHE_SECONDS)
    return sections


def invalidate() -> None:
    cache.delete(CACHE_KEY)


def latest_per_section(*, exclude_ids: list[int], per_section: int = 4) -> dict[int, list[int]]:
    """
    {section id: ids of its newest articles} for the home page's section blocks.

    One small indexed query per section, cached until an article changes (the same
    version as the related choices) and for at most a minute, so scheduled articles
    appear on their own.
    """
    key = f"articles:section-blocks:{related.cache_version()}:{','.join(map(str, exclude_ids))}"
    blocks = cache.get(key)
    if blocks is None:
        published = Article.objects.published().exclude(pk__in=exclude_ids)
        blocks = {
            section.pk: list(
                published.filter(section=section)
                .order_by("-published_at")
                .values_list("pk", flat=True)[:per_section]
            )
            for section in all_sections()
        }
        cache.set(key, blocks, 60)
    return blocks

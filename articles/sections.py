"""The list of sections (menu, home page blocks, search), read on every page: kept in the cache."""

from articles import cache
from articles.models import Article, Section


def all_sections() -> list[Section]:
    return cache.get_or_compute("sections", lambda: list(Section.objects.all()))


def latest_per_section(*, exclude_ids: list[int], per_section: int = 4) -> dict[int, list[int]]:
    """
    {section id: ids of its newest articles} for the home page's section blocks: one small
    indexed query per section, cached like everything else (articles.cache).
    """

    def compute():
        published = Article.objects.published().exclude(pk__in=exclude_ids)
        return {
            section.pk: list(
                published.filter(section=section)
                .order_by("-published_at")
                .values_list("pk", flat=True)[:per_section]
            )
            for section in all_sections()
        }

    return cache.get_or_compute(f"section-blocks:{','.join(map(str, exclude_ids))}", compute)

from datetime import datetime

from django import template
from django.utils import timezone

from articles import cache, sections
from articles.models import Image

register = template.Library()


@register.inclusion_tag("_section_menu.html")
def section_menu():
    # Passed uncalled: the template calls it only when its cached fragment is missing.
    return {"sections": sections.all_sections}


@register.simple_tag
def freshness(*names: str) -> cache.Freshness:
    """The key and timeout of a fragment showing content (and `names`: "comments")."""
    return cache.freshness(*names)


@register.inclusion_tag("articles/_picture.html")
def picture(image: Image | None, sizes: str = "100vw", loading: str = "lazy"):
    """A <picture>: WebP renditions with a JPEG fallback, sized to avoid layout shift."""
    if not image:
        return {"image": None}
    return {
        "image": image,
        "sizes": sizes,
        "loading": loading,
        "webp": image.srcset("webp"),
        "jpeg": image.srcset("jpeg"),
        "src": image.rendition_url("jpeg", 960),
    }


@register.filter
def datetime_attribute(moment: datetime | None) -> str:
    """A `<time datetime>` value: local time to the second, with its offset."""
    if not moment:
        return ""
    return timezone.localtime(moment).replace(microsecond=0).isoformat()

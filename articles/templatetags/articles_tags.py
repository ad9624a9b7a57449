from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from articles.models import Image
from articles.sections import all_sections

register = template.Library()


@register.inclusion_tag("_section_menu.html")
def section_menu():
    return {"sections": all_sections()}


@register.simple_tag
def picture(image: Image | None, sizes: str = "100vw", loading: str = "lazy"):
    """
    A responsive <picture>: WebP renditions with a JPEG fallback, sized to avoid layout shift.

    Built with format_html rather than a template: a front page draws dozens of them.
    """
    if image is None:
        return ""
    return format_html(
        '<picture><source type="image/webp" srcset="{}" sizes="{}">'
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}" loading="{}" '
        'decoding="async"{}></picture>',
        image.srcset("webp"),
        sizes,
        image.rendition_url("jpeg", 960),
        image.srcset("jpeg"),
        sizes,
        image.width,
        image.height,
        image.alt_text,
        loading,
        mark_safe(' fetchpriority="high"') if loading == "eager" else "",
    )


@register.filter
def rendition_url(image: Image, width: int = 1280) -> str:
    return image.rendition_url("jpeg", int(width))

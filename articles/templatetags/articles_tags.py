from django import template

from articles.models import Image, Section

register = template.Library()


@register.inclusion_tag("_section_menu.html")
def section_menu():
    return {"sections": Section.objects.only("name", "slug")}


@register.inclusion_tag("articles/_picture.html")
def picture(image: Image | None, sizes: str = "100vw", loading: str = "lazy"):
    """A responsive <picture>: WebP renditions with a JPEG fallback, sized to avoid layout shift."""
    if image is None:
        return {"image": None}
    return {
        "image": image,
        "sizes": sizes,
        "loading": loading,
        "webp_srcset": image.srcset("webp"),
        "jpeg_srcset": image.srcset("jpeg"),
        "fallback": image.rendition_url("jpeg", 960),
    }


@register.filter
def rendition_url(image: Image, width: int = 1280) -> str:
    return image.rendition_url("jpeg", int(width))

from django import template

from articles import cards
from articles.models import Image
from articles.sections import all_sections

register = template.Library()


@register.inclusion_tag("_section_menu.html")
def section_menu():
    return {"sections": all_sections()}


@register.simple_tag
def picture(image: Image | None, sizes: str = "100vw", loading: str = "lazy"):
    return cards.picture_html(image, sizes=sizes, loading=loading)


@register.simple_tag
def article_card(article, **options):
    """An article's card: picture, section, title, optional standfirst, byline."""
    return cards.card_html(article, **options)


@register.simple_tag
def byline(article):
    return cards.byline_html(article)


@register.filter
def rendition_url(image: Image, width: int = 1280) -> str:
    return image.rendition_url("jpeg", int(width))

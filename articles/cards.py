"""
The markup repeated on listings: article cards, bylines and responsive pictures.

A front page draws about forty cards; built with format_html they cost a fraction of a
template include each (bench/README.md has the figures), and every value is still escaped.
Pages use them through the tags in articles_tags.
"""

from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from articles.models import Article, Image

# How wide site.css draws a card's picture: a 6rem thumbnail on phones, then grid columns.
CARD_SIZES = "(min-width: 64rem) 22rem, (min-width: 40rem) 45vw, 6rem"


def picture_html(image: Image | None, *, sizes: str = "100vw", loading: str = "lazy") -> str:
    """A <picture>: WebP renditions with a JPEG fallback, sized to avoid layout shift."""
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


def byline_html(article: Article) -> SafeString:
    """ "by A, B and C" linking to the authors' pages, then the publication time."""
    authors = article.byline_authors
    names = format_html_join("", '{}<a rel="author" href="{}">{}</a>', byline_parts(authors))
    when = ""
    if article.published_at:
        local = timezone.localtime(article.published_at)
        when = format_html(
            '<time datetime="{}">{}</time>',
            local.isoformat(),
            f"{local.day} {local:%B %Y, %H:%M}",
        )
    return format_html('<p class="byline">{}{} {}</p>', "by " if authors else "", names, when)


def byline_parts(authors) -> list[tuple[str, str, str]]:
    parts = []
    for index, author in enumerate(authors):
        separator = "" if index == 0 else (" and " if index == len(authors) - 1 else ", ")
        parts.append((separator, author.get_absolute_url(), author.display_name))
    return parts


def card_html(
    article: Article,
    *,
    variant: str = "",
    level: int = 3,
    show_standfirst: bool = False,
    loading: str = "lazy",
    sizes: str = CARD_SIZES,
) -> SafeString:
    url = article.get_absolute_url()
    image = ""
    if article.featured_image_id:
        image = format_html(
            '<a class="card-image" href="{}" tabindex="-1" aria-hidden="true">{}</a>',
            url,
            picture_html(article.featured_image, sizes=sizes, loading=loading),
        )
    standfirst = ""
    if show_standfirst and article.standfirst:
        standfirst = format_html('<p class="card-standfirst">{}</p>', article.standfirst)
    return format_html(
        '<article class="card{}">{}<div class="card-text">'
        '<p class="kicker"><a href="{}">{}</a></p>'
        '<h{} class="card-title"><a href="{}">{}</a></h{}>{}{}</div></article>',
        f" card-{variant}" if variant else "",
        image,
        article.section.get_absolute_url(),
        article.section.name,
        int(level),
        url,
        article.title,
        int(level),
        standfirst,
        byline_html(article),
    )

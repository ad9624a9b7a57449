"""The public pages run a fixed number of SQL queries, whatever the amount of content."""

import pytest
from django.contrib.sites.models import Site

from articles import cache
from articles.models import RelatedPick, SeeAlso
from tests.factories import make_article, make_author, make_image, make_section, make_tag

pytestmark = pytest.mark.django_db

# Budgets (the issue allows at most 10). Pages are measured three ways: cold (an empty
# cache), warm (every fragment and cached read kept), and with the card fragments
# re-rendered while the cached reads stay warm, which is what a newly approved comment
# causes (it changes the counts on cards, not the content).
#
# Warm: what the page reads outside its cached fragments.
# Home: the page count.
HOME_QUERIES = 1
# Article: the article, its authors, its tags (the comments come from their own fragment).
ARTICLE_QUERIES = 3
# A changed comment list adds its counts and a page of comments.
COMMENTS_QUERIES_COLD = 2
# Section, tag or author: the owner and the page count.
LISTING_QUERIES = 2
# Re-rendered cards add the cards (comment counts in the same query) and their authors:
# on the home page twice (the latest articles, the section blocks), once elsewhere (the
# listing, or the article's related block).
HOME_QUERIES_REDRAWN = HOME_QUERIES + 4
ARTICLE_QUERIES_REDRAWN = ARTICLE_QUERIES + 2
LISTING_QUERIES_REDRAWN = LISTING_QUERIES + 2
# A cold cache adds: the section menu (1), the consent banner's groups and cookies (2) and
# its message (1), the next scheduled publication time (1)...
SITE_WIDE_QUERIES_COLD = 5
# ...and on an article, the related choices: picks, links, tag weights (the article count
# and the tags' counts), candidates, their sections and dates, their shared tags, the two
# "latest" fallbacks.
RELATED_QUERIES_COLD = 9


@pytest.fixture(autouse=True)
def _current_site(db):
    """The Sites record is read once per process (absolute URLs), not once per page."""
    Site.objects.get_current()


def rerender_cards():
    """What a newly approved comment does: the cards are drawn again, the reads stay."""
    cache.bump(cache.COMMENTS)


def populate(n_sections: int, n_articles: int):
    sections = [make_section() for _ in range(n_sections)]
    tags = [make_tag() for _ in range(n_articles)]
    authors = [make_author(photo=make_image()) for _ in range(3)]
    image = make_image()
    articles = [
        make_article(
            section=sections[i % n_sections],
            authors=authors[: 1 + i % 3],
            tags=tags[: 1 + i % 5],
            featured_image=image,
        )
        for i in range(n_articles)
    ]
    return sections, tags, authors, articles


@pytest.mark.parametrize("scale", [1, 3])
def test_home_page_query_count_is_fixed(client, scale, django_assert_num_queries):
    populate(n_sections=3 * scale, n_articles=15 * scale)
    client.get("/")  # warms the cached reads and fragments
    with django_assert_num_queries(HOME_QUERIES):
        assert client.get("/").status_code == 200
    rerender_cards()
    with django_assert_num_queries(HOME_QUERIES_REDRAWN):
        assert client.get("/").status_code == 200


def add_related_content(article, others, n_links: int, n_picks: int):
    for i, target in enumerate(others[:n_links]):
        SeeAlso.objects.create(article=article, target=target, after_paragraph=1 + i % 2)
    for i, target in enumerate(others[n_links : n_links + n_picks]):
        RelatedPick.objects.create(article=article, target=target, position=i)


@pytest.mark.parametrize(("scale", "links", "picks"), [(1, 0, 0), (4, 3, 4)])
def test_article_page_query_count_is_fixed(client, scale, links, picks, django_assert_num_queries):
    _, _, _, articles = populate(n_sections=2, n_articles=5 * scale)
    article, others = articles[-1], articles[:-1]
    add_related_content(article, others, links, picks)
    cold = (
        ARTICLE_QUERIES_REDRAWN
        + SITE_WIDE_QUERIES_COLD
        + RELATED_QUERIES_COLD
        + COMMENTS_QUERIES_COLD
    )
    with django_assert_num_queries(cold):
        assert client.get(article.get_absolute_url()).status_code == 200
    with django_assert_num_queries(ARTICLE_QUERIES):
        assert client.get(article.get_absolute_url()).status_code == 200
    rerender_cards()
    with django_assert_num_queries(ARTICLE_QUERIES_REDRAWN):
        assert client.get(article.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("kind", ["section", "tag", "author"])
def test_listing_pages_query_count_is_fixed(client, kind, django_assert_num_queries):
    sections, tags, authors, _ = populate(n_sections=2, n_articles=14)
    owner = {"section": sections[0], "tag": tags[0], "author": authors[0]}[kind]
    client.get(owner.get_absolute_url())  # warms the cached reads and fragments
    with django_assert_num_queries(LISTING_QUERIES):
        assert client.get(owner.get_absolute_url()).status_code == 200
    rerender_cards()
    with django_assert_num_queries(LISTING_QUERIES_REDRAWN):
        assert client.get(owner.get_absolute_url()).status_code == 200

"""The public pages run a fixed number of SQL queries, whatever the amount of content."""

import pytest

from articles.models import RelatedPick, SeeAlso
from tests.factories import make_article, make_author, make_image, make_section, make_tag

pytestmark = pytest.mark.django_db

# Budgets (the issue allows at most 10): menu, page count, articles, authors, section blocks...
HOME_QUERIES = 6
# The article page with its related choices cached (the usual case): menu, article, authors,
# tags, the related cards and their authors, the comment counts and a page of comments.
ARTICLE_QUERIES = 8
# When the related choices must be computed: picks, links, tag weights, candidates,
# their sections and dates, their shared tags, the two "latest" fallbacks.
ARTICLE_QUERIES_COLD = ARTICLE_QUERIES + 9
LISTING_QUERIES = 5
# The cookie groups behind the consent banner, on a cold cache only (then cached site-wide):
# the groups and their cookies.
CONSENT_QUERIES_COLD = 2


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
    with django_assert_num_queries(HOME_QUERIES + CONSENT_QUERIES_COLD):
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
    with django_assert_num_queries(ARTICLE_QUERIES_COLD + CONSENT_QUERIES_COLD):
        assert client.get(article.get_absolute_url()).status_code == 200
    with django_assert_num_queries(ARTICLE_QUERIES):
        assert client.get(article.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("kind", ["section", "tag", "author"])
def test_listing_pages_query_count_is_fixed(client, kind, django_assert_num_queries):
    sections, tags, authors, _ = populate(n_sections=2, n_articles=14)
    owner = {"section": sections[0], "tag": tags[0], "author": authors[0]}[kind]
    with django_assert_num_queries(LISTING_QUERIES + CONSENT_QUERIES_COLD):
        assert client.get(owner.get_absolute_url()).status_code == 200

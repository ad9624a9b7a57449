from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from comments.models import Comment
from tests.articles.test_queries import (
    ARTICLE_QUERIES,
    ARTICLE_QUERIES_REDRAWN,
    COMMENTS_QUERIES_COLD,
)
from tests.factories import make_article, make_comment


def article_with_comments(n_comments: int):
    article = make_article()
    make_article(section=article.section)  # something for "You may also like"
    threads = [make_comment(article=article) for _ in range(n_comments // 2)]
    for i in range(n_comments - len(threads)):
        make_comment(article=article, parent=threads[i % len(threads)])
    return article


@pytest.mark.django_db
@pytest.mark.parametrize("n_comments", [0, 10, 500])
def test_a_changed_comment_list_costs_two_queries_whatever_its_size(
    client, n_comments, django_assert_num_queries
):
    article = article_with_comments(n_comments)
    client.get(article.get_absolute_url())  # related choices cached, as usual
    make_comment(article=article)  # the list changed, and the counts on the related cards

    with django_assert_num_queries(ARTICLE_QUERIES_REDRAWN + COMMENTS_QUERIES_COLD):
        response = client.get(article.get_absolute_url())
    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("n_comments", [0, 500])
def test_an_unchanged_comment_list_costs_no_query(client, n_comments, django_assert_num_queries):
    article = article_with_comments(n_comments)
    client.get(article.get_absolute_url())

    with django_assert_num_queries(ARTICLE_QUERIES):
        response = client.get(article.get_absolute_url())
    assert response.status_code == 200


@pytest.mark.django_db
def test_the_authors_own_comments_cost_one_query(
    client, akismet, settings, django_assert_num_queries
):
    settings.COMMENTS_MODERATION = "hold_all"
    article = article_with_comments(10)
    client.post(
        reverse("comments:post", args=[article.pk]),
        {"author_name": "Ana", "author_email": "ana@example.com", "content": "Mine."},
    )
    client.get(article.get_absolute_url())

    with django_assert_num_queries(ARTICLE_QUERIES + 1):
        response = client.get(article.get_absolute_url())
    assert "Mine." in response.content.decode()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_fifty_concurrent_comments_are_fifty_rows(akismet, settings):
    # Ten posting threads share two cores with the loopback Akismet: give it the time a
    # real one gets, so what is measured is the concurrency of the posts, not a timeout
    # (an unanswered check holds the comment for the worker, tested in tests/tasks).
    settings.AKISMET_TIMEOUT = 5.0
    article = make_article()
    url = reverse("comments:post", args=[article.pk])

    def post(i: int) -> int:
        try:
            return (
                Client()
                .post(
                    url,
                    {
                        "author_name": f"Reader {i}",
                        "author_email": f"reader{i}@example.com",
                        "content": f"Concurrent comment {i}.",
                    },
                    REMOTE_ADDR=f"198.51.100.{i + 1}",
                )
                .status_code
            )
        finally:
            if connection.vendor == "postgresql":
                connection.close()  # each worker thread opened its own connection

    if connection.vendor == "postgresql":
        with ThreadPoolExecutor(max_workers=10) as pool:
            statuses = list(pool.map(post, range(50)))
    else:
        # SQLite's in-memory test database cannot take concurrent writers (table locks):
        # there the same fifty posts run one after another.
        statuses = [post(i) for i in range(50)]

    assert statuses == [302] * 50
    assert Comment.objects.filter(article=article).count() == 50
    assert Comment.objects.filter(status="approved").count() == 50

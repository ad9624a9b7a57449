"""
How many comments readers see on each article, stored on the article
(Article.comment_count): cards, the article page and anything else read it without
counting. This module is its only writer; comments.signals calls it whenever what readers
see of an article's comments may have changed, whoever made the change.
"""

from django.db import models, transaction

from articles.models import Article
from comments.models import Comment, count_per_article, visible_q


def recount(articles: models.QuerySet, comments: models.QuerySet | None = None) -> int:
    """
    Store the visible count of each of `articles` (one UPDATE); returns how many changed.

    `comments` is every comment (Comment.objects by default; a data migration passes its
    historical model's).
    """
    if comments is None:
        comments = Comment.objects.all()
    count = count_per_article(comments.filter(visible_q()))
    return articles.exclude(comment_count=count).update(comment_count=count)


def recount_article(article_id: int) -> bool:
    """
    Recount one article's visible comments; True if the count changed.

    The article's row is locked first, so the count is read after any other recount of
    the same article has committed: two comments approved at once are both counted.
    """
    with transaction.atomic(savepoint=False):
        articles = Article.objects.filter(pk=article_id)
        if not list(articles.select_for_update().values_list("pk", flat=True)):
            return False  # being deleted
        return recount(articles) > 0

"""
The comment count readers see: one number (Article.comment_count) on the cards of every
page and on the article's own page, counting only the comments they can read, kept right
through the cached fragments whoever changes a comment.
"""

from concurrent.futures import ThreadPoolExecutor
from importlib import import_module

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from articles import cache
from articles.models import Article
from comments import services
from comments.models import Comment
from tests.articles.html import by_class, parse, text
from tests.factories import make_article, make_comment, make_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    """An article with one published comment and a held one, a reply published under it."""
    section = make_section(name="Europe", slug="europe")
    article = make_article(title="Ministers meet", section=section)
    make_comment(article=article, content="Published at once.")
    held = make_comment(article=article, status="pending", content="Held for a moderator.")
    make_comment(article=article, parent=held, content="A reply under the held one.")
    # Another article whose related block shows the story's card.
    neighbour = make_article(title="Talks open", section=section, auto_see_also=False)
    return {"article": article, "held": held, "neighbour": neighbour, "section": section}


def card_count(client, url: str, title: str) -> str:
    """The comment count the card titled `title` shows on the page at `url` ("" for none)."""
    document = parse(client.get(url))
    for card in by_class(document, "card", tag="article"):
        if text(by_class(card, "card-title")[0]) == title:
            shown = by_class(card, "card-comments")
            return text(shown[0]) if shown else ""
    raise AssertionError(f"No card titled {title!r} on {url}")


def page_count(client, article) -> str:
    """The heading of the article's comments, as its page shows it."""
    (heading,) = parse(client.get(article.get_absolute_url())).xpath('//*[@id="comments-heading"]')
    return text(heading)


def counts_shown(client, story) -> dict[str, str]:
    article = story["article"]
    return {
        "home": card_count(client, "/", article.title),
        "section": card_count(client, story["section"].get_absolute_url(), article.title),
        "related": card_count(client, story["neighbour"].get_absolute_url(), article.title),
        "article page": page_count(client, article),
    }


def everywhere(count: str) -> dict[str, str]:
    return dict.fromkeys(["home", "section", "related", "article page"], count)


def comments_shown(client, article) -> list[str]:
    document = parse(client.get(article.get_absolute_url()))
    return [text(body) for body in by_class(document, "comment-body")]


def moderate(client, comment, decision: str):
    url = reverse("admin:comments_comment_moderate", args=[comment.pk, decision])
    response = client.post(url)
    assert response.status_code == 302, response.status_code
    return response


def test_a_reply_under_a_held_comment_is_counted_on_no_card_nor_on_its_page(client, story):
    assert counts_shown(client, story) == everywhere("1 comment")
    assert comments_shown(client, story["article"]) == ["Published at once."]


def test_approving_the_held_comment_counts_it_and_its_reply_everywhere(
    client, moderator_client, story
):
    assert counts_shown(client, story) == everywhere("1 comment")  # the fragments are cached

    moderate(moderator_client, story["held"], "approve")

    assert counts_shown(client, story) == everywhere("3 comments")
    assert comments_shown(client, story["article"]) == [
        "Published at once.",
        "Held for a moderator.",
        "A reply under the held one.",
    ]


def test_a_parent_marked_as_spam_takes_its_replies_out_of_every_count(
    client, moderator_client, story
):
    moderate(moderator_client, story["held"], "approve")
    assert counts_shown(client, story) == everywhere("3 comments")

    moderate(moderator_client, story["held"], "spam")

    assert counts_shown(client, story) == everywhere("1 comment")


def test_a_parent_held_after_readers_reports_takes_its_replies_out_of_every_count(
    client, story, settings
):
    settings.COMMENTS_REPORT_THRESHOLD = 1
    parent = make_comment(article=story["article"], content="Contested.")
    make_comment(article=story["article"], parent=parent, content="Answering it.")
    assert counts_shown(client, story) == everywhere("3 comments")

    response = client.post(
        reverse("comments:report", args=[parent.pk]), {"reason": "abuse", "details": ""}
    )

    assert response.status_code == 200
    assert counts_shown(client, story) == everywhere("1 comment")


def test_deleting_a_published_comment_uncounts_it_and_its_replies(client, moderator_client, story):
    parent = make_comment(article=story["article"], content="Soon deleted.")
    make_comment(article=story["article"], parent=parent, content="Deleted with it.")
    assert counts_shown(client, story) == everywhere("3 comments")

    moderate(moderator_client, parent, "delete")

    assert counts_shown(client, story) == everywhere("1 comment")


def test_a_held_comment_arriving_changes_no_count_and_redraws_no_card(client, story):
    assert counts_shown(client, story) == everywhere("1 comment")
    cards = cache.version(cache.COMMENTS)

    make_comment(article=story["article"], status="pending", content="Waiting.")

    # Every card of the site is drawn again only when a count changed.
    assert cache.version(cache.COMMENTS) == cards
    assert counts_shown(client, story) == everywhere("1 comment")


def test_an_editors_save_keeps_the_comments_posted_while_they_edited(client, story):
    article = story["article"]
    edited = Article.objects.get(pk=article.pk)  # the editor's copy: 1 comment
    make_comment(article=article, content="Posted while the editor was typing.")

    edited.title = "Ministers meet again"
    edited.save()

    article.refresh_from_db()
    assert article.title == "Ministers meet again"
    assert article.comment_count == 2
    assert page_count(client, article) == "2 comments"


def test_the_data_migration_counts_the_comments_already_stored(story):
    # As the rows were before the migration: comments stored, nothing counted.
    Article.objects.update(comment_count=0)
    migration = import_module("comments.migrations.0004_article_comment_counts")
    historical = MigrationExecutor(connection).loader.project_state(
        ("comments", "0004_article_comment_counts")
    )

    migration.count(historical.apps, connection.schema_editor())

    counted = dict(Article.objects.values_list("title", "comment_count"))
    assert counted == {"Ministers meet": 1, "Talks open": 0}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_comments_approved_at_the_same_time_are_all_counted(moderator):
    article = make_article()
    held = [make_comment(article=article, status="pending") for _ in range(20)]

    def approve(comment: Comment) -> None:
        try:
            services.moderate_comment(comment=comment, action="approve", moderator=moderator)
        finally:
            if connection.vendor == "postgresql":
                connection.close()  # each worker thread opened its own connection

    if connection.vendor == "postgresql":
        with ThreadPoolExecutor(max_workers=10) as pool:
            list(pool.map(approve, held))
    else:
        # SQLite's in-memory test database takes one writer at a time.
        for comment in held:
            approve(comment)

    article.refresh_from_db()
    assert article.comment_count == 20

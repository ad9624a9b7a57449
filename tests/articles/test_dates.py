"""Dates read as a British reader writes them ("1 December 2026"), in the site's time zone."""

from datetime import UTC, datetime

import pytest

from tests.articles.html import by_class, parse, text
from tests.factories import make_article, make_comment

pytestmark = pytest.mark.django_db

PUBLISHED = datetime(2026, 12, 1, 9, 5, tzinfo=UTC)
COMMENTED = datetime(2026, 12, 1, 18, 40, tzinfo=UTC)
UPDATED = datetime(2026, 12, 2, 16, 30, tzinfo=UTC)


@pytest.fixture
def story(time_machine):
    time_machine.move_to(PUBLISHED, tick=False)
    article = make_article(title="Ministers meet", published_at=PUBLISHED)
    time_machine.move_to(COMMENTED, tick=False)
    make_comment(article=article, content="A fair summary.")
    time_machine.move_to(UPDATED, tick=False)
    article.standfirst = "Corrected: the talks continue in Tallinn."
    article.save()
    return article


def test_the_article_page_dates_its_byline_update_and_comments_in_british_english(client, story):
    document = parse(client.get(story.get_absolute_url()))

    (header,) = by_class(document, "article-header")
    assert text(by_class(header, "byline")[0]).endswith("1 December 2026, 09:05")
    assert text(by_class(header, "updated")[0]) == "Updated 2 December 2026, 16:30"
    assert [text(date) for date in by_class(document, "comment-date")] == ["1 December 2026, 18:40"]
    assert text(by_class(document, "masthead-date")[0]) == "Wednesday 2 December 2026"


def test_cards_date_their_articles_in_british_english(client, story):
    document = parse(client.get("/"))

    (card,) = by_class(document, "card", tag="article")
    assert text(by_class(card, "byline")[0]).endswith("1 December 2026, 09:05")


def test_summer_times_are_london_time(client, time_machine):
    noon_utc = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)
    time_machine.move_to(noon_utc, tick=False)
    article = make_article(published_at=noon_utc)

    document = parse(client.get(article.get_absolute_url()))

    (header,) = by_class(document, "article-header")
    assert text(by_class(header, "byline")[0]).endswith("1 July 2026, 13:00")  # BST

"""Cached fragments: what readers see stays right, whoever changed it and whenever."""

import json
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from articles.models import RelatedPick
from tests.articles.html import by_class, card_titles, parse, text
from tests.factories import make_article, make_author, make_comment, make_section, make_tag

pytestmark = pytest.mark.django_db


@pytest.fixture
def scheduled(time_machine):
    """A world of published articles, and one scheduled to go live in two hours."""
    time_machine.move_to(timezone.now(), tick=False)
    section = make_section(name="World", slug="world")
    tag = make_tag(name="Diplomacy", slug="diplomacy")
    author = make_author(display_name="Anna Lindqvist", slug="anna")
    neighbour = make_article(
        section=section, tags=[tag], authors=[author], title="Talks open", auto_see_also=False
    )
    goes_live = timezone.now() + timedelta(hours=2)
    article = make_article(
        section=section, tags=[tag], authors=[author], title="Treaty signed", published_at=goes_live
    )
    return neighbour, article


PAGES = {
    "home": lambda neighbour: "/",
    "section": lambda neighbour: "/section/world/",
    "tag": lambda neighbour: "/tag/diplomacy/",
    "author": lambda neighbour: "/author/anna/",
    "related block": lambda neighbour: neighbour.get_absolute_url(),
}


@pytest.mark.parametrize("shown_on", PAGES)
def test_scheduled_article_appears_in_cached_fragments_at_its_time(
    client, time_machine, scheduled, shown_on
):
    neighbour, article = scheduled
    url = PAGES[shown_on](neighbour)
    assert "Treaty signed" not in card_titles(client, url)
    assert "Treaty signed" not in card_titles(client, url)  # served from the cache

    time_machine.move_to(article.published_at + timedelta(seconds=1), tick=False)

    assert "Treaty signed" in card_titles(client, url)


def test_a_saved_edit_shows_at_once(client):
    article = make_article(title="First headline")
    assert card_titles(client, "/") == ["First headline"]

    article.title = "Corrected headline"
    article.save()

    assert card_titles(client, "/") == ["Corrected headline"]


def test_a_byline_change_shows_on_cached_cards(client):
    article = make_article(authors=[make_author(display_name="Anna Lindqvist")])
    client.get("/")

    article.authors.add(make_author(display_name="Ben Costa"))

    (byline,) = by_class(parse(client.get("/")), "byline", tag="p")[:1]
    assert text(byline).startswith("by Anna Lindqvist and Ben Costa ")


def test_loaded_fixtures_show_at_once(client, tmp_path):
    """loaddata saves rows without our code: the signals make the cache follow."""
    article = make_article(title="Before the load")
    assert card_titles(client, "/") == ["Before the load"]
    fixture = tmp_path / "article.json"
    call_command("dumpdata", "articles.article", f"--pks={article.pk}", output=str(fixture))
    rows = json.loads(fixture.read_text())
    rows[0]["fields"]["title"] = "Loaded from a fixture"
    fixture.write_text(json.dumps(rows))

    call_command("loaddata", str(fixture), verbosity=0)

    assert card_titles(client, "/") == ["Loaded from a fixture"]


def test_an_editors_pick_shows_in_the_cached_related_block(client, settings):
    settings.NEWSROOM_RELATED_COUNT = 1
    world = make_section()
    article = make_article(title="Main story", section=world, auto_see_also=False)
    pick = make_article(
        title="Picked by the editor", published_at=timezone.now() - timedelta(days=2)
    )
    make_article(title="Latest in the section", section=world)
    assert card_titles(client, article.get_absolute_url()) == ["Latest in the section"]

    RelatedPick.objects.create(article=article, target=pick)

    assert card_titles(client, article.get_absolute_url()) == ["Picked by the editor"]


# Comment counts on cards -------------------------------------------------------------------


def comment_counts(client, url: str = "/") -> dict[str, str]:
    """{card title: the comment count it shows} for every card of the page."""
    counts = {}
    for card in by_class(parse(client.get(url)), "card", tag="article"):
        shown = by_class(card, "card-comments")
        counts[text(by_class(card, "card-title")[0])] = text(shown[0]) if shown else ""
    return counts


def test_cards_show_how_many_comments_readers_can_see(client):
    talked_about = make_article(title="Talked about")
    make_article(title="Quiet")
    make_comment(article=talked_about)
    make_comment(article=talked_about)
    make_comment(article=talked_about, status="pending")
    make_comment(article=talked_about, status="spam")

    assert comment_counts(client) == {"Talked about": "2 comments", "Quiet": ""}


def test_a_newly_approved_comment_is_counted_on_cached_cards(client):
    article = make_article(title="Talked about")
    make_comment(article=article)
    held = make_comment(article=article, status="pending")
    assert comment_counts(client) == {"Talked about": "1 comment"}

    held.status = "approved"
    held.save()

    assert comment_counts(client) == {"Talked about": "2 comments"}


def test_the_count_on_a_card_links_to_the_comments(client):
    article = make_article(title="Talked about")
    make_comment(article=article)
    (link,) = by_class(parse(client.get("/")), "card-comments")[0].xpath(".//a")
    assert link.get("href") == f"{article.get_absolute_url()}#comments"

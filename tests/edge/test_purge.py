"""
Purges: every change a reader could see sends the keys of the pages that show it to the cache
in front (here a loopback server speaking its PURGE protocol), from the task worker after the
commit, retried when the cache cannot be reached, and never in the editor's way.
"""

import logging
from datetime import timedelta

import pytest
from django.tasks import TaskResultStatus
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from articles.models import Article
from comments import services as comment_services
from comments.models import Comment
from edge import purge, services
from tests.factories import make_article, make_comment, make_section, make_tag
from tests.worker import run_worker

# The worker runs as in production, committing its work (so not in a test transaction).
pytestmark = pytest.mark.django_db(transaction=True)

LISTINGS = {"home", "feeds", "sitemaps", "search"}


@pytest.fixture
def purges(purge_server):
    """What the cache is told because of an action, once the worker has run what it queued."""

    class Recorder:
        server = purge_server

        def during(self, action):
            run_worker()  # what the test's own setting up asked for
            purge_server.purges.clear()
            action()
            run_worker()
            return purge_server.keys

    return Recorder()


@pytest.fixture
def story(section):
    tag = make_tag(name="Ports", slug="ports")
    return make_article(section=section, title="Harbour reopens", slug="harbour", tags=[tag])


def keys_of(article):
    return {
        f"article-{article.pk}",
        f"section-{article.section_id}",
        *(f"tag-{tag.pk}" for tag in article.tags.all()),
        *(f"author-{author.pk}" for author in article.authors.all()),
        *LISTINGS,
    }


@pytest.fixture
def editor_form(journalist):
    def form(article, **overrides):
        published = timezone.localtime(article.published_at)
        return {
            "title": article.title,
            "slug": article.slug,
            "standfirst": article.standfirst,
            "body": article.body,
            "authors": [author.pk for author in article.authors.all()],
            "section": article.section_id,
            "tags": [tag.pk for tag in article.tags.all()],
            "status": article.status,
            "published_at_0": published.strftime("%Y-%m-%d"),
            "published_at_1": published.strftime("%H:%M:%S"),
            "comments_open": "on",
            "auto_see_also": "on",
            "see_also_links-TOTAL_FORMS": "0",
            "see_also_links-INITIAL_FORMS": "0",
            "related_picks-TOTAL_FORMS": "0",
            "related_picks-INITIAL_FORMS": "0",
            "slug_redirects-TOTAL_FORMS": "0",
            "slug_redirects-INITIAL_FORMS": "0",
        } | overrides

    return form


def test_an_edit_in_the_admin_purges_the_article_and_every_page_listing_it(
    purges, story, journalist_client, editor_form
):
    url = reverse("admin:articles_article_change", args=[story.pk])

    def edit():
        response = journalist_client.post(url, editor_form(story, title="Harbour reopens today"))
        assert response.status_code == 302

    assert purges.during(edit) == keys_of(story)


def test_moving_an_article_purges_the_section_and_tag_it_left(purges, story):
    old_section, old_tag = story.section, story.tags.get()
    new_section, new_tag = make_section(name="Business"), make_tag(name="Trade")

    def move():
        story.section = new_section
        story.save()
        story.tags.set([new_tag])

    purged = purges.during(move)
    assert {f"section-{old_section.pk}", f"section-{new_section.pk}"} <= purged
    assert {f"tag-{old_tag.pk}", f"tag-{new_tag.pk}", f"article-{story.pk}"} <= purged


def test_unpublishing_purges_the_pages_that_showed_it(purges, story):
    def unpublish():
        story.status = Article.Status.DRAFT
        story.save()

    assert purges.during(unpublish) == keys_of(story)


def test_editing_a_draft_purges_nothing(purges, section):
    draft = make_article(section=section, status=Article.Status.DRAFT, published_at=None)

    def edit():
        draft.title = "Still a draft"
        draft.save()

    assert purges.during(edit) == set()


def test_deleting_an_article_purges_its_pages(purges, story):
    expected = keys_of(story)
    assert purges.during(story.delete) == expected


def test_renaming_a_tag_purges_its_page_and_its_articles(purges, story):
    tag = story.tags.get()

    def rename():
        tag.name = "Harbours"
        tag.save()

    assert purges.during(rename) == {f"tag-{tag.pk}", f"article-{story.pk}", *LISTINGS}


def test_renaming_a_section_purges_every_page(purges, story):
    section = story.section

    def rename():
        section.name = "World"
        section.save()

    # The section menu is on every page.
    assert purges.during(rename) == {"site"}


def test_an_author_edit_purges_their_page_and_their_articles(purges, story):
    author = story.authors.get()

    def edit():
        author.display_name = "J. Reporter"
        author.save()

    assert purges.during(edit) == {f"author-{author.pk}", f"article-{story.pk}", *LISTINGS}


def card_pages(article) -> set[str]:
    """The article's page and the pages listing its card, which shows its comment count."""
    return {
        f"article-{article.pk}",
        f"section-{article.section_id}",
        *(f"tag-{tag.pk}" for tag in article.tags.all()),
        *(f"author-{author.pk}" for author in article.authors.all()),
        *LISTINGS,
    }


def test_a_moderator_publishing_a_comment_purges_its_article_and_its_cards(
    purges, story, moderator
):
    comment = make_comment(article=story, status=Comment.Status.PENDING)

    def approve():
        comment_services.moderate_comment(comment=comment, action="approve", moderator=moderator)

    assert purges.during(approve) == card_pages(story)


def test_removing_a_published_comment_purges_its_article_and_its_cards(purges, story, moderator):
    comment = make_comment(article=story)

    def remove():
        comment_services.moderate_comment(comment=comment, action="spam", moderator=moderator)

    assert purges.during(remove) == card_pages(story)


def test_a_held_comment_purges_nothing(purges, story, akismet, settings):
    settings.COMMENTS_MODERATION = "hold_all"

    def submit():
        comment_services.submit_comment(
            article=story,
            author_name="Ana",
            author_email="ana@example.com",
            author_url="",
            content="Held for a moderator.",
            parent=None,
            context=comment_services.RequestContext(
                ip_address="198.51.100.4", user_agent="Firefox", referrer="", user=None
            ),
        )

    assert purges.during(submit) == set()
    assert Comment.objects.get().status == Comment.Status.PENDING


def test_a_change_of_the_cookie_policy_purges_every_page(purges):
    from cookie_consent.models import CookieGroup

    group = CookieGroup.objects.get(varname="analytics")

    def edit():
        group.description = "Counting visits."
        group.save()

    assert purges.during(edit) == {"site"}


def test_nothing_is_sent_for_a_rolled_back_edit(purges, story):
    from django.db import transaction

    def edit_and_fail():
        with pytest.raises(RuntimeError), transaction.atomic():
            story.title = "Never saved"
            story.save()
            raise RuntimeError

    assert purges.during(edit_and_fail) == set()
    assert not DBTaskResult.objects.filter(task_path="edge.tasks.purge_keys").exclude(
        status=TaskResultStatus.SUCCESSFUL
    )


def test_without_a_purge_url_nothing_is_sent(purge_server, settings, story, purges):
    settings.NEWSROOM_PURGE_URL = ""

    def edit():
        story.title = "Quiet edit"
        story.save()

    assert purges.during(edit) == set()


def test_a_scheduled_article_is_purged_by_the_worker_when_it_goes_live(
    purges, section, time_machine
):
    time_machine.move_to(timezone.now(), tick=False)
    at = timezone.now() + timedelta(hours=2)

    def schedule():
        make_article(section=section, title="Embargoed", published_at=at)

    purges.during(schedule)

    purges.server.purges.clear()
    time_machine.move_to(at - timedelta(seconds=1))
    run_worker()
    assert purges.server.purges == []
    time_machine.move_to(at)
    run_worker()
    article = Article.objects.get(title="Embargoed")
    assert {f"article-{article.pk}", f"section-{section.pk}", *LISTINGS} <= purges.server.keys


# Failures ---------------------------------------------------------------------------------


def test_a_failed_purge_is_tried_again_a_few_seconds_later(purges, story, caplog, time_machine):
    time_machine.move_to(timezone.now(), tick=False)

    def edit_while_the_cache_is_down():
        purges.server.failures_left = 1
        story.title = "Second try"
        story.save()

    with caplog.at_level(logging.WARNING, logger="edge.services"):
        refused = purges.during(edit_while_the_cache_is_down)
    assert refused == keys_of(story)
    assert "retrying" in caplog.text

    time_machine.shift(services.RETRY_DELAYS[0] - timedelta(seconds=1))
    run_worker()
    assert len(purges.server.purges) == 1
    time_machine.shift(timedelta(seconds=1))
    run_worker()
    assert len(purges.server.purges) == 2
    assert set(purges.server.purges[1]) == keys_of(story)


def test_an_unreachable_cache_never_fails_the_editors_save(
    purges, story, journalist_client, editor_form, caplog, time_machine
):
    time_machine.move_to(timezone.now(), tick=False)
    url = reverse("admin:articles_article_change", args=[story.pk])

    def save_while_the_cache_is_unreachable():
        purges.server.failures_left = 100
        response = journalist_client.post(url, editor_form(story, title="Saved anyway"))
        assert response.status_code == 302

    with caplog.at_level(logging.WARNING):
        purges.during(save_while_the_cache_is_unreachable)
        for delay in services.RETRY_DELAYS:
            time_machine.shift(delay)
            run_worker()

    assert Article.objects.get(pk=story.pk).title == "Saved anyway"
    assert len(purges.server.purges) == services.ATTEMPTS
    assert "giving up" in caplog.text
    # Operators find it among the failed tasks; the page's lifetime brings the edit in.
    failed = DBTaskResult.objects.get(status=TaskResultStatus.FAILED)
    assert failed.task_path == "edge.tasks.purge_keys"


# Backends ---------------------------------------------------------------------------------


def test_varnish_purges_are_sent_in_batches_small_enough_for_its_headers(purge_server):
    keys = [f"article-{n}" for n in range(450)]
    purge.get_backend().purge(keys)
    assert [len(batch) for batch in purge_server.purges] == [200, 200, 50]


def test_an_unreachable_cache_is_a_purge_failure(settings):
    settings.NEWSROOM_PURGE_URL = "http://127.0.0.1:9/"
    with pytest.raises(purge.PurgeFailed, match="could not be reached"):
        purge.get_backend().purge(["home"])


class RecordingCDN(purge.PurgeBackend):
    """A CDN backend as a deployment would write one (docs/deployment.md)."""

    purged: list = []

    def purge(self, keys):
        self.purged.append((self.url, keys))


def test_another_backend_can_be_named_in_the_settings(settings):
    settings.NEWSROOM_PURGE_URL = "https://api.cdn.example/service/abc"
    settings.NEWSROOM_PURGE_BACKEND = "tests.edge.test_purge.RecordingCDN"
    purge.get_backend().purge(["home"])
    assert RecordingCDN.purged == [("https://api.cdn.example/service/abc", ["home"])]


def test_without_a_url_the_backend_does_nothing(settings):
    settings.NEWSROOM_PURGE_URL = ""
    assert isinstance(purge.get_backend(), purge.NoPurge)

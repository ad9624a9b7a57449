"""
Consent changes that every page shows (the banner, its wording, the snippets) purge the
whole site from the cache, including those made by queryset updates that send no signal.
The purges go to the loopback purge endpoint, sent by the real task worker.
"""

import pytest
from cookie_consent.models import CookieGroup
from django.urls import reverse

from consent import services
from consent.models import BannerText, Snippet
from tests.worker import run_worker

pytestmark = pytest.mark.django_db(transaction=True)


def purged_by(purge_server, action) -> set[str]:
    """The keys the cache is told to drop after `action`, once the worker has run."""
    purge_server.purges.clear()
    action()
    run_worker()
    return purge_server.keys


@pytest.fixture
def snippet(db):
    snippet = Snippet.objects.create(
        name="Analytics",
        cookie_group=CookieGroup.objects.get(varname="analytics"),
        code="<script>window.counted = true;</script>",
    )
    run_worker()  # its own purge, sent before the test's
    return snippet


def test_asking_visitors_again_purges_every_page(purge_server, admin_client):
    # A site administrator's action (Cookie groups » Ask visitors again).
    functional = CookieGroup.objects.get(varname="functional")

    def ask_again():
        response = admin_client.post(
            reverse("admin:cookie_consent_cookiegroup_changelist"),
            {"action": "ask_again", "_selected_action": [functional.pk]},
            follow=True,
        )
        assert "Visitors will be asked again about: Functional." in response.content.decode()

    assert purged_by(purge_server, ask_again) == {"site"}


def test_a_group_without_cookies_asks_nothing_and_purges_nothing(purge_server):
    empty = CookieGroup.objects.create(varname="video", name="Video")
    run_worker()  # the new group's own purge
    assert purged_by(purge_server, lambda: services.ask_again(empty)) == set()


def test_new_banner_wording_purges_every_page(purge_server, admin_client):
    def edit():
        response = admin_client.post(
            reverse("admin:consent_bannertext_change", args=[BannerText.SINGLETON_PK]),
            {"message": "We set optional cookies only if you say yes."},
        )
        assert response.status_code == 302

    assert purged_by(purge_server, edit) == {"site"}
    assert BannerText.objects.message() == "We set optional cookies only if you say yes."


def test_a_new_snippet_purges_every_page(purge_server):
    def add():
        Snippet.objects.create(
            name="Heatmap",
            cookie_group=CookieGroup.objects.get(varname="analytics"),
            code="<script>window.heat = 1;</script>",
        )

    assert purged_by(purge_server, add) == {"site"}


def test_an_edited_snippet_purges_every_page(purge_server, snippet):
    def edit():
        snippet.code = "<script>window.counted = 2;</script>"
        snippet.save()

    assert purged_by(purge_server, edit) == {"site"}


def test_a_deleted_snippet_purges_every_page(purge_server, snippet):
    assert purged_by(purge_server, snippet.delete) == {"site"}

"""Third-party snippets: on the page only for visitors who accepted their cookie group."""

import re

import pytest
from cookie_consent.models import CookieGroup
from django.test import RequestFactory
from django.urls import reverse

from consent import snippets
from consent.models import Snippet

pytestmark = pytest.mark.django_db

CODE = "<script>window.measured = true;</script>"


@pytest.fixture
def snippet(db):
    return Snippet.objects.create(
        name="Matomo",
        cookie_group=CookieGroup.objects.get(varname="analytics"),
        position=Snippet.Position.BODY_END,
        code=CODE,
    )


def nonce_of(response) -> str:
    return re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"])[1]


def test_no_snippet_before_a_choice(client, snippet):
    assert "window.measured" not in client.get("/").content.decode()


def test_the_snippet_appears_once_its_group_is_accepted(client, accept, snippet):
    accept(client, "analytics")

    response = client.get("/")

    html = response.content.decode()
    # With the request's nonce, so the strict policy lets it run; at the end of the body.
    assert f'<script nonce="{nonce_of(response)}">window.measured = true;</script>' in html
    assert html.index("window.measured") > html.index('class="site-footer"')


def test_accepting_another_group_is_not_enough(client, accept, snippet):
    accept(client, "functional")
    assert "window.measured" not in client.get("/").content.decode()


def test_a_declined_group_shows_no_snippet(client, accept, decline, snippet):
    accept(client, "analytics")
    decline(client, "analytics")
    assert "window.measured" not in client.get("/").content.decode()


def test_gpc_keeps_analytics_snippets_off(client, accept, snippet):
    accept(client, "analytics")
    assert "window.measured" not in client.get("/", headers={"Sec-GPC": "1"}).content.decode()


def test_head_snippets_go_in_the_head(client, accept, snippet):
    snippet.position = Snippet.Position.HEAD
    snippet.code = '<script src="/static/js/analytics.js" defer></script>'
    snippet.save()
    accept(client, "analytics")

    response = client.get("/")

    html = response.content.decode()
    tag = f'<script nonce="{nonce_of(response)}" src="/static/js/analytics.js" defer></script>'
    assert html.index(tag) < html.index("</head>")


def test_disabled_snippets_are_not_rendered(client, accept, snippet):
    snippet.enabled = False
    snippet.save()
    accept(client, "analytics")
    assert "window.measured" not in client.get("/").content.decode()


def test_changes_in_the_admin_show_at_once(client, accept, snippet):
    accept(client, "analytics")
    client.get("/")  # the snippets are cached now

    snippet.code = "<script>window.measured = 2;</script>"
    snippet.save()
    assert "window.measured = 2;" in client.get("/").content.decode()

    Snippet.objects.all().delete()
    assert "window.measured" not in client.get("/").content.decode()


def test_visitors_without_a_choice_cost_no_query(snippet, django_assert_num_queries):
    request = RequestFactory().get("/")
    with django_assert_num_queries(0):
        assert snippets.snippets_for(request, "body_end", "n0nce") == ""


def test_only_administrators_may_edit_snippets(admin_client, journalist_client):
    add = reverse("admin:consent_snippet_add")
    assert admin_client.get(add).status_code == 200
    assert journalist_client.get(add).status_code == 403


def test_a_snippet_cannot_be_bound_to_the_strictly_necessary_group(admin_client):
    html = admin_client.get(reverse("admin:consent_snippet_add")).content.decode()
    assert ">Analytics</option>" in html
    assert ">Strictly necessary</option>" not in html

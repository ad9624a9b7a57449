"""Third-party snippets: on the page only for visitors who accepted their cookie group."""

import base64
import hashlib
import re

import lxml.html
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


def script_sources(response) -> list[str]:
    policy = response["Content-Security-Policy"]
    return re.search(r"(?:^|; )script-src ([^;]+)", policy)[1].split()


def style_sources(response) -> list[str]:
    policy = response["Content-Security-Policy"]
    return re.search(r"(?:^|; )style-src ([^;]+)", policy)[1].split()


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_no_snippet_before_a_choice(client, snippet):
    assert "window.measured" not in client.get("/").content.decode()


def test_the_snippet_appears_once_its_group_is_accepted(client, accept, snippet):
    accept(client, "analytics")

    response = client.get("/")

    html = response.content.decode()
    # As written, at the end of the body; the policy allows exactly that code by its hash.
    assert CODE in html
    assert html.index("window.measured") > html.index('class="site-footer"')
    assert script_sources(response) == ["'self'", sha256("window.measured = true;")]


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
    tag = '<script src="/static/js/analytics.js" defer></script>'
    assert html.index(tag) < html.index("</head>")
    # From our own origin: allowed by 'self', no hash needed.
    assert script_sources(response) == ["'self'"]


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
        assert snippets.snippets_for(request, "body_end") == ""


def test_only_administrators_may_edit_snippets(admin_client, journalist_client):
    add = reverse("admin:consent_snippet_add")
    assert admin_client.get(add).status_code == 200
    assert journalist_client.get(add).status_code == 403


def test_a_snippet_cannot_be_bound_to_the_strictly_necessary_group(admin_client):
    html = admin_client.get(reverse("admin:consent_snippet_add")).content.decode()
    assert ">Analytics</option>" in html
    assert ">Strictly necessary</option>" not in html


# Content-Security-Policy: inline code allowed by its hash, never by a nonce ----------------


def test_a_page_with_a_snippet_carries_no_nonce_and_no_unsafe_inline(client, accept, snippet):
    accept(client, "analytics")

    response = client.get("/")

    policy = response["Content-Security-Policy"]
    assert "nonce" not in policy
    assert "nonce=" not in response.content.decode()
    assert "unsafe-inline" not in policy


def test_an_inline_style_is_allowed_by_its_hash_too(client, accept, snippet):
    snippet.code = "<style>.measured { color: red; }</style>\n<script>window.measured = 1;</script>"
    snippet.save()
    accept(client, "analytics")

    response = client.get("/")

    assert style_sources(response) == ["'self'", sha256(".measured { color: red; }")]
    assert script_sources(response) == ["'self'", sha256("window.measured = 1;")]


def test_code_typed_in_the_admin_is_hashed_as_the_browser_reads_it(client, accept, snippet):
    # The admin's textarea sends CR LF line ends; browsers hash the script with LF.
    snippet.code = "<script>\r\nwindow.measured = true;\r\n</script>"
    snippet.save()
    accept(client, "analytics")

    assert sha256("\nwindow.measured = true;\n") in script_sources(client.get("/"))


def test_every_snippet_on_the_page_is_allowed_and_no_other(client, accept, snippet):
    Snippet.objects.create(
        name="Heatmap",
        cookie_group=CookieGroup.objects.get(varname="analytics"),
        position=Snippet.Position.HEAD,
        code="<script>window.heat = 1;</script>",
    )
    Snippet.objects.create(
        name="Chat",
        cookie_group=CookieGroup.objects.get(varname="functional"),
        code="<script>window.chat = 1;</script>",
    )
    accept(client, "analytics")

    sources = script_sources(client.get("/"))

    assert sources == ["'self'", sha256("window.heat = 1;"), sha256("window.measured = true;")]


def test_without_consent_the_policy_allows_no_inline_code(client, decline, snippet):
    decline(client, "analytics")
    assert script_sources(client.get("/")) == ["'self'"]


def test_an_edited_snippet_is_allowed_by_its_new_hash_at_once(client, accept, snippet):
    accept(client, "analytics")
    client.get("/")  # the snippets are cached now

    snippet.code = "<script>window.measured = 2;</script>"
    snippet.save()

    assert script_sources(client.get("/")) == ["'self'", sha256("window.measured = 2;")]


def test_the_admin_shows_what_the_policy_allows(admin_client, snippet):
    response = admin_client.get(reverse("admin:consent_snippet_change", args=[snippet.pk]))
    [field] = lxml.html.fromstring(response.content).find_class("field-allowed_by_hash")
    shown = " ".join(field.text_content().split())
    allowed = sha256("window.measured = true;")
    assert shown == f"Allowed by the Content-Security-Policy as: {allowed}"

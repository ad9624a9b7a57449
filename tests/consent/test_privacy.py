"""The Privacy & Cookies Policy and the cookie settings page: written from what the site does."""

import pytest
from cookie_consent.models import Cookie, CookieGroup
from django.contrib.flatpages.models import FlatPage
from django.test import Client
from django.utils.html import escape

from tests.factories import make_article

pytestmark = pytest.mark.django_db


def privacy(client) -> str:
    response = client.get("/privacy/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_migration_creates_the_three_groups():
    groups = {group.varname: group for group in CookieGroup.objects.all()}

    assert list(groups) == ["necessary", "functional", "analytics"]
    assert groups["necessary"].is_required
    assert not groups["necessary"].is_deletable
    assert set(groups["necessary"].cookie_set.values_list("name", flat=True)) == {
        "csrftoken",
        "sessionid",
        "cookie_consent",
        "messages",
        "comments_posted",
    }
    assert list(groups["functional"].cookie_set.values_list("name", flat=True)) == [
        "comment_author"
    ]
    assert not groups["analytics"].is_required


def test_the_policy_lists_every_group_and_cookie_from_the_models(client):
    html = privacy(client)

    for group in CookieGroup.objects.all():
        assert escape(group.name) in html
        assert escape(group.description) in html
    for cookie in Cookie.objects.all():
        assert f"<code>{cookie.name}</code>" in html
        assert escape(cookie.description) in html
    assert "Strictly necessary (always on)" in html


def test_a_cookie_added_in_the_admin_is_in_the_policy_at_once(client):
    privacy(client)
    CookieGroup.objects.get(varname="analytics").cookie_set.create(
        name="_pk_ref", description="Matomo: the site you came from."
    )

    html = privacy(client)

    assert "<code>_pk_ref</code>" in html
    assert "Matomo: the site you came from." in html


def test_what_a_first_visit_sets_is_listed_as_strictly_necessary():
    article = make_article()
    listed = set(
        CookieGroup.objects.get(varname="necessary").cookie_set.values_list("name", flat=True)
    )
    for url in ("/", article.get_absolute_url(), "/privacy/", "/cookies/"):
        assert set(Client().get(url).cookies) <= listed, url


def test_the_comment_data_section_states_the_retention_setting(client, settings):
    settings.COMMENTS_IP_RETENTION_DAYS = 14

    html = privacy(client)

    assert html.count('id="comment-data"') == 1
    section = html[html.index('id="comment-data"') :]
    assert "sent to Akismet" in section
    assert (
        "IP addresses, user agents and referrers are deleted 14 days after the comment is posted."
        in section
    )
    assert "comment_author" in section


def test_the_comment_form_notice_reaches_the_section(client):
    article = make_article()
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'href="/privacy/#comment-data"' in html
    assert 'id="comment-data"' in privacy(client)


def test_editors_keep_their_text(client):
    page = FlatPage.objects.get(url="/privacy/")
    page.content = "<p>Our editors wrote this.</p>"
    page.save()

    html = privacy(client)

    assert "<p>Our editors wrote this.</p>" in html
    assert 'id="cookies"' in html
    assert 'id="comment-data"' in html


# The settings page -------------------------------------------------------------------------


def test_the_settings_page_is_a_site_page_with_a_choice_per_group(client):
    response = client.get("/cookies/")

    html = response.content.decode()
    assert html.startswith("<!doctype html>")
    assert "<title>Cookie settings | " in html
    assert "data-cookie-banner" not in html  # the page is the choice: no banner on top
    assert "Always on." in html
    for varname in ("functional", "analytics"):
        assert html.count(f'name="cookie_groups" value="{varname}"') == 2  # accept, decline
    assert 'Accept<span class="visually-hidden"> Analytics cookies</span>' in html


def test_the_settings_page_withdraws_a_group(client, accept):
    accept(client, "functional", "analytics")

    response = client.post(
        "/cookies/decline/", {"cookie_groups": "analytics", "next": "/cookies/"}, follow=True
    )

    html = response.content.decode()
    assert response.redirect_chain == [("/cookies/", 302)]
    assert html.count("You accepted these cookies.") == 1
    assert html.count("You declined these cookies.") == 1

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.factories import make_article, make_section

pytestmark = pytest.mark.django_db


def article_form(section, author, **overrides):
    return {
        "title": "Budget talks resume",
        "slug": "budget-talks-resume",
        "standfirst": "Negotiators return.",
        "body": "<p>One.</p><script>alert(1)</script>",
        "authors": [author.pk],
        "section": section.pk,
        "status": "draft",
        "published_at_0": "",
        "published_at_1": "",
        "comments_open": "on",
        "see_also_links-TOTAL_FORMS": "0",
        "see_also_links-INITIAL_FORMS": "0",
        "related_picks-TOTAL_FORMS": "0",
        "related_picks-INITIAL_FORMS": "0",
        "slug_redirects-TOTAL_FORMS": "0",
        "slug_redirects-INITIAL_FORMS": "0",
    } | overrides


def test_journalist_writes_a_draft_stored_sanitised(journalist_client, journalist, section):
    response = journalist_client.post(
        reverse("admin:articles_article_add"), article_form(section, journalist.author)
    )
    assert response.status_code == 302
    article = Article.objects.get(slug="budget-talks-resume")
    assert article.state == Article.State.DRAFT
    assert "<script" not in article.body


def test_author_defaults_to_the_current_journalist(journalist_client, journalist):
    response = journalist_client.get(reverse("admin:articles_article_add"))
    form = response.context["adminform"].form
    assert form.initial["authors"] == [journalist.author.pk]


def test_journalist_cannot_touch_users_or_groups(journalist_client):
    for name in (
        "admin:auth_user_changelist",
        "admin:auth_user_add",
        "admin:auth_group_changelist",
    ):
        assert journalist_client.get(reverse(name)).status_code == 403
    assert journalist_client.get(reverse("admin:articles_section_add")).status_code == 403


def test_moderator_can_read_but_not_edit_articles(moderator_client, article):
    change_url = reverse("admin:articles_article_change", args=[article.pk])
    response = moderator_client.get(change_url)
    assert response.status_code == 200  # read-only view
    assert 'name="_save"' not in response.content.decode()

    response = moderator_client.post(change_url, {"title": "Defaced"})
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.title != "Defaced"
    assert moderator_client.get(reverse("admin:articles_article_add")).status_code == 403
    assert moderator_client.get(reverse("admin:auth_user_changelist")).status_code == 403


def test_groups_exist_after_migrations():
    assert set(Group.objects.values_list("name", flat=True)) >= {"Journalists", "Moderators"}
    journalists = Group.objects.get(name="Journalists")
    codenames = set(journalists.permissions.values_list("codename", flat=True))
    assert "change_article" in codenames
    assert not any(code.endswith("_user") or code.endswith("_group") for code in codenames)


def test_state_filter_tells_drafts_scheduled_and_published_apart(admin_client):
    section = make_section()
    make_article(section=section, title="Live story")
    make_article(
        section=section, title="Future story", published_at=timezone.now() + timedelta(days=1)
    )
    make_article(section=section, title="Draft story", status="draft", published_at=None)
    changelist = reverse("admin:articles_article_changelist")

    for state, expected in [
        ("draft", "Draft story"),
        ("scheduled", "Future story"),
        ("published", "Live story"),
    ]:
        html = admin_client.get(changelist, {"state": state}).content.decode()
        assert expected in html
        others = {"Draft story", "Future story", "Live story"} - {expected}
        assert not any(title in html for title in others), state


def test_view_on_site_of_a_draft_goes_to_the_staff_preview(admin_client):
    draft = make_article(status="draft", published_at=None)
    response = admin_client.get(reverse("admin:articles_article_change", args=[draft.pk]))
    assert reverse("articles:preview", args=[draft.pk]) in response.content.decode()


def test_publishing_without_a_time_publishes_now(journalist_client, journalist, section):
    response = journalist_client.post(
        reverse("admin:articles_article_add"),
        article_form(section, journalist.author, status="published"),
    )
    assert response.status_code == 302
    article = Article.objects.get(slug="budget-talks-resume")
    assert article.state == Article.State.PUBLISHED
    assert journalist_client.get(article.get_absolute_url()).status_code == 200


def test_duplicate_slug_is_a_form_error(journalist_client, journalist, article):
    response = journalist_client.post(
        reverse("admin:articles_article_add"),
        article_form(article.section, journalist.author, slug=article.slug),
    )
    assert response.status_code == 200
    assert "Article with this Slug already exists" in response.content.decode()


def test_add_page_loads_the_body_editor_with_the_csp_nonce(journalist_client):
    response = journalist_client.get(reverse("admin:articles_article_add"))
    nonce = re.search(r"'nonce-([^']+)'", response.headers["Content-Security-Policy"])[1]
    html = response.content.decode()

    assert 'data-django-prose-editor-configurable="' in html
    # The import map, the editor's modules and stylesheets, and the <style> tiptap reuses.
    editor_tags = [
        tag
        for tag in re.findall(r"<(?:script|link|style)\b[^>]*>", html)
        if any(mark in tag for mark in ("importmap", "django_prose_editor/", "data-tiptap-style"))
    ]
    assert any('type="importmap"' in tag for tag in editor_tags)
    assert any(
        'src="/static/django_prose_editor/configurable.js"' in tag and 'type="module"' in tag
        for tag in editor_tags
    )
    assert any("data-tiptap-style" in tag for tag in editor_tags)
    assert all(f'nonce="{nonce}"' in tag for tag in editor_tags), editor_tags


def test_editor_html_is_stored_sanitised(journalist_client, journalist, section):
    body = (
        '<h2 onclick="steal()">Talks</h2><p style="color:red">One <strong>two</strong> '
        '<a href="javascript:alert(1)">bad</a> <a href="https://example.com/" target="_blank">'
        "good</a></p><script>alert(1)</script>"
    )
    response = journalist_client.post(
        reverse("admin:articles_article_add"), article_form(section, journalist.author, body=body)
    )
    assert response.status_code == 302
    assert Article.objects.get(slug="budget-talks-resume").body == (
        '<h2>Talks</h2><p>One <strong>two</strong> <a rel="noopener noreferrer">bad</a> '
        '<a href="https://example.com/" rel="noopener noreferrer">good</a></p>'
    )


def test_an_empty_editor_is_an_empty_body(journalist_client, journalist, section):
    # The editor sends an empty paragraph when the journalist wrote nothing.
    response = journalist_client.post(
        reverse("admin:articles_article_add"),
        article_form(section, journalist.author, body="<p></p>"),
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["body"] == ["This field is required."]
    assert not Article.objects.exists()

"""What docs/editors.md tells journalists to do, done as a journalist (never a superuser)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from lxml import html as lxml_html

from articles.models import Article, Image
from tests.articles.test_admin import article_form
from tests.factories import image_bytes, make_article

pytestmark = pytest.mark.django_db


def page_text(response) -> str:
    return " ".join(lxml_html.fromstring(response.content.decode()).text_content().split())


def inline_headings(response) -> list[str]:
    document = lxml_html.fromstring(response.content.decode())
    headings = document.xpath("//*[contains(@class, 'inline-group')]//h2")
    return [" ".join(h.text_content().split()) for h in headings]


def test_journalist_sees_the_see_also_and_pick_inlines(journalist_client, journalist):
    article = make_article(authors=[journalist.author])
    for url in (
        reverse("admin:articles_article_add"),
        reverse("admin:articles_article_change", args=[article.pk]),
    ):
        headings = inline_headings(journalist_client.get(url))
        assert '"See also" links' in headings, url
        assert 'Editor\'s picks for "You may also like"' in headings, url


def test_journalist_places_a_see_also_link_and_a_pick(journalist_client, journalist, section):
    background = make_article(title="Background to the talks")
    earlier = make_article(title="Earlier round of talks")
    # The target is chosen through the admin's autocomplete, as in the browser.
    found = journalist_client.get(
        reverse("admin:autocomplete"),
        {"term": "talks", "app_label": "articles", "model_name": "seealso", "field_name": "target"},
    ).json()
    assert {item["text"] for item in found["results"]} == {
        "Background to the talks",
        "Earlier round of talks",
    }

    response = journalist_client.post(
        reverse("admin:articles_article_add"),
        article_form(
            section,
            journalist.author,
            status="published",
            body="<p>One.</p><p>Two.</p><p>Three.</p>",
            **{
                "see_also_links-TOTAL_FORMS": "1",
                "see_also_links-0-target": background.pk,
                "see_also_links-0-after_paragraph": "1",
                "see_also_links-0-position": "0",
                "related_picks-TOTAL_FORMS": "1",
                "related_picks-0-target": earlier.pk,
                "related_picks-0-position": "0",
            },
        ),
    )

    assert response.status_code == 302
    article = Article.objects.get(slug="budget-talks-resume")
    assert [link.target for link in article.see_also_links.all()] == [background]
    assert [pick.target for pick in article.related_picks.all()] == [earlier]
    text = page_text(journalist_client.get(article.get_absolute_url()))
    assert "See also Background to the talks" in text
    assert "Earlier round of talks" in text


def test_journalist_uploads_a_picture_from_the_article_form(journalist_client):
    # The "+" next to "Featured image" opens the add form as a popup.
    popup = reverse("admin:articles_image_add") + "?_to_field=id&_popup=1"
    form = journalist_client.get(popup)
    assert form.status_code == 200
    assert "Width" not in page_text(form)  # nothing to show before there is a file

    response = journalist_client.post(
        popup,
        {
            "file": SimpleUploadedFile("harbour.jpg", image_bytes((800, 500)), "image/jpeg"),
            "alt_text": "Boats in the harbour at dawn",
            "_to_field": "id",
            "_popup": "1",
        },
    )

    assert response.status_code == 200  # the popup answers with the new picture's id
    image = Image.objects.get()
    assert (image.width, image.height) == (800, 500)
    change_url = reverse("admin:articles_image_change", args=[image.pk])
    change = page_text(journalist_client.get(change_url))
    assert "Width: 800" in change and "Height: 500" in change


def test_journalist_previews_a_draft_and_schedules_it(journalist_client, journalist):
    draft = make_article(status="draft", published_at=None, authors=[journalist.author])
    change = journalist_client.get(reverse("admin:articles_article_change", args=[draft.pk]))
    assert "Preview as readers will see it" in page_text(change)
    assert journalist_client.get(reverse("articles:preview", args=[draft.pk])).status_code == 200

    changelist = reverse("admin:articles_article_changelist")
    listing = journalist_client.get(changelist, {"state": "draft"})
    assert draft.title in page_text(listing)


def test_journalist_closes_an_article_to_comments(journalist_client, journalist, section):
    response = journalist_client.post(
        reverse("admin:articles_article_add"),
        {
            k: v
            for k, v in article_form(section, journalist.author, status="published").items()
            if k != "comments_open"
        },
    )
    assert response.status_code == 302
    assert Article.objects.get(slug="budget-talks-resume").comments_open is False


def test_journalist_edits_tags_and_their_author_profile(journalist_client, journalist):
    assert journalist_client.get(reverse("admin:articles_tag_add")).status_code == 200
    profile = reverse("admin:articles_author_change", args=[journalist.author.pk])
    assert journalist_client.get(profile).status_code == 200


def test_journalists_get_only_the_link_permissions_they_need(journalist):
    granted = {p for p in journalist.get_all_permissions() if "seealso" in p or "pick" in p}
    assert granted == {
        f"articles.{action}_{model}"
        for model in ("seealso", "relatedpick")
        for action in ("add", "change", "delete", "view")
    }
    assert not journalist.has_perm("articles.change_section")
    assert not journalist.has_perm("comments.change_comment")

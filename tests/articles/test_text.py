"""Control characters and non-characters typed into the admin are cleaned before storage."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from articles.models import Article, Image, Tag
from articles.text import clean_text
from tests.articles.test_admin import article_form
from tests.factories import image_bytes

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("value", "multiline", "expected"),
    [
        ("Flood\x0bwarning", False, "Flood warning"),  # a word processor's line break
        ("Flood\r\n\twarning", False, "Flood warning"),
        ("Null\x00 byte\x1b[31m", False, "Null byte[31m"),
        ("C1\x85next\x9bcontrol", False, "C1 nextcontrol"),
        ("Not a character\uffff\ufffe\ufdd0\U0010ffff", False, "Not a character"),
        ("Lone \ud800surrogate", False, "Lone surrogate"),
        ("First line\r\nsecond\rthird\x0bfourth", True, "First line\nsecond\nthird\nfourth"),
        ("Keeps\ttabs\nand newlines", True, "Keeps\ttabs\nand newlines"),
        ("Ünïcode, emoji 📰, right-to-left עברית", False, "Ünïcode, emoji 📰, right-to-left עברית"),
        ("\x0b\x00  ", False, ""),
    ],
)
def test_clean_text(value, multiline, expected):
    assert clean_text(value, multiline=multiline) == expected


def test_a_title_pasted_with_a_vertical_tab_is_stored_clean(journalist_client, journalist, section):
    response = journalist_client.post(
        reverse("admin:articles_article_add"),
        article_form(
            section,
            journalist.author,
            title="Budget\x0btalks resume\uffff",
            standfirst="Negotiators\x0breturn.\x07\r\nTalks go on.",
        ),
    )

    assert response.status_code == 302
    article = Article.objects.get(slug="budget-talks-resume")
    assert article.title == "Budget talks resume"
    assert article.standfirst == "Negotiators\nreturn.\nTalks go on."


def test_a_title_of_control_characters_alone_is_required(journalist_client, journalist, section):
    response = journalist_client.post(
        reverse("admin:articles_article_add"),
        article_form(section, journalist.author, title="\x07\x1b\uffff"),
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["title"] == ["This field is required."]
    assert not Article.objects.exists()


def test_a_tag_added_by_a_journalist_is_stored_clean(journalist_client):
    response = journalist_client.post(
        reverse("admin:articles_tag_add"), {"name": "Energy\x0bprices\x1b", "slug": "energy"}
    )

    assert response.status_code == 302
    assert Tag.objects.get().name == "Energy prices"


def test_an_author_name_edited_by_a_journalist_is_stored_clean(journalist_client, journalist):
    author = journalist.author
    response = journalist_client.post(
        reverse("admin:articles_author_change", args=[author.pk]),
        {
            "user": journalist.pk,
            "display_name": "Jane\x0bReporter\ufffe",
            "slug": author.slug,
            "role": "Europe\x85correspondent",
            "bio": "Line one.\x0bLine two.",
        },
    )

    assert response.status_code == 302
    author.refresh_from_db()
    assert (author.display_name, author.role, author.bio) == (
        "Jane Reporter",
        "Europe correspondent",
        "Line one.\nLine two.",
    )


def test_an_image_caption_credit_and_alt_text_are_stored_clean(journalist_client):
    response = journalist_client.post(
        reverse("admin:articles_image_add"),
        {
            "file": ContentFile(image_bytes(), name="scene.jpg"),
            "alt_text": "A street\x0bscene\uffff",
            "caption": "Market day\x1b",
            "credit": "Photo:\x0bStaff",
        },
    )

    assert response.status_code == 302
    image = Image.objects.get()
    assert (image.alt_text, image.caption, image.credit) == (
        "A street scene",
        "Market day",
        "Photo: Staff",
    )

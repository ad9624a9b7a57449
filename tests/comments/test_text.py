"""A comment or report typed with control characters is stored and shown without them."""

import re

import pytest
from django.urls import reverse
from lxml import html

from comments.models import Comment, CommentReport
from tests.factories import make_article, make_comment

pytestmark = pytest.mark.django_db

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")


def test_a_comment_with_control_characters_reads_clean(client, akismet):
    article = make_article(title="Rivers rise")

    response = client.post(
        reverse("comments:post", args=[article.pk]),
        {
            "author_name": "Ana\x0bReader\x85",
            "author_email": "ana@example.com",
            "content": "Rivers rise\x0bquickly.\uffff\r\n\r\nStay\x1b safe\u0090.",
        },
    )

    comment = Comment.objects.get()
    assert (comment.author_name, comment.content) == (
        "Ana Reader",
        "Rivers rise\nquickly.\n\nStay safe.",
    )
    page = html.fromstring(client.get(response["Location"]).content)
    (shown,) = page.xpath(f'//*[@id="comment-{comment.pk}"]')
    author = shown.xpath('.//*[@class="comment-author"]')[0].text_content()
    body = shown.xpath('.//*[@class="comment-body"]')[0]
    shown_text = " ".join(body.itertext())
    assert author == "Ana Reader"
    assert "Rivers rise" in shown_text
    assert "Stay safe." in shown_text
    assert not CONTROL.search(shown_text)


def test_a_comment_of_control_characters_alone_is_refused(client, akismet):
    article = make_article()

    response = client.post(
        reverse("comments:post", args=[article.pk]),
        {"author_name": "Ana", "author_email": "ana@example.com", "content": "\x0b\x1b\uffff"},
    )

    assert response.status_code == 400
    assert "Please write a comment." in response.content.decode()
    assert not Comment.objects.exists()


def test_report_details_are_stored_clean(client):
    comment = make_comment()

    client.post(
        reverse("comments:report", args=[comment.pk]),
        {"reason": "abuse", "details": "Insults\x0bthe\x1b author\uffff"},
    )

    assert CommentReport.objects.get().details == "Insults the author"

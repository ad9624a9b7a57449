"""A comment as a reader sees it: the visible text of the page, parsed, not its markup."""

import re
from datetime import UTC, datetime

import lxml.html
import pytest
from django.urls import reverse

from tests.factories import make_article, make_comment

pytestmark = pytest.mark.django_db

AS_WRITTEN = "It's \"fine\" & <b>bold</b>, isn't it?\nA second line.\n\nA second paragraph."
PARAGRAPHS = ["It's \"fine\" & <b>bold</b>, isn't it?\nA second line.", "A second paragraph."]


@pytest.fixture
def article(db):
    return make_article(title="Talks in Stockholm")


def post(client, article, json=False, **overrides):
    data = {"author_name": "Ana", "author_email": "ana@example.com", "content": AS_WRITTEN}
    headers = {"Accept": "application/json"} if json else {}
    return client.post(
        reverse("comments:post", args=[article.pk]),
        data | overrides,
        REMOTE_ADDR="198.51.100.20",
        headers=headers,
    )


def parse(html: str):
    return lxml.html.fromstring(html)


def comment_item(document, pk):
    (item,) = document.xpath(f'//li[@id="comment-{pk}"]')
    return item


def paragraphs(item) -> list[str]:
    """The comment's paragraphs as a reader sees them, a line break read as a newline."""
    texts = []
    for paragraph in item.xpath('.//div[contains(@class, "comment-body")]/p'):
        for br in paragraph.iter("br"):
            br.tail = "\n" + (br.tail or "")
        texts.append(paragraph.text_content())
    return texts


def test_a_comment_reads_as_written_on_the_page(client, article):
    comment = make_comment(article=article, content=AS_WRITTEN)
    document = parse(client.get(article.get_absolute_url()).content.decode())
    assert paragraphs(comment_item(document, comment.pk)) == PARAGRAPHS


def test_a_comment_reads_as_written_in_the_no_reload_answer(client, akismet, article):
    answer = post(client, article, json=True).json()
    item = lxml.html.fragment_fromstring(answer["html"])
    assert paragraphs(item) == PARAGRAPHS


def test_a_waiting_comment_reads_as_written_to_its_author(client, akismet, article, settings):
    settings.COMMENTS_MODERATION = "hold_all"
    location = post(client, article)["Location"]
    pk = location.rsplit("comment-", 1)[1]
    item = comment_item(parse(client.get(location).content.decode()), pk)
    assert paragraphs(item) == PARAGRAPHS
    assert "Your comment is awaiting moderation. Only you can see it." in item.text_content()


def test_markup_in_a_comment_is_shown_as_text(client, article):
    comment = make_comment(
        article=article, author_name="Eve <script>x()</script>", content="<script>alert(1)</script>"
    )
    item = comment_item(parse(client.get(article.get_absolute_url()).content.decode()), comment.pk)
    assert item.xpath(".//script") == []
    assert paragraphs(item) == ["<script>alert(1)</script>"]
    assert "Eve <script>x()</script>" in item.text_content()


def test_the_author_link_is_the_website_given(client, article):
    comment = make_comment(
        article=article, author_name="Ana", author_url="https://ana.example/?a=1&b=2"
    )
    item = comment_item(parse(client.get(article.get_absolute_url()).content.decode()), comment.pk)
    (link,) = item.xpath('.//*[contains(@class, "comment-author")]//a')
    assert (link.get("href"), link.text_content()) == ("https://ana.example/?a=1&b=2", "Ana")


def test_the_comment_time_is_a_valid_html_datetime(client, article):
    posted = datetime(2026, 3, 4, 9, 5, 7, 123456, tzinfo=UTC)
    comment = make_comment(article=article, created_at=posted)
    item = comment_item(parse(client.get(article.get_absolute_url()).content.decode()), comment.pk)
    (time,) = item.xpath(".//time")
    assert time.get("datetime") == "2026-03-04T09:05:07Z"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", time.get("datetime"))
    assert time.text_content() == "4 March 2026, 09:05"


@pytest.mark.parametrize("control", ["\u202e", "\u202d", "\u2067", "\u200f"])
def test_bidi_controls_in_a_name_are_isolated(client, article, control):
    comment = make_comment(article=article, author_name=f"Eve{control}evil")
    item = comment_item(parse(client.get(article.get_absolute_url()).content.decode()), comment.pk)
    names = [node for node in item.iter() if f"Eve{control}evil" in (node.text or "")]
    assert names
    assert all(node.tag == "bdi" for node in names)


def test_bidi_controls_in_a_comment_stay_inside_its_body(client, article):
    comment = make_comment(article=article, content="\u202eReversed text")
    item = comment_item(parse(client.get(article.get_absolute_url()).content.decode()), comment.pk)
    (body,) = item.xpath('.//div[contains(@class, "comment-body")]')
    assert body.get("dir") == "auto"
    assert paragraphs(item) == ["\u202eReversed text"]


def test_the_reply_form_isolates_the_name_it_answers(client, article):
    comment = make_comment(article=article, author_name="Eve\u202eevil")
    document = parse(client.get(article.get_absolute_url() + f"?replyto={comment.pk}").content)
    (title,) = document.xpath('//*[@id="reply-title"]')
    assert title.xpath(".//bdi")[0].text == "Eve\u202eevil"
    assert title.text_content().startswith("Reply to Eve\u202eevil")

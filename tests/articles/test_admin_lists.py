"""The article and image lists as a journalist sees them: one-line titles, thumbnails, dates."""

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from lxml import html as lxml_html

from tests.factories import make_article, make_author, make_image

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:articles_article_changelist"
RLO, PDF = "\u202e", "\u202c"


def rows(response):
    document = lxml_html.fromstring(response.content.decode())
    return document.xpath("//table[@id='result_list']/tbody/tr")


def cell(row, field):
    (td,) = row.xpath(f".//*[contains(@class, 'field-{field}')]")
    return td


def test_a_long_title_stays_on_one_line_with_the_whole_title_on_hover(journalist_client):
    title = "Ministers and mayors meet again " * 6
    make_article(title=title.strip())
    (row,) = rows(journalist_client.get(reverse(CHANGELIST)))
    (span,) = cell(row, "headline").xpath(".//span[@class='one-line']")
    assert span.get("title") == title.strip()
    css = Path(finders.find("css/admin.css")).read_text()
    assert ".one-line {" in css and "text-overflow: ellipsis" in css


def test_the_stylesheet_is_on_every_admin_page(journalist_client):
    html = journalist_client.get(reverse("admin:index")).content.decode()
    assert 'href="/static/css/admin.css"' in html


def test_articles_with_a_picture_show_a_thumbnail(journalist_client):
    make_article(title="With picture", featured_image=make_image(alt_text="Harbour"))
    make_article(title="Without picture")
    by_title = {
        cell(row, "headline").text_content(): row
        for row in rows(journalist_client.get(reverse(CHANGELIST)))
    }
    (thumbnail,) = cell(by_title["With picture"], "picture").xpath(".//img")
    assert thumbnail.get("src").endswith(".jpg")
    assert (thumbnail.get("width"), thumbnail.get("height")) == ("60", "38")  # 800 x 500
    assert not cell(by_title["Without picture"], "picture").xpath(".//img")


def test_names_with_bidi_overrides_are_isolated(journalist_client):
    author = make_author(display_name=f"{RLO}Evil Name{PDF}")
    make_article(title=f"{RLO}Reversed title", authors=[author])
    (row,) = rows(journalist_client.get(reverse(CHANGELIST)))
    for field, text in [("headline", f"{RLO}Reversed title"), ("byline", f"{RLO}Evil Name{PDF}")]:
        (bdi,) = cell(row, field).xpath(".//bdi")
        assert bdi.text_content() == text, field

    names = [
        cell(author_row, "name").xpath(".//bdi")[0].text_content()
        for author_row in rows(journalist_client.get(reverse("admin:articles_author_changelist")))
    ]
    assert f"{RLO}Evil Name{PDF}" in names


def test_the_list_shows_british_dates(journalist_client, settings):
    settings.TIME_ZONE = "Europe/London"
    make_article(published_at=datetime(2026, 12, 1, 17, 30, tzinfo=ZoneInfo("Europe/London")))
    (row,) = rows(journalist_client.get(reverse(CHANGELIST)))
    assert cell(row, "published_at").text_content() == "1 Dec 2026, 5:30 p.m."


def test_the_body_editor_checks_spelling(journalist_client):
    response = journalist_client.get(reverse("admin:articles_article_add"))
    (textarea,) = lxml_html.fromstring(response.content.decode()).xpath("//textarea[@name='body']")
    config = json.loads(textarea.get("data-django-prose-editor-configurable"))
    assert "NoSpellCheck" not in config["extensions"]


def test_the_editor_block_menu_arrow_needs_no_font():
    # The editor's own arrow is a character most admin fonts lack; ours is drawn with borders.
    css = Path(finders.find("css/admin.css")).read_text()
    rule = css[css.index(".prose-menubar .prose-menubar__selected::after") :]
    rule = rule[: rule.index("}")]
    assert 'content: "";' in rule and "border-width" in rule

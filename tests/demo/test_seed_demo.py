import base64
import functools
import hashlib

import lxml.html
import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from articles.models import Article, Author, Image, RelatedPick, Section, SeeAlso, Tag
from comments.models import Comment
from consent.models import Snippet
from demo import content, demo_images

pytestmark = pytest.mark.django_db

OSCE = "osce-stockholm-lavrov-warns-of-return-to-confrontation"
PASSWORD = "a-demo-password-for-tests"


@pytest.fixture(scope="session")
def drawings():
    """The demo drawings are pure functions of their arguments: draw each once per run."""
    return functools.cache(demo_images.draw)


@pytest.fixture
def seeded(settings, monkeypatch, drawings):
    # Small illustrations and one rendition width keep this fast; the pipeline is the same.
    monkeypatch.setattr(demo_images, "SIZE", (480, 300))
    monkeypatch.setattr(demo_images, "draw", drawings)
    settings.NEWSROOM_IMAGE_WIDTHS = [320]
    call_command("seed_demo", password=PASSWORD)


def page(client, slug: str):
    response = client.get(Article.objects.get(slug=slug).get_absolute_url())
    assert response.status_code == 200
    return lxml.html.fromstring(response.content)


def text(node) -> str:
    return " ".join(node.text_content().split())


def counts() -> dict[str, int]:
    models = (Article, Image, Tag, Section, Comment, SeeAlso, RelatedPick, Snippet)
    return {model.__name__: model.objects.count() for model in models}


def test_demo_content_is_realistic_and_complete(seeded, client):
    published = Article.objects.published()
    assert published.count() >= 40
    assert Article.objects.filter(status="draft").count() == 1
    assert Article.objects.filter(status="published").count() - published.count() == 1
    assert Section.objects.filter(name__in=["World", "Europe", "Politics", "Business"]).count() == 4
    assert Tag.objects.count() >= 10
    assert Author.objects.filter(user__groups__name="Journalists").count() == 3
    assert get_user_model().objects.filter(groups__name="Moderators").count() == 1
    assert all(article.featured_image_id for article in Article.objects.all())
    assert all(image.renditions for image in Image.objects.all())

    osce = page(client, OSCE)
    body = text(osce.xpath("//div[contains(@class, 'article-body')]")[0])
    assert 'the "nightmare of military confrontation" was in danger' in body
    # The section heading written as HTML in the data file is a heading on the page.
    assert "An organisation under strain" in [text(h) for h in osce.xpath("//h2")]


def test_every_data_file_is_an_article(seeded):
    assert {entry["slug"] for entry in content.articles()} == set(
        Article.objects.values_list("slug", flat=True)
    )


def test_the_article_page_shows_the_hand_placed_see_also_box(seeded, client):
    target = Article.objects.get(slug="nato-expands-baltic-air-policing-mission")

    osce = page(client, OSCE)

    [box] = osce.xpath("//aside[@aria-label='See also']")
    [link] = box.xpath(".//a")
    assert text(box) == f"See also {target.title}"
    assert link.get("href") == target.get_absolute_url()
    # After the second paragraph of the body, as placed in the data file.
    body = box.getparent()
    paragraphs_before = [node for node in box.itersiblings(preceding=True) if node.tag == "p"]
    assert body.get("class", "").startswith("article-body")
    assert len(paragraphs_before) == 2


def test_the_editors_pick_comes_first_in_you_may_also_like(seeded, client):
    pick = Article.objects.get(slug="committee-criticises-defence-procurement-delays")

    osce = page(client, OSCE)

    [block] = osce.xpath("//section[@aria-labelledby='related-heading']")
    titles = [text(node) for node in block.xpath(".//*[contains(@class, 'card-title')]")]
    assert text(block.xpath(".//h2")[0]) == "You may also like"
    assert titles[0] == pick.title


def test_the_analytics_snippet_runs_only_after_analytics_consent(seeded):
    marker = 'document.documentElement.dataset.demoAnalytics = "on";'
    visitor = Client()
    assert marker not in visitor.get("/").content.decode()

    visitor.post(reverse("cookie_consent_accept"), {"cookie_groups": "functional"})
    assert marker not in visitor.get("/").content.decode()

    visitor.post(reverse("cookie_consent_accept"), {"cookie_groups": "analytics"})
    response = visitor.get("/")
    html = response.content.decode()
    assert marker in html
    [script] = [
        node
        for node in lxml.html.fromstring(html).xpath("//body/script[not(@src)]")
        if marker in node.text
    ]
    # The strict Content-Security-Policy lets exactly this code run, by its hash.
    digest = base64.b64encode(hashlib.sha256(script.text.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in response["Content-Security-Policy"]


def test_the_discussion_has_replies_and_a_comment_awaiting_moderation(seeded, client):
    osce = page(client, OSCE)

    visible = text(osce.xpath("//*[@id='comments']")[0])
    assert "Agreed. I only meant the reporting, not the news." in visible
    assert "is there a newsletter?" not in visible
    assert Comment.objects.filter(status="pending").count() == 1


def test_seed_demo_is_idempotent(seeded):
    before = counts()
    call_command("seed_demo", password=PASSWORD)
    assert counts() == before
    assert before["SeeAlso"] == before["RelatedPick"] == before["Snippet"] == 1


@pytest.mark.parametrize("username", ["admin", "mhartmann", "moderator"])
def test_demo_accounts_can_log_in_to_the_admin(seeded, client, username):
    response = client.post(reverse("admin:login"), {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_refuses_a_known_password_when_debug_is_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="Refusing to create demo accounts"):
        call_command("seed_demo")
    assert not Article.objects.exists()


def test_a_broken_data_file_is_a_clear_error(settings, tmp_path, monkeypatch):
    (tmp_path / "articles").mkdir()
    (tmp_path / "site.json").write_text((content.CONTENT_DIR / "site.json").read_text())
    (tmp_path / "articles" / "no-front-matter.md").write_text("Just a paragraph.\n")
    monkeypatch.setattr(content, "CONTENT_DIR", tmp_path)

    with pytest.raises(CommandError, match="no-front-matter.md: the file must start with"):
        call_command("seed_demo", password=PASSWORD)
    assert not Article.objects.exists()

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse

from articles import demo_images
from articles.management.commands import _demo_content as content
from articles.models import Article, Author, Image, Section, Tag

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(settings, monkeypatch):
    # Small illustrations and one rendition width keep this fast; the pipeline is the same.
    monkeypatch.setattr(demo_images, "SIZE", (480, 300))
    settings.NEWSROOM_IMAGE_WIDTHS = [320]
    call_command("seed_demo", password="a-demo-password-for-tests")


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

    osce = Article.objects.get(slug="osce-stockholm-lavrov-warns-of-return-to-confrontation")
    assert "nightmare of military confrontation" in osce.body
    assert client.get(osce.get_absolute_url()).status_code == 200


def test_seed_demo_is_idempotent(seeded):
    counts = (Article.objects.count(), Image.objects.count(), Tag.objects.count())
    call_command("seed_demo", password="a-demo-password-for-tests")
    assert (Article.objects.count(), Image.objects.count(), Tag.objects.count()) == counts


@pytest.mark.parametrize("username", ["admin", content.AUTHORS[0]["username"], "moderator"])
def test_demo_accounts_can_log_in_to_the_admin(seeded, client, username):
    response = client.post(
        reverse("admin:login"), {"username": username, "password": "a-demo-password-for-tests"}
    )
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_refuses_a_known_password_when_debug_is_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="Refusing to create demo accounts"):
        call_command("seed_demo")
    assert not Article.objects.exists()

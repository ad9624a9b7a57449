import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from articles.models import Article, SeeAlso
from tests.factories import make_article, make_section, make_tag

pytestmark = pytest.mark.django_db


def test_editor_sees_what_the_block_will_show_and_why(admin_client):
    section = make_section(name="Europe", slug="europe")
    tag = make_tag(name="Diplomacy")
    article = make_article(section=section, tags=[tag], auto_see_also=False)
    make_article(section=section, tags=[tag], title="Shares a tag")
    picked = make_article(title="Picked by hand")
    article.related_picks.create(target=picked)

    html = admin_client.get(
        reverse("admin:articles_article_change", args=[article.pk])
    ).content.decode()

    assert "Picked by hand <em>(editor&#x27;s pick)</em>" in html
    assert "Shares a tag <em>(shared tags: Diplomacy; same section)</em>" in html


def test_dead_links_are_flagged_to_the_editor(admin_client):
    article = make_article()
    target = make_article(title="Withdrawn story")
    SeeAlso.objects.create(article=article, target=target)
    target.status = Article.Status.DRAFT
    target.save()

    response = admin_client.get(reverse("admin:articles_article_change", args=[article.pk]))

    html = response.content.decode()
    assert "not published, so readers do not see the links: Withdrawn story" in html
    assert "Draft: hidden from readers" in html


def test_link_autocomplete_offers_only_published_articles(admin_client):
    make_article(title="Published piece")
    make_article(title="Draft piece", status="draft", published_at=None)

    response = admin_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "piece",
            "app_label": "articles",
            "model_name": "seealso",
            "field_name": "target",
        },
    )

    titles = [item["text"] for item in json.loads(response.content)["results"]]
    assert titles == ["Published piece"]


def test_adding_a_see_also_link_in_the_admin(admin_client):
    article = make_article(body="<p>One.</p><p>Two.</p>")
    target = make_article(title="Background")
    url = reverse("admin:articles_article_change", args=[article.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if name not in {"authors", "tags", "published_at", "featured_image"}
    }
    data |= {
        "authors": [a.pk for a in article.authors.all()],
        "published_at_0": article.published_at.strftime("%Y-%m-%d"),
        "published_at_1": article.published_at.strftime("%H:%M:%S"),
        "status": "published",
        "comments_open": "on",
        "auto_see_also": "on",
        "see_also_links-TOTAL_FORMS": "1",
        "see_also_links-INITIAL_FORMS": "0",
        "see_also_links-0-target": target.pk,
        "see_also_links-0-after_paragraph": "1",
        "see_also_links-0-position": "0",
        "related_picks-TOTAL_FORMS": "0",
        "related_picks-INITIAL_FORMS": "0",
        "slug_redirects-TOTAL_FORMS": "0",
        "slug_redirects-INITIAL_FORMS": "0",
    }
    data = {k: v for k, v in data.items() if v is not None}

    response = admin_client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    link = article.see_also_links.get()
    assert (link.target, link.after_paragraph) == (target, 1)


def test_an_article_cannot_link_to_itself(db):
    article = make_article()
    link = SeeAlso(article=article, target=article)
    with pytest.raises(Exception, match="cannot link to itself"):
        link.full_clean()


def test_migrations_match_the_models():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)

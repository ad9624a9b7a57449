from datetime import timedelta

import pytest
from django.utils import timezone

from articles import related
from articles.models import Article, RelatedPick, SeeAlso
from tests.factories import make_article, make_section, make_tag

pytestmark = pytest.mark.django_db


def ago(**delta):
    return timezone.now() - timedelta(**delta)


def related_titles(article) -> list[str]:
    return [a.title for a in related.ArticleExtras(article).related_articles]


def see_also_titles(article) -> list[str]:
    parts = related.ArticleExtras(article).body_parts
    return [target.title for part in parts for target in part.boxes]


@pytest.fixture
def world():
    return make_section(name="World", slug="world")


@pytest.fixture
def europe():
    return make_section(name="Europe", slug="europe")


# Ordering ---------------------------------------------------------------------------------


def test_editors_picks_come_first_in_their_order(europe):
    tag = make_tag()
    article = make_article(section=europe, tags=[tag], auto_see_also=False)
    make_article(section=europe, tags=[tag], title="Strong automatic match")
    second = make_article(title="Second pick", published_at=ago(days=300))
    first = make_article(title="First pick", published_at=ago(days=200))
    RelatedPick.objects.create(article=article, target=first, position=1)
    RelatedPick.objects.create(article=article, target=second, position=2)

    assert related_titles(article)[:3] == ["First pick", "Second pick", "Strong automatic match"]


def test_sharing_tags_beats_sharing_only_the_section(europe, world):
    tag = make_tag()
    article = make_article(section=europe, tags=[tag], auto_see_also=False)
    make_article(section=europe, title="Same section, no tag", published_at=ago(minutes=5))
    make_article(
        section=world, tags=[tag], title="Other section, shared tag", published_at=ago(days=2)
    )

    assert related_titles(article)[:2] == ["Other section, shared tag", "Same section, no tag"]


def test_rare_tags_weigh_more_than_common_ones(world):
    common, rare = make_tag(name="Common"), make_tag(name="Rare")
    for _ in range(8):
        make_article(section=world, tags=[common], published_at=ago(days=30))
    article = make_article(section=world, tags=[common, rare], auto_see_also=False)
    make_article(section=world, tags=[rare], title="Shares the rare tag", published_at=ago(days=3))
    make_article(
        section=world, tags=[common], title="Shares the common tag", published_at=ago(days=3)
    )

    titles = related_titles(article)
    assert titles.index("Shares the rare tag") < titles.index("Shares the common tag")


def test_same_section_breaks_a_tie_between_equal_tag_matches(europe, world):
    tag = make_tag()
    article = make_article(section=europe, tags=[tag], auto_see_also=False)
    make_article(section=world, tags=[tag], title="Elsewhere", published_at=ago(days=1))
    make_article(section=europe, tags=[tag], title="Same section", published_at=ago(days=1))

    assert related_titles(article)[:2] == ["Same section", "Elsewhere"]


def test_newer_articles_are_preferred(world):
    tag = make_tag()
    article = make_article(section=world, tags=[tag], auto_see_also=False)
    make_article(section=world, tags=[tag], title="Last year", published_at=ago(days=365))
    make_article(section=world, tags=[tag], title="Yesterday", published_at=ago(days=1))

    assert related_titles(article)[:2] == ["Yesterday", "Last year"]


def test_block_is_capped_by_the_setting(settings, world):
    settings.NEWSROOM_RELATED_COUNT = 3
    tag = make_tag()
    article = make_article(section=world, tags=[tag])
    for _ in range(6):
        make_article(section=world, tags=[tag])
    assert len(related_titles(article)) == 3


# Exclusions -------------------------------------------------------------------------------


def test_never_itself_a_draft_a_future_or_a_see_also_target(world):
    tag = make_tag()
    article = make_article(section=world, tags=[tag], title="The article")
    make_article(section=world, tags=[tag], title="Draft", status="draft", published_at=None)
    make_article(
        section=world, tags=[tag], title="Future", published_at=timezone.now() + timedelta(days=1)
    )
    linked = make_article(section=world, tags=[tag], title="Linked in See also")
    SeeAlso.objects.create(article=article, target=linked)
    make_article(section=world, tags=[tag], title="Fine")

    titles = related_titles(article)
    assert "Fine" in titles
    assert not {"The article", "Draft", "Future", "Linked in See also"} & set(titles)
    assert see_also_titles(article) == ["Linked in See also"]


def test_automatic_see_also_is_not_repeated_in_the_block(world):
    tag = make_tag()
    article = make_article(section=world, tags=[tag])
    make_article(section=world, tags=[tag], title="Best match", published_at=ago(minutes=5))
    make_article(section=world, tags=[tag], title="Runner-up", published_at=ago(days=5))

    assert see_also_titles(article) == ["Best match"]
    assert "Best match" not in related_titles(article)
    assert "Runner-up" in related_titles(article)


# Fallbacks --------------------------------------------------------------------------------


def test_block_fills_with_the_sections_latest_then_the_sites(settings, world, europe):
    settings.NEWSROOM_RELATED_COUNT = 3
    article = make_article(section=europe, auto_see_also=False)
    make_article(section=europe, title="Europe latest", published_at=ago(hours=2))
    make_article(section=world, title="World latest", published_at=ago(hours=1))
    make_article(section=world, title="World older", published_at=ago(days=1))

    assert related_titles(article) == ["Europe latest", "World latest", "World older"]


def test_block_is_hidden_only_when_the_site_has_nothing_else(client, world):
    article = make_article(section=world)
    html = client.get(article.get_absolute_url()).content.decode()
    assert "You may also like" not in html
    assert 'class="see-also"' not in html


def test_no_automatic_see_also_when_the_editor_turns_it_off(world):
    tag = make_tag()
    article = make_article(section=world, tags=[tag], auto_see_also=False)
    make_article(section=world, tags=[tag])
    assert see_also_titles(article) == []


def test_withdrawn_target_disappears_without_an_empty_box(client, world):
    article = make_article(section=world, auto_see_also=False)
    target = make_article(section=world, title="Later withdrawn")
    SeeAlso.objects.create(article=article, target=target)
    assert 'class="see-also"' in client.get(article.get_absolute_url()).content.decode()

    target.status = Article.Status.DRAFT
    target.save()

    html = client.get(article.get_absolute_url()).content.decode()
    assert "Later withdrawn" not in html
    assert 'class="see-also"' not in html


# Invalidation -----------------------------------------------------------------------------


def test_newly_published_article_appears_after_the_cache_was_filled(world):
    tag = make_tag()
    article = make_article(section=world, tags=[tag], auto_see_also=False)
    assert related_titles(article) == []

    fresh = make_article(
        section=world, tags=[tag], title="Just published", status="draft", published_at=None
    )
    assert related_titles(article) == []
    fresh.status = Article.Status.PUBLISHED
    fresh.save()

    assert related_titles(article) == ["Just published"]


def test_tag_changes_are_seen(world, europe):
    tag = make_tag()
    article = make_article(section=europe, tags=[tag], auto_see_also=False)
    other = make_article(section=world, title="Other", published_at=ago(days=1))
    make_article(section=europe, title="Section fill", published_at=ago(hours=1))
    assert related_titles(article)[0] == "Section fill"

    other.tags.add(tag)

    assert related_titles(article)[0] == "Other"


def test_choices_are_cached_between_requests(world, django_assert_num_queries):
    tag = make_tag()
    article = Article.objects.prefetch_related("tags").get(
        pk=make_article(section=world, tags=[tag]).pk
    )
    make_article(section=world, tags=[tag])
    assert related.ArticleExtras(article).cards
    with django_assert_num_queries(2):  # the cards and their authors only
        assert related.ArticleExtras(article).cards


# Placement --------------------------------------------------------------------------------

BOX = object()


def rendered(body: str, *after: int | None) -> str:
    parts = related.place_boxes(body, [(BOX, a) for a in after])
    return "".join(part.html + "[BOX]" * len(part.boxes) for part in parts)


def test_default_place_is_after_the_middle_paragraph():
    body = "<p>1</p><p>2</p><p>3</p><p>4</p><p>5</p>"
    assert rendered(body, None) == "<p>1</p><p>2</p><p>3</p>[BOX]<p>4</p><p>5</p>"


def test_after_the_first_and_after_the_last_paragraph():
    body = "<p>1</p><p>2</p><p>3</p>"
    assert rendered(body, 1) == "<p>1</p>[BOX]<p>2</p><p>3</p>"
    assert rendered(body, 3) == "<p>1</p><p>2</p><p>3</p>[BOX]"
    assert rendered(body, 99) == "<p>1</p><p>2</p><p>3</p>[BOX]"


def test_several_boxes_at_different_places():
    body = "<p>1</p><p>2</p><p>3</p>"
    assert rendered(body, 1, 3, 1) == "<p>1</p>[BOX][BOX]<p>2</p><p>3</p>[BOX]"


def test_single_paragraph_body_gets_the_box_after_it():
    assert rendered("<p>Only</p>", None) == "<p>Only</p>[BOX]"


def test_boxes_never_go_inside_lists_or_quotes():
    body = (
        "<p>1</p><ul><li><p>in a list</p></li></ul>"
        "<blockquote><p>quoted</p><p>still quoted</p></blockquote><p>2</p>"
    )
    assert rendered(body, 2) == body + "[BOX]"
    assert rendered(body, 1) == "<p>1</p>[BOX]" + body[len("<p>1</p>") :]


def test_images_and_figures_do_not_count_as_paragraphs():
    body = '<p>1</p><figure><img src="a.jpg" alt="x"><figcaption>c</figcaption></figure><p>2</p>'
    assert rendered(body, 2) == body + "[BOX]"
    assert rendered('<p>a<br>b<img src="x.jpg" alt=""></p><p>c</p>', 1) == (
        '<p>a<br>b<img src="x.jpg" alt=""></p>[BOX]<p>c</p>'
    )


def test_body_without_paragraphs_gets_the_box_at_the_end():
    assert (
        rendered("<h2>Title</h2><ul><li>x</li></ul>", None)
        == "<h2>Title</h2><ul><li>x</li></ul>[BOX]"
    )


def test_article_page_renders_the_box_between_paragraphs(client, world):
    article = make_article(section=world, body="<p>One.</p><p>Two.</p><p>Three.</p>")
    target = make_article(section=world, title="Background story")
    SeeAlso.objects.create(article=article, target=target, after_paragraph=1)

    html = client.get(article.get_absolute_url()).content.decode()

    one, box, two = (
        html.index("<p>One.</p>"),
        html.index('class="see-also"'),
        html.index("<p>Two.</p>"),
    )
    assert one < box < two
    assert f'<a href="{target.get_absolute_url()}">Background story</a>' in html


def test_a_very_common_tag_brings_only_its_newest_articles(world, monkeypatch):
    monkeypatch.setattr(related, "PER_TAG_LIMIT", 2)
    common = make_tag()
    article = make_article(section=world, tags=[common], auto_see_also=False)
    oldest = make_article(section=world, tags=[common], title="Oldest sharer")
    newer = [make_article(section=world, tags=[common], title=f"Newer {i}") for i in range(2)]

    choices = related.rank_by_tags(article, exclude={article.pk})

    assert {c.article_id for c in choices} == {a.pk for a in newer}
    assert oldest.pk not in {c.article_id for c in choices}

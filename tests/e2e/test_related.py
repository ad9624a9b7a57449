"""A reader follows the "See also" box and a "You may also like" card."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from articles.models import SeeAlso
from tests.factories import make_article, make_image, make_section, make_tag

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_reader_follows_see_also_then_you_may_also_like(page, browser_problems):
    europe = make_section(name="Europe", slug="europe")
    diplomacy = make_tag(name="Diplomacy", slug="diplomacy")
    image = make_image(alt_text="Delegates in a conference hall")
    article = make_article(
        section=europe,
        tags=[diplomacy],
        title="Ministers meet in Stockholm",
        body="<p>First paragraph.</p><p>Second paragraph.</p><p>Third paragraph.</p>",
        featured_image=image,
    )
    background = make_article(
        section=europe,
        tags=[diplomacy],
        title="Background: the OSCE explained",
        published_at=timezone.now() - timedelta(days=3),
        featured_image=image,
        auto_see_also=False,
    )
    SeeAlso.objects.create(article=article, target=background, after_paragraph=1)
    make_article(
        section=europe,
        tags=[diplomacy],
        title="Baltic states ask for more patrols",
        published_at=timezone.now() - timedelta(days=1),
        featured_image=image,
    )

    page.goto(article.get_absolute_url())
    box = page.get_by_role("complementary", name="See also")
    expect(box).to_contain_text("See also")
    # The box stands between the first and second paragraphs.
    order = page.evaluate(
        """() => [...document.querySelectorAll('.article-body > p, .article-body > aside')]
                 .map(e => e.tagName === 'ASIDE' ? 'BOX' : e.textContent.trim())"""
    )
    assert order[:3] == ["First paragraph.", "BOX", "Second paragraph."]

    box.get_by_role("link", name="Background: the OSCE explained").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Background: the OSCE explained")

    related = page.get_by_role("region", name="You may also like")
    expect(related.get_by_role("heading", level=3)).to_have_count(2)
    related.get_by_role("link", name="Baltic states ask for more patrols").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Baltic states ask for more patrols")
    assert browser_problems.console_errors == []
    assert browser_problems.csp_violations() == []

"""axe-core finds no accessibility violation on the pages readers use most, on a phone and
on a desktop, with the cookie banner asking and after it was answered."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from playwright.sync_api import expect

from tests.e2e.test_reader import DESKTOP, PHONE, publish_story
from tests.factories import make_article, make_comment

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

AXE = Axe()


def describe(violations: list[dict]) -> str:
    """Each violation with the elements it was found on, as axe names them."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(
            f"    {node['target']} {node['failureSummary']}" for node in violation["nodes"]
        )
    return "\n".join(lines)


def reader_pages():
    """Paths of a front page, an article with comments, its section, a search, the policy."""
    article = publish_story()
    for n in range(3):
        make_article(
            title=f"More from Stockholm {n}", section=article.section, tags=[*article.tags.all()]
        )
    make_comment(article=article, content="A fair summary of the talks.")
    # Each page with a heading it must show, so an empty page cannot pass.
    return {
        "/": article.title,
        article.get_absolute_url(): "Leave a Comment",
        article.section.get_absolute_url(): article.section.name,
        f"{reverse('articles:search')}?q=Stockholm": "More from Stockholm 0",
        reverse("privacy"): "Privacy",
    }


@pytest.mark.parametrize("banner", ["asking", "answered"])
@pytest.mark.parametrize(
    ("screen", "viewport", "is_mobile"),
    [("phone", PHONE, True), ("desktop", DESKTOP, False)],
    ids=["phone", "desktop"],
)
def test_reader_pages_have_no_accessibility_violations(
    new_context, screen, viewport, is_mobile, banner
):
    pages = reader_pages()
    page = new_context(viewport=viewport, is_mobile=is_mobile, has_touch=is_mobile).new_page()
    consent = page.get_by_role("region", name="Cookie consent")
    if banner == "answered":
        page.goto("/")
        # The script saves the choice in the background: leaving the page before it is
        # saved would abort it.
        with page.expect_response(lambda response: "/cookies/accept/" in response.url):
            consent.get_by_role("button", name="Accept").click()
        expect(consent).to_have_count(0)

    found = {}
    for path, heading in pages.items():
        page.goto(path)
        expect(page.get_by_role("heading", name=heading).first).to_be_visible()
        if banner == "asking":
            # consent.js has replaced the server's forms with its own banner.
            expect(page.locator("[data-cookie-banner]")).to_have_count(0)
            expect(consent).to_be_visible()
        else:
            expect(consent).to_have_count(0)
        violations = AXE.run(page).response["violations"]
        if violations:
            found[path] = describe(violations)

    if found:
        report = "\n".join(f"{path}:\n{violations}" for path, violations in found.items())
        pytest.fail(f"axe found accessibility violations:\n{report}", pytrace=False)

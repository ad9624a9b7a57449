"""What a reader notices in a real browser: the front page, an article, the 404 page."""

import re
from datetime import timedelta
from io import BytesIO

import pytest
from django.conf import settings
from django.utils import dateformat, timezone
from PIL import Image as PILImage
from playwright.sync_api import expect

from tests.factories import make_article, make_author, make_image, make_section, make_tag

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1440, "height": 900}

BODY = (
    "<p>Foreign ministers from the Baltic states met in Stockholm on Tuesday.</p>"
    "<p>They agreed to meet again in Tallinn before the end of the year.</p>"
)

# "Home » Title": the separator is drawn by the stylesheet (li + li::before), so read
# each crumb's generated content as well as its text, as a reader sees them.
BREADCRUMB_AS_SEEN = """nav => [...nav.querySelectorAll("li")].map(li => {
  const before = getComputedStyle(li, "::before").content;
  const mark = before === "none" || before === "normal" ? "" : JSON.parse(before) + " ";
  return mark + li.textContent.trim();
}).join(" ")"""

IMAGE_SHOWN = "img => img.complete && img.naturalWidth > 0"

PAGE_WIDTHS = """() => ({
  scroll: document.documentElement.scrollWidth,
  inner: window.innerWidth,
})"""


def publish_story(**overrides):
    """A published article with everything an article page can show."""
    fields = {
        "section": make_section(name="Europe", slug="europe"),
        "title": "Ministers meet in Stockholm",
        "slug": "ministers-meet-in-stockholm",
        "standfirst": "Talks on Baltic security continue.",
        "body": BODY,
        "authors": [make_author(display_name="Anna Lindqvist", slug="anna-lindqvist")],
        "tags": [
            make_tag(name="Diplomacy", slug="diplomacy"),
            make_tag(name="Sweden", slug="sweden"),
        ],
        "featured_image": make_image(
            alt_text="Flags outside the venue", caption="The venue.", credit="Photo: Staff"
        ),
    } | overrides
    return make_article(**fields)


def as_printed(moment):
    """A time as the byline prints it, in the site's time zone."""
    return dateformat.format(timezone.localtime(moment), "j F Y, H:i")


def assert_site_stylesheet_applied(page):
    """site.css is served and applied, not just linked."""
    expect(page.get_by_role("banner").locator(".brand")).to_have_css(
        "font-family", re.compile(r"^Georgia")
    )
    expect(page.get_by_role("navigation", name="Sections")).to_have_css("border-top-width", "3px")


def assert_no_sideways_scrolling(page, screen_width):
    widths = page.evaluate(PAGE_WIDTHS)
    # A phone browser widens its layout viewport to fit content that overflows, so
    # innerWidth alone would hide the overflow: it must also still be the screen width.
    assert widths["scroll"] <= widths["inner"] == screen_width, (page.url, widths)


def assert_image_shown(image):
    """The picture was fetched and decoded: not a broken-image icon."""
    expect(image).to_be_visible()
    shown = image.evaluate(IMAGE_SHOWN)
    source = image.evaluate("img => img.currentSrc")
    assert shown, f"{source} did not load"


def test_reader_follows_the_lead_story_to_the_article(page, live_server):
    make_article(title="Yesterday's story", published_at=timezone.now() - timedelta(days=1))
    article = publish_story()

    page.goto("/")

    expect(page).to_have_title(f"{settings.SITE_NAME}: latest news")
    expect(page.get_by_role("banner").get_by_role("link", name=settings.SITE_NAME)).to_be_visible()
    assert_site_stylesheet_applied(page)
    lead = page.get_by_role("region", name="Top story")
    expect(lead.get_by_role("heading", level=2)).to_have_text(article.title)
    assert_image_shown(lead.locator("img"))

    lead.get_by_role("link", name=article.title).click()

    expect(page).to_have_url(f"{live_server.url}{article.get_absolute_url()}")
    page.wait_for_load_state("load")
    expect(page).to_have_title(f"{article.title} | {settings.SITE_NAME}")
    breadcrumb = page.get_by_role("navigation", name="Breadcrumb")
    assert breadcrumb.evaluate(BREADCRUMB_AS_SEEN) == f"Home » {article.title}"
    expect(breadcrumb.get_by_role("link", name="Home")).to_have_attribute("href", "/")
    expect(page.get_by_role("heading", level=1)).to_have_text(article.title)
    byline = page.locator(".article-header .byline")
    expect(byline).to_have_text(f"by Anna Lindqvist {as_printed(article.published_at)}")
    expect(byline.get_by_role("link", name="Anna Lindqvist")).to_have_attribute(
        "href", "/author/anna-lindqvist/"
    )
    paragraphs = page.locator(".article-body p")
    expect(paragraphs).to_have_text(
        [
            "Foreign ministers from the Baltic states met in Stockholm on Tuesday.",
            "They agreed to meet again in Tallinn before the end of the year.",
        ]
    )
    for paragraph in paragraphs.all():
        expect(paragraph).to_be_visible()
    tags = page.get_by_role("list", name="Tags").get_by_role("link")
    expect(tags).to_have_text(["Diplomacy", "Sweden"])
    assert_image_shown(page.get_by_role("img", name="Flags outside the venue"))
    expect(page.get_by_role("figure")).to_contain_text("The venue. Photo: Staff")


# Not "device": pytest-playwright has a fixture of that name.
@pytest.mark.parametrize(
    ("screen", "viewport", "is_mobile"),
    [("phone", PHONE, True), ("desktop", DESKTOP, False)],
    ids=["phone", "desktop"],
)
def test_article_page_fits_the_screen(new_context, artifacts_dir, screen, viewport, is_mobile):
    article = publish_story()
    context = new_context(viewport=viewport, is_mobile=is_mobile, has_touch=is_mobile)
    page = context.new_page()

    page.goto(article.get_absolute_url())

    expect(page.get_by_role("heading", level=1)).to_have_text(article.title)
    assert_image_shown(page.get_by_role("img", name="Flags outside the venue"))
    page.screenshot(path=artifacts_dir / f"article-{screen}.png", full_page=True)
    assert_no_sideways_scrolling(page, viewport["width"])


def test_long_words_wrap_on_a_phone(new_context):
    article = publish_story(
        title="Donaudampfschifffahrtsgesellschaftskapitän resigns",
        body="<p>The report: https://example.org/reports?id=2026baltic0000000000000000000000</p>",
    )
    page = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()

    for path in (article.get_absolute_url(), "/"):
        page.goto(path)
        assert_no_sideways_scrolling(page, PHONE["width"])


def test_pages_keep_to_the_content_security_policy(page, browser_problems):
    make_article(title="Yesterday's story", published_at=timezone.now() - timedelta(days=1))
    article = publish_story()

    for path in ("/", article.get_absolute_url()):
        response = page.goto(path)

        assert response.status == 200, path
        policy = response.headers.get("content-security-policy", "")
        assert "default-src 'self'" in policy, (path, policy)
        assert "script-src 'self'" in policy, (path, policy)
        assert "unsafe-inline" not in policy, (path, policy)
        assert browser_problems.csp_violations() == [], path
    assert browser_problems.console_errors == []
    assert browser_problems.page_errors == []

    # The policy is enforced, and this test would notice: an inline script is refused.
    page.evaluate(
        """() => {
          const script = document.createElement("script");
          script.textContent = "window.inlineScriptRan = true";
          document.body.append(script);
        }"""
    )
    page.wait_for_function("window.__cspViolations.length > 0")
    assert browser_problems.csp_violations() == ["script-src-elem inline"]
    assert page.evaluate("window.inlineScriptRan") is None


def test_unknown_article_shows_the_site_404_page(page, live_server, browser_problems):
    make_section(name="Europe", slug="europe")

    response = page.goto("/articles/no-such-story/")

    assert response.status == 404
    expect(page).to_have_title(f"Page not found | {settings.SITE_NAME}")
    expect(page.get_by_role("heading", level=1)).to_have_text("We can't find that page")
    header = page.get_by_role("banner")
    expect(header.get_by_role("link", name=settings.SITE_NAME)).to_be_visible()
    expect(page.get_by_role("navigation", name="Sections").get_by_role("link")).to_have_text(
        ["Home", "Europe"]
    )
    assert_site_stylesheet_applied(page)
    assert browser_problems.csp_violations() == []

    page.get_by_role("link", name="Go to the front page").click()

    expect(page).to_have_url(f"{live_server.url}/")


def compact_stories(count):
    """A lead story and `count` older ones, each with a picture, in a few sections."""
    sections = [make_section(name=name, slug=name.lower()) for name in ("World", "Politics")]
    for n in range(count):
        make_article(
            title=f"Story number {n} about the talks in the north",
            section=sections[n % 2],
            featured_image=make_image(alt_text=f"Picture {n}"),
            published_at=timezone.now() - timedelta(hours=n + 2),
        )
    return publish_story(section=sections[1])


BOX = (
    "node => { const r = node.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }"
)


def test_phone_front_page_lists_stories_beside_small_pictures(new_context):
    lead = compact_stories(8)
    page = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()

    page.goto("/")

    lead_picture = page.get_by_role("region", name="Top story").locator("img")
    left, _, right, _ = lead_picture.evaluate(BOX)
    assert right - left > PHONE["width"] * 0.8, "the lead story keeps its full-width picture"
    latest = page.get_by_role("region", name="Latest").get_by_role("article")
    expect(latest).to_have_count(8)
    for card in latest.all():
        picture = card.locator("img").evaluate(BOX)
        title = card.get_by_role("heading").evaluate(BOX)
        assert picture[2] - picture[0] < PHONE["width"] * 0.3, "a thumbnail, not a full picture"
        assert picture[0] >= title[2], "the thumbnail sits beside the title"
        assert picture[1] < title[3], "the thumbnail sits beside the title, not under it"
    first, last = latest.first.evaluate(BOX), latest.last.evaluate(BOX)
    per_story = (last[3] - first[1]) / 8
    assert per_story < PHONE["height"] / 4, (
        f"at least four stories a screen, not {per_story}px each"
    )
    assert_no_sideways_scrolling(page, PHONE["width"])
    expect(page.get_by_role("heading", name=lead.title)).to_be_visible()


def test_desktop_front_page_keeps_the_picture_above_each_title(page):
    compact_stories(3)
    page.set_viewport_size(DESKTOP)

    page.goto("/")

    card = page.get_by_role("region", name="Latest").get_by_role("article").first
    picture = card.locator("img").evaluate(BOX)
    title = card.get_by_role("heading").evaluate(BOX)
    assert picture[3] <= title[1], "on a wide screen the picture is above the title"


def current_links(page):
    """The menu's links a reader is told are current: (text, aria-current)."""
    return (
        page.get_by_role("navigation", name="Sections")
        .locator("a[aria-current]")
        .evaluate_all(
            "links => links.map(link => [link.textContent, link.getAttribute('aria-current')])"
        )
    )


def test_menu_marks_the_current_section(page):
    article = publish_story()
    make_section(name="Business", slug="business")
    tag = article.tags.first()
    menu = page.get_by_role("navigation", name="Sections")

    page.goto("/section/europe/")
    assert current_links(page) == [["Europe", "page"]]
    current, other = (
        menu.get_by_role("link", name="Europe"),
        menu.get_by_role("link", name="Business"),
    )
    assert current.evaluate("a => getComputedStyle(a).color") != other.evaluate(
        "a => getComputedStyle(a).color"
    ), "the current section looks different"
    expect(current).not_to_have_css("box-shadow", "none")
    expect(other).to_have_css("box-shadow", "none")

    page.goto(article.get_absolute_url())
    assert current_links(page) == [["Europe", "true"]]

    page.goto("/")
    assert current_links(page) == [["Home", "page"]]

    page.goto(tag.get_absolute_url())
    assert current_links(page) == []


def edge_lightness(page):
    """The lightest pixel of a thin strip at each end of the menu, half-way down: the
    paper's white where nothing is hidden, grey under the shadow that says more is there."""
    menu = page.get_by_role("navigation", name="Sections").get_by_role("list")
    shot = PILImage.open(BytesIO(menu.screenshot())).convert("L")
    width, height = shot.size
    rows = range(height // 3, 2 * height // 3)

    def lightest(columns):
        return max(shot.getpixel((x, y)) for x in columns for y in rows)

    return lightest(range(0, 3)), lightest(range(width - 3, width))


def test_phone_menu_shows_that_it_scrolls(new_context):
    for name in ("World", "Europe", "Politics", "Business", "Technology", "Culture", "Science"):
        make_section(name=name, slug=name.lower())
    page = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    page.goto("/")
    menu = page.get_by_role("navigation", name="Sections").get_by_role("list")
    assert menu.evaluate("list => list.scrollWidth > list.clientWidth"), "the menu overflows"

    left, right = edge_lightness(page)
    assert left == 255, "nothing is hidden to the left"
    assert right < 235, "a shadow on the right says more sections are there"

    menu.evaluate("list => { list.scrollLeft = list.scrollWidth; }")
    left, right = edge_lightness(page)
    assert left < 235, "a shadow on the left once the reader has scrolled"
    assert right == 255, "nothing is hidden to the right at the end"

    # The current section is scrolled into view on its own page.
    page.goto("/section/science/")
    expect(menu.get_by_role("link", name="Science")).to_be_in_viewport(ratio=1)


def test_desktop_menu_shows_no_scroll_shadow(page):
    for name in ("World", "Europe", "Politics"):
        make_section(name=name, slug=name.lower())
    page.set_viewport_size(DESKTOP)

    page.goto("/")

    assert edge_lightness(page) == (255, 255)


def test_article_prints_alone(page):
    ports = make_tag(name="Ports", slug="ports")
    for n in range(3):
        make_article(title=f"An older story {n}", tags=[ports])
    article = publish_story(
        body=(
            '<p>The <a href="https://example.org/communique">communiqué</a> was published.</p>'
            '<p>See <a href="/articles/elsewhere/">our report</a>.</p>'
        ),
        tags=[ports],
    )

    page.goto(article.get_absolute_url())
    expect(page.get_by_role("region", name="Cookie consent")).to_be_visible()
    expect(page.get_by_role("region", name="You may also like")).to_be_visible()
    page.emulate_media(media="print")

    expect(page.get_by_role("heading", level=1)).to_have_text(article.title)
    expect(page.locator(".article-body")).to_be_visible()
    expect(page.get_by_role("img", name="Flags outside the venue")).to_be_visible()
    expect(page.get_by_role("banner").locator(".brand")).to_be_visible()
    for hidden in (
        page.get_by_role("region", name="Cookie consent"),
        page.get_by_role("navigation", name="Sections"),
        page.get_by_role("navigation", name="Breadcrumb"),
        page.get_by_role("search"),
        page.get_by_role("region", name="You may also like"),
        page.get_by_role("heading", name="Leave a Comment"),
        page.get_by_role("list", name="Tags"),
        page.get_by_role("contentinfo"),
        page.get_by_role("link", name="Skip to content"),
    ):
        expect(hidden).to_be_hidden()
    after = "a => getComputedStyle(a, '::after').content"
    body = page.locator(".article-body")
    assert body.get_by_role("link", name="communiqué").evaluate(after) == (
        '" (https://example.org/communique)"'
    )
    assert body.get_by_role("link", name="our report").evaluate(after) == "none"


def test_browser_finds_the_site_icon(page):
    response = page.goto("/favicon.ico")

    assert response.status == 200
    assert response.headers["content-type"] in {"image/x-icon", "image/vnd.microsoft.icon"}
    assert response.body()[:4] == b"\x00\x00\x01\x00", "an ICO file"
    first = response.request.redirected_from
    assert first.url.endswith("/favicon.ico")
    assert first.response().status == 301

    page.goto("/")
    for link in page.locator("link[rel~=icon], link[rel=apple-touch-icon]").all():
        icon = page.request.get(link.get_attribute("href"))
        assert icon.status == 200, link.get_attribute("href")
        assert icon.headers["content-type"].startswith("image/"), link.get_attribute("href")

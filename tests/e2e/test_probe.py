import pytest
from tests.factories import make_article, make_author, make_image, make_section, make_tag

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_probe(page, browser_problems, live_server, settings):
    print("SERVE_MEDIA", getattr(settings, "SERVE_MEDIA", None))
    a = make_article(
        title="Ministers meet in Stockholm to discuss the Baltic security arrangements",
        featured_image=make_image(alt_text="Flags", caption="The venue", credit="Photo: Staff"),
        tags=[make_tag(name="Diplomacy")],
        body="<p>See https://example.com/a-very-long-address-without-any-breaks-at-all-in-it-whatsoever-really-long-indeed</p><p>Supercalifragilisticexpialidocious-Donaudampfschifffahrtsgesellschaftskapitän</p>",
    )
    page.set_viewport_size({"width": 390, "height": 844})
    r = page.goto(live_server.url + a.get_absolute_url())
    print(r.status, r.headers.get("content-security-policy"))
    print(page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]"))
    print(page.evaluate("[...document.images].map(i => [i.currentSrc, i.complete, i.naturalWidth])"))
    print(page.evaluate("getComputedStyle(document.querySelector('.brand')).fontFamily"))
    print(page.evaluate("getComputedStyle(document.querySelector('.breadcrumb li + li'), '::before').content"))
    print(repr(page.locator('.article-header .byline').text_content()))
    print(repr(page.locator('.article-header .byline').inner_text()))
    print(repr(page.locator('.breadcrumb').inner_text()))
    print(browser_problems.console_errors, browser_problems.page_errors, browser_problems.csp_violations())
    r = page.goto(live_server.url + "/articles/nope/")
    print(r.status, browser_problems.console_errors, browser_problems.csp_violations())
    page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1'; document.body.append(s); }")
    page.wait_for_timeout(100)
    print(page.evaluate("window.__ran"), browser_problems.csp_violations(), browser_problems.console_errors)

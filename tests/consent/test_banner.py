"""The consent banner on the server: who sees it, what it sends and logs, what caches are told."""

import json
from urllib.parse import quote

import lxml.html
import pytest
from cookie_consent.models import ACTION_ACCEPTED, ACTION_DECLINED, CookieGroup, LogItem
from django.core.checks import Warning as CheckWarning
from django.test import Client
from django.urls import reverse
from django.utils.cache import has_vary_header

from consent import services
from newsroom.checks import check_consent_cookie_secure
from tests.factories import make_article

pytestmark = pytest.mark.django_db

BANNER_TEXT = (
    "This website sets optional cookies only if you accept them: functional cookies "
    "remember your details for the comment form, and analytics cookies count visits. "
    "Until you choose, and if you opt out, it uses only the cookies it needs to work. "
    "You can change your choice at any time in Cookie settings."
)
BANNER = "data-cookie-banner"
REMEMBER_DISABLED = 'id="id_remember" disabled'
GPC = {"Sec-GPC": "1"}


@pytest.fixture
def article(db):
    return make_article(title="Talks in Stockholm", slug="talks")


def page(client, url="/", **headers) -> str:
    return client.get(url, headers=headers).content.decode()


def status(client, **headers) -> dict:
    return client.get(reverse("cookie_consent_status"), headers=headers).json()


def banner_text(html: str) -> str:
    """The message of the server-rendered banner, as a reader sees it."""
    [paragraph] = lxml.html.fromstring(html).xpath(
        "//section[@data-cookie-banner]//p[@class='cookie-banner-text']"
    )
    return " ".join(paragraph.text_content().split())


def group(varname: str) -> CookieGroup:
    return CookieGroup.objects.get(varname=varname)


# Who sees the banner -----------------------------------------------------------------------


def test_first_visit_shows_the_banner_with_accept_opt_out_and_read_more(client, article):
    html = page(client, article.get_absolute_url())

    assert banner_text(html) == BANNER_TEXT
    assert 'aria-label="Cookie consent"' in html
    assert 'action="/cookies/accept/"' in html
    assert 'action="/cookies/decline/"' in html
    assert ">Accept</button>" in html
    assert ">Opt out</button>" in html
    # Plain forms that come back to this page, for every group still waiting for a choice.
    assert f'name="next" value="{article.get_absolute_url()}"' in html
    assert html.count('name="cookie_groups" value="functional"') == 2
    assert html.count('name="cookie_groups" value="analytics"') == 2
    # And what the script needs to do the same without a reload.
    assert '<template id="cookie-consent__cookie-bar" data-status-url="/cookies/status/">' in html
    assert 'id="cookie-consent__cookie-groups" type="application/json"' in html
    assert 'src="/static/js/consent.js"' in html


def test_a_visitor_who_chose_gets_no_banner_and_no_banner_script(client, accept, article):
    accept(client, "functional", "analytics")

    html = page(client, article.get_absolute_url())

    assert BANNER not in html
    assert "consent.js" not in html
    assert "cookie-consent__cookie-bar" not in html


def test_declining_everything_also_ends_the_banner(client, decline):
    decline(client, "functional", "analytics")
    assert BANNER not in page(client)


@pytest.mark.parametrize("url", ["/", "/articles/talks/", "/cookies/status/"])
def test_a_first_visit_sets_no_cookie_at_all(article, url):
    # Not even the CSRF token: the banner's and the comment form's posts need none.
    response = Client().get(url)

    assert response.status_code == 200
    assert not response.cookies


def test_the_footer_of_every_page_links_to_cookie_settings(client, article):
    for url in ("/", article.get_absolute_url(), "/privacy/", "/no-such-page/"):
        assert '<a href="/cookies/">Cookie settings</a>' in page(client, url), url


# Caches ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["/", "/articles/talks/", "/privacy/", "/cookies/", "/cookies/status/", "/nowhere/"]
)
def test_every_page_and_the_status_vary_on_the_cookie_and_gpc(client, article, url):
    response = client.get(url)

    assert has_vary_header(response, "Cookie"), url
    assert has_vary_header(response, "Sec-GPC"), url


def test_two_visitors_with_different_choices_get_different_pages(accept, article):
    undecided, decided = Client(), Client()
    accept(decided, "functional", "analytics")

    first = undecided.get(article.get_absolute_url())
    second = decided.get(article.get_absolute_url())

    assert BANNER in first.content.decode()
    assert BANNER not in second.content.decode()
    assert REMEMBER_DISABLED in first.content.decode()
    assert REMEMBER_DISABLED not in second.content.decode()
    assert has_vary_header(first, "Cookie")
    assert has_vary_header(second, "Cookie")


# Choosing ----------------------------------------------------------------------------------


def test_accepting_without_javascript_returns_to_the_page_and_is_logged(client, article):
    response = client.post(
        reverse("cookie_consent_accept"),
        {"cookie_groups": ["functional", "analytics"], "next": article.get_absolute_url()},
    )

    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url()
    value = response.cookies["cookie_consent"].value
    assert f"functional={group('functional').get_version()}" in value
    assert f"analytics={group('analytics').get_version()}" in value
    assert response.cookies["cookie_consent"]["httponly"]
    logged = {
        (item.cookiegroup.varname, item.action, item.version) for item in LogItem.objects.all()
    }
    assert logged == {
        ("functional", ACTION_ACCEPTED, group("functional").get_version()),
        ("analytics", ACTION_ACCEPTED, group("analytics").get_version()),
    }
    assert BANNER not in page(client, response["Location"])


def test_opting_out_is_a_choice_too_and_is_logged(client, decline):
    response = decline(client, "functional", "analytics")

    assert response.status_code == 302
    assert response.cookies["cookie_consent"].value == "functional=-1|analytics=-1"
    assert set(LogItem.objects.values_list("action", flat=True)) == {ACTION_DECLINED}


def test_the_scripted_banner_saves_without_a_redirect(client, accept):
    response = accept(client, "functional", "analytics", **{"X-Cookie-Consent-Fetch": "1"})

    assert response.status_code == 200
    assert "functional=" in response.cookies["cookie_consent"].value


def test_the_status_tells_the_script_what_is_pending(client, accept):
    assert status(client)["notAcceptedOrDeclinedCookieGroups"] == ["functional", "analytics"]

    accept(client, "functional")

    answer = status(client)
    assert answer["acceptedCookieGroups"] == ["functional"]
    assert answer["notAcceptedOrDeclinedCookieGroups"] == ["analytics"]


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "javascript:x"])
def test_an_off_site_next_is_refused(client, target):
    response = client.post(
        reverse("cookie_consent_accept"), {"cookie_groups": "functional", "next": target}
    )

    assert response.status_code == 302
    assert response["Location"] == "/cookies/"


def test_a_new_policy_version_asks_again(client, accept, article):
    accept(client, "functional", "analytics")
    assert BANNER not in page(client, article.get_absolute_url())

    assert services.ask_again(group("functional"))

    html = page(client, article.get_absolute_url())
    assert BANNER in html
    assert 'name="cookie_groups" value="functional"' in html
    assert 'name="cookie_groups" value="analytics"' not in html  # that choice still stands
    assert REMEMBER_DISABLED in html  # the old "yes" no longer counts


def test_adding_a_cookie_to_a_group_asks_again(client, accept):
    accept(client, "analytics")
    group("analytics").cookie_set.create(name="_pk_ref", description="Matomo: referrer.")

    assert status(client)["notAcceptedOrDeclinedCookieGroups"] == ["functional", "analytics"]


# Global Privacy Control -------------------------------------------------------------------


def test_gpc_declines_analytics_without_asking(client, article):
    html = page(client, article.get_absolute_url(), **GPC)

    assert BANNER in html  # functional cookies are still a choice
    assert "Your browser sends Global Privacy Control" in html
    assert 'name="cookie_groups" value="functional"' in html
    assert 'name="cookie_groups" value="analytics"' not in html
    answer = status(client, **GPC)
    assert answer["declinedCookieGroups"] == ["analytics"]
    assert answer["notAcceptedOrDeclinedCookieGroups"] == ["functional"]


def test_gpc_wins_over_an_earlier_accept(client, accept):
    accept(client, "functional", "analytics")

    answer = status(client, **GPC)

    assert answer["acceptedCookieGroups"] == ["functional"]
    assert answer["declinedCookieGroups"] == ["analytics"]
    assert BANNER not in page(client, **GPC)


def test_the_settings_page_explains_gpc(client):
    html = page(client, "/cookies/", **GPC)
    assert "Off: your browser sends Global Privacy Control." in html
    assert html.count('name="cookie_groups" value="analytics"') == 0


# Bad input ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "",
        "garbage",
        "|||",
        "=",
        "==|=",
        "analytics",
        "analytics=",
        "analytics=zzz",  # compares above any real version as a string
        "analytics=9999-12-31T00:00:00+00:00",  # a version from the future
        "analytics=2020-01-01T00:00:00",  # no time zone: not a version the site writes
        "analytics=2020-01-01T00:00:00+00:00",  # an old version: asked again
        "unknown=-1|functional=yes",
        "analytics=-1=-1",
        "functional=\u00e9t\u00e9",
        "x" * 4000,
    ],
)
def test_forged_or_malformed_consent_cookies_mean_no_consent(client, article, value):
    client.cookies["cookie_consent"] = value

    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert BANNER in html
    assert REMEMBER_DISABLED in html
    assert status(client)["acceptedCookieGroups"] == []
    assert client.get(reverse("cookie_consent_cookie_group_list")).status_code == 200


@pytest.mark.parametrize("action", ["accept", "decline"])
@pytest.mark.parametrize("fetch", [False, True], ids=["form", "script"])
@pytest.mark.parametrize(
    "data",
    [
        {"cookie_groups": "bogus"},
        {"cookie_groups": ["functional", "bogus"]},
        {"cookie_groups": "necessary"},  # always on: not a choice
        {"cookie_groups": ""},
        {"cookie_groups": "a" * 5000},
    ],
)
def test_unknown_groups_in_accept_and_decline_change_nothing(client, action, fetch, data):
    headers = {"X-Cookie-Consent-Fetch": "1"} if fetch else {}

    response = client.post(reverse(f"cookie_consent_{action}"), data, headers=headers)

    assert response.status_code < 500
    assert "cookie_consent" not in response.cookies
    assert not LogItem.objects.exists()
    assert status(client)["notAcceptedOrDeclinedCookieGroups"] == ["functional", "analytics"]


def test_choices_are_only_accepted_by_post(client):
    assert client.get(reverse("cookie_consent_accept")).status_code == 405
    assert client.get(reverse("cookie_consent_decline")).status_code == 405


def test_choices_from_another_site_are_refused():
    response = Client(enforce_csrf_checks=True).post(
        reverse("cookie_consent_accept"),
        {"cookie_groups": "analytics"},
        headers={"Origin": "https://elsewhere.example", "Sec-Fetch-Site": "cross-site"},
    )
    assert response.status_code == 403
    assert not LogItem.objects.exists()


# The comment form's "Save my name…" cookie --------------------------------------------------


def test_without_functional_consent_the_box_is_disabled_and_says_why(client, article):
    html = page(client, article.get_absolute_url())

    assert REMEMBER_DISABLED in html
    assert 'aria-describedby="remember-needs-consent"' in html
    assert "needs functional cookies, which you have not accepted" in html
    assert 'You can accept them in <a href="/cookies/">Cookie settings</a>' in html


def test_with_functional_consent_the_box_works(client, accept, article):
    accept(client, "functional")
    html = page(client, article.get_absolute_url())
    assert 'type="checkbox" name="remember"' in html
    assert REMEMBER_DISABLED not in html
    assert "remember-needs-consent" not in html


def test_ticking_the_box_without_consent_sets_no_cookie(client, akismet, article):
    response = client.post(
        reverse("comments:post", args=[article.pk]),
        {
            "author_name": "Ana",
            "author_email": "ana@example.com",
            "content": "Remember me?",
            "remember": "on",
        },
    )

    assert response.status_code == 302
    assert "comment_author" not in response.cookies


def test_remembered_details_never_appear_in_server_html(client, accept, article):
    accept(client, "functional")
    details = {"name": "Secret Name", "email": "secret@example.com", "url": "https://x.example"}
    client.cookies["comment_author"] = quote(json.dumps(details))

    html = page(client, article.get_absolute_url())

    for value in details.values():
        assert value not in html
    assert "secret%40example.com" not in html


def test_withdrawing_functional_consent_deletes_the_remember_cookie(client, accept, decline):
    accept(client, "functional")
    client.cookies["comment_author"] = quote('{"name":"Ana"}')

    response = decline(client, "functional")

    assert response.cookies["comment_author"].value == ""
    assert response.cookies["comment_author"]["max-age"] == 0


def test_a_remember_cookie_without_consent_is_deleted_on_the_next_page(client):
    client.cookies["comment_author"] = quote('{"name":"Ana"}')

    response = client.get("/")

    assert response.cookies["comment_author"]["max-age"] == 0


# The admin and deployment ------------------------------------------------------------------


def test_every_choice_is_in_the_admin_with_its_version(admin_client, accept):
    accept(Client(), "analytics")

    html = admin_client.get(reverse("admin:cookie_consent_logitem_changelist")).content.decode()

    assert "Analytics" in html
    assert group("analytics").get_version() in html
    assert admin_client.get(reverse("admin:cookie_consent_logitem_add")).status_code == 403


def test_the_admin_can_ask_visitors_again(admin_client, client, accept):
    accept(client, "functional")
    analytics, functional = group("analytics"), group("functional")

    response = admin_client.post(
        reverse("admin:cookie_consent_cookiegroup_changelist"),
        {"action": "ask_again", "_selected_action": [functional.pk]},
        follow=True,
    )

    assert "Visitors will be asked again about: Functional." in response.content.decode()
    assert group("analytics").get_version() == analytics.get_version()
    assert status(client)["notAcceptedOrDeclinedCookieGroups"] == ["functional", "analytics"]


def test_the_deploy_check_wants_a_secure_consent_cookie_with_https(settings):
    settings.SESSION_COOKIE_SECURE = True
    settings.COOKIE_CONSENT_SECURE = False
    [warning] = check_consent_cookie_secure(None)
    assert isinstance(warning, CheckWarning)
    assert warning.id == "newsroom.W002"

    settings.COOKIE_CONSENT_SECURE = True
    assert check_consent_cookie_secure(None) == []

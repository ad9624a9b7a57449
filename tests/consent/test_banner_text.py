"""The banner's wording: what a first-time visitor reads, and how a site admin changes it."""

import lxml.html
import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from consent.models import BannerText

pytestmark = pytest.mark.django_db

READ_MORE_NAME = "Read More about cookies in our Privacy & Cookies Policy"


def text(node) -> str:
    return " ".join(node.text_content().split())


def banners(html: str) -> list:
    """The server's banner and the copy consent.js shows, as parsed trees."""
    document = lxml.html.fromstring(html)
    [template] = document.xpath("//template[@id='cookie-consent__cookie-bar']")
    # lxml keeps a <template>'s markup as children of the element itself.
    return document.xpath("//section[@data-cookie-banner]") + template.xpath(".//section")


def test_the_banner_says_what_the_site_does_and_assumes_nothing(client):
    for banner in banners(client.get("/").content.decode()):
        message = text(banner.xpath(".//p[@class='cookie-banner-text']")[0])
        assert message.startswith("This website sets optional cookies only if you accept them")
        assert "Until you choose, and if you opt out, it uses only the cookies" in message
        assert "assume" not in message
        buttons = [text(button) for button in banner.xpath(".//button")]
        assert buttons == ["Accept", "Opt out"]


def test_read_more_says_where_it_leads(client):
    for banner in banners(client.get("/").content.decode()):
        [link] = banner.xpath(".//a[@href='/privacy/']")
        # Sighted readers see "Read More"; the accessible name carries the destination.
        assert "".join(link.xpath("text()")) == "Read More"
        assert text(link) == READ_MORE_NAME
        [hidden] = link.xpath("./span[@class='visually-hidden']")
        assert text(hidden) == "about cookies in our Privacy & Cookies Policy"


def test_the_migration_created_the_single_row_with_the_default_wording():
    assert list(BannerText.objects.values_list("pk", "message")) == [
        (BannerText.SINGLETON_PK, BannerText.DEFAULT_MESSAGE)
    ]


def test_a_site_admin_changes_the_wording_and_visitors_read_it_at_once(banner_editor):
    visitor = Client()
    visitor.get("/")  # the message is cached now
    staff = Client()
    staff.force_login(banner_editor)

    # The list has one row: it opens the change form directly.
    listing = staff.get(reverse("admin:consent_bannertext_changelist"))
    change_url = reverse("admin:consent_bannertext_change", args=[BannerText.SINGLETON_PK])
    assert listing.status_code == 302
    assert listing["Location"] == change_url
    form = lxml.html.fromstring(staff.get(change_url).content)
    assert text(form.xpath("//textarea[@name='message']")[0]) == BannerText.DEFAULT_MESSAGE

    new = "We use cookies to remember your comment details and count visits, only if you agree."
    response = staff.post(change_url, {"message": new}, follow=True)

    assert response.status_code == 200
    assert "was changed successfully" in text(lxml.html.fromstring(response.content))
    for banner in banners(visitor.get("/").content.decode()):
        assert text(banner.xpath(".//p[@class='cookie-banner-text']")[0]) == new


def test_an_empty_or_overlong_message_is_refused_with_a_clear_error(banner_editor, client):
    client.force_login(banner_editor)
    change_url = reverse("admin:consent_bannertext_change", args=[BannerText.SINGLETON_PK])

    for message, error in [
        ("   ", "This field is required."),
        ("x" * 601, "Ensure this value has at most 600 characters (it has 601)."),
    ]:
        response = client.post(change_url, {"message": message})
        assert response.status_code == 200
        errors = lxml.html.fromstring(response.content).xpath("//ul[@class='errorlist']")
        assert error in [text(node) for node in errors]
    assert BannerText.objects.get().message == BannerText.DEFAULT_MESSAGE


def test_there_is_never_a_second_banner_nor_none(banner_editor, client):
    # Even with the add and delete permissions, the single row stays single.
    banner_editor.user_permissions.add(
        *Permission.objects.filter(codename__in=["add_bannertext", "delete_bannertext"])
    )
    client.force_login(banner_editor)

    assert client.get(reverse("admin:consent_bannertext_add")).status_code == 403
    delete = reverse("admin:consent_bannertext_delete", args=[BannerText.SINGLETON_PK])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert BannerText.objects.count() == 1


def test_staff_without_the_permission_cannot_edit_the_banner(journalist_client):
    change_url = reverse("admin:consent_bannertext_change", args=[BannerText.SINGLETON_PK])
    assert journalist_client.get(change_url).status_code == 403
    response = journalist_client.post(change_url, {"message": "Hijacked."})
    assert response.status_code == 403
    assert BannerText.objects.get().message == BannerText.DEFAULT_MESSAGE

"""Commenters' addresses read from REMOTE_ADDR and X-Forwarded-For, whatever the header holds."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from comments.addresses import client_ip, parse_address
from comments.models import Comment
from tests.factories import make_article

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.1"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("198.51.100.7", "198.51.100.7"),
        (" 198.51.100.7 ", "198.51.100.7"),
        ("198.51.100.7:5678", "198.51.100.7"),
        ("2001:db8::1", "2001:db8::1"),
        ("2001:DB8:0:0:0:0:0:1", "2001:db8::1"),
        ("[2001:db8::1]", "2001:db8::1"),
        ("[2001:db8::1]:443", "2001:db8::1"),
        ("[::1]", "::1"),
        ('"[2001:db8::1]:443"', "2001:db8::1"),  # quoted, as in RFC 7239
        ("fe80::1%eth0", "fe80::1"),
        ("::ffff:198.51.100.7", "198.51.100.7"),
        ("[::ffff:198.51.100.7]:80", "198.51.100.7"),
        ("unknown", None),
        ("_hidden", None),
        ("junk", None),
        ("proxy.example.com", None),
        ("", None),
        ("198.51.100.7:", None),
        ("198.51.100.7:http", None),
        ("999.1.1.1", None),
        ("01.2.3.4", None),
        ("[2001:db8::1", None),
        ("[2001:db8::1]443", None),
        ("[junk]:443", None),
        ("1.2.3.4%eth0", None),
    ],
)
def test_parse_address(value, expected):
    assert parse_address(value) == expected


@pytest.mark.parametrize(
    ("forwarded", "proxies", "expected"),
    [
        ("198.51.100.7", 1, "198.51.100.7"),
        ("198.51.100.7:5678", 1, "198.51.100.7"),
        ("[2001:db8::1]:443", 1, "2001:db8::1"),
        ("[::1]", 1, "::1"),
        # The client may claim anything before what our proxy wrote.
        ("203.0.113.9, 198.51.100.7:80", 1, "198.51.100.7"),
        ("203.0.113.9, 198.51.100.7, 10.0.0.2", 2, "198.51.100.7"),
        # What our proxy wrote is unreadable: the proxy's own address stands in.
        ("unknown", 1, PROXY),
        ("junk", 1, PROXY),
        ("198.51.100.7, unknown", 1, PROXY),
        ("", 1, PROXY),
        (None, 1, PROXY),
        ("198.51.100.7", 2, PROXY),  # fewer entries than proxies
        # Without trusted proxies the header is the client's claim: ignored.
        ("198.51.100.7", 0, PROXY),
    ],
)
def test_client_ip(settings, forwarded, proxies, expected):
    settings.COMMENTS_TRUSTED_PROXIES = proxies
    headers = {} if forwarded is None else {"HTTP_X_FORWARDED_FOR": forwarded}
    request = RequestFactory().get("/", REMOTE_ADDR=PROXY, **headers)

    assert client_ip(request) == expected


@pytest.mark.parametrize("remote", ["[2001:db8::5]:51234", "198.51.100.5:51234"])
def test_remote_addr_with_a_port_is_read_too(settings, remote):
    settings.COMMENTS_TRUSTED_PROXIES = 0
    request = RequestFactory().get("/", REMOTE_ADDR=remote)

    assert client_ip(request) == remote.rsplit(":", 1)[0].strip("[]")


def post(client, article, *, email="ana@example.com", remote=PROXY, **headers):
    return client.post(
        reverse("comments:post", args=[article.pk]),
        {"author_name": "Ana", "author_email": email, "content": f"A comment from {email}."},
        REMOTE_ADDR=remote,
        **headers,
    )


@pytest.mark.parametrize(
    ("forwarded", "stored"),
    [
        ("198.51.100.7:5678", "198.51.100.7"),
        ("[2001:db8::1]:443", "2001:db8::1"),
        ("[::1]", "::1"),
        ("unknown", PROXY),
        ("<script>", PROXY),
    ],
)
def test_a_comment_keeps_the_address_and_akismet_is_told_it(
    client, akismet, akismet_server, settings, forwarded, stored
):
    settings.COMMENTS_TRUSTED_PROXIES = 1

    post(client, make_article(), HTTP_X_FORWARDED_FOR=forwarded)

    assert Comment.objects.get().ip_address == stored
    (check,) = akismet_server.calls("comment-check")
    assert check["user_ip"] == stored


@pytest.mark.parametrize("forwarded", ["unknown", "junk", "1.2.3.4:port", "[::1"])
def test_a_junk_header_does_not_lift_the_rate_limit(client, akismet, settings, forwarded):
    settings.COMMENTS_TRUSTED_PROXIES = 1
    article = make_article()

    first = post(client, article, email="one@example.com", HTTP_X_FORWARDED_FOR=forwarded)
    second = post(client, article, email="two@example.com", HTTP_X_FORWARDED_FOR=forwarded)

    assert first.status_code == 302
    assert second.status_code == 429
    assert "posting comments too quickly" in second.content.decode()
    assert Comment.objects.count() == 1


def test_the_rate_limit_holds_when_no_address_can_be_read(client, akismet, settings):
    # A server on a Unix socket gives no REMOTE_ADDR; the proxy's header is junk.
    settings.COMMENTS_TRUSTED_PROXIES = 1
    article = make_article()

    first = post(client, article, email="one@example.com", remote="", HTTP_X_FORWARDED_FOR="?")
    second = post(client, article, email="two@example.com", remote="", HTTP_X_FORWARDED_FOR="?")

    assert first.status_code == 302
    assert Comment.objects.get().ip_address is None
    assert second.status_code == 429

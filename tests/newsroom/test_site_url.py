"""NEWSROOM_SITE_URL: the one public address of feeds, sitemaps, feed ids, e-mails and Sites."""

import feedparser
import pytest
from django.contrib.auth.models import Group
from django.contrib.sites.models import Site
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from lxml import etree

from articles import sites
from newsroom import checks
from tests.factories import make_article, make_comment, make_user
from tests.newsroom.test_security import deploy_check

pytestmark = pytest.mark.django_db


@pytest.fixture
def public_site(settings):
    settings.NEWSROOM_SITE_URL = "https://news.example.com"
    call_command("migrate", verbosity=0)  # every deploy runs it: the Sites record follows
    return Site.objects.get_current()


def test_migrate_writes_the_address_into_the_sites_record(public_site):
    assert (public_site.domain, public_site.name) == ("news.example.com", "Newsroom")


def test_the_development_default_is_what_make_run_serves():
    assert Site.objects.get_current().domain == "127.0.0.1:8000"


def test_feeds_link_to_the_public_https_address(client, public_site):
    article = make_article(title="Harbour reopens")
    response = client.get(reverse("articles:feed"))  # asked over plain HTTP
    parsed = feedparser.parse(response.content)
    (entry,) = parsed.entries
    assert parsed.feed.link == "https://news.example.com/"
    assert entry.link == f"https://news.example.com{article.get_absolute_url()}"
    assert entry.id.startswith("tag:news.example.com,")
    (self_link,) = [link.href for link in parsed.feed.links if link.rel == "self"]
    assert self_link == "https://news.example.com/feed/"


def test_sitemaps_use_the_public_https_address(client, public_site):
    article = make_article()
    index = etree.fromstring(client.get(reverse("sitemap")).content)
    locations = index.xpath("//*[local-name()='loc']/text()")
    assert locations and all(loc.startswith("https://news.example.com/") for loc in locations)
    articles = etree.fromstring(client.get(reverse("sitemap-section", args=["articles"])).content)
    assert articles.xpath("//*[local-name()='loc']/text()") == [
        f"https://news.example.com{article.get_absolute_url()}"
    ]


def test_moderators_digest_links_to_the_public_address(public_site):
    make_user(email="mod@example.com", groups=[Group.objects.get(name="Moderators")])
    make_comment(status="pending", verdict="unchecked")
    call_command("notify_moderators")
    (message,) = mail.outbox
    assert "https://news.example.com/admin/comments/comment/?queue=review" in message.body


@pytest.mark.parametrize(
    "url", ["news.example.com", "ftp://news.example.com", "https://news.example.com/news/", ""]
)
def test_an_unusable_address_is_a_check_error(settings, url):
    settings.NEWSROOM_SITE_URL = url
    (error,) = checks.check_site_url(None)
    assert error.id == "newsroom.E002"
    assert sites.address_problem(url) in error.msg


@pytest.mark.parametrize(
    "env",
    [
        {"NEWSROOM_SITE_URL": ""},
        {"NEWSROOM_SITE_URL": "http://localhost:8000"},
        {"NEWSROOM_SITE_URL": "http://127.0.0.1:8000"},
        {"NEWSROOM_SITE_URL": "http://[::1]:8000"},
    ],
)
def test_deploy_check_fails_without_a_public_address(env):
    result = deploy_check(**env)
    assert result.returncode != 0
    assert "newsroom.E003" in result.stderr


def test_deploy_check_passes_with_a_public_address():
    result = deploy_check(NEWSROOM_SITE_URL="https://news.example.com")
    assert result.returncode == 0, result.stderr

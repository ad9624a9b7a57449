"""Every public URL answers the methods it supports and 405 to the others."""

import pytest
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse

from tests.factories import (
    make_article,
    make_author,
    make_comment,
    make_image,
    make_section,
    make_tag,
)

pytestmark = pytest.mark.django_db

UNSUPPORTED = ["TRACE", "PUT", "DELETE", "PATCH"]
# Tested as the journalist who previews a draft.
STAFF_ONLY = {"articles:preview"}


def url_names(patterns=None, namespace=""):
    """The names of every URL pattern outside the admin."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            if pattern.app_name == "admin":
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_names(pattern.url_patterns, inner)
        elif pattern.name:
            yield f"{namespace}{pattern.name}"


@pytest.fixture
def public_urls(db):
    """One address for each public URL pattern, with rows for it to show."""
    section = make_section(slug="world")
    tag, author = make_tag(slug="climate"), make_author(slug="anna")
    image = make_image()
    article = make_article(
        slug="talks", section=section, tags=[tag], authors=[author], featured_image=image
    )
    comment = make_comment(article=article)
    # A flat page reached through the fallback middleware rather than a URL pattern.
    about = FlatPage.objects.create(url="/about/", title="About", content="<p>About us.</p>")
    about.sites.add(Site.objects.get_current())
    urls = {
        "privacy": reverse("privacy"),
        "robots": reverse("robots"),
        "favicon": reverse("favicon"),
        "health:site": reverse("health:site"),
        "health:tasks": reverse("health:tasks"),
        "sitemap": reverse("sitemap"),
        "sitemap-news": reverse("sitemap-news"),
        "sitemap-section": reverse("sitemap-section", args=["articles"]),
        "cookie_consent_cookie_group_list": reverse("cookie_consent_cookie_group_list"),
        "cookie_consent_status": reverse("cookie_consent_status"),
        "cookie_consent_accept": reverse("cookie_consent_accept"),
        "cookie_consent_decline": reverse("cookie_consent_decline"),
        "comments:post": reverse("comments:post", args=[article.pk]),
        "comments:report": reverse("comments:report", args=[comment.pk]),
        "articles:home": reverse("articles:home"),
        "articles:detail": article.get_absolute_url(),
        "articles:section": section.get_absolute_url(),
        "articles:tag": tag.get_absolute_url(),
        "articles:author": author.get_absolute_url(),
        "articles:search": reverse("articles:search") + "?q=talks",
        "articles:feed": reverse("articles:feed"),
        "articles:feed-atom": reverse("articles:feed-atom"),
        "media": image.file.url,
        "flatpage": about.url,
    }
    for kind, owner in (("section", section), ("tag", tag), ("author", author)):
        for suffix in ("", "-atom"):
            name = f"articles:{kind}-feed{suffix}"
            urls[name] = reverse(name, args=[owner.slug])
    return urls


def test_every_public_url_pattern_is_crawled(public_urls):
    assert set(url_names()) <= set(public_urls) | STAFF_ONLY


@pytest.mark.parametrize("method", UNSUPPORTED)
def test_unsupported_methods_are_405_everywhere(client, public_urls, method):
    answers = {name: client.generic(method, url).status_code for name, url in public_urls.items()}

    assert answers == dict.fromkeys(public_urls, 405)


def test_trace_is_405_with_csrf_checks_on(public_urls):
    # TRACE is a safe method: CSRF protection lets it through to the view.
    client = Client(enforce_csrf_checks=True)

    answers = {name: client.trace(url).status_code for name, url in public_urls.items()}

    assert answers == dict.fromkeys(public_urls, 405)


@pytest.mark.parametrize("name", ["articles:feed", "sitemap", "privacy", "media", "flatpage"])
def test_get_and_head_still_answer(client, public_urls, name):
    assert client.get(public_urls[name]).status_code == 200
    assert client.head(public_urls[name]).status_code == 200


@pytest.mark.parametrize("method", UNSUPPORTED)
def test_the_staff_preview_refuses_unsupported_methods(journalist_client, method):
    draft = make_article(status="draft", published_at=None)
    url = reverse("articles:preview", args=[draft.pk])

    assert journalist_client.get(url).status_code == 200
    assert journalist_client.generic(method, url).status_code == 405


def test_the_comment_endpoint_refuses_get(client, public_urls):
    response = client.get(public_urls["comments:post"])

    assert response.status_code == 405
    assert response["Allow"] == "POST"
